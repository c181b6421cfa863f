-- 0009: the reading rule that found each field and what it went by (Field::read_by,
-- docs/ARCHITECTURE.md "Reading rules"), so show and the report can say how a figure was read.
ALTER TABLE fields ADD COLUMN read_by TEXT;
