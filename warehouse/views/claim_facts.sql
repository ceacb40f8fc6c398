-- claim_facts: one row per claim that could be matched to a fact (it has a subject and a value), with its
-- fact id and its interval in base units. Built from claim_keys (rebuilt by checks.refresh before each
-- publish); repeats of the same figure in the same article (title and body) are marked, not dropped.
CREATE OR REPLACE VIEW claim_facts AS
SELECT
    k.mention_id       AS claim_id,
    k.fact_id,
    s.name             AS source,
    d.url,
    d.title,
    d.published_at,
    m.surface,
    m.sentence,
    m.qualifier,
    k.kind,
    k.frame            AS subject,
    k.nominal          AS si_nominal,
    k.lo               AS si_low,
    k.hi               AS si_high,
    k.base_unit        AS si_unit,
    k.terms,
    k.entities,
    k.converted_from,
    k.rate,
    k.is_repeat,
    k.document_id,
    k.source_id
FROM claim_keys AS k
JOIN mentions AS m ON m.mention_id = k.mention_id
JOIN documents AS d ON d.document_id = k.document_id
JOIN sources AS s ON s.source_id = k.source_id
WHERE k.fact_id IS NOT NULL;

COMMENT ON VIEW claim_facts IS 'One row per claim matched to a fact: fact id, source, surface, sentence and interval in base units.';
