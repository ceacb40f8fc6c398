-- Store the validated exchange rates of one file (registered as qc_rows_in by the writer), replacing the
-- rates of the same date and currencies (the primary key). DuckLake: ducklake_sql/replace_exchange_rates.sql.
INSERT OR REPLACE INTO exchange_rates ("date", "from", "to", rate, source, loaded_at)
SELECT "date", "from", "to", rate, source, now()
FROM qc_rows_in;
