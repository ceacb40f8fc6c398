-- Remember which run listed the skipped items of each file, and the file's fingerprint then.
INSERT INTO skip_reports (source, file, fingerprint, run_id, items)
SELECT source, file, fingerprint, $run_id, items FROM reported_files;
