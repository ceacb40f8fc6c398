-- Fingerprint of everything checks.refresh reads, cheap enough for every publish (one scan of a few
-- columns; no sort, no join). bit_xor of row hashes is order-independent, and with the row counts it
-- changes when a row is added, removed or rewritten. Mention rows are written once (their ids derive from
-- the document's content hash), so their identity plus the fields intervals depend on is enough.
SELECT
    (SELECT (count(*), bit_xor(hash(mention_id, document_id, extractor_version, start, "end", surface, sentence_start,
                                    value, low, high, si_value, si_low, si_high, qualifier, unit, dimension,
                                    si_unit, concept, counted, lang)))
     FROM mentions)::VARCHAR
    || '|' || (SELECT (count(*), bit_xor(hash(document_id, source_id, lang, published_at, publisher))) FROM documents)::VARCHAR
    || '|' || (SELECT (count(*), bit_xor(hash(source_id, name))) FROM sources)::VARCHAR
    || '|' || (SELECT (count(*), bit_xor(hash(fact_id, concept, subject, dimension, unit, si_value, si_low,
                                              si_high, source, as_of)))
               FROM reference_facts)::VARCHAR
    || '|' || (SELECT (count(*), bit_xor(hash("date", "from", "to", rate))) FROM exchange_rates)::VARCHAR
    || '|' || (SELECT (count(*), bit_xor(hash(mention_id, lexicon_version))) FROM claim_frames)::VARCHAR
    AS digest;
