-- 0014: what the person said of a reading (shoebox correct / confirm, issue 23), kept beside what
-- was read, never over it. It follows the paper, not the file's row: the document it was said of,
-- and that paper's identity keys as read then (one per line), which a re-scan, a new version of the
-- file and a copy of the same paper carry too. value NULL: the reading was confirmed as read.
CREATE TABLE corrections (
  id INTEGER PRIMARY KEY,
  document_id TEXT NOT NULL,
  paper_keys TEXT NOT NULL,
  target TEXT NOT NULL,
  read_value TEXT NOT NULL,
  value TEXT,
  made_on TEXT NOT NULL
);
