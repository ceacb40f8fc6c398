-- claim_groups: one row per fact stated by at least two documents — claims with the same concept (counts)
-- or dimension (measures), the same subject frame and chained publication days (checks/matching.py) —
-- with n_sources, min, max and median of the claims' nominal values in base units; then (added columns)
-- fact_label, the display unit and the figures in it (fact_labels), and the publishers.
CREATE OR REPLACE VIEW claim_groups AS
SELECT
    k.fact_id,
    any_value(k.kind)                     AS kind,
    any_value(k.frame)                    AS subject,
    count(DISTINCT k.source_id)           AS n_sources,
    count(DISTINCT k.document_id)         AS n_documents,
    count(*)                              AS n_claims,
    min(k.nominal)                        AS "min",
    max(k.nominal)                        AS "max",
    median(k.nominal)                     AS median,
    any_value(k.base_unit)                AS si_unit,
    min(k.published_day)                  AS first_published,
    max(k.published_day)                  AS last_published,
    list_sort(list_distinct(list(s.name))) AS sources,
    -- for people: a readable name of the fact and its figures in the unit its articles used most
    any_value(l.fact_label)               AS fact_label,
    any_value(l.display_unit)             AS display_unit,
    (min(k.nominal) - any_value(l.display_offset)) / any_value(l.display_factor)    AS display_min,
    (median(k.nominal) - any_value(l.display_offset)) / any_value(l.display_factor) AS display_median,
    (max(k.nominal) - any_value(l.display_offset)) / any_value(l.display_factor)    AS display_max,
    count(DISTINCT k.publisher)           AS n_publishers,
    list_sort(list_distinct(list(k.publisher) FILTER (WHERE k.publisher IS NOT NULL))) AS publishers
FROM claim_keys AS k
JOIN sources AS s ON s.source_id = k.source_id
LEFT JOIN fact_labels AS l ON l.fact_id = k.fact_id
WHERE k.fact_id IS NOT NULL AND NOT k.is_repeat
GROUP BY k.fact_id
HAVING count(DISTINCT k.document_id) >= 2;

COMMENT ON VIEW claim_groups IS 'One row per fact stated by at least two documents: n_sources, min, max, median in base units, fact_label, figures in display_unit.';
