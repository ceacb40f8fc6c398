-- A few claims per language ($1 = how many), those with a unit first, in a stable order.
SELECT lang, source, surface, qualifier, si_value, si_unit, concept, sentence
FROM (
    SELECT c.*, row_number() OVER (
        PARTITION BY c.lang
        ORDER BY (c.si_unit = '' OR c.si_unit IS NULL), c.source, c.url, c.start
    ) AS rank_in_lang
    FROM claims AS c
)
WHERE rank_in_lang <= $1
ORDER BY lang, rank_in_lang;
