-- The stored fingerprint of each (source, file) of this run's skipped items (registered as reported_files).
SELECT r.source, r.file, r.fingerprint, r.run_id
FROM skip_reports r SEMI JOIN reported_files f ON r.source = f.source AND r.file = f.file;
