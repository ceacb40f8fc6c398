-- The temp table qc_units: the units a refresh recomputes or keeps whole — each block of comparable claims,
-- and each document's claims that have no block (their claim_keys rows depend on nothing else) — with an
-- order-independent digest of their rows (qc_claims.row_hash: any change to a claim, its interval or its
-- frame changes it; a claim added or removed changes the count, the xor and the sum).
CREATE OR REPLACE TEMP TABLE qc_units AS
SELECT block, CASE WHEN block IS NULL THEN document_id END AS document_id, count(*) AS claims,
       bit_xor(row_hash)::VARCHAR || ':' || sum(row_hash)::VARCHAR AS digest
FROM qc_claims
GROUP BY ALL;
