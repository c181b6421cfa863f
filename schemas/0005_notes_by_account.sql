-- 0005: the person's record (shoebox log) is kept by account, as they think of it, with who they
-- spoke to and the reference number they were given.
ALTER TABLE notes ADD COLUMN account_number TEXT;
ALTER TABLE notes ADD COLUMN representative TEXT;
ALTER TABLE notes ADD COLUMN reference TEXT;
CREATE INDEX notes_account ON notes(account_number);
