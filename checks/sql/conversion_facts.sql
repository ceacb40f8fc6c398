-- A figure repeated in another unit right after it ("60 kilometres (37 miles)", frames part 'conversion')
-- is not compared on its own: it joins the fact of the figure it converts (the nearest figure before it in
-- its document) and, being the same statement again, is marked is_repeat like a title repeating the body.
UPDATE claim_keys AS k
SET fact_id = anchor.fact_id, is_repeat = true
FROM (
    -- the nearest figure before, whatever its fact: one without a fact leaves the conversion without one
    -- (arg_max would skip it and reach back to an unrelated figure's fact)
    SELECT c.mention_id, a.fact_id
    FROM claim_keys AS c
    JOIN mentions AS mc ON mc.mention_id = c.mention_id
    JOIN mentions AS ma ON ma.document_id = mc.document_id AND ma.start < mc.start
    JOIN claim_keys AS a ON a.mention_id = ma.mention_id AND a.part IS DISTINCT FROM 'conversion'
    WHERE c.part = 'conversion'
    QUALIFY row_number() OVER (PARTITION BY c.mention_id ORDER BY ma.start DESC, ma.mention_id) = 1
) AS anchor
WHERE k.mention_id = anchor.mention_id AND anchor.fact_id IS NOT NULL;
