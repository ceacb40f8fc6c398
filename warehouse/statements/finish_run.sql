-- Close a run's record with its totals and everything it skipped.
UPDATE runs
SET finished_at = now(),
    status = $status,
    documents_added = $documents_added,
    mentions_added = $mentions_added,
    documents_seen = $documents_seen,
    documents_duplicate = $documents_duplicate,
    skipped = $skipped::JSON,
    error = $error
WHERE run_id = $run_id;
