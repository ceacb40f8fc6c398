-- 0010_checks: tables computed by checks.refresh(con) (checks/), from which the views claim_groups,
-- conflicts and checks are plain SQL. Rebuilt (claim_keys, reference_keys) or extended
-- (claim_subjects, cached per mention) before every publish; exchange_rates is loaded by fact-checkers.
-- Append-only: never edit this file once released; add a new numbered migration instead.

-- What each claim is about: canonical subject terms read from its sentence (checks/lexicon/*.toml).
-- Cached: computed once per mention and lexicon version.
CREATE TABLE claim_subjects (
    mention_id      VARCHAR NOT NULL,
    frame           VARCHAR NOT NULL,   -- nearest action term, else nearest topic term, '' when none
    terms           VARCHAR[] NOT NULL, -- every canonical term of the sentence, sorted
    entities        VARCHAR[] NOT NULL, -- the entity terms among them (places, organisations)
    lexicon_version VARCHAR NOT NULL
);

-- One row per mention: its interval in base units and the fact it states (NULL when it cannot be matched:
-- no subject, no concept, no value).
CREATE TABLE claim_keys (
    mention_id     VARCHAR NOT NULL,
    document_id    VARCHAR NOT NULL,
    source_id      VARCHAR NOT NULL,
    kind           VARCHAR,            -- the concept for counts, else the dimension (after currency conversion)
    frame          VARCHAR NOT NULL,
    fact_id        VARCHAR,            -- same fact = same kind, frame and a chain of publication dates
    published_day  DATE,
    nominal        DOUBLE,             -- value in base units (range midpoint), for relative differences
    lo             DOUBLE,             -- interval in base units (may be -inf / +inf)
    hi             DOUBLE,
    base_unit      VARCHAR,
    terms          VARCHAR[] NOT NULL,
    entities       VARCHAR[] NOT NULL,
    converted_from VARCHAR,            -- currency code converted with exchange_rates, else NULL
    rate           DOUBLE,             -- the rate used (from → the fact's currency)
    rate_date      DATE,
    is_repeat      BOOLEAN NOT NULL,   -- the same document states the same interval again (title + body)
    source_name    VARCHAR,            -- copied from sources/mentions so the pair views need no joins
    surface        VARCHAR,
    -- Sorted positions that let the conflicts view find disjoint pairs with a range join (no pairs
    -- enumerated inside a fact): claims of a fact sorted by lower bound get consecutive positions;
    -- the claims entirely to the right of this one are positions right_from .. fact_end.
    pos            BIGINT,
    right_from     BIGINT,
    fact_end       BIGINT
);

-- Reference facts (reference_facts) keyed the same way, so the checks view is an equi-join.
CREATE TABLE reference_keys (
    fact_id  VARCHAR NOT NULL,
    kind     VARCHAR,
    frame    VARCHAR NOT NULL,
    entities VARCHAR[] NOT NULL,
    nominal  DOUBLE,
    lo       DOUBLE,
    hi       DOUBLE
);

-- Dated exchange rates loaded by `quantcheck reference rates FILE.csv`: 1 "from" = rate "to".
CREATE TABLE exchange_rates (
    "date"    DATE NOT NULL,
    "from"    VARCHAR NOT NULL,   -- ISO 4217 code
    "to"      VARCHAR NOT NULL,
    rate      DOUBLE NOT NULL,
    source    VARCHAR,
    loaded_at TIMESTAMPTZ,
    PRIMARY KEY ("date", "from", "to")
);
