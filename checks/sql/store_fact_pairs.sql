-- fact_pairs from the disagreements kept by checks/facts.py gate_conflicts (qc_chosen: claim_a below claim_b,
-- score, and what the reason reads of each side — fact, what is measured, place, day, figure as written,
-- currency conversion, kinds of incident, organisation and wording — taken from the compared rows by their
-- row numbers, so nothing is joined), with the reason a fact-checker reads — the same text as
-- checks/identity.py reason():
-- "both: people killed, Idlib, 12 Jun 2016, air strike; a day apart; 13 vs at least 36".
-- Parameters: $kinds and $labels, the kinds of incident and their English labels (two lists, same order).
INSERT INTO fact_pairs
WITH pairs AS (
    SELECT c.*,
           list_sort(list_intersect(coalesce(incidents_a, []::VARCHAR[]), coalesce(incidents_b, []::VARCHAR[])))
           AS kinds
    FROM qc_chosen AS c
),
named AS (
    -- the kinds of incident both claims name, in words: computed once for each of the few distinct lists
    SELECT kinds, array_to_string(list_transform(kinds, k -> coalesce(map($kinds, $labels)[k], k)), ', ') AS names
    FROM (SELECT DISTINCT kinds FROM pairs)
)
SELECT
    claim_a, claim_b, fact_id, score,
    'both: ' || measured
    || CASE WHEN place IS NOT NULL AND place <> '' THEN ', ' || place ELSE '' END
    || CASE WHEN day_a IS NOT NULL THEN ', ' || strftime(day_a, '%-d %b %Y') ELSE '' END
    || CASE WHEN len(kinds) > 0 THEN ', ' || names ELSE '' END
    || CASE WHEN day_a IS NULL OR day_b IS NULL OR day_a = day_b THEN ''
            WHEN abs(day_b - day_a) = 1 THEN '; a day apart'
            ELSE '; ' || abs(day_b - day_a) || ' days apart' END
    || CASE WHEN entity_a IS NOT NULL AND entity_a = entity_b THEN '; both about ' || entity_a ELSE '' END
    || CASE WHEN wording_a <> '' AND wording_a = wording_b THEN '; same wording' ELSE '' END
    || CASE WHEN converted THEN '; converted with dated exchange rates' ELSE '' END
    || '; ' || surface_a || ' vs ' || surface_b AS reason
FROM pairs
LEFT JOIN named USING (kinds);
