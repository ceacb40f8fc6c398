-- The parts each fact's readable name is built from (checks/fact_labels.py), for every fact stated by at
-- least two documents (the facts of claim_groups and conflicts): its key parts, the publication days of
-- its claims, and the units its claims were written in, most used first (ties: alphabetical); the first
-- one that measures the fact's base unit becomes its display unit. Repeats in one article count once.
WITH facts AS MATERIALIZED (
    SELECT fact_id, any_value(kind) AS kind, any_value(frame) AS frame, any_value(base_unit) AS base_unit,
        min(published_day) AS first_day, max(published_day) AS last_day
    FROM claim_keys
    WHERE fact_id IS NOT NULL AND NOT is_repeat
    GROUP BY fact_id
    HAVING count(DISTINCT document_id) >= 2
),
units AS (
    -- counts have no unit to choose: only measures are grouped by unit
    SELECT k.fact_id, k.unit, count(*) AS n
    FROM claim_keys AS k
    SEMI JOIN facts AS f ON f.fact_id = k.fact_id
    WHERE NOT k.is_repeat AND k.base_unit <> '' AND k.unit IS NOT NULL
    GROUP BY k.fact_id, k.unit
),
ranked AS (
    SELECT fact_id, list(unit ORDER BY n DESC, unit) AS units FROM units GROUP BY fact_id
)
SELECT f.fact_id, f.kind, f.frame, f.base_unit, f.first_day, f.last_day, coalesce(r.units, []) AS units
FROM facts AS f
LEFT JOIN ranked AS r ON r.fact_id = f.fact_id
ORDER BY f.fact_id;
