-- 0030_publishers_and_labels: who published each article, and what fact-checkers read instead of keys.
-- Append-only: never edit this file once released; add a new numbered migration instead.

-- The outlet that published the article: the site name its metadata states (JSON Lines "publisher" /
-- "outlet" / "site_name", HTML og:site_name or JSON-LD publisher, Markdown front matter "publisher" /
-- "site_name"), else the host of its URL without "www."; NULL when nothing says (a local text file).
-- A folder of clippings from several outlets is one source with several publishers: the conflicts view
-- compares claims of different publishers even inside one source.
ALTER TABLE documents ADD COLUMN publisher VARCHAR;

-- The claim's publisher, copied from documents like source_name so the pair views need no joins, and the
-- unit it was written in (mentions.unit), from which each fact's display unit is chosen without a join.
ALTER TABLE claim_keys ADD COLUMN publisher VARCHAR;
ALTER TABLE claim_keys ADD COLUMN unit VARCHAR;

-- One row per fact stated by at least two documents (rebuilt by checks.refresh): a readable name built
-- from the fact's key (checks/labels.py) and the unit its articles used most (checks/display_units.py).
-- A value v in base units is shown as (v - display_offset) / display_factor display_unit.
CREATE TABLE fact_labels (
    fact_id        VARCHAR NOT NULL,
    fact_label     VARCHAR NOT NULL,   -- "troops deployed · 31 Dec 2021 – 2 Jan 2022"
    display_unit   VARCHAR NOT NULL,   -- "EUR/L", "km²", "°C", "" for counts
    display_factor DOUBLE NOT NULL,
    display_offset DOUBLE NOT NULL,
    measured       VARCHAR NOT NULL    -- the label's first part: "troops deployed", "diesel price"
);

-- One row per unit written in mentions (rebuilt by checks.refresh): the label a reader writes for it
-- ("EUR/liter" → "EUR/L", "kilometer**2" → "km²"), for the claims view.
CREATE TABLE unit_labels (
    unit           VARCHAR NOT NULL,
    display_unit   VARCHAR NOT NULL
);

-- Documents stored before this migration: their URL's host (without "www."), as the readers do when an
-- article states no site name; local files (file:// URLs) stay NULL.
UPDATE documents
SET publisher = nullif(regexp_replace(lower(regexp_extract(url, '^[hH][tT][tT][pP][sS]?://(?:[^@/?#]*@)?([^/:?#]+)', 1)),
                                      '^www\.|\.$', '', 'g'), '')
WHERE publisher IS NULL AND url IS NOT NULL;
