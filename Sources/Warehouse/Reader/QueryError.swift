/// A query that SQLite refused or that could not be bound. Printed as one line saying what
/// failed, then the failing statement (with a caret under the error position when SQLite
/// knows it).
///
/// ```swift
/// QueryError(reason: .sql, message: "no such table: dim_docs", sql: "SELECT * FROM dim_docs", offset: 14).description
/// // SQL error: no such table: dim_docs
/// //   SELECT * FROM dim_docs
/// //                 ^
/// ```
public struct QueryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure it was.
    public enum Reason: String, Sendable, Hashable {
        /// SQLite rejected the statement (syntax, unknown table or column, constraint …).
        case sql
        /// The statement writes, and the warehouse was opened read-only.
        case readOnly = "read_only"
        /// The statement uses a `:name` parameter that was not given.
        case missingParameter = "missing_parameter"
        /// A parameter was given that no statement uses.
        case unusedParameter = "unused_parameter"
        /// The query ran past its time limit (`Warehouse.queryTimeout`) and was stopped.
        case timeout
        /// The query asked for something a query may not do (fts3_tokenizer, load_extension,
        /// ATTACH, writable_schema): refused by the connection's authorizer.
        case notAuthorized = "not_authorized"
    }

    /// What kind of failure it was.
    public var reason: Reason
    /// SQLite's message, or what is wrong with the parameters.
    public var message: String
    /// The statement that failed.
    public var sql: String
    /// 0-based character offset of the error in `sql`, when SQLite reports one.
    public var offset: Int?
    /// SQLite's primary result code (1 SQLITE_ERROR, 8 SQLITE_READONLY …), 0 for parameter errors.
    public var resultCode: Int32

    /// An error as described by its parts.
    public init(reason: Reason, message: String, sql: String, offset: Int? = nil, resultCode: Int32 = 1) {
        self.reason = reason
        self.message = message
        self.sql = sql
        self.offset = offset
        self.resultCode = resultCode
    }

    /// The message, then the statement indented, with a caret under the error position.
    public var description: String {
        var text: String
        switch reason {
        case .sql: text = "SQL error: \(message)"
        case .readOnly: text = "SQL error: \(message) (the warehouse is opened read-only; pass --write to modify it)"
        case .missingParameter, .unusedParameter: text = "parameter error: \(message)"
        case .timeout: text = "query stopped: \(message)"
        case .notAuthorized:
            text =
                "SQL refused: \(message) (functions that reach past SQL, ATTACH and schema editing are not allowed in queries)"
        }
        guard !sql.isEmpty else { return text }
        let lines = sql.split(separator: "\n", omittingEmptySubsequences: false)
        guard let offset, offset <= sql.count else {
            return text + "\n" + lines.map { "  " + $0 }.joined(separator: "\n")
        }
        // Print the statement with a caret under the error, below the line that holds it.
        var remaining = offset
        for (index, line) in lines.enumerated() {
            text += "\n  " + line
            if remaining >= 0, remaining <= line.count {
                let prefix = line.prefix(remaining)
                let pad = prefix.map {
                    $0 == "\t"
                        ? "\t"
                        : String(repeating: " ", count: $0.unicodeScalars.first.map { Self.isWide($0) } == true ? 2 : 1)
                }.joined()
                text += "\n  " + pad + "^"
                remaining = -1
            } else if remaining >= 0 {
                remaining -= line.count + 1
            }
            _ = index
        }
        return text
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            true
        default: false
        }
    }
}
