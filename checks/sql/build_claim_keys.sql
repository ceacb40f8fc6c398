-- Step 3 of the claim_keys rebuild: which fact each claim states. Blocking, not pairs: a fact is
-- (kind, frame, a chain of publication days with gaps ≤ $max_gap, cut every $max_span days), computed with
-- window functions over the distinct (subject, day) values — a small table — then joined back to claims
-- on integer keys. An undated claim joins its subject's fact when that subject has a single dated fact.
-- Speed (1M claims): every join and grouping of the million-row side is on integers — the temp table's
-- rowid (rid), a block hash (bkey), the document's rowid (doc_no) and a fact number (fno) whose order
-- is the fact_id order — never on the VARCHAR ids; fact_id strings are computed on the small tables only.
-- Parameters: $eps, $max_gap, $max_span (checks/tolerances.toml).
INSERT INTO claim_keys
WITH matchable AS MATERIALIZED (
    SELECT rowid AS rid, mention_id, hash(kind, frame) AS bkey, kind, frame, published_day, doc_no, start,
        lo1, hi1
    FROM qc_intervals
    WHERE kind IS NOT NULL AND frame <> '' AND lo1 IS NOT NULL AND hi1 IS NOT NULL
      AND NOT isnan(lo1) AND NOT isnan(hi1) AND lo1 <= hi1
),
days AS (
    SELECT bkey, any_value(kind) AS kind, any_value(frame) AS frame, published_day AS d
    FROM matchable WHERE published_day IS NOT NULL
    GROUP BY bkey, published_day
),
marks AS (
    SELECT bkey, kind, frame, d,
        CASE WHEN d - lag(d) OVER w <= $max_gap THEN 0 ELSE 1 END AS new_island
    FROM days
    WINDOW w AS (PARTITION BY bkey ORDER BY d)
),
islands AS (
    SELECT bkey, kind, frame, d,
        sum(new_island) OVER (PARTITION BY bkey ORDER BY d ROWS UNBOUNDED PRECEDING) AS island
    FROM marks
),
island_starts AS (
    SELECT bkey, kind, frame, d, min(d) OVER (PARTITION BY bkey, island) AS island_start FROM islands
),
starts AS (
    SELECT bkey, d,
        'F' || substr(md5(kind || '|' || frame || '|' || CAST(
            island_start + CAST((d - island_start) // $max_span * $max_span AS INTEGER) AS VARCHAR)), 1, 15)
            AS fact_id
    FROM island_starts
),
single AS (
    SELECT bkey, any_value(fact_id) AS fact_id FROM starts GROUP BY bkey HAVING count(DISTINCT fact_id) = 1
),
undated AS (
    SELECT bkey, 'F' || substr(md5(any_value(kind) || '|' || any_value(frame) || '|undated'), 1, 15) AS fact_id
    FROM matchable WHERE published_day IS NULL GROUP BY bkey
),
fact_numbers AS (
    -- one integer per fact, numbered in fact_id order (so positions sort exactly as by fact_id)
    SELECT fact_id, dense_rank() OVER (ORDER BY fact_id) AS fno
    FROM (SELECT fact_id FROM starts UNION SELECT fact_id FROM undated)
),
day_facts AS (
    SELECT s.bkey, s.d, s.fact_id, n.fno FROM starts AS s JOIN fact_numbers AS n USING (fact_id)
),
undated_facts AS (
    -- an undated claim: its subject's only dated fact, else the subject's "undated" fact
    SELECT u.bkey, coalesce(g.fact_id, u.fact_id) AS fact_id
    FROM undated AS u LEFT JOIN single AS g USING (bkey)
),
undated_numbered AS (
    SELECT u.bkey, u.fact_id, n.fno FROM undated_facts AS u JOIN fact_numbers AS n USING (fact_id)
),
assigned AS MATERIALIZED (
    SELECT m.rid, m.mention_id, m.doc_no, m.start, m.lo1, m.hi1,
        coalesce(s.fno, u.fno) AS fno
    FROM matchable AS m
    LEFT JOIN day_facts AS s ON s.bkey = m.bkey AND s.d = m.published_day
    LEFT JOIN undated_numbered AS u ON m.published_day IS NULL AND u.bkey = m.bkey
),
firsts AS (
    -- the first occurrence of each (fact, document, interval): later ones are repeats (title + body)
    SELECT arg_min(rid, (start, mention_id)) AS rid
    FROM assigned GROUP BY fno, doc_no, lo1, hi1
),
ranked AS MATERIALIZED (
    -- first occurrences sorted by (fact, lower bound): consecutive positions per fact
    SELECT a.rid, a.fno,
        a.lo1 - $eps * abs(a.lo1) AS lo,
        a.hi1 + $eps * abs(a.hi1) AS hi,
        row_number() OVER (ORDER BY a.fno, a.lo1, a.mention_id) AS pos
    FROM assigned AS a
    SEMI JOIN firsts AS f ON f.rid = a.rid
),
lows AS (
    SELECT fno, lo, min(pos) AS first_pos FROM ranked GROUP BY fno, lo
),
ends AS (
    SELECT fno, max(pos) AS fact_end FROM ranked GROUP BY fno
),
rights AS (
    -- the first claim of the same fact whose lower bound is above this claim's upper bound
    SELECT r.rid, r.pos, l.first_pos AS right_from, e.fact_end
    FROM ranked AS r
    ASOF LEFT JOIN lows AS l ON l.fno = r.fno AND l.lo > r.hi
    JOIN ends AS e ON e.fno = r.fno
),
placed AS (
    SELECT a.rid, n.fact_id, g.rid IS NULL AS is_repeat, g.pos, g.right_from, g.fact_end
    FROM assigned AS a
    JOIN fact_numbers AS n ON n.fno = a.fno
    LEFT JOIN rights AS g ON g.rid = a.rid
)
SELECT
    q.mention_id, q.document_id, q.source_id, q.kind, q.frame, p.fact_id, q.published_day, q.nominal,
    q.lo1 - $eps * abs(q.lo1) AS lo,
    q.hi1 + $eps * abs(q.hi1) AS hi,
    q.base_unit, q.terms, q.entities, q.converted_from, q.rate, q.rate_date,
    coalesce(p.is_repeat, false) AS is_repeat,
    q.source_name, q.surface, p.pos, p.right_from, p.fact_end, q.publisher, q.unit
FROM qc_intervals AS q
LEFT JOIN placed AS p ON p.rid = q.rowid;
