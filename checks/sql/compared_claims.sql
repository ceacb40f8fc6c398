-- The rows of qc_claims that facts and conflicts are computed from (checks/claim_columns.py): the claims of
-- the blocks a refresh recomputes (qc_touched), ordered by mention id, with every column their claim_keys rows
-- are written from (checks/sql/store_claim_keys.sql reads them back from this table, not joined again).
SELECT mention_id, document_id, source_id, publisher, qualifier, lo1, hi1, bound_slack, nominal, block,
       measure, grp, fine_group, thing, action, topic, part, scope, incidents,
       place_kind, place_cc, place_admin1, place_gid, place_source, day, day_source,
       wording, entity, year, spot_key, place_key, words_mask, since,
       source_name, surface, unit, kind, place, published_day, base_unit, converted_from, rate, rate_date
FROM qc_claims
WHERE block IN (SELECT block FROM qc_touched)
ORDER BY mention_id;
