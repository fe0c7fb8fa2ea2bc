import Foundation
import Warehouse

/// PostgreSQL DDL generated from `schema.sql`, so the two never drift.
///
/// Statement by statement: SQLite-only statements (PRAGMA, the FTS5 table) are dropped,
/// preloaded dimension rows are left out (`publish` copies them), types are mapped
/// (INTEGER → BIGINT, REAL → DOUBLE PRECISION), `WITHOUT ROWID` is dropped; tables, keys,
/// CHECKs, indexes and views pass through (views in schema.sql are written in portable SQL).
///
/// ```swift
/// let ddl = PostgresSchema.ddl(from: Warehouse.schemaSQL)
/// ```
public enum PostgresSchema {
    /// The PostgreSQL statements, each ending with `;\n`.
    public static func ddl(from sqlite: String) -> String {
        statements(in: sqlite).compactMap(translate).joined(separator: "\n")
    }

    /// The DDL for the schema this binary embeds.
    public static var current: String { ddl(from: Warehouse.schemaSQL) }

    /// Table name → column names declared in a schema (SQLite or generated PostgreSQL), for drift tests.
    public static func tableColumns(in schema: String) -> [String: [String]] {
        var tables: [String: [String]] = [:]
        for statement in statements(in: schema) {
            let words = statement.split(whereSeparator: \.isWhitespace)
            guard words.count > 3, words[0].uppercased() == "CREATE", words[1].uppercased() == "TABLE" else { continue }
            let name = String(words[2])
            guard let open = statement.firstIndex(of: "("), let close = statement.lastIndex(of: ")") else { continue }
            var columns: [String] = []
            var depth = 0
            var current = ""
            for character in statement[statement.index(after: open)..<close] {
                if character == "(" { depth += 1 }
                if character == ")" { depth -= 1 }
                if character == ",", depth == 0 {
                    columns.append(current)
                    current = ""
                } else {
                    current.append(character)
                }
            }
            columns.append(current)
            tables[name] = columns.compactMap { definition in
                let first = definition.split(whereSeparator: \.isWhitespace).first.map(String.init) ?? ""
                return ["PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "CONSTRAINT", ""].contains(first.uppercased())
                    ? nil : first
            }
        }
        return tables
    }

    /// Splits SQL into statements, dropping `--` comments; semicolons inside strings are kept.
    static func statements(in sql: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var inString = false
        var inComment = false
        var previous: Character = " "
        for character in sql {
            if inComment {
                if character == "\n" {
                    inComment = false
                    current.append("\n")
                }
                previous = character
                continue
            }
            if character == "'" { inString.toggle() }
            if !inString, character == "-", previous == "-" {
                current.removeLast()
                inComment = true
                previous = character
                continue
            }
            if !inString, character == ";" {
                let trimmed = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if !trimmed.isEmpty { statements.append(trimmed) }
                current = ""
            } else {
                current.append(character)
            }
            previous = character
        }
        let trimmed = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.isEmpty { statements.append(trimmed) }
        return statements
    }

    static func translate(_ statement: String) -> String? {
        let head = statement.prefix(40).uppercased()
        if head.hasPrefix("PRAGMA") || head.hasPrefix("CREATE VIRTUAL TABLE") || head.hasPrefix("INSERT")
            || head.hasPrefix("WITH")
        {
            return nil
        }
        var out = statement
        if head.hasPrefix("CREATE TABLE") {
            out = out.replacingOccurrences(of: ") WITHOUT ROWID", with: ")")
            out = replaceWord("INTEGER", with: "BIGINT", in: out)
            out = replaceWord("REAL", with: "DOUBLE PRECISION", in: out)
        }
        // Collapse the blank lines comments left behind.
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            var line = line
            while line.last == " " { line = line.dropLast() }
            return line
        }.filter { !$0.isEmpty }
        return lines.joined(separator: "\n") + ";\n"
    }

    /// Replaces a whole upper-case word (not part of a longer identifier).
    static func replaceWord(_ word: String, with replacement: String, in text: String) -> String {
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix(word) {
                let before = index == text.startIndex ? " " : text[text.index(before: index)]
                let afterIndex = text.index(index, offsetBy: word.count)
                let after = afterIndex == text.endIndex ? " " : text[afterIndex]
                if !(before.isLetter || before.isNumber || before == "_")
                    && !(after.isLetter || after.isNumber || after == "_")
                {
                    result += replacement
                    index = afterIndex
                    continue
                }
            }
            result.append(text[index])
            index = text.index(after: index)
        }
        return result
    }
}
