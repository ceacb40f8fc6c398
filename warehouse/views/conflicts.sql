-- conflicts: one row per pair of claims from different sources — or from different publishers inside one
-- source (a folder of clippings from several outlets) — about the same fact (same fact_id in
-- claim_keys) whose intervals — qualifiers and rounding applied (checks/tolerances.toml) — do not overlap.
-- Pairs whose entity sets are both non-empty and disjoint (Spain vs Portugal) are not the same fact.
-- claim_a is the lower claim. The range join on sorted positions (claim_keys.pos, right_from, fact_end,
-- computed by checks.refresh) reads only the disjoint pairs, never every pair of a fact.
-- relative_difference = |nominal_a - nominal_b| / max(|nominal_a|, |nominal_b|).
CREATE OR REPLACE VIEW conflicts AS
SELECT
    a.mention_id AS claim_a,
    b.mention_id AS claim_b,
    a.source_name AS source_a,
    b.source_name AS source_b,
    a.surface    AS surface_a,
    b.surface    AS surface_b,
    a.lo         AS si_low_a,
    a.hi         AS si_high_a,
    b.lo         AS si_low_b,
    b.hi         AS si_high_b,
    abs(a.nominal - b.nominal) / nullif(greatest(abs(a.nominal), abs(b.nominal)), 0) AS relative_difference,
    'same ' || CASE WHEN a.kind LIKE '[%' OR a.kind LIKE 'currency_%' OR a.kind = 'dimensionless'
                    THEN 'dimension ' ELSE 'concept ' END || a.kind
        || '; same subject ' || a.frame
        || CASE WHEN len(list_intersect(a.terms, b.terms)) > 0
                THEN '; shared subject terms: ' || array_to_string(list_sort(list_intersect(a.terms, b.terms)), ', ')
                ELSE '' END
        || CASE WHEN a.published_day IS NOT NULL AND b.published_day IS NOT NULL
                THEN '; published ' || abs(b.published_day - a.published_day) || ' day'
                     || CASE WHEN abs(b.published_day - a.published_day) = 1 THEN '' ELSE 's' END || ' apart'
                ELSE '; publication date unknown' END
        || '; intervals do not overlap'
        || CASE WHEN a.converted_from IS NOT NULL OR b.converted_from IS NOT NULL
                THEN '; converted with dated exchange rates' ELSE '' END
        AS reason,
    a.fact_id,
    a.base_unit  AS si_unit,
    a.fact_label,                -- readable name of the fact (fact_labels, checks/labels.py)
    a.display_unit,              -- the unit its articles used most; see fact_labels for the conversion
    a.publisher  AS publisher_a,
    b.publisher  AS publisher_b
-- fact_labels is joined to side a before the pair join: joined after it, DuckDB 1.5.5's common-subplan
-- optimizer returned claim_a for claim_b in "SELECT claim_a FROM conflicts UNION SELECT claim_b FROM
-- conflicts" (tests/test_view_labels.py keeps that query honest).
FROM (SELECT k.*, l.fact_label, l.display_unit
      FROM claim_keys AS k LEFT JOIN fact_labels AS l ON l.fact_id = k.fact_id) AS a
JOIN claim_keys AS b
  ON b.pos >= a.right_from      -- b lies entirely above a (same fact: positions are consecutive per fact)
 AND b.pos <= a.fact_end
WHERE (a.source_id <> b.source_id
       OR (a.publisher IS NOT NULL AND b.publisher IS NOT NULL AND a.publisher <> b.publisher))
  AND NOT (len(a.entities) > 0 AND len(b.entities) > 0 AND NOT list_has_any(a.entities, b.entities));

COMMENT ON VIEW conflicts IS 'One row per pair of claims from different sources or publishers about the same fact whose intervals do not overlap.';
