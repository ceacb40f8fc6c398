-- The figures at the top of the HTML report: what was read, what was compared, what disagrees, and the
-- newest run (any status) with the newest completed one.
SELECT
    (SELECT count(DISTINCT source_id) FROM documents)                                  AS sources,
    (SELECT count(*) FROM documents)                                                   AS articles,
    (SELECT count(*) FROM claims)                                                      AS claims,
    (SELECT count(*) FROM claim_groups)                                                AS facts,
    (SELECT count(*) FROM conflicts)                                                   AS conflicts,
    (SELECT count(DISTINCT fact_id) FROM conflicts)                                    AS facts_in_conflict,
    (SELECT count(*) FROM checks)                                                      AS checked,
    (SELECT count(*) FROM checks WHERE verdict = 'inconsistent')                       AS inconsistent,
    (SELECT max(run_id) FROM runs)                                                     AS last_run_id,
    (SELECT status FROM runs ORDER BY run_id DESC LIMIT 1)                             AS last_run_status,
    (SELECT coalesce(finished_at, started_at) FROM runs ORDER BY run_id DESC LIMIT 1)  AS last_run_at,
    (SELECT max(finished_at) FROM runs WHERE status = 'completed')                     AS last_completed_at;
