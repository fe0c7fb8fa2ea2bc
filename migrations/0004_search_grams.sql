-- Schema version 4: the full-text index keeps one token column, `grams` (CJK character pairs plus
-- each run's last character), instead of unigrams + bigrams: a third fewer tokens to index on
-- every load. The index is contentless, so its rows are rebuilt from doc_paragraph by eduwh
-- right after this file runs (Warehouse.rebuildSearchIndex), in the same transaction.
DROP TABLE search_paragraph;
CREATE VIRTUAL TABLE search_paragraph USING fts5 (
    grams,
    content = '',
    tokenize = 'unicode61 remove_diacritics 0'
);
