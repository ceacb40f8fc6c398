-- 0011_checks_state: what checks.refresh(con) last built from, so a run that changed none of its inputs
-- (mentions, documents, sources, reference facts, exchange rates, lexicon, tolerances, checks SQL) skips
-- the rebuild instead of redoing it over the whole warehouse (checks/state.py).
-- Append-only: never edit this file once released; add a new numbered migration instead.
CREATE TABLE checks_state (
    name           VARCHAR PRIMARY KEY,   -- 'refresh'
    input_digest   VARCHAR NOT NULL,      -- digest of the inputs and of the code/data versions
    claim_keys     BIGINT NOT NULL,       -- row counts after the refresh: a table emptied behind our back
    reference_keys BIGINT NOT NULL,       -- (or by a later migration) is rebuilt even if inputs match
    refreshed_at   TIMESTAMPTZ NOT NULL
);
