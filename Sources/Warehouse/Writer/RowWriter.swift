import GRDB
import GRDBSQLite

/// A cached INSERT bound with `sqlite3_bind_*` and stepped directly, for the load's per-row
/// statements (lines, paragraphs, facts, search rows).
///
/// GRDB's `execute(arguments:)` boxes every value in a `StatementArguments` array and checks it
/// against the statement; over the ~100 rows a report writes that was a large share of the single
/// writer's time. Values pass as a parameter pack, so nothing is boxed or allocated per row.
/// Statements come from GRDB's cache, so they are prepared once per connection and errors are
/// GRDB's `DatabaseError`.
///
/// ```swift
/// let insert = try RowWriter(db, sql: "INSERT INTO dim_site (name) VALUES (?)")
/// try insert.run("范文先生网")   // 1 row changed
/// ```
struct RowWriter {
    let statement: Statement
    let database: Database
    private let handle: OpaquePointer

    init(_ db: Database, sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
        database = db
        handle = statement.sqliteStatement
    }

    /// Binds `values` to the statement's parameters 1, 2, … in order, steps it once and resets
    /// it; returns the number of rows it changed.
    @discardableResult
    func run<each Value: RowBindable>(_ values: repeat each Value) throws -> Int {
        var index: Int32 = 0
        func bind(_ value: some RowBindable) {
            index += 1
            value.bind(to: handle, at: index)
        }
        repeat bind(each values)
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(database.sqliteConnection))
            sqlite3_reset(handle)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
        sqlite3_reset(handle)
        return Int(sqlite3_changes(database.sqliteConnection))
    }
}

/// A value `RowWriter` binds to a statement parameter (1-based `index`).
protocol RowBindable {
    func bind(to statement: OpaquePointer, at index: Int32)
}

extension Int64: RowBindable {
    func bind(to statement: OpaquePointer, at index: Int32) { sqlite3_bind_int64(statement, index, self) }
}

extension Int: RowBindable {
    func bind(to statement: OpaquePointer, at index: Int32) { sqlite3_bind_int64(statement, index, Int64(self)) }
}

extension Double: RowBindable {
    func bind(to statement: OpaquePointer, at index: Int32) { sqlite3_bind_double(statement, index, self) }
}

extension String: RowBindable {
    /// SQLite copies the text before `bind` returns (Swift strings may move).
    static let transientDestructor = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    func bind(to statement: OpaquePointer, at index: Int32) {
        var text = self
        _ = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress {
                    sqlite3_bind_text(statement, index, base, Int32(chars.count), Self.transientDestructor)
                } else {
                    sqlite3_bind_text(statement, index, "", 0, Self.transientDestructor)
                }
            }
        }
    }
}

/// Text already in UTF-8 (search tokens), bound without making a `String` of it.
struct UTF8Text: RowBindable {
    let bytes: [UInt8]

    func bind(to statement: OpaquePointer, at index: Int32) {
        _ = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress {
                    sqlite3_bind_text(statement, index, base, Int32(chars.count), String.transientDestructor)
                } else {
                    sqlite3_bind_text(statement, index, "", 0, String.transientDestructor)
                }
            }
        }
    }
}

extension Optional: RowBindable where Wrapped: RowBindable {
    func bind(to statement: OpaquePointer, at index: Int32) {
        if let value = self { value.bind(to: statement, at: index) } else { sqlite3_bind_null(statement, index) }
    }
}
