import ArgumentParser
import EduwhCore
import Foundation
import Warehouse

extension Eduwh {
    struct Sql: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run SQL against the warehouse (read-only unless --write) and print the rows.",
            discussion: """
                The query comes from the argument, from --file, or from standard input (when
                the argument is `-` or absent and input is not a terminal). Several statements
                separated by `;` run in order; the rows of the last one are printed.
                Parameters written :name in the SQL are bound from -p name value (never pasted
                into the SQL); a value that is a plain integer is bound as an integer,
                anything else as text.

                The warehouse is opened read-only: a statement that writes fails (exit code
                65) and leaves the file untouched. With --write, all statements run in
                one transaction that is rolled back if any fails. `eduwh schema` lists the
                tables and columns.

                Queries cannot reach past SQL: fts3_tokenizer(), load_extension(), ATTACH
                and writable_schema are refused by SQLite's authorizer (exit 65), and a query
                that runs longer than --timeout seconds (default 60) is stopped (exit 65). A
                warehouse on read-only media is opened immutable. When a first load was
                stopped before its end, a warning on stderr says what the warehouse lacks.

                Examples:
                  eduwh sql "SELECT indicator, count(*) FROM v_quantity GROUP BY 1"
                  eduwh sql "SELECT * FROM v_funding_by_region_year WHERE :year BETWEEN from_year AND to_year" -p year 2011 --csv
                  eduwh sql --file reports/funding.sql -p region 4401 -p year '' --json
                  echo "SELECT count(*) FROM dim_document" | eduwh sql --raw

                \(QueryFailure.helpText)
                """)

        @Argument(help: "The SQL to run; `-` or nothing reads it from standard input.")
        var query: String?

        @Option(name: [.customShort("f"), .customLong("file")], help: "Read the SQL from this file.")
        var file: String?

        @Option(
            name: [.customShort("p"), .customLong("param")], parsing: .upToNextOption,
            help: ArgumentHelp("Bind :name to value (repeatable: -p year 2011 -p region 海珠区).", valueName: "name value")
        )
        var param: [String] = []

        @Flag(help: "Open the warehouse for writing; without it any write is refused.")
        var write = false

        @Option(
            help: ArgumentHelp(
                "Stop a query that runs longer than this many seconds (0: no limit).", valueName: "SECONDS"))
        var timeout: Double = 60

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        /// `-p` takes pairs; an odd last value with no query argument is the query itself
        /// (`eduwh sql -p year 2011 "SELECT …"`).
        mutating func validate() throws {
            if param.count % 2 == 1 {
                guard query == nil else {
                    throw ValidationError("-p takes a name and a value: -p year 2011")
                }
                query = param.removeLast()
            }
            for name in stride(from: 0, to: param.count, by: 2).map({ param[$0] }) {
                guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic,
                    name.unicodeScalars.allSatisfy({
                        $0 == "_" || $0.properties.isAlphabetic || $0.properties.numericType != nil
                    })
                else {
                    throw ValidationError(
                        "-p \(name): a parameter name is letters, digits and _ (written :\(name) in the SQL)")
                }
            }
            if timeout < 0 { throw ValidationError("--timeout must be zero or more seconds") }
            if file != nil, query != nil, query != "-" {
                throw ValidationError("give the SQL either as an argument or with --file, not both")
            }
        }

        /// Parameters as SQLite values.
        var parameters: [String: SQLValue] {
            var values: [String: SQLValue] = [:]
            for index in stride(from: 0, to: param.count, by: 2) {
                values[param[index]] = SQLValue(parameter: param[index + 1])
            }
            return values
        }

        func readSQL() throws -> String {
            if let file {
                guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                    throw UsageError("--file \(file): cannot read it as UTF-8 text")
                }
                return text
            }
            if let query, query != "-" { return query }
            guard !Terminal.isTerminal(.standardInput) else {
                throw UsageError("give a query: eduwh sql \"SELECT …\", --file q.sql, or SQL on standard input")
            }
            let data = FileHandle.standardInput.readToEndRetrying()
            return String(decoding: data, as: UTF8.self)
        }

        func run() throws {
            try QueryFailure.reporting {
                let sql = try readSQL()
                guard !SQLScript.isBlank(sql) else {
                    throw UsageError("the query is empty")
                }
                if write, !FileManager.default.fileExists(atPath: database.path) {
                    throw WarehouseError(
                        path: database.path, reason: .missing,
                        detail: "no warehouse at this path; run `eduwh load` first or pass --db")
                }
                let warehouse = try Warehouse(path: database.path, readOnly: !write)
                if write { try warehouse.guardQueries() }
                warehouse.queryTimeout = timeout
                if let gap = warehouse.incompleteness() { printError("eduwh: warning: \(gap)") }
                let stdout = StandardOutput()
                let renderer = output.renderer(to: stdout)
                let outcome = try warehouse.execute(
                    sql, parameters: parameters, write: write, limit: output.rowLimit(),
                    columns: renderer.begin, row: renderer.row)
                if !outcome.columns.isEmpty { renderer.finish(truncated: outcome.truncated) }
                stdout.flush()
                if write, outcome.columns.isEmpty {
                    printError("\(outcome.changes) row\(outcome.changes == 1 ? "" : "s") changed")
                }
            }
        }
    }
}
