-- One row per source: how many documents and claims the warehouse holds for it.
SELECT s.name AS source, s.kind, coalesce(s.lang, '') AS lang,
       count(DISTINCT d.document_id) AS documents, count(m.mention_id) AS claims
FROM sources AS s
LEFT JOIN documents AS d ON d.source_id = s.source_id
LEFT JOIN mentions AS m ON m.document_id = d.document_id
GROUP BY ALL
ORDER BY s.name;
