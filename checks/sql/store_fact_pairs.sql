-- fact_pairs from the disagreements kept by checks/facts.py gate_conflicts (qc_chosen: claim_a below claim_b,
-- score), with the reason a fact-checker reads — the same text as checks/identity.py reason():
-- "both: people killed, Idlib, 12 Jun 2016, air strike; a day apart; 13 vs at least 36".
-- qc_incident_labels: kind of incident → English label. Parameter: $version (the frames' version).
INSERT INTO fact_pairs
SELECT
    c.claim_a, c.claim_b, a.fact_id, c.score,
    'both: ' || a.measured
    || CASE WHEN a.place IS NOT NULL AND a.place <> '' THEN ', ' || a.place ELSE '' END
    || CASE WHEN a.day IS NOT NULL THEN ', ' || strftime(a.day, '%-d %b %Y') ELSE '' END
    || coalesce(', ' || (SELECT string_agg(coalesce(l.label, k.kind), ', ' ORDER BY k.kind)
                         FROM (SELECT unnest(list_intersect(a.incidents, b.incidents)) AS kind) AS k
                         LEFT JOIN qc_incident_labels AS l ON l.kind = k.kind), '')
    || CASE WHEN a.day IS NULL OR b.day IS NULL OR a.day = b.day THEN ''
            WHEN abs(b.day - a.day) = 1 THEN '; a day apart'
            ELSE '; ' || abs(b.day - a.day) || ' days apart' END
    || CASE WHEN fa.entity IS NOT NULL AND fa.entity = fb.entity THEN '; both about ' || fa.entity ELSE '' END
    || CASE WHEN fa.wording <> '' AND fa.wording = fb.wording THEN '; same wording' ELSE '' END
    || CASE WHEN a.converted_from IS NOT NULL OR b.converted_from IS NOT NULL
            THEN '; converted with dated exchange rates' ELSE '' END
    || '; ' || a.surface || ' vs ' || b.surface AS reason
FROM qc_chosen AS c
JOIN claim_keys AS a ON a.mention_id = c.claim_a
JOIN claim_keys AS b ON b.mention_id = c.claim_b
JOIN claim_frames AS fa ON fa.mention_id = c.claim_a AND fa.lexicon_version = $version
JOIN claim_frames AS fb ON fb.mention_id = c.claim_b AND fb.lexicon_version = $version;
