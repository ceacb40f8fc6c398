-- Drop the old fingerprints of the files this run lists again (their content changed).
DELETE FROM skip_reports
WHERE (source, file) IN (SELECT source, file FROM reported_files);
