-- DuckLake has no PRIMARY KEY, so no ON CONFLICT: insert the source when its id is new, else update
-- kind/location/lang when the configuration changed. Runs inside a writer transaction that holds the
-- writer-state row (see warehouse/ducklake.py), so two writers never both see the source as new.
INSERT INTO sources (source_id, name, kind, location, lang, added_at)
SELECT $source_id, $name, $kind, $location, $lang, now()
WHERE NOT EXISTS (SELECT 1 FROM sources WHERE source_id = $source_id);

UPDATE sources
SET kind = $kind, location = $location, lang = $lang
WHERE source_id = $source_id
  AND (kind IS DISTINCT FROM $kind OR location IS DISTINCT FROM $location OR lang IS DISTINCT FROM $lang);
