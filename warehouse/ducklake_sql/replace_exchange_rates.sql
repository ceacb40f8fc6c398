-- DuckLake has no PRIMARY KEY, so no INSERT OR REPLACE: delete the rates of the same date and currencies,
-- then insert the file's rows, in one writer transaction (see replace_reference_facts.sql beside this file).
DELETE FROM exchange_rates
WHERE EXISTS (SELECT 1 FROM qc_rows_in AS n
              WHERE n."date" = exchange_rates."date" AND n."from" = exchange_rates."from"
                AND n."to" = exchange_rates."to");

INSERT INTO exchange_rates ("date", "from", "to", rate, source, loaded_at)
SELECT "date", "from", "to", rate, source, now()
FROM qc_rows_in;
