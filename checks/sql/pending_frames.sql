-- Documents with mentions whose frame is not cached for the current lexicon version, and those mentions
-- (offsets, sentence bounds, what the extractor said it counts, the value). Parameter: $version.
CREATE OR REPLACE TEMP TABLE qc_pending AS
SELECT
    m.document_id,
    m.mention_id,
    m.start,
    m."end",
    m.sentence_start,
    m.sentence_end,
    m.dimension,
    m.counted,
    m.concept,
    m.value
FROM mentions AS m
ANTI JOIN (SELECT mention_id FROM claim_frames WHERE lexicon_version = $version) AS c
    ON c.mention_id = m.mention_id;
