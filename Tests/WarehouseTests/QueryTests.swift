import Foundation
import Testing

@testable import Warehouse

@Suite("Warehouse queries")
struct QueryTests {
    @Test(
        "command-line parameter values: plain integers bind as integers, the rest as text",
        arguments: [
            ("2011", SQLValue.integer(2011)), ("-3", .integer(-3)), ("007", .text("007")), ("+3", .text("+3")),
            ("3.5", .text("3.5")), ("海珠区", .text("海珠区")), ("4401", .integer(4401)), ("", .text("")),
        ])
    func parameterValue(text: String, expected: SQLValue) {
        #expect(SQLValue(parameter: text) == expected)
    }

    @Test(
        "reals print as plain decimals",
        arguments: [(348000000.0, "348000000"), (85.6, "85.6"), (0.5, "0.5"), (19432.9 * 10000, "194329000")])
    func realText(value: Double, expected: String) {
        #expect(SQLValue.real(value).text == expected)
    }

    @Test("a parameter is bound, never pasted into the SQL")
    func boundNotInterpolated() throws {
        let warehouse = try QueryTestWarehouse.open()
        let hostile = "'; DROP TABLE dim_document; --"
        let rows = try warehouse.query("SELECT :x AS x, typeof(:x) AS type", parameters: ["x": .text(hostile)])
        #expect(rows.rows == [[.text(hostile), .text("text")]])
        #expect(
            try warehouse.query("SELECT count(*) FROM dim_document").rows == [
                [.integer(Int64(QueryTestWarehouse.documentCount))]
            ])
    }

    @Test("a year parameter compares with INTEGER columns and expressions")
    func integerParameter() throws {
        let warehouse = try QueryTestWarehouse.open()
        let rows = try warehouse.query(
            "SELECT :year BETWEEN 2010 AND COALESCE(NULL, 2012), typeof(:year)",
            parameters: ["year": SQLValue(parameter: "2011")])
        #expect(rows.rows == [[.integer(1), .text("integer")]])
    }

    @Test("a parameter the SQL uses but nobody gave is an error naming it")
    func missingParameter() throws {
        let warehouse = try QueryTestWarehouse.open()
        let error = #expect(throws: QueryError.self) {
            try warehouse.query("SELECT * FROM dim_document WHERE reference_year = :year")
        }
        #expect(error?.reason == .missingParameter)
        #expect(error?.message.contains(":year") == true)
    }

    @Test("a parameter no statement uses is an error, checked before anything runs")
    func unusedParameter() throws {
        let path = try QueryTestWarehouse.copy()
        let warehouse = try Warehouse(path: path)
        let error = #expect(throws: QueryError.self) {
            try warehouse.query("DELETE FROM dim_site", parameters: ["yaer": .integer(2011)], write: true)
        }
        #expect(error?.reason == .unusedParameter)
        #expect(error?.message.contains("yaer") == true)
    }

    @Test("read-only: a DELETE is refused and the file is byte for byte unchanged")
    func readOnlyRefusesWrites() throws {
        let path = try QueryTestWarehouse.copy()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let warehouse = try Warehouse(path: path, readOnly: true)
        let error = #expect(throws: QueryError.self) { try warehouse.query("DELETE FROM dim_document") }
        #expect(error?.reason == .readOnly)
        #expect(error?.description.contains("--write") == true)
        #expect(
            try warehouse.query("SELECT count(*) FROM dim_document").rows == [
                [.integer(Int64(QueryTestWarehouse.documentCount))]
            ])
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test("with write, statements run in one transaction that a failure rolls back")
    func writeIsAtomic() throws {
        let path = try QueryTestWarehouse.copy()
        let warehouse = try Warehouse(path: path)
        #expect(throws: QueryError.self) {
            try warehouse.query("DELETE FROM doc_line; SELECT nope FROM dim_document", write: true)
        }
        #expect(try warehouse.query("SELECT count(*) > 0 FROM doc_line").rows == [[.integer(1)]])
        let lines = try warehouse.query("SELECT count(*) FROM doc_line").rows[0][0]
        let outcome = try warehouse.execute("DELETE FROM doc_line", write: true, columns: { _ in }, row: { _ in })
        #expect(SQLValue.integer(Int64(outcome.changes)) == lines)
        #expect(try warehouse.query("SELECT count(*) FROM doc_line").rows == [[.integer(0)]])
    }

    @Test("several statements run in order and the rows of the last are returned")
    func lastStatementRows() throws {
        let warehouse = try QueryTestWarehouse.open()
        let rows = try warehouse.query("SELECT 1 AS a; -- first\nSELECT 2 AS b, ';' AS c;\n-- trailing comment\n")
        #expect(rows.columns == ["b", "c"])
        #expect(rows.rows == [[.integer(2), .text(";")]])
    }

    @Test("limit stops after N rows and says more were there")
    func limit() throws {
        let warehouse = try QueryTestWarehouse.open()
        let rows = try warehouse.query("SELECT region_id FROM dim_region ORDER BY region_id", limit: 3)
        #expect(rows.rows.count == 3)
        #expect(rows.truncated)
        let all = try warehouse.query("SELECT document_id FROM dim_document", limit: QueryTestWarehouse.documentCount)
        #expect(all.rows.count == QueryTestWarehouse.documentCount)
        #expect(!all.truncated)
    }

    @Test(
        "SQL errors carry SQLite's message, the statement and the error position",
        arguments: [
            ("SELECT * FORM dim_document", "near \"FORM\": syntax error", 9),
            ("SELECT nope FROM dim_document", "no such column: nope", 7),
        ])
    func errorPosition(sql: String, message: String, offset: Int) throws {
        let warehouse = try QueryTestWarehouse.open()
        let error = #expect(throws: QueryError.self) { try warehouse.query(sql) }
        #expect(error?.reason == .sql)
        #expect(error?.message == message)
        #expect(error?.sql == sql)
        #expect(error?.offset == offset)
        #expect(
            error?.description.split(separator: "\n").last == Substring(String(repeating: " ", count: offset + 2) + "^")
        )
    }

    @Test(
        "statements split where SQLite ends them",
        arguments: [
            ("SELECT 1; SELECT 2", ["SELECT 1;", " SELECT 2"]),
            ("SELECT ';' AS x; SELECT 2;", ["SELECT ';' AS x;", " SELECT 2;"]),
            ("SELECT 1 -- a; comment\n; SELECT 2", ["SELECT 1 -- a; comment\n;", " SELECT 2"]),
            ("/* ; */ SELECT 1;\n-- done\n", ["/* ; */ SELECT 1;"]),
            (
                "CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1; SELECT 2; END; SELECT 3",
                ["CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1; SELECT 2; END;", " SELECT 3"]
            ),
        ])
    func splitStatements(sql: String, expected: [String]) {
        #expect(SQLScript.statements(in: sql) == expected)
    }
}
