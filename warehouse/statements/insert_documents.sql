-- Bulk insert of one batch's new documents from the registered Arrow table batch_documents.
-- The writer has already removed documents whose content_hash is stored or repeated in the batch
-- (inside the same transaction), so the UNIQUE constraint on content_hash can only fire on a bug.
INSERT INTO documents BY NAME
SELECT document_id, source_id, url, title, lang, published_at, fetched_at, content_hash, text, run_id, publisher
FROM batch_documents;
