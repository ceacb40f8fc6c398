-- The writer-state row: every writing transaction rewrites it (see touch_state in warehouse/ducklake.py),
-- so two writers' transactions can never both commit; the loser retries on the newer snapshot. That is
-- what makes "insert only texts not stored yet" exact with several concurrent writers, since DuckLake
-- lets concurrent appends to the same table commit without conflict. Kept in its own schema so that
-- fact-checkers' `USE qc` shows only the public tables and views.
CREATE SCHEMA IF NOT EXISTS writer_state;

CREATE TABLE IF NOT EXISTS writer_state.state (
    commits    BIGINT NOT NULL,   -- writing transactions committed so far
    updated_at TIMESTAMPTZ        -- when the last one committed
);

INSERT INTO writer_state.state
SELECT 0, now()
WHERE NOT EXISTS (SELECT 1 FROM writer_state.state);
