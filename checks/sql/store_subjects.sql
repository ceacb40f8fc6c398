-- One claim_subjects row per pending mention: the frame is the nearest action term, else the nearest
-- topic term (ties broken by term name, for determinism); terms and entities are sorted lists.
INSERT INTO claim_subjects
SELECT
    p.mention_id,
    coalesce(arg_min(t.term, {'rank': t.role_rank, 'dist': t.dist, 'term': t.term})
             FILTER (WHERE t.role_rank < 2), '') AS frame,
    coalesce(list_sort(list_distinct(list(t.term) FILTER (WHERE t.term IS NOT NULL))), []) AS terms,
    coalesce(list_sort(list_distinct(list(t.term) FILTER (WHERE t.role = 'entity'))), []) AS entities,
    $version AS lexicon_version
FROM qc_pending AS p
LEFT JOIN (
    SELECT h.mention_id, m.term, m.role, m.role_rank, h.dist
    FROM qc_hits AS h
    JOIN qc_hitmap AS m ON m.lang = h.lang AND m.hit = h.hit
) AS t ON t.mention_id = p.mention_id
GROUP BY p.mention_id;
