-- 0016: the names the person gave to the people of their papers (shoebox people merge / rename,
-- issue 23): a name as printed (or as named before) and the name to use for it. Giving a name again
-- replaces it.
CREATE TABLE person_names (
  printed TEXT PRIMARY KEY,
  name TEXT NOT NULL
);
