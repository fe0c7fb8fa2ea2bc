import GRDB
import GRDBSQLite

/// A cached INSERT bound with `sqlite3_bind_*` and stepped directly, for the load's per-row
/// statements (lines, paragraphs, facts, search rows).
///
/// GRDB's `execute(arguments:)` boxes every value in a `StatementArguments` array and checks it
/// against the statement; over the ~100 rows a report writes that was a large share of the single
/// writer's time. Statements come from GRDB's cache, so they are prepared once per connection and
/// errors are GRDB's `DatabaseError`.
///
/// ```swift
/// let insert = try RowWriter(db, sql: "INSERT INTO dim_site (name) VALUES (?)")
/// insert.bind(1, "范文先生网")
/// try insert.run()   // 1 row changed
/// ```
struct RowWriter {
    let statement: Statement
    let database: Database
    private let handle: OpaquePointer

    /// SQLite copies bound text before `bind` returns (Swift strings may move).
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    init(_ db: Database, sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
        database = db
        handle = statement.sqliteStatement
    }

    func bind(_ index: Int32, _ value: Int64?) {
        if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    func bind(_ index: Int32, _ value: Int?) {
        bind(index, value.map(Int64.init))
    }

    func bind(_ index: Int32, _ value: Double?) {
        if let value { sqlite3_bind_double(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    func bind(_ index: Int32, _ value: String?) {
        guard var value else { sqlite3_bind_null(handle, index); return }
        value.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { text in
                if let base = text.baseAddress {
                    sqlite3_bind_text(handle, index, base, Int32(text.count), Self.transient)
                } else {
                    sqlite3_bind_text(handle, index, "", 0, Self.transient)
                }
            }
        }
    }

    /// Steps the statement once and resets it; returns the number of rows it changed.
    @discardableResult
    func run() throws -> Int {
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
