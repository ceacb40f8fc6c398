-- The id of each fact (qc_fact_leaders: one row per fact, k its position): a digest of the block, the
-- leader's day and the leader's id (the leader: the fact's first claim, earliest day then mention id), so a
-- fact keeps its id from one refresh to the next (checks/facts.py computes the same for Claim objects).
SELECT 'F' || substr(md5(block || '|' || coalesce(CAST(leader_day AS VARCHAR), '') || '|' || leader), 1, 15)
       AS fact_id
FROM qc_fact_leaders
ORDER BY k;
