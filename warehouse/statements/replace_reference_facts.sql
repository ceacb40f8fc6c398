-- Store the validated reference facts of one file (registered as qc_rows_in by the writer), replacing the
-- facts with the same fact_id. The embedded file has fact_id as its primary key; DuckLake has its own
-- version of this statement (warehouse/ducklake_sql/replace_reference_facts.sql).
INSERT OR REPLACE INTO reference_facts (fact_id, concept, subject, value, low, high, unit, si_value, si_unit,
                                        as_of, source, si_low, si_high, dimension, notes, loaded_at)
SELECT fact_id, concept, subject, value, low, high, unit, si_value, si_unit, as_of, source, si_low, si_high,
       dimension, notes, now()
FROM qc_rows_in;
