-- 0050_checks_blocks: what each block of claims was last compared from, so that checks.refresh recomputes
-- only the blocks a run touched (checks/block_digests.py). Facts and conflicts never cross a block
-- (checks/identity.py block_key): a block whose claims, intervals and frames did not change has the same
-- facts, conflicts and fact labels as before. Claims that cannot be compared (no block) are kept per document.
-- Append-only: never edit this file once released; add a new numbered migration instead.
CREATE TABLE checks_blocks (
    block       VARCHAR,            -- the block key (claim_keys.block); NULL: a document's claims without one
    document_id VARCHAR,            -- for the claims without a block only, else NULL
    claims      BIGINT NOT NULL,    -- how many claims it had
    digest      VARCHAR NOT NULL,   -- order-independent digest of its claims' rows (checks/sql/claims_for_comparison.sql)
    settings    VARCHAR NOT NULL    -- digest of the checks code, settings, lexicon and frames version it was compared with
);
