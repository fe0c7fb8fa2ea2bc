import Foundation
import GRDB

/// A cell of a query result: what SQLite stored, without GRDB types.
public enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    /// The value as plain text ("" for NULL, hex for blobs).
    public var text: String {
        switch self {
        case .null: ""
        case .integer(let value): String(value)
        case .real(let value): String(value)
        case .text(let value): value
        case .blob(let bytes): bytes.map { String(format: "%02x", $0) }.joined()
        }
    }
}

/// The rows a query returned, with its column names.
public struct QueryRows: Sendable, Hashable {
    public var columns: [String]
    public var rows: [[SQLValue]]
}

extension Warehouse {
    /// Runs one SQL statement with named (`:name`) or positional parameters and returns all rows.
    public func query(_ sql: String, named: [String: String] = [:]) throws -> QueryRows {
        try dbQueue.read { db in try Self.fetch(db, sql, named: named) }
    }

    static func fetch(_ db: Database, _ sql: String, named: [String: String]) throws -> QueryRows {
        let statement = try db.makeStatement(sql: sql)
        if !named.isEmpty {
            var arguments: [String: (any DatabaseValueConvertible)?] = [:]
            for (key, value) in named { arguments[key] = value }
            statement.arguments = StatementArguments(arguments)
        }
        let columns = statement.columnNames
        var rows: [[SQLValue]] = []
        let cursor = try Row.fetchCursor(statement)
        while let row = try cursor.next() {
            rows.append((0..<columns.count).map { index in
                switch (row[index] as DatabaseValue).storage {
                case .null: .null
                case .int64(let value): .integer(value)
                case .double(let value): .real(value)
                case .string(let value): .text(value)
                case .blob(let data): .blob(Array(data))
                }
            })
        }
        return QueryRows(columns: columns, rows: rows)
    }
}
