import Foundation
import GRDB

/// The tables, views and columns of `schema.sql` with the descriptions written in its comments:
/// the comment block above each `CREATE` describes the table, a trailing `-- …` describes the
/// column on that line, and a comment-only line inside a table continues the column above it.
/// Names and types come from SQLite itself (the schema applied to an in-memory database).
///
/// ```swift
/// let catalog = SchemaCatalog.standard
/// catalog.table("dim_region")?.column("region_id")?.description
/// // "12-digit adcode, e.g. 440105000000 (海珠区)"
/// ```
public struct SchemaCatalog: Sendable, Hashable {
    /// One column of a table or view.
    public struct Column: Sendable, Hashable {
        /// Column name.
        public var name: String
        /// Declared type (TEXT, INTEGER, REAL), "" when none.
        public var type: String
        /// The trailing comment of its line in schema.sql (unit and meaning).
        public var description: String
    }

    /// One table, view or virtual table.
    public struct Table: Sendable, Hashable {
        /// Table or view name.
        public var name: String
        /// table, view or virtual table
        public var kind: String
        /// The comment block above its CREATE statement (purpose, grain, source stage).
        public var description: String
        /// Columns in table order.
        public var columns: [Column]
        /// Columns with a closed set of accepted values (a `CHECK (column IN (…))` or its OR-ed
        /// form `CHECK (column = 'a' OR column = 'b' …)`), in order.
        public var facets: [String] = []

        /// The column called `name`, if any.
        public func column(_ name: String) -> Column? { columns.first { $0.name == name } }
    }

    /// The schema.sql text could not be applied to an empty database.
    public struct InvalidSchema: Error, Sendable, Hashable, CustomStringConvertible {
        /// What SQLite said.
        public var description: String
    }

    /// The text before the first table: what the layers and keys are.
    public var overview: String
    /// In the order schema.sql creates them.
    public var tables: [Table]

    /// The catalog of the schema embedded in this binary.
    public static let standard: SchemaCatalog = {
        do { return try SchemaCatalog(sql: Warehouse.schemaSQL) } catch { fatalError("embedded schema.sql: \(error)") }
    }()

    /// The table or view called `name`, if any.
    public func table(_ name: String) -> Table? { tables.first { $0.name == name } }

    /// Applies `sql` to an in-memory database and reads its comments.
    public init(sql: String) throws(InvalidSchema) {
        let parsed = Self.parseComments(sql)
        var tables: [Table] = []
        do {
            let queue = try DatabaseQueue()
            try queue.write { db in
                try db.execute(sql: sql)
                for entry in parsed.order {
                    let info = try Row.fetchAll(
                        db, sql: "SELECT name, type FROM pragma_table_xinfo(?) WHERE hidden = 0 OR hidden IS NULL",
                        arguments: [entry.name])
                    let columns = info.map { row -> Column in
                        let name: String = row["name"]
                        return Column(
                            name: name, type: row["type"] ?? "", description: parsed.columns[entry.name]?[name] ?? "")
                    }
                    tables.append(
                        Table(
                            name: entry.name, kind: entry.kind, description: entry.description, columns: columns,
                            facets: parsed.facets[entry.name] ?? []))
                }
            }
        } catch {
            throw InvalidSchema(description: "schema.sql cannot be applied: \(error)")
        }
        // A view column without a comment takes the description of the same-named table column
        // when that name is a table's key (region_id) or occurs in one table only (title).
        var byName: [String: String] = [:]
        var owners: [String: Int] = [:]
        for table in tables where table.kind != "view" {
            for column in table.columns { owners[column.name, default: 0] += 1 }
        }
        for table in tables where table.kind != "view" {
            for (position, column) in table.columns.enumerated() where !column.description.isEmpty {
                if position == 0 && column.name.hasSuffix("_id") || owners[column.name] == 1 {
                    byName[column.name] = column.description
                }
            }
        }
        for index in tables.indices where tables[index].kind == "view" {
            for column in tables[index].columns.indices where tables[index].columns[column].description.isEmpty {
                tables[index].columns[column].description = byName[tables[index].columns[column].name] ?? ""
            }
        }
        self.overview = parsed.overview
        self.tables = tables
    }

    // MARK: - Parsing comments

    private struct Parsed {
        var overview = ""
        var order: [(name: String, kind: String, description: String)] = []
        var columns: [String: [String: String]] = [:]
        var facets: [String: [String]] = [:]
    }

