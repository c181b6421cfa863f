-- 0002: full-text search over page text, the cross-matcher's matches, findings, the person's own
-- notes, and views for everyday questions.

-- Page text, searchable: SELECT … FROM pages_fts WHERE pages_fts MATCH 'deductible'.
CREATE VIRTUAL TABLE pages_fts USING fts5(text, content = 'pages', content_rowid = 'id');
CREATE TRIGGER pages_fts_insert AFTER INSERT ON pages BEGIN
  INSERT INTO pages_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER pages_fts_delete AFTER DELETE ON pages BEGIN
  INSERT INTO pages_fts(pages_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

-- A bill matched to an EOB/MSN claim, or a collection letter to the bill it comes from.
CREATE TABLE matches (
  id           INTEGER PRIMARY KEY,
  left_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,   -- the bill or the letter
  right_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,   -- the EOB/MSN or the bill
  claim_ordinal INTEGER,             -- which claim of the right document, for bill ↔ claim
  claim_number TEXT,
  score        REAL NOT NULL,
  keys         TEXT NOT NULL          -- what made the match, e.g. "account_number,billed_total"
);
CREATE INDEX matches_left ON matches(left_id);

CREATE TABLE findings (
  id           INTEGER PRIMARY KEY,
  rule         TEXT NOT NULL,         -- DOMAIN.md §4 name, e.g. premature_bill
  rule_id      TEXT NOT NULL,         -- docs/RULES.md id, e.g. R-premature-01
  severity     TEXT NOT NULL CHECK (severity IN ('high', 'medium', 'info')),
  documents    TEXT NOT NULL,         -- JSON array of document ids
  amount_cents INTEGER,
  deadline     TEXT,
  summary      TEXT NOT NULL,
  next_step    TEXT NOT NULL,
  computed_for TEXT NOT NULL          -- the "today" the deadlines were computed against
);

-- The person's own record: calls, payments, agreements.
CREATE TABLE notes (
  id          INTEGER PRIMARY KEY,
  document_id TEXT REFERENCES documents(id) ON DELETE SET NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('call', 'payment', 'agreement', 'note')),
  noted_on    TEXT NOT NULL,
  text        TEXT,
  amount_cents INTEGER
);

-- Each bill with its headline figures in one row.
CREATE VIEW bills AS
SELECT d.id, s.path,
       (SELECT value_text FROM fields WHERE document_id = d.id AND name = 'provider_name') AS provider_name,
       (SELECT value_text FROM fields WHERE document_id = d.id AND name = 'account_number') AS account_number,
       (SELECT value_text FROM fields WHERE document_id = d.id AND name = 'statement_date') AS statement_date,
       (SELECT value_cents FROM fields WHERE document_id = d.id AND name = 'total_charges_cents') AS total_charges_cents,
       (SELECT value_cents FROM fields WHERE document_id = d.id AND name = 'amount_due_cents') AS amount_due_cents,
       (SELECT value_text FROM fields WHERE document_id = d.id AND name = 'insurance_status') AS insurance_status
FROM documents d JOIN sources s ON s.id = d.source_id
WHERE d.kind = 'bill';

CREATE VIEW open_findings AS
SELECT rule, severity, amount_cents, deadline, summary, next_step, documents
FROM findings
ORDER BY CASE severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END,
         deadline IS NULL, deadline, amount_cents DESC;

CREATE VIEW bills_awaiting_insurance AS
SELECT b.* FROM bills b
WHERE NOT EXISTS (SELECT 1 FROM matches m WHERE m.left_id = b.id AND m.claim_number IS NOT NULL);
