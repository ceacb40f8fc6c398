-- Bulk insert of the mentions of one batch's new documents from the registered Arrow table
-- batch_mentions (already checked against the record rules in Python, where slicing by code point is
-- O(1); DuckDB's substring() would rescan the UTF-8 text for every mention).
-- mention_id is built here (document_id:ordinal) so that re-running yields the same ids.
-- Only the mentions of documents this batch inserts are kept: mentions prepared by an extraction worker
-- (MentionColumns) also cover documents the writer found already stored.
INSERT INTO mentions BY NAME
SELECT
    document_id || ':' || ordinal AS mention_id,
    document_id, start, "end", surface, sentence, value, low, high, qualifier, unit, dimension,
    si_value, si_low, si_high, si_unit, counted, concept, extractor_version,
    ordinal, sentence_start, sentence_end, lang, rule, extra::JSON AS extra
FROM batch_mentions
SEMI JOIN batch_documents USING (document_id);
