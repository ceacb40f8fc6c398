-- A few claims per language ($1 = how many), those with a unit first, in a stable order.
-- The value as written (a range: its low end) in the unit a reader writes (the claims view's display_unit).
SELECT lang, source, surface, qualifier,
    regexp_replace(CAST(coalesce(value, low) AS VARCHAR), '\.0$', '') AS value, display_unit AS unit, concept,
    sentence
FROM (
    SELECT c.*, row_number() OVER (
        PARTITION BY c.lang
        ORDER BY (c.si_unit = '' OR c.si_unit IS NULL), c.source, c.url, c.start
    ) AS rank_in_lang
    FROM claims AS c
)
WHERE rank_in_lang <= $1
ORDER BY lang, rank_in_lang;
