-- Verdicts (the checks view) with what a ClaimReview needs: the article, its outlet, the reference, and
-- the unit the claim was written in (its display unit).
SELECT
    c.claim_id, c.fact_id, c.verdict, c.relative_difference, c.source, c.surface, c.sentence,
    c.si_low, c.si_high, c.reference_si_low, c.reference_si_high, c.reference_source, c.reference_as_of,
    c.si_unit, d.url, d.title, CAST(d.published_at AS DATE) AS published, rf.subject, d.publisher, m.unit
FROM checks AS c
JOIN mentions AS m ON m.mention_id = c.claim_id
JOIN documents AS d ON d.document_id = m.document_id
JOIN reference_facts AS rf ON rf.fact_id = c.fact_id
ORDER BY c.claim_id, c.fact_id;
