import ArgumentParser
import Warehouse

extension Eduwh {
    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Full-text search of the clean paragraphs, best matches first, with highlighted snippets.",
            discussion: """
                Finds the title and body paragraphs that contain the text: one character (学),
                two (校舍, 教师) or more (义务教育均衡); words separated by spaces must all occur.
                Ranking is FTS5 bm25; the snippet is a window around the first hit, hits in
                ANSI bold on a terminal and in [brackets] otherwise (--color always|never to
                choose). --verbose adds the source file, kind, region, year, score and the
                whole paragraph.

                A query is at most \(SearchQuery.maxLength) characters (exit 64 beyond) and runs
                at most --timeout seconds (default 5; exit 65 beyond). On a warehouse whose
                first load was stopped before its end, search says what is missing and exits
                74 instead of answering from a partial index.

                Examples:
                  eduwh search 校舍
                  eduwh search 义务教育 --kind 述职报告 --limit 5
                  eduwh search "教师 培训" --region 海珠区 --year 2009 --json

                A --region, --year or --kind that matches nothing in the warehouse is named
                in a notice on stderr (the search then finds nothing).

                """
                    + ExitCodes.section([
                        (ExitCodes.ok, "ok (also when nothing matches)"),
                        (ExitCodes.failure, "unexpected error"),
                        (ExitCodes.usage, "usage error: bad option or argument, or an empty search"),
                        (
                            ExitCodes.ioError,
                            "the warehouse is missing or unreadable (run `eduwh load` first, or\n      pass --db)"
                        ),
                    ]))

        @Argument(help: "Text to find (words separated by spaces must all occur).")
        var text: [String]

        @OptionGroup var filters: FilterOptions

        @Option(help: ArgumentHelp("Only documents of this kind (述职报告, 工作总结, 工作汇报 …).", valueName: "kind"))
        var kind: String?

        @Flag(name: .shortAndLong, help: "Add source_path, kind, region, year, score and the whole paragraph.")
        var verbose = false

        @Option(help: ArgumentHelp("Characters shown in a snippet.", valueName: "N"))
        var width = 36

        @Flag(help: "Print the SQL and the FTS5 MATCH expression instead of searching (to run in sqlite3).")
        var sql = false

        @Option(help: "Mark hits with ANSI bold: auto (on a terminal, table format), always or never.")
        var color: OutputOptions.ColorChoice = .auto

        @Option(
            help: ArgumentHelp(
                "Stop a search that runs longer than this many seconds (0: no limit).", valueName: "SECONDS"))
        var timeout: Double = 5

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if width < 4 { throw ValidationError("--width must be at least 4") }
            if timeout < 0 { throw ValidationError("--timeout must be zero or more seconds") }
        }

        func run() throws {
            try QueryFailure.reporting {
                let query: SearchQuery
                let joined = text.joined(separator: " ")
                guard joined.count <= SearchQuery.maxLength else {
                    throw UsageError(
                        "the search text has \(joined.count) characters; give at most \(SearchQuery.maxLength) (a few words find every paragraph that holds them)"
                    )
                }
                do {
                    query = try SearchQuery(joined)
                } catch let error as SearchQuery.EmptyQuery {
                    throw UsageError(error.description)
                }
                if sql {
                    func literal(_ text: String?) -> String {
                        text.map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" } ?? "NULL"
                    }
                    print(
                        """
                        .parameter set :match \(literal(query.matchExpression))
                        .parameter set :region \(literal(filters.parameters["region"].map(\.text)))
                        .parameter set :year \(filters.year.map(String.init) ?? "NULL")
                        .parameter set :kind \(literal(kind))
                        \(Warehouse.searchSQL);
                        """)
                    return
                }
                let warehouse = try Warehouse(path: database.path, readOnly: true)
                warehouse.queryTimeout = timeout
                if let gap = warehouse.incompleteness() {
                    throw WarehouseError(path: database.path, reason: .incomplete, detail: gap)
                }
                filters.noticeUnmatched(in: warehouse, kind: kind)
                let limit = output.rowLimit(default: 20)
                // One more than asked for tells whether the limit cut matches off.
                var hits = try warehouse.search(
                    query, region: filters.parameters["region"].map(\.text), year: filters.year,
                    kind: kind, limit: limit.map { $0 + 1 })
                let truncated = limit.map { hits.count > $0 } ?? false
                if let limit { hits = Array(hits.prefix(limit)) }
                let bold = color == .auto ? color.isOn && output.resolvedFormat == .table : color.isOn
                let (open, close) = bold ? ("\u{1B}[1m", "\u{1B}[0m") : ("[", "]")
                var columns = ["rank", "document_id", "line", "title", "snippet"]
                if verbose { columns += ["source_path", "kind", "region", "year", "score", "text"] }
                let rows: [[SQLValue]] = hits.enumerated().map { index, hit in
                    var row: [SQLValue] = [
                        .integer(Int64(index + 1)), .integer(hit.documentID), .integer(Int64(hit.lineNumber)),
                        hit.title.map(SQLValue.text) ?? .null,
                        .text(hit.snippet(before: max(2, width / 4), width: width, open: open, close: close)),
                    ]
                    if verbose {
                        row += [
                            .text(hit.sourcePath), .text(hit.reportKind), hit.region.map(SQLValue.text) ?? .null,
                            hit.year.map { .integer(Int64($0)) } ?? .null, .real((hit.score * 1000).rounded() / 1000),
                            .text(hit.text),
                        ]
                    }
                    return row
                }
                let stdout = StandardOutput()
                let renderer = output.renderer(to: stdout)
                // A snippet is never cut by --max-width: it is already sized by --width.
                if let maxWidth = renderer.maxWidth { renderer.maxWidth = max(maxWidth, 2 * width + 8) }
                renderer.render(QueryRows(columns: columns, rows: rows, truncated: truncated))
                stdout.flush()
            }
        }
    }
}
