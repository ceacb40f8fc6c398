-- claim_keys from the intervals (qc_intervals), the cached frames and the facts grown in Python: qc_leaders
-- gives each claim its block and the first claim of its fact (the leader: earliest day, then mention id);
-- the fact id is a digest of the block, the leader's day and the leader's id, so a fact keeps its id from
-- one refresh to the next (checks/facts.py computes the same for Claim objects); qc_labels the readable "what is measured"
-- of each combination of frame parts. A later occurrence of one interval of one fact in one document (a
-- title repeating the body) is marked is_repeat. Parameter: $version (the frames' version).
INSERT INTO claim_keys BY NAME
SELECT
    q.mention_id, q.document_id, q.source_id, q.publisher, q.source_name, q.surface, q.unit,
    l.fact_id, l.block, q.kind, lb.measured,
    f.grp, f.action, f.topic, f.scope, f.part, f.place, f.place_source, f.day,
    coalesce(f.incidents, []::VARCHAR[]) AS incidents,
    q.published_day, q.nominal,
    q.lo1 - l.eps * abs(q.lo1) AS lo,
    q.hi1 + l.eps * abs(q.hi1) AS hi,
    q.base_unit, q.converted_from, q.rate, q.rate_date,
    l.fact_id IS NOT NULL AND row_number() OVER (
        PARTITION BY l.fact_id, q.document_id, q.lo1, q.hi1 ORDER BY q.mention_id) > 1 AS is_repeat
FROM qc_intervals AS q
JOIN (SELECT *, CASE WHEN comparable THEN 'F' || substr(md5(block || '|'
                                                            || coalesce(CAST(leader_day AS VARCHAR), '')
                                                            || '|' || leader), 1, 15) END AS fact_id
      FROM qc_leaders) AS l ON l.mention_id = q.mention_id
LEFT JOIN claim_frames AS f ON f.mention_id = q.mention_id AND f.lexicon_version = $version
LEFT JOIN qc_labels AS lb
  ON lb.measure IS NOT DISTINCT FROM f.measure AND lb.grp IS NOT DISTINCT FROM f.grp
 AND lb.fine_group IS NOT DISTINCT FROM f.fine_group AND lb.thing IS NOT DISTINCT FROM f.thing
 AND lb.action IS NOT DISTINCT FROM f.action AND lb.topic IS NOT DISTINCT FROM f.topic
 AND lb.part IS NOT DISTINCT FROM f.part;
