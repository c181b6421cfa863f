-- 0003: wall time of each stage per page, in milliseconds (orientation is included in prepare), so a
-- benchmark or a person can see where a slow page spent its time; and each source's modification
-- time to the nanosecond, so a watched folder can tell a rewritten file from the one it stored even
-- within the same second.
ALTER TABLE pages ADD COLUMN ingest_ms REAL;
ALTER TABLE pages ADD COLUMN prepare_ms REAL;
ALTER TABLE pages ADD COLUMN orientation_ms REAL;
ALTER TABLE pages ADD COLUMN recognize_ms REAL;
ALTER TABLE sources ADD COLUMN mtime_ns INTEGER;
