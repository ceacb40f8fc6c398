-- The parts each fact's readable name is built from (checks/fact_labels.py), for every fact stated by at
-- least two documents (the facts of claim_groups and conflicts): what is measured (its claims' most
-- frequent claim_keys.measured),
-- the place its sentences (else its datelines) name most and its most named incident, its scope, the incident days its claims name (else the publication
-- days of its articles), and the units its claims were written in, most used first (ties: alphabetical);
-- the first one that measures the fact's base unit becomes its display unit. Repeats in one article count
-- once. Only the facts of the blocks in qc_label_blocks (the blocks a refresh recomputed): a fact never
-- leaves its block, and its label reads nothing but its own claims. Kept in the temp table qc_label_parts for
-- checks/sql/insert_fact_labels.sql.
CREATE OR REPLACE TEMP TABLE qc_label_parts AS
WITH facts AS MATERIALIZED (
    SELECT fact_id, min(kind) AS kind, min(base_unit) AS base_unit,
        min(scope) AS scope,
        coalesce(min(day), min(published_day)) AS first_day,
        CASE WHEN min(day) IS NOT NULL THEN max(day) ELSE max(published_day) END AS last_day
    FROM claim_keys
    WHERE fact_id IS NOT NULL AND NOT is_repeat AND block IN (SELECT block FROM qc_label_blocks)
    GROUP BY fact_id
    HAVING min(document_id) < max(document_id)   -- two documents or more: count(DISTINCT ...) >= 2, cheaper
),
named AS (
    -- how often each place (sentences before datelines) and each incident is named; ties: alphabetical,
    -- so that the label never depends on the order rows were scanned in
    SELECT k.fact_id, k.place AS name, 'place' AS what,
        CASE k.place_source WHEN 'clause' THEN 0 ELSE 1 END AS rank, count(*) AS n
    FROM claim_keys AS k SEMI JOIN facts AS f ON f.fact_id = k.fact_id
    WHERE NOT k.is_repeat AND k.place IS NOT NULL AND k.place_source IN ('clause', 'dateline')
    GROUP BY ALL
    UNION ALL
    SELECT k.fact_id, k.incidents[1], 'incident', 0, count(*)
    FROM claim_keys AS k SEMI JOIN facts AS f ON f.fact_id = k.fact_id
    WHERE NOT k.is_repeat AND len(k.incidents) > 0
    GROUP BY ALL
    UNION ALL
    SELECT k.fact_id, k.measured, 'measured', 0, count(*)
    FROM claim_keys AS k SEMI JOIN facts AS f ON f.fact_id = k.fact_id
    WHERE NOT k.is_repeat AND k.measured IS NOT NULL
    GROUP BY ALL
),
chosen AS (
    SELECT fact_id,
        first(name ORDER BY rank, n DESC, name) FILTER (WHERE what = 'place') AS place,
        first(name ORDER BY rank, n DESC, name) FILTER (WHERE what = 'incident') AS incident,
        first(name ORDER BY rank, n DESC, name) FILTER (WHERE what = 'measured') AS measured
    FROM named GROUP BY fact_id
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
SELECT f.fact_id, f.kind, c.measured, c.place, c.incident, f.scope, f.base_unit, f.first_day, f.last_day,
    coalesce(r.units, []) AS units
FROM facts AS f
LEFT JOIN ranked AS r ON r.fact_id = f.fact_id
LEFT JOIN chosen AS c ON c.fact_id = f.fact_id;
