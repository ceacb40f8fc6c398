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
    -- an approximate claim's bounds are the interval it stands for ("about 100,000" → 85,000 – 115,000:
    -- rounding plus checks/tolerances.toml's approx share), as compared by the checks; rounded to 9
    -- significant digits so the comparison's 1e-9 tolerance does not show. Other qualifiers: as extracted.
    CASE WHEN m.qualifier = 'approx' AND k.converted_from IS NULL AND isfinite(k.lo) AND k.lo <> 0
         THEN round(k.lo, 8 - CAST(floor(log10(abs(k.lo))) AS INTEGER))
         WHEN m.qualifier = 'approx' AND k.converted_from IS NULL THEN k.lo
         ELSE m.si_low END AS si_low,
    CASE WHEN m.qualifier = 'approx' AND k.converted_from IS NULL AND isfinite(k.hi) AND k.hi <> 0
         THEN round(k.hi, 8 - CAST(floor(log10(abs(k.hi))) AS INTEGER))
         WHEN m.qualifier = 'approx' AND k.converted_from IS NULL THEN k.hi
         ELSE m.si_high END AS si_high,
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
    m.extractor_version,
    d.publisher,                   -- the outlet (documents.publisher), which may differ inside one source
    u.display_unit                 -- the unit as a reader writes it ("EUR/L", "km²", "°C"; '' for counts)
FROM mentions AS m
JOIN documents AS d ON d.document_id = m.document_id
JOIN sources AS s ON s.source_id = d.source_id
LEFT JOIN claim_keys AS k ON k.mention_id = m.mention_id
LEFT JOIN unit_labels AS u ON u.unit = m.unit;

COMMENT ON VIEW claims IS 'One row per quantity mention, with the document and source it was read in.';
