-- 0015: the household the person gave for the financial-assistance pre-screen (shoebox assistance,
-- issue 23): how many people, the yearly income in cents, the state (two letters, NULL: not given),
-- the day it was given. One row; giving it again replaces it.
CREATE TABLE household (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  size INTEGER NOT NULL,
  income_cents INTEGER NOT NULL,
  state TEXT,
  given_on TEXT NOT NULL
);
