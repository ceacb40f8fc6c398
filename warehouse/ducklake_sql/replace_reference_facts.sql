-- DuckLake has no PRIMARY KEY, so no INSERT OR REPLACE: delete the facts the file replaces, then insert
-- the file's rows. Both run in one writer transaction that holds the writer-state row (warehouse/ducklake.py),
-- so a reader sees the old facts or the new ones, and two loads of the same file never duplicate a fact.
DELETE FROM reference_facts WHERE fact_id IN (SELECT fact_id FROM qc_rows_in);

INSERT INTO reference_facts (fact_id, concept, subject, value, low, high, unit, si_value, si_unit, as_of,
                             source, si_low, si_high, dimension, notes, loaded_at)
SELECT fact_id, concept, subject, value, low, high, unit, si_value, si_unit, as_of, source, si_low, si_high,
       dimension, notes, now()
FROM qc_rows_in;
