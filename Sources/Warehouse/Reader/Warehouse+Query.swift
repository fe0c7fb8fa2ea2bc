import Foundation
import GRDB
import GRDBSQLite

extension Warehouse {
    // MARK: - Running SQL

    /// Runs one or more SQL statements (separated by `;`) and streams the rows of the last one.
    ///
    /// Every `:name` (also `@name`, `$name`) parameter is bound from `parameters`, never
    /// interpolated; a statement that uses a parameter not given throws `.missingParameter`, and
    /// a given parameter that no statement uses throws `.unusedParameter` (checked before anything
    /// runs). Without `write` the script runs in a read-only transaction; with it, in one write
    /// transaction that is rolled back when any statement fails. `limit` stops after that many
    /// rows (`truncated` tells whether more were there).
    ///
    /// ```swift
    /// try warehouse.execute("SELECT title FROM dim_document WHERE reference_year = :year",
    ///                       parameters: ["year": .integer(2011)],
    ///                       columns: { print($0) }, row: { print($0.map(\.text)) })
    /// ```
    @discardableResult
    public func execute(
        _ sql: String, parameters: [String: SQLValue] = [:], write: Bool = false, limit: Int? = nil,
        columns onColumns: ([String]) throws -> Void,
        row onRow: ([SQLValue]) throws -> Void
    ) throws -> QueryOutcome {
        let statements = SQLScript.statements(in: sql)
        guard !statements.isEmpty else {
            throw QueryError(reason: .sql, message: "no SQL statement given", sql: sql, resultCode: 21)
        }
        let body = { (db: Database) throws -> QueryOutcome in
            try Self.checkParameters(db, statements, parameters)
            var outcome = QueryOutcome()
            for (index, text) in statements.enumerated() {
                let statement = try Self.prepare(db, text)
                let names = Self.parameterNames(statement)
                if let missing = names.first(where: { parameters[$0] == nil }) {
                    throw QueryError(
                        reason: .missingParameter,
                        message: "the query uses :\(missing) but no value was given; pass -p \(missing) VALUE",
                        sql: text, resultCode: 0)
                }
                var arguments: [String: (any DatabaseValueConvertible)?] = [:]
                for name in names { arguments[name] = parameters[name]?.databaseValue }
                statement.setUncheckedArguments(StatementArguments(arguments))
                do {
                    if index == statements.count - 1, statement.columnCount > 0 {
                        outcome.columns = statement.columnNames
                        try onColumns(outcome.columns)
                        let width = statement.columnCount
                        let cursor = try Row.fetchCursor(statement)
                        while let row = try cursor.next() {
                            if let limit, outcome.rowCount >= limit {
                                outcome.truncated = true
                                break
                            }
                            try onRow((0..<width).map { SQLValue(row[$0] as DatabaseValue) })
                            outcome.rowCount += 1
                        }
                    } else {
                        try statement.execute()
                        outcome.changes += statement.isReadonly ? 0 : db.changesCount
                    }
                } catch let error as DatabaseError {
                    throw Self.queryError(error, db, text, prepared: true)
                }
            }
            return outcome
        }
        startQueryDeadline()
        defer { clearQueryDeadline() }
        return write ? try dbQueue.write(body) : try dbQueue.read(body)
    }

    /// Runs SQL and returns all its rows (see `execute` for parameters, `write` and `limit`).
    ///
    /// ```swift
    /// try warehouse.query("SELECT count(*) FROM dim_document").rows[0][0] // .integer(5)
    /// ```
    public func query(_ sql: String, parameters: [String: SQLValue] = [:], write: Bool = false, limit: Int? = nil)
        throws -> QueryRows
    {
        var rows: [[SQLValue]] = []
        let outcome = try execute(
            sql, parameters: parameters, write: write, limit: limit,
            columns: { _ in }, row: { rows.append($0) })
        return QueryRows(columns: outcome.columns, rows: rows, truncated: outcome.truncated)
    }

    /// Runs SQL with text parameters (each bound as `SQLValue(parameter:)`) and returns all rows.
    public func query(_ sql: String, named: [String: String]) throws -> QueryRows {
        try query(sql, parameters: named.mapValues(SQLValue.init(parameter:)))
    }

    // MARK: - Helpers

    /// Prepares one statement, turning SQLite's complaint into a `QueryError` with the position.
    static func prepare(_ db: Database, _ sql: String) throws -> Statement {
        do {
            return try db.makeStatement(sql: sql)
        } catch let error as DatabaseError {
            throw queryError(error, db, sql, prepared: false)
        }
    }

    /// Names of the named parameters of a statement, without their `:`, `@` or `$`.
    static func parameterNames(_ statement: Statement) -> [String] {
        let count = sqlite3_bind_parameter_count(statement.sqliteStatement)
        guard count > 0 else { return [] }
        var names: [String] = []
        for index in 1...count {
            guard let cString = sqlite3_bind_parameter_name(statement.sqliteStatement, index) else { continue }
            let name = String(String(cString: cString).dropFirst())
            if !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// Before running anything: every given parameter must be used by some statement. Statements
    /// that cannot be prepared yet (they need a table an earlier statement creates) are skipped.
    static func checkParameters(_ db: Database, _ statements: [String], _ parameters: [String: SQLValue]) throws {
        guard !parameters.isEmpty else { return }
        var used: Set<String> = []
        for text in statements {
            guard let statement = try? db.makeStatement(sql: text) else { return }
            used.formUnion(parameterNames(statement))
        }
        if let unused = parameters.keys.sorted().first(where: { !used.contains($0) }) {
            throw QueryError(
                reason: .unusedParameter,
                message: "-p \(unused) was given but the query has no :\(unused) parameter",
                sql: statements.joined(separator: "\n"), resultCode: 0)
        }
    }

    /// What a query stopped by its time limit says.
    static let timeoutMessage =
        "it ran longer than its time limit and was stopped; narrow it, or pass a larger --timeout"

    static func queryError(_ error: DatabaseError, _ db: Database, _ sql: String, prepared: Bool) -> QueryError {
        var offset: Int?
        if !prepared, let connection = db.sqliteConnection {
            let byteOffset = Int(sqlite3_error_offset(connection))
            if byteOffset >= 0, byteOffset <= sql.utf8.count {
                let index = sql.utf8.index(sql.utf8.startIndex, offsetBy: byteOffset)
                offset = sql[..<index].count
            }
        }
        let code = error.resultCode.primaryResultCode
        let reason: QueryError.Reason =
            switch code {
            case .SQLITE_READONLY: .readOnly
            case .SQLITE_INTERRUPT: .timeout
            case .SQLITE_AUTH: .notAuthorized
            default: .sql
            }
        // Show the statement without the blank lines and indentation that led up to it.
        let leading = sql.prefix { $0.isWhitespace }.count
        let statement = String(sql.dropFirst(leading)).trimmingCharacters(in: .whitespacesAndNewlines)
        let message = reason == .timeout ? Self.timeoutMessage : error.message ?? "\(error)"
        return QueryError(
            reason: reason, message: message, sql: statement,
            offset: offset.flatMap { $0 >= leading ? $0 - leading : nil }, resultCode: code.rawValue)
    }
}
