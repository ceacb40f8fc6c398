-- The temp table qc_touched: the units (qc_units) whose digest differs from the one the last refresh
-- recorded (checks_blocks), new units, and units that are gone — every unit when $all. Their facts,
-- conflicts and labels are recomputed; every other unit's rows are kept as they are. (Set operations
-- compare NULLs as equal: a block's document_id is NULL on both sides.)
CREATE OR REPLACE TEMP TABLE qc_touched AS
SELECT block, document_id FROM qc_units
WHERE $all
UNION
SELECT block, document_id FROM (
    (SELECT block, document_id, digest FROM qc_units EXCEPT SELECT block, document_id, digest FROM checks_blocks)
    UNION ALL
    (SELECT block, document_id, digest FROM checks_blocks EXCEPT SELECT block, document_id, digest FROM qc_units)
)
WHERE NOT $all;
