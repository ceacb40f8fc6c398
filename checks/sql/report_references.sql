-- Reference figures matched to the claims of each fact (the checks view), for the HTML report: one row per
-- (fact, reference fact, claim) with the verdict.
SELECT k.fact_id, c.fact_id AS reference_id, c.claim_id, c.verdict, c.reference_si_low, c.reference_si_high,
    c.reference_source, c.reference_as_of, f.subject AS reference_subject
FROM checks AS c
JOIN claim_keys AS k ON k.mention_id = c.claim_id
JOIN reference_facts AS f ON f.fact_id = c.fact_id
WHERE k.fact_id IS NOT NULL
ORDER BY k.fact_id, c.fact_id, c.claim_id;
