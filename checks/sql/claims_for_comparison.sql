-- The temp table qc_claims: every claim with its interval (qc_intervals) and its cached frame, and its
-- block: the same key as checks.identity.block_key (tests/test_checks_matching.py checks that both agree) —
-- claims are only compared inside one block. row_hash digests the whole row: a block whose rows hash the
-- same as at the last refresh has the same facts (checks/block_digests.py); the frame's words and spot
-- are read only as words_mask and spot_key, so only those are carried. Parameters: $version (the
-- frames' version), $loose_topics (topics that make no block of their own: checks/lexicon/terms.toml
-- [generic]).
CREATE OR REPLACE TEMP TABLE qc_claims AS
WITH claims AS (
SELECT q.mention_id, q.unit, q.document_id, q.source_id, q.source_name, q.surface, q.qualifier, q.kind, q.lo1, q.hi1,
       q.bound_slack, q.nominal, q.base_unit, q.converted_from, q.rate, q.rate_date, q.published_day, q.publisher,
       f.measure, f.grp, f.fine_group, f.thing, f.action, f.topic, f.part, f.scope, f.incidents, f.place,
       f.place_kind, f.place_cc, f.place_admin1, f.place_gid, f.place_source, f.day, f.day_source,
       f.wording, f.entity, f.year, f.spot_key, f.place_key, f.words_mask, f.since,
CASE
    -- a count is compared by the group its frame reads, even when the extractor named no concept
    WHEN f.measure IS NULL OR (q.kind IS NULL AND f.measure <> 'count') OR q.lo1 IS NULL OR q.hi1 IS NULL
         OR f.part = 'conversion' 
         OR isnan(q.lo1) OR isnan(q.hi1) OR q.lo1 > q.hi1 THEN NULL
    WHEN f.measure = 'count' THEN
        -- a count naming no group or thing is compared by its specific topic ("a magnitude of 6.3")
        CASE WHEN coalesce(nullif(f.grp, ''), nullif(f.thing, ''), CASE WHEN list_contains($loose_topics, f.topic)
                  THEN NULL ELSE '#' || nullif(f.topic, '') END) IS NULL THEN NULL
             ELSE concat_ws('|', 'count', coalesce(nullif(f.grp, ''), nullif(f.thing, ''), '#' || f.topic),
                            coalesce(f.action, ''), f.scope, CASE WHEN f.part = 'subgroup' THEN '' ELSE f.part END) END
    WHEN coalesce(q.kind, f.measure) = 'dimensionless'
         AND coalesce(nullif(f.topic, ''), nullif(nullif(f.grp, ''), 'people'), nullif(f.action, ''),
                      '@' || nullif(f.entity, ''))
             IS NULL THEN NULL
    -- a measure is compared by its dimension and specific topic, even when it names nothing it measures
    ELSE concat_ws('|', coalesce(q.kind, f.measure),
                   CASE WHEN list_contains($loose_topics, f.topic) THEN '' ELSE coalesce(f.topic, '') END,
                   f.scope, CASE WHEN f.part = 'subgroup' THEN '' ELSE f.part END)
END AS block
FROM qc_intervals AS q
LEFT JOIN claim_frames AS f ON f.mention_id = q.mention_id AND f.lexicon_version = $version
)
SELECT *, hash(*COLUMNS(*)) AS row_hash FROM claims;
