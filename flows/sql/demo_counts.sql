-- Totals shown in the demo's first line.
SELECT (SELECT count(*) FROM sources) AS sources,
       (SELECT count(*) FROM documents) AS documents,
       (SELECT count(*) FROM mentions) AS claims;
