-- Step 2 (only when exchange rates are loaded): amounts in another currency than $pivot are converted
-- with the latest rate dated on or before the article's day, if that rate is at most $max_rate_age days
-- old. Claims with several currencies in their unit, or undated, stay unconverted (never compared).
UPDATE qc_intervals AS q
SET kind = replace(q.kind, 'currency_' || q.code, 'currency_' || $pivot),
    base_unit = replace(q.si_unit, q.code, $pivot),
    nominal = q.nominal * c.rate,
    lo1 = q.lo1 * c.rate,
    hi1 = q.hi1 * c.rate,
    bound_slack = q.bound_slack * c.rate,
    rate = c.rate,
    rate_date = c.rate_day,
    converted_from = q.code
FROM (
    WITH usable_rates AS (
        -- rates into the pivot currency, direct or inverted; a direct quote wins over an inverted one
        SELECT code, "date" AS rate_day, rate FROM (
            SELECT "from" AS code, "date", rate, 0 AS pref FROM exchange_rates WHERE "to" = $pivot
            UNION ALL
            SELECT "to" AS code, "date", 1 / rate, 1 AS pref FROM exchange_rates WHERE "from" = $pivot AND rate > 0
        )
        QUALIFY row_number() OVER (PARTITION BY code, "date" ORDER BY pref) = 1
    ),
    candidates AS (
        SELECT mention_id, code, published_day FROM qc_intervals
        WHERE code <> '' AND code <> $pivot AND kind NOT LIKE '%currency_%currency_%'
          AND published_day IS NOT NULL
    )
    SELECT cand.mention_id, r.rate, r.rate_day
    FROM candidates AS cand
    ASOF JOIN usable_rates AS r ON r.code = cand.code AND cand.published_day >= r.rate_day
    WHERE cand.published_day - r.rate_day <= $max_rate_age
) AS c
WHERE q.mention_id = c.mention_id;
