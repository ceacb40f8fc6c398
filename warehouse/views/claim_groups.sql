-- claim_groups: one row per fact stated by at least two documents (checks/identity.py) — what is measured,
-- where and when — with n_sources, min, max and median of the claims' nominal values in base units;
-- then fact_label, the display unit and the figures in it (fact_labels), and the publishers.
CREATE OR REPLACE VIEW claim_groups AS
SELECT
    k.fact_id,
    min(k.kind)                           AS kind,
    any_value(l.measured)                 AS subject,
    count(DISTINCT k.source_id)           AS n_sources,
    count(DISTINCT k.document_id)         AS n_documents,
    count(*)                              AS n_claims,
    min(k.nominal)                        AS "min",
    max(k.nominal)                        AS "max",
    median(k.nominal)                     AS median,
    min(k.base_unit)                      AS si_unit,
    min(k.published_day)                  AS first_published,
    max(k.published_day)                  AS last_published,
    list_sort(list_distinct(list(s.name))) AS sources,
    any_value(l.measured)                 AS measured,
    any_value(l.place)                    AS place,
    min(k.day)                            AS first_day,
    max(k.day)                            AS last_day,
    min(k.scope)                          AS scope,
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

COMMENT ON VIEW claim_groups IS 'One row per fact stated by at least two documents: what is measured, where, when; n_sources, min, max, median in base units, fact_label, figures in display_unit.';
