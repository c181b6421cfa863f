-- 0008: the form of a kind a document was read as (extractors/kinds/: "dental" for a dental EOB),
-- and the columns of a claim's service lines that are not figures (a dental line's tooth number).
ALTER TABLE documents ADD COLUMN form TEXT;

CREATE TABLE claim_line_details (
  document_id   TEXT NOT NULL,
  claim_ordinal INTEGER NOT NULL,
  ordinal       INTEGER NOT NULL,
  name          TEXT NOT NULL,     -- the field the column's header names, e.g. tooth_number
  value         TEXT NOT NULL,     -- as printed
  PRIMARY KEY (document_id, claim_ordinal, ordinal, name),
  FOREIGN KEY (document_id, claim_ordinal, ordinal) REFERENCES claim_lines(document_id, claim_ordinal, ordinal)
    ON DELETE CASCADE
) WITHOUT ROWID;
