-- 0013: an entry of the person's record taken back (shoebox log undo ID, issue 21): the day it was,
-- NULL while it stands. A taken-back entry is kept, and counts for nothing.
ALTER TABLE notes ADD COLUMN undone_on TEXT;
