-- 0012: what read each page off its file (issue 19): "poppler (text layer)", "poppler",
-- "leptonica (the PDF's JPEG)", "leptonica", "libheif". NULL for pages stored before it was kept.
ALTER TABLE pages ADD COLUMN decoder TEXT;
