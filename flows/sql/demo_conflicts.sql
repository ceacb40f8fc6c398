-- Conflicting pairs of claims (the conflicts view), largest disagreement first; $1 = how many.
SELECT source_a, surface_a, source_b, surface_b, relative_difference, reason
FROM conflicts
ORDER BY relative_difference DESC NULLS LAST, source_a, surface_a, source_b, surface_b
LIMIT $1;
