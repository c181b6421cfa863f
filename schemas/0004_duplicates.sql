-- 0004: the same paper arriving as different files (a photo and a scan of one statement): each
-- extra copy points at the copy that stands for it, and only that one is matched and judged.
-- Derived from the documents, rewritten with the matches and findings.
CREATE TABLE duplicates (
  document_id  TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  duplicate_of TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  keys         TEXT NOT NULL          -- what they share: "account_number,statement_date"
);
CREATE INDEX duplicates_of ON duplicates(duplicate_of);
