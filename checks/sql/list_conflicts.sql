-- The conflicts view with what a person needs to read them: fact subject, titles, URLs, dates.
SELECT
    c.fact_id, k.kind, k.measured AS subject, c.source_a, c.source_b, c.surface_a, c.surface_b,
    c.si_low_a, c.si_high_a, c.si_low_b, c.si_high_b, c.si_unit, c.relative_difference, c.reason,
    ma.sentence AS sentence_a, mb.sentence AS sentence_b, da.url AS url_a, db.url AS url_b,
    CAST(da.published_at AS DATE) AS published_a, CAST(db.published_at AS DATE) AS published_b,
    c.claim_a, c.claim_b, c.score
FROM conflicts AS c
JOIN claim_keys AS k ON k.mention_id = c.claim_a
JOIN mentions AS ma ON ma.mention_id = c.claim_a
JOIN mentions AS mb ON mb.mention_id = c.claim_b
JOIN documents AS da ON da.document_id = ma.document_id
JOIN documents AS db ON db.document_id = mb.document_id
ORDER BY c.score DESC, c.relative_difference DESC, c.fact_id, c.claim_a, c.claim_b;
