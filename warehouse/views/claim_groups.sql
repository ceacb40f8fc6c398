-- claim_groups: one row per fact stated by at least two documents (checks/identity.py) — what is measured,
-- where and when — with n_sources, min, max and median of the claims' nominal values in base units.
CREATE OR REPLACE VIEW claim_groups AS
SELECT
    k.fact_id,
    any_value(k.kind)                     AS kind,
    any_value(k.measured)                 AS subject,
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
    any_value(k.measured)                 AS measured,
    mode(k.place)                         AS place,
    min(k.day)                            AS first_day,
    max(k.day)                            AS last_day,
    any_value(k.scope)                    AS scope
FROM claim_keys AS k
JOIN sources AS s ON s.source_id = k.source_id
WHERE k.fact_id IS NOT NULL AND NOT k.is_repeat
GROUP BY k.fact_id
HAVING count(DISTINCT k.document_id) >= 2;

COMMENT ON VIEW claim_groups IS 'One row per fact stated by at least two documents: what is measured, where, when; n_sources, min, max, median in base units.';
