-- Before a refresh writes the recomputed units (qc_touched) again: drop their conflicts and claim_keys rows
-- as the last refresh wrote them (a claim that moved to another block, or is gone, is dropped with the unit
-- it was in: that unit's digest changed too). Conversions ("60 km (37 miles)") take their fact from the
-- figure before them: they are reset and joined again after every refresh (conversion_facts.sql).
DELETE FROM fact_pairs
WHERE fact_id IN (SELECT fact_id FROM claim_keys WHERE block IN (SELECT block FROM qc_touched));
DELETE FROM claim_keys
WHERE block IN (SELECT block FROM qc_touched WHERE block IS NOT NULL)
   OR (block IS NULL AND document_id IN (SELECT document_id FROM qc_touched WHERE document_id IS NOT NULL));
UPDATE claim_keys SET fact_id = NULL, is_repeat = false WHERE part = 'conversion';
