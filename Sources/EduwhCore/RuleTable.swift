/// A rule table: the data format every stage keeps its rules in (`rules/<stage>/*.tsv`).
///
/// UTF-8, tab-separated. Lines starting with `#` are comments, blank lines are skipped, the
/// first other line is the header. Every row needs a cell per header column (an empty cell is
/// written as `-`, read back as ""). Errors name the file and line:
///
/// ```swift
/// let table = try RuleTable(name: "rules/clean/noise.tsv", text: text, required: ["id", "pattern"])
/// table.rows[0]["id"]   // "contact-wechat"
/// table.rows[0].line    // 12 (line in the file)
/// ```
public struct RuleTable: Sendable, Hashable {
    /// One row, with the file line it came from.
    public struct Row: Sendable, Hashable {
        /// 1-based line in the file.
        public var line: Int
        public var cells: [String: String]

        public init(line: Int, cells: [String: String]) {
            self.line = line
            self.cells = cells
        }

        /// The cell in `column`, or "" when the column is absent or the cell is `-`.
        public subscript(column: String) -> String { cells[column] ?? "" }
    }

    /// Where the table came from (a package-relative path or a user's file).
    public var name: String
    public var columns: [String]
    public var rows: [Row]

    public init(name: String, text: String, required: [String] = []) throws(RuleTableError) {
        self.name = name
        var header: [String]?
        var rows: [Row] = []
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            let trimmed = line.drop { $0 == " " }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map { cell -> String in
                let value = cell.trimmingSpaces()
                return value == "-" ? "" : value
            }
            guard let columns = header else {
                let missing = required.filter { !cells.contains($0) }
                if !missing.isEmpty {
                    throw RuleTableError(
                        file: name, line: lineNumber,
                        reason:
                            "header lacks column(s) \(missing.joined(separator: ", ")); it has \(cells.joined(separator: ", "))"
                    )
                }
                header = cells
                continue
            }
            guard cells.count == columns.count else {
                throw RuleTableError(
                    file: name, line: lineNumber,
                    reason:
                        "\(cells.count) cells but the header has \(columns.count) columns (separate cells with one tab; write - for an empty cell)"
                )
            }
            var row: [String: String] = [:]
            for (column, cell) in zip(columns, cells) { row[column] = cell }
            for column in required where (row[column] ?? "").isEmpty && column == "id" {
                throw RuleTableError(file: name, line: lineNumber, reason: "empty id")
            }
            rows.append(Row(line: lineNumber, cells: row))
        }
        guard let columns = header else {
            throw RuleTableError(file: name, line: lineNumber, reason: "no header row")
        }
        self.columns = columns
        self.rows = rows
        if columns.contains("id") {
            var seen: [String: Int] = [:]
            for row in rows {
                if let first = seen[row["id"]] {
                    throw RuleTableError(
                        file: name, line: row.line, reason: "duplicate id \(row["id"]) (first on line \(first))")
                }
                seen[row["id"]] = row.line
            }
        }
    }
}

/// A rule file that could not be read: `file:line: reason`, the way compilers say it.
public struct RuleTableError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var reason: String

    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String { "\(file):\(line): \(reason)" }
}

extension Substring {
    func trimmingSpaces() -> String {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\u{3000}" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\u{3000}" { slice = slice.dropLast() }
        return String(slice)
    }
}

extension RuleTable {
    /// Builds a value from a rule table shipped in the binary (`files` is the target's
    /// `EmbeddedFiles.files`). A broken shipped table is a defect of the build, not of the
    /// input, so it stops the program with the table's `file:line: reason`.
    ///
    /// ```swift
    /// static let standard = RuleTable.shipped("rules/facts/status-cues.tsv", in: EmbeddedFiles.files,
    ///                                         required: ["id", "status", "words"], StatusCues.init(table:))
    /// ```
    public static func shipped<Value>(
        _ path: String, in files: [String: String], required: [String],
        _ make: (RuleTable) throws -> Value
    ) -> Value {
        do {
            return try make(RuleTable(name: path, text: files[path] ?? "", required: required))
        } catch {
            fatalError("shipped rule table \(path) is invalid: \(error)")
        }
    }
}
