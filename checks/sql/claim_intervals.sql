-- Step 1 of the claim_keys rebuild: every mention's interval in base units and its kind.
-- Parameters: $min_sig, $half_step, $approx_rel (checks/tolerances.toml); $decimal_langs and
-- $decimal_seps, two lists of the same length: each language file's code and its [numbers] decimal
-- separator (extractors.langdata.decimal_separators), so a language added as data is read right here too.
-- Interval rules: checks/intervals.py and docs/facts.md ("From a claim to an interval"). One vectorised pass, no pairs.
CREATE OR REPLACE TEMP TABLE qc_intervals AS
WITH base AS (
    SELECT
        m.mention_id, m.document_id, d.rowid AS doc_no, d.source_id, m.surface, src.name AS source_name, m.qualifier, m.unit, m.dimension, m.si_unit,
        m.start,
        coalesce(m.value, m.low, m.high) AS v,
        coalesce(m.si_value / nullif(m.value, 0), m.si_low / nullif(m.low, 0), m.si_high / nullif(m.high, 0))
            AS ratio,
        CASE WHEN m.si_value IS NOT NULL THEN m.si_value WHEN m.unit = '' THEN m.value END AS si_v,
        CASE WHEN m.si_low IS NOT NULL THEN m.si_low WHEN m.unit = '' THEN m.low END AS si_lo,
        CASE WHEN m.si_high IS NOT NULL THEN m.si_high WHEN m.unit = '' THEN m.high END AS si_hi,
        CASE WHEN m.dimension = 'count'
             THEN coalesce(nullif(m.concept, ''), nullif(lower(m.counted), ''))
             ELSE nullif(m.dimension, '') END AS kind0,
        coalesce(nullif(m.lang, ''), d.lang, '') AS lang,
        CAST(timezone('UTC', d.published_at) AS DATE) AS published_day,
        d.publisher
    FROM mentions AS m
    JOIN documents AS d ON d.document_id = m.document_id
    JOIN sources AS src ON src.source_id = d.source_id
),
digits AS (
    -- the first number written in the surface ("100 000", "2,19", "2.500"): its digits say the rounding
    SELECT *,
        regexp_extract(surface, '\d(?:[\d\x{00A0}\x{202F}\x{2009} .,''’]*\d)?') AS tok
    FROM base
),
digits2 AS (
    SELECT *,
        regexp_replace(tok, '[^0-9]', '', 'g') AS dstr,
        regexp_extract(tok, '([.,])(\d+)$', ['sep', 'after']) AS last_group
    FROM digits
),
digits3 AS (
    SELECT *,
        CASE WHEN last_group.sep = '' THEN false
             -- "195,000" read as 195000 (a Mexican paper's Spanish, extractors/number_convention.py):
             -- the digits are the value, so the last group holds no decimals whatever the language
             WHEN length(last_group.after) = 3 AND v IS NOT NULL AND abs(v) = TRY_CAST(dstr AS DOUBLE)
                  THEN false
             WHEN list_contains($decimal_langs, lang)
                  THEN last_group.sep = $decimal_seps[list_position($decimal_langs, lang)]
             ELSE length(last_group.after) <> 3 END AS has_decimals,
        length(dstr) - length(rtrim(dstr, '0')) AS trailing_zeros,
        -- the value of one unit of the last written digit; guarded: any input must give a row, not an error
        CASE WHEN v IS NOT NULL AND isfinite(v) AND v <> 0 AND length(dstr) BETWEEN 1 AND 30
             THEN abs(v) / TRY_CAST(dstr AS DOUBLE) END AS digit_unit
    FROM digits2
),
logs AS (
    SELECT *,
        CASE WHEN digit_unit > 0 AND isfinite(digit_unit) THEN log10(digit_unit) END AS last_digit_exp,
        CASE WHEN v IS NOT NULL AND isfinite(v) AND v <> 0 THEN floor(log10(abs(v))) END AS magnitude
    FROM digits3
),
steps AS (
    SELECT *,
        CASE WHEN magnitude IS NOT NULL
             THEN pow(10, greatest(least(magnitude - ($min_sig - 1), 300), -300)) END AS floor_step,
        CASE WHEN last_digit_exp IS NOT NULL AND abs(last_digit_exp - round(last_digit_exp)) < 1e-6
             THEN pow(10, greatest(least(round(last_digit_exp)
                                         + CASE WHEN has_decimals THEN 0 ELSE trailing_zeros END, 300), -300))
             END AS written_step
    FROM logs
),
halfs AS (
    SELECT *,
        $half_step * greatest(
            CASE WHEN floor_step IS NULL THEN coalesce(written_step, 0)
                 ELSE least(coalesce(written_step, floor_step), floor_step) END,
            -- a whole number is never read finer than its last digit: "7" is 6.5..7.5, not 6.95..7.05
            CASE WHEN dstr = '' AND v IS NOT NULL AND isfinite(v) AND v = round(v) AND abs(v) < 1000 THEN 1
                 WHEN has_decimals OR last_digit_exp IS NULL OR abs(last_digit_exp - round(last_digit_exp)) >= 1e-6
                 THEN 0 ELSE pow(10, greatest(least(round(last_digit_exp), 300), -300)) END)
          * CASE WHEN dimension = '[temperature]'
                 THEN CASE WHEN unit ILIKE '%degF%' OR unit ILIKE '%fahrenheit%' THEN 5.0 / 9 ELSE 1 END
                 ELSE abs(coalesce(ratio, 1)) END AS half_si,
        coalesce(si_v, (si_lo + si_hi) / 2) AS si_nom
    FROM steps
),
intervals AS (
    SELECT *,
        CASE qualifier
            WHEN 'exact' THEN si_nom - half_si
            WHEN 'approx' THEN si_nom - half_si - $approx_rel * abs(si_nom)
            WHEN 'at_least' THEN coalesce(si_lo, si_nom)
            WHEN 'at_most' THEN CASE WHEN dimension = 'count' THEN least(0, coalesce(si_hi, si_nom))
                                     ELSE '-infinity'::DOUBLE END
            WHEN 'range' THEN coalesce(si_lo, si_nom)
        END AS lo0,
        CASE qualifier
            WHEN 'exact' THEN si_nom + half_si
            WHEN 'approx' THEN si_nom + half_si + $approx_rel * abs(si_nom)
            WHEN 'at_least' THEN 'infinity'::DOUBLE
            WHEN 'at_most' THEN coalesce(si_hi, si_nom)
            WHEN 'range' THEN coalesce(si_hi, si_nom)
        END AS hi0,
        regexp_extract(kind0, '^currency_([A-Z]{3})(?: / .*)?$', 1) AS code
    FROM halfs
)
SELECT
    mention_id, document_id, doc_no, source_id, source_name, surface, qualifier, start, published_day,
    si_unit, code,
    kind0 AS kind, si_unit AS base_unit, si_nom AS nominal, lo0 AS lo1, hi0 AS hi1,
    -- the rounding of an at_least / at_most bound's written figure: the interval stays [value, inf) (the
    -- warehouse contract), but two claims conflict only when they are disjoint with that bound rounded
    CASE WHEN qualifier IN ('at_least', 'at_most') THEN half_si ELSE 0 END AS bound_slack,
    CAST(NULL AS DOUBLE) AS rate, CAST(NULL AS DATE) AS rate_date, CAST(NULL AS VARCHAR) AS converted_from,
    publisher, unit
FROM intervals;
