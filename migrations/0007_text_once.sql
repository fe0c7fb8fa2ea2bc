-- Schema version 7: a report's text is stored once. doc_paragraph was a table holding a copy of
-- every kept line (T, B) of doc_line; it becomes a view of doc_line, whose rows get a rowid
-- (line_id) that is also the search index's rowid. The file loses about a sixth of its size and a
-- load about a tenth of its time. doc_line is rebuilt with the new key, doc_paragraph is replaced
-- by the view, and the search index is recreated for the new rowids (eduwh refills it in the same
-- transaction, after this file).
ALTER TABLE doc_line RENAME TO doc_line_v6;
CREATE TABLE doc_line (
    line_id             INTEGER PRIMARY KEY,
    document_id         INTEGER NOT NULL REFERENCES dim_document (document_id) ON DELETE CASCADE,
    line_number         INTEGER NOT NULL,
    label               TEXT    NOT NULL CHECK (label IN ('T', 'M', 'B', 'N')),
    rule_id             TEXT    NOT NULL,
    text                TEXT    NOT NULL,
    UNIQUE (document_id, line_number)
);
INSERT INTO doc_line (document_id, line_number, label, rule_id, text)
SELECT document_id, line_number, label, rule_id, text FROM doc_line_v6 ORDER BY document_id, line_number;
DROP TABLE doc_line_v6;
DROP TABLE doc_paragraph;
CREATE VIEW doc_paragraph AS
SELECT line_id AS paragraph_id, document_id, line_number, text
FROM doc_line
WHERE label IN ('T', 'B');
DROP TABLE search_paragraph;
CREATE VIRTUAL TABLE search_paragraph USING fts5 (
    grams,
    content = '',
    tokenize = 'ascii'
);
INSERT INTO search_paragraph (search_paragraph, rank) VALUES ('hashsize', 33554432);
