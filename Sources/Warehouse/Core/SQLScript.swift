import GRDBSQLite

/// Splits SQL text into its statements, the way SQLite's own parser sees them: a `;` inside a
/// string literal, a comment or a trigger body does not end a statement.
///
/// ```swift
/// SQLScript.statements(in: "SELECT ';'; -- done\nSELECT 2") // ["SELECT ';';", " -- done\nSELECT 2"]
/// SQLScript.isBlank("  -- only a comment\n")                  // true
/// ```
public enum SQLScript {
    /// The statements of `sql`, each with its trailing `;`; blank pieces (whitespace and
    /// comments only) are dropped.
    public static func statements(in sql: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        for character in sql {
            current.append(character)
            if character == ";", sqlite3_complete(current) != 0 {
                if !isBlank(current) { pieces.append(current) }
                current = ""
            }
        }
        if !isBlank(current) { pieces.append(current) }
        return pieces
    }

    /// True when `sql` holds only whitespace, `;` and comments.
    public static func isBlank(_ sql: String) -> Bool {
        var scalars = Array(sql.unicodeScalars)[...]
        while let first = scalars.first {
            if first.properties.isWhitespace || first == ";" {
                scalars = scalars.dropFirst()
            } else if first == "-", scalars.dropFirst().first == "-" {
                scalars = scalars.drop { $0 != "\n" }
            } else if first == "/", scalars.dropFirst().first == "*" {
                scalars = scalars.dropFirst(2)
                while !scalars.isEmpty, !(scalars.first == "*" && scalars.dropFirst().first == "/") {
                    scalars = scalars.dropFirst()
                }
                scalars = scalars.dropFirst(2)
            } else {
                return false
            }
        }
        return true
    }
}
