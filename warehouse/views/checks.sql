-- checks: one row per claim matched to a reference fact (reference_matches: the same block and a same-fact
-- score without veto, checks/reference.py): verdict consistent when the claim's interval overlaps the
-- reference's, inconsistent otherwise; relative_difference = |claim - reference| / |reference| (nominal
-- values: a range's midpoint). A figure repeated in the same article (title and body) is checked once.
CREATE OR REPLACE VIEW checks AS
SELECT
    k.mention_id AS claim_id,
    r.fact_id,
    CASE WHEN k.hi < r.lo OR r.hi < k.lo THEN 'inconsistent' ELSE 'consistent' END AS verdict,
    abs(k.nominal - r.nominal) / nullif(abs(r.nominal), 0) AS relative_difference,
    s.name       AS source,
    m.surface,
    m.sentence,
    k.lo         AS si_low,
    k.hi         AS si_high,
    r.lo         AS reference_si_low,
    r.hi         AS reference_si_high,
    rf.source    AS reference_source,
    rf.as_of     AS reference_as_of,
    k.base_unit  AS si_unit,
    x.score
FROM reference_matches AS x
JOIN claim_keys AS k ON k.mention_id = x.claim_id
JOIN reference_keys AS r ON r.fact_id = x.fact_id
JOIN reference_facts AS rf ON rf.fact_id = r.fact_id
JOIN mentions AS m ON m.mention_id = k.mention_id
JOIN sources AS s ON s.source_id = k.source_id
WHERE NOT k.is_repeat AND r.lo IS NOT NULL AND r.hi IS NOT NULL;

COMMENT ON VIEW checks IS 'One row per claim matched to a reference fact: verdict consistent or inconsistent, relative difference.';
