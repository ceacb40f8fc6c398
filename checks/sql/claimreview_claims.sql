-- The article title of every claim in a conflict, for the ClaimReviews of conflicting claims.
SELECT m.mention_id AS claim_id, d.title
FROM mentions AS m
JOIN documents AS d ON d.document_id = m.document_id
WHERE m.mention_id IN (SELECT claim_a FROM conflicts UNION SELECT claim_b FROM conflicts);
