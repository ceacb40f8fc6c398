-- conflicts: one row per pair of claims about the same fact (checks/identity.py), from different outlets —
-- different sources, or different publishers inside one source — whose intervals, qualifiers and rounding
-- applied (checks/tolerances.toml), do not overlap, and whose same-fact score clears the conflict threshold
-- (checks/identity.toml). claim_a is the lower claim. Ordered by how sure the match is (score), then by
-- the size of the disagreement. relative_difference = |nominal_a - nominal_b| / max(|nominal_a|, |nominal_b|).
-- reason: what both claims state ("both: civilians killed, Idlib, 12 Jun 2016, air strike; 13 vs at least 36").
CREATE OR REPLACE VIEW conflicts AS
SELECT
    p.claim_a,
    p.claim_b,
    a.source_name AS source_a,
    b.source_name AS source_b,
    a.surface    AS surface_a,
    b.surface    AS surface_b,
    a.lo         AS si_low_a,
    a.hi         AS si_high_a,
    b.lo         AS si_low_b,
    b.hi         AS si_high_b,
    abs(a.nominal - b.nominal) / nullif(greatest(abs(a.nominal), abs(b.nominal)), 0) AS relative_difference,
    p.reason,
    p.fact_id,
    a.base_unit  AS si_unit,
    p.score,
    a.measured,
    a.place,
    a.day,
    a.fact_label,                -- readable name of the fact (fact_labels, checks/fact_labels.py)
    a.display_unit,              -- the unit its articles used most; see fact_labels for the conversion
    a.publisher  AS publisher_a,
    b.publisher  AS publisher_b
-- fact_labels is joined to side a before the pair join: joined after it, DuckDB 1.5.5's common-subplan
-- optimizer returned claim_a for claim_b in "SELECT claim_a FROM conflicts UNION SELECT claim_b FROM
-- conflicts" (tests/test_view_labels.py keeps that query honest).
FROM fact_pairs AS p
JOIN (SELECT k.*, l.fact_label, l.display_unit
      FROM claim_keys AS k LEFT JOIN fact_labels AS l ON l.fact_id = k.fact_id) AS a
  ON a.mention_id = p.claim_a
JOIN claim_keys AS b ON b.mention_id = p.claim_b
ORDER BY p.score DESC, relative_difference DESC, p.claim_a, p.claim_b;

COMMENT ON VIEW conflicts IS 'One row per pair of claims from different outlets about the same fact whose intervals do not overlap, surest first.';
