import Foundation
import GRDB

extension Warehouse {
    // MARK: - Canned reports

    /// The canned reports embedded from `reports/*.sql`, sorted by name.
    ///
    /// ```swift
    /// Warehouse.reports.map(\.name) // ["aid", "corpus", "enrolment", "funding", …]
    /// ```
    public static let reports: [CannedReport] = {
        EmbeddedFiles.files.keys.compactMap { key -> CannedReport? in
            guard key.hasPrefix("reports/"), key.hasSuffix(".sql") else { return nil }
            let name = String(key.dropFirst("reports/".count).dropLast(".sql".count))
            do {
                return try CannedReport(name: name, text: EmbeddedFiles.files[key] ?? "")
            } catch {
                fatalError("built-in report is invalid: \(error)")
            }
        }.sorted { $0.name < $1.name }
    }()

    /// The report called `name`, if any.
    public static func report(named name: String) -> CannedReport? {
        reports.first { $0.name == name }
    }

    /// The reports of a folder of `NAME.sql` files written like the built-in ones (an analyst's
    /// own reports, no rebuild needed), sorted by name.
    ///
    /// ```swift
    /// try Warehouse.reports(inFolder: "my-reports").map(\.name) // ["school-closures"]
    /// ```
    public static func reports(inFolder folder: String) throws -> [CannedReport] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter {
            $0.hasSuffix(".sql") && !$0.hasPrefix(".")
        }
        return try names.sorted().map { fileName in
            let path = (folder as NSString).appendingPathComponent(fileName)
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
            else {
                throw CannedReport.HeaderError(file: path, line: 0, reason: "cannot read the file as UTF-8 text")
            }
            return try CannedReport(name: String(fileName.dropLast(4)), text: text, file: path)
        }
    }

    /// Runs a canned report, streaming its rows. Every parameter the SQL uses is bound: to the
    /// value given, or to NULL ("all"). A value given for a parameter the report does not use
    /// throws `QueryError(.unusedParameter)`.
    ///
    /// ```swift
    /// try warehouse.run(Warehouse.report(named: "funding")!, parameters: ["year": .integer(2011)],
    ///                   columns: { print($0) }, row: { print($0) })
    /// ```
    @discardableResult
    public func run(
        _ report: CannedReport, parameters: [String: SQLValue] = [:], limit: Int? = nil,
        columns onColumns: ([String]) throws -> Void, row onRow: ([SQLValue]) throws -> Void
    ) throws -> QueryOutcome {
        let used = try parameterNames(of: report.sql)
        if let unused = parameters.keys.sorted().first(where: { !used.contains($0) }) {
            let takes = used.isEmpty ? "it takes no parameters" : "it takes " + used.sorted().joined(separator: ", ")
            throw QueryError(
                reason: .unusedParameter, message: "report \(report.name) has no :\(unused) parameter (\(takes))",
                sql: "", resultCode: 0)
        }
        var bound: [String: SQLValue] = [:]
        for name in used { bound[name] = parameters[name] ?? .null }
        return try execute(report.sql, parameters: bound, limit: limit, columns: onColumns, row: onRow)
    }

    /// Runs a canned report and returns its rows.
    public func run(_ report: CannedReport, parameters: [String: SQLValue] = [:], limit: Int? = nil) throws -> QueryRows
    {
        var rows: [[SQLValue]] = []
        let outcome = try run(report, parameters: parameters, limit: limit, columns: { _ in }, row: { rows.append($0) })
        return QueryRows(columns: outcome.columns, rows: rows, truncated: outcome.truncated)
    }

    /// The named parameters (`:name`) the statements of `sql` use.
    public func parameterNames(of sql: String) throws -> Set<String> {
        try dbQueue.read { db in
            var names: Set<String> = []
            for text in SQLScript.statements(in: sql) {
                names.formUnion(Self.parameterNames(try Self.prepare(db, text)))
            }
            return names
        }
    }

    // MARK: - Operations

    /// Load history: one row per `eduwh load` run, newest first.
    public func runs(limit: Int? = nil) throws -> QueryRows {
        try query(
            """
            SELECT run_id, started_at, finished_at, status, eduwh_version AS version, source_dir, shard,
                   files_seen, files_loaded, files_replaced, files_unchanged, files_rejected, files_pruned,
                   documents_loaded, quantities_loaded, years_loaded, input_bytes, ROUND(elapsed_seconds, 3) AS elapsed_seconds
            FROM etl_run ORDER BY run_id DESC
            """, limit: limit)
    }

    /// Files refused, newest run first (all runs, or one).
    public func rejects(run: Int64? = nil, limit: Int? = nil) throws -> QueryRows {
        try query(
            """
            SELECT run_id, source_path, stage, reason, detail, content_sha256
            FROM etl_reject WHERE (:run IS NULL OR run_id = :run)
            ORDER BY run_id DESC, source_path
            """, parameters: ["run": run.map(SQLValue.integer) ?? .null], limit: limit)
    }

    /// Figures about the warehouse as rows of `section, item, count, share, bytes`: rows and bytes
    /// on disk per table (bytes when SQLite has dbstat), file size, the share of placeholder,
    /// unknown-indicator, region-less and year-less quantities, and the indicators with the most
    /// quantities.
    ///
    /// ```swift
    /// try warehouse.statistics().rows.first // [rows, dim_document, 5, NULL, 98304]
    /// ```
    public func statistics(topIndicators: Int = 10) throws -> QueryRows {
        try dbQueue.read { db in
            var rows: [[SQLValue]] = []
            let tables = try String.fetchAll(
                db,
                sql: """
                    SELECT name FROM sqlite_master
                    WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_paragraph_%'
                    ORDER BY name
                    """)
            var bytesByTable: [String: Int64] = [:]
            if let statRows = try? Row.fetchAll(db, sql: "SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name")
            {
                for row in statRows { bytesByTable[row["name"]] = row["bytes"] }
                // FTS5 shadow tables and indexes count towards their table.
                let owners = try Row.fetchAll(db, sql: "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index'")
                for owner in owners {
                    let index: String = owner["name"]
                    let table: String = owner["tbl_name"]
                    if let bytes = bytesByTable[index] { bytesByTable[table, default: 0] += bytes }
                }
                for (name, bytes) in bytesByTable where name.hasPrefix("search_paragraph_") {
                    bytesByTable["search_paragraph", default: 0] += bytes
                }
            }
            for table in tables {
                let count =
                    try Int64.fetchOne(
                        db, sql: "SELECT COUNT(*) FROM \"\(table.replacingOccurrences(of: "\"", with: "\"\""))\"") ?? 0
                rows.append([
                    .text("rows"), .text(table), .integer(count), .null,
                    bytesByTable[table].map(SQLValue.integer) ?? .null,
                ])
            }
            let pageSize = try Int64.fetchOne(db, sql: "PRAGMA page_size") ?? 0
            let pageCount = try Int64.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            let freePages = try Int64.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0
            rows.append([.text("size"), .text("database"), .null, .null, .integer(pageSize * pageCount)])
            rows.append([.text("size"), .text("free_pages"), .null, .null, .integer(pageSize * freePages)])
            rows.append([
                .text("size"), .text("body_chars"),
                .integer(
                    try Int64.fetchOne(db, sql: "SELECT COALESCE(SUM(body_char_count), 0) FROM dim_document") ?? 0),
                .null, .null,
            ])
            let quantities = try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM fact_quantity") ?? 0
            func share(_ count: Int64) -> SQLValue {
                quantities == 0 ? .null : .real((Double(count) / Double(quantities) * 10_000).rounded() / 10_000)
            }
            for (item, condition) in [
                ("placeholder_quantities", "qualifier = 'placeholder'"),
                ("unknown_indicator_quantities", "indicator_id = 'unknown'"),
                ("quantities_without_region", "region_id IS NULL"),
                ("quantities_without_year", "from_year IS NULL"),
            ] {
                let count = try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM fact_quantity WHERE \(condition)") ?? 0
                rows.append([.text("quality"), .text(item), .integer(count), share(count), .null])
            }
            let top = try Row.fetchAll(
                db,
                sql: """
                    SELECT indicator_id, COUNT(*) AS n FROM fact_quantity GROUP BY indicator_id ORDER BY n DESC, indicator_id LIMIT ?
                    """, arguments: [topIndicators])
            for row in top {
                let count: Int64 = row["n"]
                rows.append([.text("indicator"), .text(row["indicator_id"]), .integer(count), share(count), .null])
            }
            return QueryRows(columns: ["section", "item", "count", "share", "bytes"], rows: rows)
        }
    }
}
