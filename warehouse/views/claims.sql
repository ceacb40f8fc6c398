-- claims: one row per quantity mention, with the document and source it was read in.
-- Spec columns first (claim_id … concept), project extras after them (never reorder).
CREATE OR REPLACE VIEW claims AS
SELECT
    m.mention_id       AS claim_id,
    s.name             AS source,
    d.url,
    d.title,
    d.lang,
    d.published_at,
    m.sentence,
    m.surface,
    m.value,
    m.low,
    m.high,
    m.qualifier,
    m.unit,
    m.si_value,
    m.si_low,
    m.si_high,
    m.si_unit,
    m.counted,
    m.concept,
    -- extras
    m.dimension,
    m.document_id,
    d.source_id,
    s.kind             AS source_kind,
    m.start,
    m."end",
    d.fetched_at,
    m.extractor_version
FROM mentions AS m
JOIN documents AS d ON d.document_id = m.document_id
JOIN sources AS s ON s.source_id = d.source_id;

COMMENT ON VIEW claims IS 'One row per quantity mention, with the document and source it was read in.';
