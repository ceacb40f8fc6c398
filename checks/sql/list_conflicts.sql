-- The conflicts view with what a person needs to read them: fact subject, titles, URLs, dates; then the
-- fact's readable name, its display unit (value shown = (si - display_offset) / display_factor) and the
-- publishers of both articles. Surest facts first (their best same-fact score), each fact's pairs together.
SELECT
    c.fact_id, k.kind, k.measured AS subject, c.source_a, c.source_b, c.surface_a, c.surface_b,
    c.si_low_a, c.si_high_a, c.si_low_b, c.si_high_b, c.si_unit, c.relative_difference, c.reason,
    ma.sentence AS sentence_a, mb.sentence AS sentence_b, da.url AS url_a, db.url AS url_b,
    CAST(da.published_at AS DATE) AS published_a, CAST(db.published_at AS DATE) AS published_b,
    c.claim_a, c.claim_b, c.score,
    coalesce(l.fact_label, k.measured, k.kind) AS fact_label,
    coalesce(l.display_unit, '') AS display_unit,
    coalesce(l.display_factor, 1.0) AS display_factor,
    coalesce(l.display_offset, 0.0) AS display_offset,
    da.publisher AS publisher_a, db.publisher AS publisher_b
FROM conflicts AS c
JOIN claim_keys AS k ON k.mention_id = c.claim_a
JOIN mentions AS ma ON ma.mention_id = c.claim_a
JOIN mentions AS mb ON mb.mention_id = c.claim_b
JOIN documents AS da ON da.document_id = ma.document_id
JOIN documents AS db ON db.document_id = mb.document_id
LEFT JOIN fact_labels AS l ON l.fact_id = c.fact_id
ORDER BY max(c.score) OVER (PARTITION BY c.fact_id) DESC,
    max(c.relative_difference) OVER (PARTITION BY c.fact_id) DESC, c.fact_id,
    c.score DESC, c.relative_difference DESC, c.claim_a, c.claim_b;
