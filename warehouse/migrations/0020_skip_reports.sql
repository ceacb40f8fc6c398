-- 0020_skip_reports: the local files whose skipped items a completed run listed, with the file's fingerprint
-- (size and modification time) when it was read. A later run that finds the same file unchanged does not
-- list its skipped items again (a file of 30,000 bad lines used to add 10 MB to runs.skipped on every
-- run); it adds one short note instead (warehouse/writer.py, Writer.finish_run).
-- Append-only: never edit this file once released; add a new numbered migration instead.
CREATE TABLE skip_reports (
    source      VARCHAR NOT NULL,   -- source name
    file        VARCHAR NOT NULL,   -- the local file the skipped items came from (as in runs.skipped)
    fingerprint VARCHAR NOT NULL,   -- "size:mtime_ns" of the file when it was read
    run_id      BIGINT NOT NULL,    -- the run whose runs.skipped lists them
    items       BIGINT NOT NULL     -- how many entries that run listed for the file (summaries included)
);
