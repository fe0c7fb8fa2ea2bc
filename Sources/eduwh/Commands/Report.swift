import ArgumentParser
import Foundation
import Warehouse

extension Eduwh {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a canned report (funding, schools, teachers, quality …) kept as reports/NAME.sql.",
            discussion: """
                Reports are plain SQL files whose header comment gives a title, a description
                and the parameters they take; --region and --year are passed as :region and
                :year (an empty or NULL parameter means "all"), so the same file runs in
                sqlite3, datasette or `eduwh sql --file`. Without a NAME, or with --list, the
                reports are listed.

                Examples:
                  eduwh report --list
                  eduwh report funding --region 海珠区 --year 2008
                  eduwh report quality-documents --csv > quality.csv
                  eduwh report funding --sql
                  eduwh report --reports my-reports/ closures --year 2012

                A --region or --year that matches nothing in the warehouse is named in a
                notice on stderr (the report then has no rows).

                \(QueryFailure.helpText)
                """)

        @Argument(help: "Report to run (see --list).")
        var name: String?

        @Flag(help: "List the reports with their titles and parameters.")
        var list = false

        @Flag(help: "Print the report's SQL instead of running it.")
        var sql = false

        @Option(
            name: .customLong("reports"),
            help: ArgumentHelp(
                "Also use the NAME.sql reports of this folder (default: $EDUWH_REPORTS); a report there replaces the built-in one of the same name.",
                valueName: "folder"))
        var reportsFolder: String?

        @Option(
            help: ArgumentHelp(
                "Stop a report that runs longer than this many seconds (0: no limit).", valueName: "SECONDS"))
        var timeout: Double = 60

        @OptionGroup var filters: FilterOptions
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try QueryFailure.reporting {
                let stdout = StandardOutput()
                defer { stdout.flush() }
                let reports = try available()
                guard let name, !list else {
                    // Descriptions carry the reports' units and caveats: never cut them. On a
                    // terminal each report is a heading with its description wrapped under it.
                    if output.resolvedFormat == .table {
                        for (index, report) in reports.enumerated() {
                            if index > 0 { stdout.write("\n") }
                            let parameters =
                                report.parameters.isEmpty
                                ? "no parameters" : "--" + report.parameters.map(\.name).joined(separator: " --")
                            stdout.write("\(report.name): \(report.title) (\(parameters); \(report.file))\n")
                            stdout.write(Schema.wrap(report.description, indent: "  "))
                        }
                        stdout.write("(\(reports.count) reports; --tsv, --json … for one row per report)\n")
                        return
                    }
                    output.renderer(to: stdout).render(Self.listing(reports))
                    return
                }
                // `reports/funding.sql` and `funding.sql` name the report `funding`.
                var key = name
                if let slash = key.lastIndex(of: "/") { key = String(key[key.index(after: slash)...]) }
                if key.hasSuffix(".sql") { key.removeLast(4) }
                guard let report = reports.first(where: { $0.name == key }) else {
                    throw NotFoundError(
                        description: "no report named \(name); reports: \(reports.map(\.name).joined(separator: ", "))")
                }
                if sql {
                    stdout.write(report.sql.hasSuffix("\n") ? report.sql : report.sql + "\n")
                    return
                }
                let warehouse = try Warehouse(path: database.path, readOnly: true)
                warehouse.queryTimeout = timeout
                filters.noticeUnmatched(in: warehouse)
                let renderer = output.renderer(to: stdout)
                let outcome = try warehouse.run(
                    report, parameters: filters.parameters, limit: output.rowLimit(),
                    columns: renderer.begin, row: renderer.row)
                renderer.finish(truncated: outcome.truncated)
            }
        }

        /// The built-in reports, with those of --reports (or $EDUWH_REPORTS) added or replacing them.
        func available() throws -> [CannedReport] {
            guard let folder = reportsFolder ?? ProcessInfo.processInfo.environment["EDUWH_REPORTS"], !folder.isEmpty
            else {
                return Warehouse.reports
            }
            let local: [CannedReport]
            do {
                local = try Warehouse.reports(inFolder: folder)
            } catch let error as CannedReport.HeaderError {
                throw UsageError(error.description)
            } catch {
                throw UsageError("\(folder): cannot list the reports folder (\(error.localizedDescription))")
            }
            let replaced = Set(local.map(\.name))
            return (Warehouse.reports.filter { !replaced.contains($0.name) } + local).sorted { $0.name < $1.name }
        }

        /// One row per report: name, title, parameters, description, file.
        static func listing(_ reports: [CannedReport]) -> QueryRows {
            QueryRows(
                columns: ["name", "title", "parameters", "description", "file"],
                rows: reports.map { report in
                    [
                        .text(report.name), .text(report.title),
                        .text(report.parameters.map(\.name).joined(separator: ", ")), .text(report.description),
                        .text(report.file),
                    ]
                })
        }
    }
}
