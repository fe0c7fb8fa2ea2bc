import Foundation
import GRDB

extension Warehouse {
    /// Tables other engines receive (`export`, `publish`), parents before children. The FTS index
    /// is SQLite-specific and stays behind; the target engine indexes `doc_paragraph` its own way.
    public static let portableTables = [
        "etl_warehouse", "etl_run", "etl_file", "etl_reject",
        "dim_site", "dim_region", "dim_year", "dim_indicator", "dim_unit", "dim_document",
        "fact_quantity", "fact_year_mention", "fact_place_mention", "doc_line", "doc_paragraph",
    ]

    /// Column names and declared types of a table, in schema order.
    public func columns(of table: String) throws -> [(name: String, type: String)] {
        try dbQueue.read { db in
            try Row.fetchAll(db, sql: "SELECT name, type FROM pragma_table_info(?) ORDER BY cid", arguments: [table])
                .map { ($0[0], $0[1]) }
        }
    }

    /// Writes the rows of `sql` as CSV (RFC 4180, UTF-8, header row) to `handle`: NULL is an empty
    /// unquoted cell, an empty string is `""`, so PostgreSQL's `COPY … CSV` and DuckDB read both back.
    /// Returns the number of rows written.
    @discardableResult
    public func writeCSV(_ sql: String, arguments: [String] = [], header: Bool = true, to handle: FileHandle) throws
        -> Int
    {
        try dbQueue.read { db in
            let statement = try db.makeStatement(sql: sql)
            statement.arguments = StatementArguments(arguments)
            var buffer = ""
            if header { buffer += statement.columnNames.map(Self.csvQuote).joined(separator: ",") + "\n" }
            var count = 0
            let cursor = try Row.fetchCursor(statement)
            while let row = try cursor.next() {
                var cells: [String] = []
                cells.reserveCapacity(row.count)
                for index in 0..<row.count {
                    switch (row[index] as DatabaseValue).storage {
                    case .null: cells.append("")
                    case .int64(let value): cells.append(String(value))
                    case .double(let value): cells.append(Self.csvNumber(value))
                    case .string(let value): cells.append(Self.csvQuote(value))
                    case .blob(let data): cells.append(Self.csvQuote(data.base64EncodedString()))
                    }
                }
                buffer += cells.joined(separator: ",") + "\n"
                count += 1
                if buffer.utf8.count > 1 << 20 {
                    handle.write(Data(buffer.utf8))
                    buffer = ""
                }
            }
            handle.write(Data(buffer.utf8))
            return count
        }
    }

    static func csvQuote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Doubles print with enough digits to round-trip, without exponent for ordinary magnitudes.
    static func csvNumber(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(format: "%.1f", value) }
        return "\(value)"
    }
}
