-- 0006: the service lines of EOB and MSN claims, and which bill line each bill ↔ claim match paired
-- with which claim line (date, code and charge alike).
CREATE TABLE claim_lines (
  document_id                  TEXT NOT NULL,
  claim_ordinal                INTEGER NOT NULL,
  ordinal                      INTEGER NOT NULL,
  date_of_service              TEXT,
  code                         TEXT,
  description                  TEXT,
  billed_cents                 INTEGER,
  discount_cents               INTEGER,
  not_covered_cents            INTEGER,
  allowed_cents                INTEGER,
  plan_paid_cents              INTEGER,
  deductible_cents             INTEGER,
  copay_cents                  INTEGER,
  coinsurance_cents            INTEGER,
  patient_responsibility_cents INTEGER,
  remark_codes                 TEXT,   -- as printed, separated by single spaces: "PR-1 PR-3"
  confidence                   REAL,
  page                         INTEGER,
  x0 INTEGER, y0 INTEGER, x1 INTEGER, y1 INTEGER,
  PRIMARY KEY (document_id, claim_ordinal, ordinal),
  FOREIGN KEY (document_id, claim_ordinal) REFERENCES claims(document_id, ordinal) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE match_lines (
  match_id  INTEGER NOT NULL REFERENCES matches(id) ON DELETE CASCADE,
  bill_line INTEGER NOT NULL,   -- line_items.ordinal of the bill
  eob_line  INTEGER NOT NULL,   -- claim_lines.ordinal of the matched claim
  PRIMARY KEY (match_id, bill_line)
) WITHOUT ROWID;
