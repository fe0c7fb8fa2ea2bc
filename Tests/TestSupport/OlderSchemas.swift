/// SQL that turns parts of a warehouse made from today's schema.sql back into an older version's,
/// for tests that migrate them forward again.
public enum OlderSchemas {
    /// Version 6's text tables: doc_line keyed by (document_id, line_number) without a rowid,
    /// doc_paragraph a table holding a copy of the kept lines (migration 0007 replaced both).
    public static let textTablesToVersion6 = """
        CREATE TABLE doc_line_v6 (
            document_id INTEGER NOT NULL REFERENCES dim_document (document_id) ON DELETE CASCADE,
            line_number INTEGER NOT NULL, label TEXT NOT NULL CHECK (label IN ('T', 'M', 'B', 'N')),
            rule_id TEXT NOT NULL, text TEXT NOT NULL, PRIMARY KEY (document_id, line_number)
        ) WITHOUT ROWID;
        INSERT INTO doc_line_v6 SELECT document_id, line_number, label, rule_id, text FROM doc_line;
        CREATE TABLE doc_paragraph_v6 (
            paragraph_id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES dim_document (document_id) ON DELETE CASCADE,
            line_number INTEGER NOT NULL, text TEXT NOT NULL, UNIQUE (document_id, line_number)
        );
        INSERT INTO doc_paragraph_v6 SELECT paragraph_id, document_id, line_number, text FROM doc_paragraph;
        DROP VIEW doc_paragraph;
        DROP TABLE doc_line;
        ALTER TABLE doc_line_v6 RENAME TO doc_line;
        ALTER TABLE doc_paragraph_v6 RENAME TO doc_paragraph;
        """
}
