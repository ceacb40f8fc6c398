-- Every claim of every fact stated by at least two documents, for the HTML report: facts with conflicts
-- first, then by number of sources and name. conflicting = the claim is in at least one conflict pair.
-- The fact's readable name and display unit come from fact_labels (rebuilt with claim_keys).
WITH conflicting AS (
    SELECT claim_a AS claim_id FROM conflicts
    UNION
    SELECT claim_b FROM conflicts
),
facts AS (
    SELECT g.*, (SELECT count(*) FROM conflicts c WHERE c.fact_id = g.fact_id) AS n_conflicts
    FROM claim_groups AS g
)
SELECT
    f.fact_id, f.kind, f.subject, f.n_sources, f.n_conflicts, f.first_published, f.last_published,
    cf.claim_id, cf.source, cf.url, cf.title, CAST(cf.published_at AS DATE) AS published, cf.surface,
    cf.sentence, cf.qualifier, cf.si_nominal, cf.si_low, cf.si_high, cf.si_unit, cf.converted_from,
    cf.claim_id IN (SELECT claim_id FROM conflicting) AS conflicting,
    coalesce(l.fact_label, f.kind || ' · ' || f.subject) AS fact_label,
    coalesce(l.display_unit, '') AS display_unit,
    coalesce(l.display_factor, 1.0) AS display_factor,
    coalesce(l.display_offset, 0.0) AS display_offset,
    coalesce(l.measured, f.kind) AS measured,
    d.publisher, d.lang, f.n_publishers
FROM facts AS f
JOIN claim_facts AS cf ON cf.fact_id = f.fact_id AND NOT cf.is_repeat
JOIN documents AS d ON d.document_id = cf.document_id
LEFT JOIN fact_labels AS l ON l.fact_id = f.fact_id
ORDER BY f.n_conflicts > 0 DESC, f.n_sources DESC, f.n_publishers DESC, fact_label, f.fact_id, cf.si_nominal,
         cf.source, cf.claim_id;
