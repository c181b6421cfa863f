-- 0011: a page read without a single word says why (issue 22: no silent pages): "the page looks
-- blank", "no words could be read on it". NULL where words were read or the page failed (error).
ALTER TABLE pages ADD COLUMN no_text TEXT;
