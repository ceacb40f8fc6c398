-- Lexicon hits around each pending mention of one language group, with their distance in characters from
-- the number (0 inside the mention's own surface). The sentence is normalised once, keeping its length
-- (lower case, every non-letter → a space: $non_letter), then cut at the mention's offsets; the pattern
-- (a session variable, see checks/subjects.py) returns whole words that start with a lexicon form.
INSERT INTO qc_hits
WITH norm AS (
    SELECT mention_id, lang, rs, re, regexp_replace(lower(sentence), $non_letter, ' ', 'g') AS ns
    FROM qc_pending
    WHERE CASE WHEN $any_lang THEN NOT list_contains($known, lang) ELSE lang = $lang END
),
parts AS (
    SELECT mention_id, lang,
        ' ' || substr(ns, 1, rs) AS nb,
        ' ' || substr(ns, rs + 1, re - rs) AS ni,
        ' ' || substr(ns, re + 1) AS na
    FROM norm
),
before AS (
    SELECT mention_id, lang, nb, unnest(regexp_extract_all(nb, getvariable('qc_subject_pattern'))) AS h
    FROM parts
),
inside AS (
    SELECT mention_id, lang, unnest(regexp_extract_all(ni, getvariable('qc_subject_pattern'))) AS h FROM parts
),
after AS (
    SELECT mention_id, lang, na, unnest(regexp_extract_all(na, getvariable('qc_subject_pattern'))) AS h
    FROM parts
)
SELECT mention_id, lang, trim(h) AS hit, strpos(reverse(nb), reverse(h)) - 1 AS dist FROM before
UNION ALL
SELECT mention_id, lang, trim(h) AS hit, 0 AS dist FROM inside
UNION ALL
SELECT mention_id, lang, trim(h) AS hit, strpos(na, h) - 1 AS dist FROM after;
