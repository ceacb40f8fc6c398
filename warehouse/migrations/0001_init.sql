-- 0001_init: the public tables of ../shared/spec/warehouse.md.
-- Columns follow the spec's order; columns added by the project come after the spec's ones.
-- There are no FOREIGN KEY constraints on purpose: DuckDB checks them row by row on bulk inserts and
-- forbids updating a referenced row; the loader guarantees the references (tested) instead.
-- Append-only: never edit this file once released; add a new numbered migration instead.

CREATE TABLE sources (
    source_id   VARCHAR PRIMARY KEY,      -- first 16 hex of sha256(name)
    name        VARCHAR NOT NULL UNIQUE,  -- what fact-checkers see (a feed, a site, a file stem)
    kind        VARCHAR NOT NULL,         -- file, folder, url, feed, jsonl, ...
    location    VARCHAR NOT NULL,         -- path or URL as configured
    lang        VARCHAR,                  -- configured language, NULL = detect per document
    added_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE documents (
    document_id  VARCHAR PRIMARY KEY,     -- first 16 hex of content_hash
    source_id    VARCHAR NOT NULL,        -- the source that first delivered this text
    url          VARCHAR,
    title        VARCHAR,
    lang         VARCHAR,
    published_at TIMESTAMPTZ,
    fetched_at   TIMESTAMPTZ NOT NULL,
    content_hash VARCHAR NOT NULL UNIQUE, -- sha256 hex of the stored text: a re-fetch adds nothing
    text         VARCHAR NOT NULL,
    run_id       BIGINT                   -- the run that added the document
);

CREATE TABLE mentions (
    mention_id        VARCHAR NOT NULL,   -- document_id || ':' || ordinal
    document_id       VARCHAR NOT NULL,
    start             INTEGER NOT NULL,   -- half-open code-point offsets: text[start:"end"] = surface
    "end"             INTEGER NOT NULL,
    surface           VARCHAR NOT NULL,
    sentence          VARCHAR NOT NULL,
    value             DOUBLE,
    low               DOUBLE,
    high              DOUBLE,
    qualifier         VARCHAR NOT NULL,   -- exact, approx, at_least, at_most, range
    unit              VARCHAR NOT NULL,   -- pint expression or ISO 4217 code; '' for a count
    dimension         VARCHAR NOT NULL,
    si_value          DOUBLE,
    si_low            DOUBLE,
    si_high           DOUBLE,
    si_unit           VARCHAR NOT NULL,
    counted           VARCHAR,
    concept           VARCHAR,
    extractor_version VARCHAR NOT NULL,
    ordinal           INTEGER NOT NULL,   -- position of the mention in its document
    sentence_start    INTEGER NOT NULL,
    sentence_end      INTEGER NOT NULL,
    lang              VARCHAR,
    rule              VARCHAR,            -- which extractor rule produced it (debugging)
    extra             JSON                -- Mention.extra when not empty
);

CREATE TABLE reference_facts (
    fact_id   VARCHAR PRIMARY KEY,
    concept   VARCHAR,
    subject   VARCHAR,
    value     DOUBLE,
    low       DOUBLE,
    high      DOUBLE,
    unit      VARCHAR,
    si_value  DOUBLE,
    si_unit   VARCHAR,
    as_of     DATE,
    source    VARCHAR,
    si_low    DOUBLE,
    si_high   DOUBLE,
    dimension VARCHAR,
    notes     VARCHAR,
    loaded_at TIMESTAMPTZ
);

CREATE TABLE runs (
    run_id              BIGINT PRIMARY KEY,  -- 1, 2, 3, ...
    flow_run_id         VARCHAR,             -- Prefect flow run id, NULL outside Prefect
    started_at          TIMESTAMPTZ NOT NULL,
    finished_at         TIMESTAMPTZ,
    status              VARCHAR NOT NULL,    -- completed, failed
    documents_added     BIGINT NOT NULL DEFAULT 0,
    mentions_added      BIGINT NOT NULL DEFAULT 0,
    documents_seen      BIGINT NOT NULL DEFAULT 0,  -- documents offered to load_batch
    documents_duplicate BIGINT NOT NULL DEFAULT 0,  -- of which already stored or repeated in a batch
    skipped             JSON,                -- [{"item": ..., "reason": ...}, ...]
    error               VARCHAR              -- why a failed run failed
);
