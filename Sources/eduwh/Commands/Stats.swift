import ArgumentParser
import Warehouse

extension Eduwh {
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show row counts and sizes per table, placeholder shares and the top indicators.",
            discussion: """
                Rows of section, item, count, share, bytes:
                  rows       per table: rows, bytes on disk (with indexes, FTS5 shadow tables)
                  size       database bytes, free bytes, characters of clean body text
                  quality    placeholder, unknown-indicator, region-less and year-less
                             quantities, and their share of all quantities
                  indicator  the indicators with the most quantities, and their share

                Examples:
                  eduwh stats
                  eduwh stats --top 20 --json

                """ + ExitCodes.section(ExitCodes.readCodes))

        @Option(help: ArgumentHelp("How many indicators to list.", valueName: "N"))
        var top = 10

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try QueryFailure.reporting {
                let warehouse = try Warehouse(path: database.path, readOnly: true)
                output.print(try warehouse.statistics(topIndicators: top))
            }
        }
    }
}
