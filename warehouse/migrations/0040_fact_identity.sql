-- 0040_fact_identity: one definition of a fact (checks/identity.py). Each claim's frame — the group it
-- counts and what happened to it, the kind of incident, the place, the incident day, the scope — is read once
-- from its words (checks/frames.py) and cached in claim_frames; checks.refresh groups frames into facts
-- (claim_keys.fact_id) and keeps the disagreements worth showing, with their score and reason (fact_pairs).
-- Append-only: never edit this file once released; add a new numbered migration instead.

-- The subject lexicon's table, replaced by claim_frames.
DROP TABLE IF EXISTS claim_subjects;

-- What each claim states, read from its words (cached per mention and lexicon version).
CREATE TABLE claim_frames (
    mention_id      VARCHAR NOT NULL,
    lexicon_version VARCHAR NOT NULL,
    measure         VARCHAR NOT NULL,   -- 'count' or the pint dimension
    grp             VARCHAR,            -- canonical counted group: people, civilians, children, ...
    fine_group      VARCHAR,            -- the group as written (civilians merged into people unless a subgroup)
    thing           VARCHAR,            -- what a count counts when it is not a group (the extractor's concept)
    action          VARCHAR,            -- what happened: killed, injured, evacuated, burnt, ...
    topic           VARCHAR,            -- what a measure is about: diesel, budget, ...
    part            VARCHAR NOT NULL,   -- '' | 'subgroup' ("including 11 children") | 'additional' ("another six")
    scope           VARCHAR NOT NULL,   -- 'incident' | 'cumulative' | 'past' | 'forecast'
    incidents       VARCHAR[] NOT NULL, -- kinds of incident named around the number
    place           VARCHAR,            -- the place that frames the claim, as written
    place_kind      VARCHAR,            -- 'town' | 'region' | 'country' | 'unknown'
    place_cc        VARCHAR,            -- ISO 3166-1 country code
    place_admin1    VARCHAR,            -- GeoNames first-level region code
    place_gid       BIGINT,             -- GeoNames id of the town
    place_source    VARCHAR NOT NULL,   -- 'clause' | 'context' | 'dateline' | 'none'
    spot            VARCHAR,            -- the most specific place named in the claim's clause (folded)
    day             DATE,               -- the incident day the words point to, else the article's date
    day_source      VARCHAR NOT NULL,   -- 'date' | 'weekday' | 'relative' | 'article' | 'none'
    words           VARCHAR[] NOT NULL, -- content words around the number
    wording         VARCHAR NOT NULL,   -- the words on each side of the number, for "same wording"
    entity          VARCHAR,            -- an organisation or party the figure is about ("SPD"), not its source
    year            INTEGER,            -- a year written next to the number ("the 2018 fire", "budget 2027")
    -- the same parts prepared for scoring millions of pairs on arrays (checks/pair_scores.py)
    spot_key        VARCHAR,            -- consonant skeleton of the spot (transliterations compare equal)
    place_key       VARCHAR,            -- consonant skeleton of the place's name
    words_mask      UBIGINT NOT NULL    -- the content words as 64 bits (checks/identity.py word_mask)
);

-- claim_keys is rebuilt by every refresh: replaced by the fact-identity layout (columns that views read).
DROP TABLE IF EXISTS claim_keys;
CREATE TABLE claim_keys (
    mention_id     VARCHAR NOT NULL,
    document_id    VARCHAR NOT NULL,
    source_id      VARCHAR NOT NULL,
    publisher      VARCHAR,
    source_name    VARCHAR,
    surface        VARCHAR,
    unit           VARCHAR,            -- the unit as written (mentions.unit): facts are shown in their articles' unit
    fact_id        VARCHAR,            -- NULL: the claim cannot be compared (nothing says what it measures)
    block          VARCHAR,            -- what is measured + scope + part: claims are only compared inside one
    kind           VARCHAR,            -- the concept/dimension after currency conversion
    measured       VARCHAR,            -- readable: "civilians killed", "area burnt", "diesel price"
    grp            VARCHAR,
    action         VARCHAR,
    topic          VARCHAR,
    scope          VARCHAR,
    part           VARCHAR,
    place          VARCHAR,
    place_source   VARCHAR,            -- where the place was read: clause, context, dateline, none
    day            DATE,
    incidents      VARCHAR[],
    published_day  DATE,
    nominal        DOUBLE,             -- value in base units (range midpoint), for relative differences
    lo             DOUBLE,             -- interval in base units (may be -inf / +inf)
    hi             DOUBLE,
    base_unit      VARCHAR,
    converted_from VARCHAR,            -- currency code converted with exchange_rates, else NULL
    rate           DOUBLE,
    rate_date      DATE,
    is_repeat      BOOLEAN NOT NULL    -- the same document states the same interval again (title + body)
);

-- The disagreements worth showing: two claims of one fact from different outlets, intervals disjoint, and a
-- same-fact score above the conflict threshold (checks/identity.toml). claim_a is the lower figure.
CREATE TABLE fact_pairs (
    claim_a  VARCHAR NOT NULL,
    claim_b  VARCHAR NOT NULL,
    fact_id  VARCHAR NOT NULL,
    score    DOUBLE NOT NULL,
    reason   VARCHAR NOT NULL
);

-- Reference facts keyed like claims, and which claims state them (same block, compatible place and day).
DROP TABLE IF EXISTS reference_keys;
CREATE TABLE reference_keys (
    fact_id  VARCHAR NOT NULL,
    block    VARCHAR,
    measured VARCHAR,
    place    VARCHAR,
    nominal  DOUBLE,
    lo       DOUBLE,
    hi       DOUBLE
);
CREATE TABLE reference_matches (
    claim_id VARCHAR NOT NULL,
    fact_id  VARCHAR NOT NULL,
    score    DOUBLE NOT NULL
);

-- The place a fact's label names (its sentences' most named place, else its datelines'), for claim_groups.
ALTER TABLE fact_labels ADD COLUMN place VARCHAR;
