-- claim_keys rows of the recomputed units (qc_touched; every claim when $all) from qc_claims (intervals and
-- frames) and the facts grown in Python: qc_leaders gives each comparable claim the first claim of its fact
-- (the leader: earliest day, then mention id) and whether it is a repeat — a later occurrence of one interval
-- of one fact in one document (a title repeating the body). The fact id is a digest of the block, the
-- leader's day and the leader's id, so a fact keeps its id from one refresh to the next (checks/facts.py
-- computes the same for Claim objects); qc_labels gives the readable "what is measured" of each combination
-- of frame parts. Parameters: $eps (tolerances float_epsilon), $all.
INSERT INTO claim_keys BY NAME
SELECT
    c.mention_id, c.document_id, c.source_id, c.publisher, c.source_name, c.surface, c.unit,
    l.fact_id, c.block, c.kind, lb.measured,
    c.grp, c.action, c.topic, c.scope, c.part, c.place, c.place_source, c.day,
    coalesce(c.incidents, []::VARCHAR[]) AS incidents,
    c.published_day, c.nominal,
    c.lo1 - $eps * abs(c.lo1) AS lo,
    c.hi1 + $eps * abs(c.hi1) AS hi,
    c.base_unit, c.converted_from, c.rate, c.rate_date,
    coalesce(l.is_repeat, false) AS is_repeat
FROM (
    -- the claims of the recomputed units, picked by semi joins before anything is joined to them
    SELECT * FROM qc_claims WHERE $all
    UNION ALL
    SELECT c.* FROM qc_claims AS c SEMI JOIN qc_touched AS t ON t.block = c.block WHERE NOT $all
    UNION ALL
    SELECT c.* FROM qc_claims AS c SEMI JOIN qc_touched AS t ON t.document_id = c.document_id
    WHERE NOT $all AND c.block IS NULL
) AS c
LEFT JOIN (SELECT mention_id, is_repeat,
                  'F' || substr(md5(block || '|' || coalesce(CAST(leader_day AS VARCHAR), '') || '|' || leader),
                                1, 15) AS fact_id
           FROM qc_leaders) AS l ON l.mention_id = c.mention_id
LEFT JOIN qc_labels AS lb
  ON lb.measure IS NOT DISTINCT FROM c.measure AND lb.grp IS NOT DISTINCT FROM c.grp
 AND lb.fine_group IS NOT DISTINCT FROM c.fine_group AND lb.thing IS NOT DISTINCT FROM c.thing
 AND lb.action IS NOT DISTINCT FROM c.action AND lb.topic IS NOT DISTINCT FROM c.topic
 AND lb.part IS NOT DISTINCT FROM c.part;
