-- 0007: where each prepared page came from on the page as given: the transform (row-major 3×3, as
-- a JSON array of nine numbers) from the prepared page's pixels, in which words and fields are
-- boxed, back to the ingested page's; NULL where nothing moved (text-layer pages, clean scans).
ALTER TABLE pages ADD COLUMN to_original TEXT;
