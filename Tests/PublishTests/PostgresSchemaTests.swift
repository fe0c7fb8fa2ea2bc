import Publish
import Testing
import Warehouse

/// The PostgreSQL DDL is generated from schema.sql and never drifts from it.
@Suite struct PostgresSchemaTests {
    @Test func everySQLiteTableAndColumnIsInThePostgresDDL() {
        let sqlite = PostgresSchema.tableColumns(in: Warehouse.schemaSQL)
        let postgres = PostgresSchema.tableColumns(in: PostgresSchema.current)
        #expect(!sqlite.isEmpty)
        for table in Warehouse.portableTables {
            // A view (doc_paragraph, over doc_line) passes through as the same view.
            if Warehouse.schemaSQL.contains("CREATE VIEW \(table) AS") {
                #expect(
                    PostgresSchema.current.contains("CREATE VIEW \(table) AS"),
                    "\(table) view missing from the PostgreSQL DDL")
                continue
            }
            #expect(sqlite[table] != nil, "\(table) missing from schema.sql")
            #expect(postgres[table] == sqlite[table], "\(table) columns differ")
        }
        #expect(postgres["search_paragraph"] == nil, "the FTS5 table is SQLite-only")
    }

    @Test func sqliteOnlySyntaxIsTranslated() {
        let ddl = PostgresSchema.current
        #expect(!ddl.contains("PRAGMA"))
        #expect(!ddl.contains("WITHOUT ROWID"))
        #expect(!ddl.contains("fts5"))
        #expect(!ddl.contains(" REAL"))
        #expect(ddl.contains("value               DOUBLE PRECISION"))
        #expect(ddl.contains("document_id         BIGINT PRIMARY KEY"))
        #expect(ddl.contains("CREATE VIEW v_quantity AS"))
    }

    @Test func semicolonsInsideStringsDoNotSplitStatements() {
        let sql = "CREATE TABLE t (a TEXT DEFAULT 'x; y'); -- note; here\nCREATE INDEX t_a ON t (a);"
        #expect(
            PostgresSchema.ddl(from: sql) == "CREATE TABLE t (a TEXT DEFAULT 'x; y');\n\nCREATE INDEX t_a ON t (a);\n")
    }
}
