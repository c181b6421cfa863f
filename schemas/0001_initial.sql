-- 0001: sources, pages, words, documents, fields, line items, claims, checks.
-- Money is integer cents; dates are ISO 8601 text; boxes are page pixels (x0, y0, x1, y1).

CREATE TABLE sources (
  id            INTEGER PRIMARY KEY,
  path          TEXT NOT NULL,
  sha256        TEXT UNIQUE,            -- NULL when the file could not be read at all
  size_bytes    INTEGER,
  mtime_seconds INTEGER,
  media_type    TEXT,
  status        TEXT NOT NULL CHECK (status IN ('done', 'failed')),
  error         TEXT,                   -- one line, for failed sources
  page_count    INTEGER NOT NULL DEFAULT 0,
  scanned_at    TEXT NOT NULL
);
CREATE INDEX sources_path ON sources(path);

CREATE TABLE pages (
  id                   INTEGER PRIMARY KEY,
  source_id            INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  number               INTEGER NOT NULL,
  text_source          TEXT NOT NULL CHECK (text_source IN ('ocr', 'text-layer')),
  width_px             INTEGER,
  height_px            INTEGER,
  dpi                  INTEGER,
  rotation_degrees     INTEGER NOT NULL DEFAULT 0,
  rotation_confidence  REAL,
  skew_degrees         REAL,
  skew_confidence      REAL,
  mean_word_confidence REAL,             -- 0–100, as the export prints it
  text                 TEXT,
  error                TEXT,             -- the page could not be read, and why
  UNIQUE (source_id, number)
);

CREATE TABLE words (
  page_id    INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  ordinal    INTEGER NOT NULL,
  text       TEXT NOT NULL,
  x0 INTEGER, y0 INTEGER, x1 INTEGER, y1 INTEGER,
  confidence REAL,
  PRIMARY KEY (page_id, ordinal)
) WITHOUT ROWID;

CREATE TABLE documents (
  id              TEXT PRIMARY KEY,       -- stable: from the source hash and page range
  source_id       INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  first_page      INTEGER NOT NULL,
  last_page       INTEGER NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('bill', 'eob', 'msn', 'collection_letter', 'other')),
  kind_confidence REAL NOT NULL
);
CREATE INDEX documents_source ON documents(source_id);

CREATE TABLE fields (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  value_text  TEXT,
  value_cents INTEGER,
  confidence  REAL,
  page        INTEGER,
  x0 INTEGER, y0 INTEGER, x1 INTEGER, y1 INTEGER,
  PRIMARY KEY (document_id, name)
) WITHOUT ROWID;

CREATE TABLE line_items (
  document_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ordinal         INTEGER NOT NULL,
  date_of_service TEXT,
  revenue_code    TEXT,
  code            TEXT,
  description     TEXT,
  units           INTEGER,
  charge_cents    INTEGER NOT NULL,
  confidence      REAL,
  page            INTEGER,
  x0 INTEGER, y0 INTEGER, x1 INTEGER, y1 INTEGER,
  PRIMARY KEY (document_id, ordinal)
) WITHOUT ROWID;

CREATE TABLE claims (
  document_id                  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ordinal                      INTEGER NOT NULL,
  claim_number                 TEXT,
  provider_name                TEXT,
  patient_account_number       TEXT,
  network_status               TEXT,
  status                       TEXT,
  processed_date               TEXT,
  service_date_from            TEXT,
  service_date_to              TEXT,
  billed_cents                 INTEGER,
  discount_cents               INTEGER,
  not_covered_cents            INTEGER,
  allowed_cents                INTEGER,
  plan_paid_cents              INTEGER,
  deductible_cents             INTEGER,
  copay_cents                  INTEGER,
  coinsurance_cents            INTEGER,
  patient_responsibility_cents INTEGER,
  page                         INTEGER,
  PRIMARY KEY (document_id, ordinal)
) WITHOUT ROWID;

CREATE TABLE checks (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  ok          INTEGER NOT NULL,
  detail      TEXT,
  PRIMARY KEY (document_id, name)
) WITHOUT ROWID;
