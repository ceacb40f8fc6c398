-- The parts each fact's readable name is built from (checks/fact_labels.py), for every fact stated by at
-- least two documents (the facts of claim_groups and conflicts): its key parts, the publication days of
-- its claims, and the units its claims were written in with how often (the display unit is the most
-- common one). Repeats of a figure in the same article are not counted twice.
WITH facts AS MATERIALIZED (
    SELECT fact_id, any_value(kind) AS kind, any_value(frame) AS frame, any_value(base_unit) AS base_unit,
        min(published_day) AS first_day, max(published_day) AS last_day
    FROM claim_keys
    WHERE fact_id IS NOT NULL AND NOT is_repeat
    GROUP BY fact_id
    HAVING count(DISTINCT document_id) >= 2
),
units AS (
    SELECT k.fact_id, m.unit, count(*) AS n
    FROM claim_keys AS k
    SEMI JOIN facts AS f ON f.fact_id = k.fact_id
    JOIN mentions AS m ON m.mention_id = k.mention_id
    WHERE NOT k.is_repeat
    GROUP BY k.fact_id, m.unit
)
SELECT f.fact_id, f.kind, f.frame, f.base_unit, f.first_day, f.last_day,
    list(u.unit ORDER BY u.unit) AS units, list(u.n ORDER BY u.unit) AS unit_counts
FROM facts AS f
JOIN units AS u ON u.fact_id = f.fact_id
GROUP BY ALL
ORDER BY f.fact_id;
