-- 0010: findings that are check items (what could not be confirmed, and what to look at): the rules'
-- evidence gate (docs/RULES.md). open_findings lists findings only; check items are open_checks.
ALTER TABLE findings ADD COLUMN to_check INTEGER NOT NULL DEFAULT 0;
ALTER TABLE findings ADD COLUMN what_to_check TEXT;

DROP VIEW open_findings;
CREATE VIEW open_findings AS
SELECT rule, severity, amount_cents, deadline, summary, next_step, documents
FROM findings
WHERE to_check = 0
ORDER BY CASE severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END,
         deadline IS NULL, deadline, amount_cents DESC;

CREATE VIEW open_checks AS
SELECT rule, amount_cents, summary, what_to_check, documents
FROM findings
WHERE to_check = 1;
