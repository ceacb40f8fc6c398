-- Candidate disagreements: pairs of claims of one fact (qc_fact_rows: row, fact = the row of the fact's first
-- claim, interval, source, publisher, document) whose intervals do not overlap (a below b), from different
-- sources — or from two publishers of one source. A repeated interval in one document counts once.
WITH firsts AS (
    SELECT * FROM qc_fact_rows
    QUALIFY row_number() OVER (PARTITION BY fact, document, lo, hi ORDER BY "row") = 1
)
SELECT a."row" AS row_a, b."row" AS row_b
FROM firsts AS a
JOIN firsts AS b ON a.fact = b.fact AND a.hi < b.lo
WHERE a.source <> b.source OR (a.publisher >= 0 AND b.publisher >= 0 AND a.publisher <> b.publisher)
ORDER BY row_a, row_b;
