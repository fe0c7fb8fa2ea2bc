-- Schema version 5: the full-text index is tokenized by FTS5's built-in `ascii` tokenizer instead
-- of unicode61. The `grams` column holds only CJK pairs/characters and lower-cased ASCII words
-- separated by spaces, which both tokenizers split identically; ascii does it without looking up
-- each character's Unicode category (about a sixth of the index's build time). FTS5 also keeps
-- up to 32 MB of pending terms in memory (default 1 MB) before writing a segment, so each load
-- batch becomes one segment instead of several that have to be merged later.
-- The index is contentless, so its rows are rebuilt from doc_paragraph by eduwh right after this
-- file runs (Warehouse.rebuildSearchIndex), in the same transaction.
DROP TABLE search_paragraph;
CREATE VIRTUAL TABLE search_paragraph USING fts5 (
    grams,
    content = '',
    tokenize = 'ascii'
);
INSERT INTO search_paragraph (search_paragraph, rank) VALUES ('hashsize', 33554432);
