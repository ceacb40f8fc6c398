-- Mentions whose subject is not cached for the current lexicon version, with the offsets of the
-- mention inside its sentence (rs, re: 0-based, half-open) so the sentence can be cut around it.
CREATE OR REPLACE TEMP TABLE qc_pending AS
SELECT
    m.mention_id,
    coalesce(nullif(m.lang, ''), d.lang, '') AS lang,
    m.sentence,
    least(greatest(m.start - m.sentence_start, 0), length(m.sentence)) AS rs,
    least(greatest(m."end" - m.sentence_start, 0), length(m.sentence)) AS re
FROM mentions AS m
JOIN documents AS d ON d.document_id = m.document_id
ANTI JOIN (SELECT mention_id FROM claim_subjects WHERE lexicon_version = $version) AS c
    ON c.mention_id = m.mention_id;
