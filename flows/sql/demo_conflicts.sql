-- Conflicting pairs of claims (the conflicts view), largest disagreement first; $1 = how many.
SELECT coalesce(fact_label, fact_id) AS fact, coalesce(publisher_a, source_a) AS outlet_a, surface_a,
    coalesce(publisher_b, source_b) AS outlet_b, surface_b, relative_difference
FROM conflicts
ORDER BY relative_difference DESC NULLS LAST, source_a, surface_a, source_b, surface_b
LIMIT $1;
