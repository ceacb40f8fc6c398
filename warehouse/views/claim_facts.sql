-- claim_facts: one row per claim that states a fact quantcheck can compare (checks/identity.py): its fact id,
-- the fact's key parts — what is measured, where, when, the scope — and the claim's interval in base units.
-- A fact is one question with one true answer: the same group and what happened to it (or a measure's
-- topic), in the same incident (place, day, kind of incident), with the same scope. Repeats of a figure in
-- one article (title and body) are marked, not dropped. Columns after document_id, source_id were added later.
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
    k.measured         AS subject,
    k.nominal          AS si_nominal,
    k.lo               AS si_low,
    k.hi               AS si_high,
    k.base_unit        AS si_unit,
    k.incidents        AS terms,
    CASE WHEN k.place IS NULL THEN []::VARCHAR[] ELSE [k.place] END AS entities,
    k.converted_from,
    k.rate,
    k.is_repeat,
    k.document_id,
    k.source_id,
    -- the fact's key parts
    k.measured,
    k.grp              AS "group",
    k.action,
    k.topic,
    k.scope,
    k.part,
    k.place,
    k.day,
    k.incidents,
    k.block,
    k.publisher
FROM claim_keys AS k
JOIN mentions AS m ON m.mention_id = k.mention_id
JOIN documents AS d ON d.document_id = k.document_id
JOIN sources AS s ON s.source_id = k.source_id
WHERE k.fact_id IS NOT NULL;

COMMENT ON VIEW claim_facts IS 'One row per claim matched to a fact: fact id, what is measured, where, when, scope, and the interval in base units.';
