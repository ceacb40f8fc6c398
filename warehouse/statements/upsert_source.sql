-- Insert a source, or update its kind, location and language when the configuration changed.
-- $source_id is derived from $name, so a renamed source is a new source (its old documents stay).
INSERT INTO sources (source_id, name, kind, location, lang, added_at)
VALUES ($source_id, $name, $kind, $location, $lang, now())
ON CONFLICT (source_id) DO UPDATE
SET kind = excluded.kind, location = excluded.location, lang = excluded.lang
WHERE sources.kind IS DISTINCT FROM excluded.kind
   OR sources.location IS DISTINCT FROM excluded.location
   OR sources.lang IS DISTINCT FROM excluded.lang;
