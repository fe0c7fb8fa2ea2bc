import ArgumentParser
import Warehouse

extension Eduwh {
    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Describe the warehouse tables and columns, from the comments of schema.sql.",
            discussion: """
                Lists every table and view with its purpose and grain, and every column with
                its type, unit and meaning, as written in schema.sql (the binary embeds the
                file it creates warehouses from, so no --db is needed). On a terminal tables
                are shown one by one; with --csv, --tsv, --json … one row per column (table,
                column, type, description).

                Examples:
                  eduwh schema
                  eduwh schema fact_quantity
                  eduwh schema --tables
                  eduwh schema --sql > schema.sql
                  eduwh schema --datasette > metadata.json
                  datasette eduwh.sqlite -m metadata.json

                """
                    + ExitCodes.section([
                        (ExitCodes.ok, "ok"),
                        (ExitCodes.failure, "unexpected error"),
                        (ExitCodes.usage, "usage error: bad option or argument, or no such table"),
                    ]))

        @Argument(help: "Only this table or view.")
        var table: String?

        @Flag(help: "One row per table: name, kind, column count, description.")
        var tables = false

        @Flag(help: "Print schema.sql as embedded in this binary.")
        var sql = false

        @Flag(
            help:
                "Print a datasette metadata.json describing every table and column, with the canned reports as queries."
        )
        var datasette = false

        @Option(
            name: .customLong("database-name"),
            help: ArgumentHelp(
                "With --datasette, the database name (the .sqlite file name without extension).", valueName: "name"))
        var databaseName = "eduwh"

        @OptionGroup var output: OutputOptions

        func validate() throws {
            if [tables, sql, datasette].filter({ $0 }).count > 1 {
                throw ValidationError("--tables, --sql and --datasette exclude each other")
            }
        }

        func run() throws {
            try QueryFailure.reporting {
                let stdout = StandardOutput()
                defer { stdout.flush() }
                let catalog = SchemaCatalog.standard
                if sql {
                    stdout.write(Warehouse.schemaSQL)
                    return
                }
                if datasette {
                    stdout.write(catalog.datasetteMetadata(databaseName: databaseName))
                    return
                }
                var selected = catalog.tables
                if let table {
                    guard let found = catalog.table(table) else {
                        throw NotFoundError(
                            description:
                                "no table or view named \(table); tables: \(catalog.tables.map(\.name).joined(separator: ", "))"
                        )
                    }
                    selected = [found]
                }
                if tables {
                    output.renderer(to: stdout).render(
                        QueryRows(
                            columns: ["table", "kind", "columns", "description"],
                            rows: selected.map {
                                [
                                    .text($0.name), .text($0.kind), .integer(Int64($0.columns.count)),
                                    .text($0.description),
                                ]
                            }))
                    return
                }
                if output.resolvedFormat == .table {
                    // Descriptions are wrapped under themselves rather than cut, so nothing is lost.
                    for (index, entry) in selected.enumerated() {
                        if index > 0 { stdout.write("\n") }
                        stdout.write("\(entry.name) (\(entry.kind))\n")
                        if !entry.description.isEmpty { stdout.write(Self.wrap(entry.description, indent: "  ")) }
                        let nameWidth = max(6, entry.columns.map { DisplayWidth.of($0.name) }.max() ?? 0)
                        let typeWidth = max(4, entry.columns.map { DisplayWidth.of($0.type) }.max() ?? 0)
                        let indent = String(repeating: " ", count: 2 + nameWidth + 2 + typeWidth + 2)
                        for column in entry.columns {
                            let lead =
                                "  " + DisplayWidth.pad(column.name, to: nameWidth) + "  "
                                + DisplayWidth.pad(column.type, to: typeWidth) + "  "
                            let wrapped = Self.wrap(column.description, indent: indent)
                            stdout.write(lead + wrapped.dropFirst(indent.count))
                        }
                    }
                    return
                }
                output.renderer(to: stdout).render(
                    QueryRows(
                        columns: ["table", "column", "type", "description"],
                        rows: selected.flatMap { entry in
                            entry.columns.map {
                                [.text(entry.name), .text($0.name), .text($0.type), .text($0.description)]
                            }
                        }))
            }
        }

        /// Text wrapped at 100 terminal cells, every line starting with `indent`; a word wider
        /// than a line (a run of Chinese) is broken between characters.
        static func wrap(_ text: String, indent: String, width: Int = 100) -> String {
            var out = ""
            var line = indent
            var lineWidth = DisplayWidth.of(indent)
            let start = lineWidth
            for word in text.split(separator: " ") {
                let wordWidth = DisplayWidth.of(String(word))
                if lineWidth > start, lineWidth + 1 + wordWidth > width {
                    out += line + "\n"
                    line = indent
                    lineWidth = start
                }
                if lineWidth > start {
                    line += " "
                    lineWidth += 1
                }
                for character in word {
                    let cells = DisplayWidth.of(String(character))
                    if lineWidth + cells > width, lineWidth > start {
                        out += line + "\n"
                        line = indent
                        lineWidth = start
                    }
                    line.append(character)
                    lineWidth += cells
                }
            }
            return out + line + "\n"
        }
    }
}
