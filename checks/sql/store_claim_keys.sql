-- claim_keys rows of the recomputed units, in two statements: the compared claims (qc_rows: the rows of
-- compared_claims.sql with their fact — checks/sql/fact_ids.sql —, whether they are a repeat — a later
-- occurrence of one interval of one fact in one document, a title repeating the body — and what they
-- measure, all computed in Python from the rows already read), then the claims of the recomputed documents
-- that have no block, from qc_claims (no fact; qc_labels gives the readable "what is measured" of each
-- combination of frame parts). Two inserts rather than one UNION ALL: the first then reads only the Arrow
-- rows, and DuckDB scans and compresses their row groups on every thread (the union ran on about one: 1M
-- rows 2.4 s wall instead of 6.3 at the same CPU); the rows land in the same order.
-- Parameters: $eps (tolerances float_epsilon), $all (every claim is recomputed).
INSERT INTO claim_keys BY NAME
SELECT
    c.mention_id, c.document_id, c.source_id, c.publisher, c.source_name, c.surface, c.unit,
    c.fact_id, c.block, c.kind, c.measured,
    c.grp, c.action, c.topic, c.scope, c.part, c.place, c.place_source, c.day,
    coalesce(c.incidents, []::VARCHAR[]) AS incidents,
    c.published_day, c.nominal,
    c.lo1 - $eps * abs(c.lo1) AS lo,
    c.hi1 + $eps * abs(c.hi1) AS hi,
    c.base_unit, c.converted_from, c.rate, c.rate_date,
    c.is_repeat
FROM qc_rows AS c;

INSERT INTO claim_keys BY NAME
SELECT
    c.mention_id, c.document_id, c.source_id, c.publisher, c.source_name, c.surface, c.unit,
    NULL AS fact_id, c.block, c.kind, lb.measured,
    c.grp, c.action, c.topic, c.scope, c.part, c.place, c.place_source, c.day,
    coalesce(c.incidents, []::VARCHAR[]) AS incidents,
    c.published_day, c.nominal,
    c.lo1 - $eps * abs(c.lo1) AS lo,
    c.hi1 + $eps * abs(c.hi1) AS hi,
    c.base_unit, c.converted_from, c.rate, c.rate_date,
    false AS is_repeat
FROM (
    -- the claims without a block of the recomputed documents, picked by a semi join before the labels
    SELECT * FROM qc_claims WHERE $all AND block IS NULL
    UNION ALL
    SELECT c.* FROM qc_claims AS c SEMI JOIN qc_touched AS t ON t.document_id = c.document_id
    WHERE NOT $all AND c.block IS NULL
) AS c
LEFT JOIN qc_labels AS lb
  ON lb.measure IS NOT DISTINCT FROM c.measure AND lb.grp IS NOT DISTINCT FROM c.grp
 AND lb.fine_group IS NOT DISTINCT FROM c.fine_group AND lb.thing IS NOT DISTINCT FROM c.thing
 AND lb.action IS NOT DISTINCT FROM c.action AND lb.topic IS NOT DISTINCT FROM c.topic
 AND lb.part IS NOT DISTINCT FROM c.part;