    private static func parseComments(_ sql: String) -> Parsed {
        var parsed = Parsed()
        var pending: [String] = []
        var overviewLines: [String] = []
        var sawCreate = false
        var current: (name: String, kind: String)?
        var lastColumn: String?
        for rawLine in sql.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if let table = current {
                if line.hasPrefix("--") {
                    if table.kind != "view", let column = lastColumn {
                        let previous = parsed.columns[table.name]?[column] ?? ""
                        parsed.columns[table.name, default: [:]][column] =
                            previous.isEmpty ? commentText(line) : previous + " " + commentText(line)
                    }
                } else if let (code, comment) = splitTrailingComment(line), let comment {
                    if let column = columnName(code, inView: table.kind == "view") {
                        parsed.columns[table.name, default: [:]][column] = comment
                        lastColumn = column
                    }
                } else if table.kind != "view", let column = columnName(line, inView: false) {
                    lastColumn = column
                }
                // A column with a closed set of accepted values (CHECK (x IN (…)), or x = 'a' OR
                // x = 'b' … in the tables written per row) is a natural facet.
                let code = (splitTrailingComment(line)?.0 ?? line).uppercased()
                if table.kind == "table", !line.hasPrefix("--"), code.contains("CHECK ("),
                    code.contains(" IN (") || code.contains(" OR "), let column = lastColumn,
                    !(parsed.facets[table.name] ?? []).contains(column)
                {
                    parsed.facets[table.name, default: []].append(column)
                }
                let ends = table.kind == "view" ? line.hasSuffix(";") : (line.hasPrefix(")") && line.hasSuffix(";"))
                if ends {
                    current = nil
                    lastColumn = nil
                }
                continue
            }
            if line.hasPrefix("--") {
                let text = commentText(line)
                if text.allSatisfy({ $0 == "=" || $0 == "-" }) {
                    pending = []
                    continue
                }
                pending.append(text)
                if !sawCreate {
                    overviewLines.append(String(line.dropFirst(2).dropFirst(line.hasPrefix("-- ") ? 1 : 0)))
                }
                continue
            }
            if line.isEmpty {
                pending = []
                if !sawCreate { overviewLines.append("") }
                continue
            }
            let upper = line.uppercased()
            for (prefix, kind) in [
                ("CREATE TABLE ", "table"), ("CREATE VIEW ", "view"), ("CREATE VIRTUAL TABLE ", "virtual table"),
            ]
            where upper.hasPrefix(prefix) {
                let rest = line.dropFirst(prefix.count).drop { $0 == " " }
                let name = String(rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
                sawCreate = true
                parsed.order.append((name, kind, pending.joined(separator: " ")))
                current = (name, kind)
                lastColumn = nil
                if line.hasSuffix(";") { current = nil }
            }
            pending = []
        }
        parsed.overview = overviewLines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        return parsed
    }

    private static func commentText(_ line: String) -> String {
        String(line.dropFirst(2)).trimmingCharacters(in: .whitespaces)
    }

    /// Code and trailing comment of a line; the `--` must be outside string literals.
    private static func splitTrailingComment(_ line: String) -> (String, String?)? {
        var inString = false
        var previous: Character?
        for index in line.indices {
            let character = line[index]
            if character == "'" { inString.toggle() }
            if !inString, character == "-", previous == "-" {
                let code = String(line[..<line.index(before: index)])
                let comment = String(line[line.index(after: index)...]).trimmingCharacters(in: .whitespaces)
                return (code, comment)
            }
            previous = character
        }
        return (line, nil)
    }

    /// The column a line defines: the first word in a table (not a constraint), the alias after
    /// the last AS (or the last dotted name) in a view.
    private static func columnName(_ code: String, inView: Bool) -> String? {
        var text = code.trimmingCharacters(in: .whitespaces)
        while text.hasSuffix(",") {
            text.removeLast()
            text = text.trimmingCharacters(in: .whitespaces)
        }
        guard !text.isEmpty else { return nil }
        if inView {
            if let range = text.range(of: " AS ", options: [.caseInsensitive, .backwards]) {
                return String(text[range.upperBound...]).trimmingCharacters(in: .whitespaces)
            }
            let last = text.split(separator: ".").last.map(String.init) ?? text
            return last.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) ? last : nil
        }
        let word = String(text.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
        guard !word.isEmpty,
            !["UNIQUE", "PRIMARY", "CHECK", "FOREIGN", "CONSTRAINT", "TOKENIZE", "PREFIX", "CONTENT"].contains(
                word.uppercased())
        else {
            return nil
        }
        return word
    }

    // MARK: - Datasette

    /// A datasette `metadata.json`: a description for every table and column, facets on the
    /// columns with accepted values, and the canned reports as canned queries (their :region
    /// and :year become form fields).
    ///
    /// ```
    /// eduwh schema --datasette > metadata.json
    /// datasette eduwh.sqlite -m metadata.json
    /// ```
    public func datasetteMetadata(databaseName: String, reports: [CannedReport] = Warehouse.reports) -> String {
        var tablesJSON: [String: Any] = [:]
        for table in tables {
            var entry: [String: Any] = [
                "description": table.description,
                "columns": Dictionary(
                    uniqueKeysWithValues: table.columns.filter { !$0.description.isEmpty }.map {
                        ($0.name, $0.description)
                    }),
            ]
            if table.kind == "table", table.column("name") != nil { entry["label_column"] = "name" }
            if !table.facets.isEmpty { entry["facets"] = table.facets }
            if table.name == "dim_document" { entry["label_column"] = "title" }
            tablesJSON[table.name] = entry
        }
        var queries: [String: Any] = [:]
        for report in reports {
            queries[report.name] = ["title": report.title, "description": report.description, "sql": report.sql]
        }
        let metadata: [String: Any] = [
            "title": "eduwh: Chinese education work reports",
            "description":
                "Star schema of scraped education work reports (述职报告, 工作汇报 …): facts at mention grain (fact_quantity), dimensions (dim_document, dim_region, dim_indicator …), clean text (doc_paragraph) and load history (etl_run). Canned reports are listed under Queries.",
            "databases": [databaseName: ["tables": tablesJSON, "queries": queries]],
        ]
        let data =
            (try? JSONSerialization.data(
                withJSONObject: metadata, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
