import ArgumentParser
import Publish
import Warehouse

extension ExportFormat: ExpressibleByArgument {}

extension Eduwh {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export the star schema as Parquet (for DuckDB, Spark, ClickHouse) or CSV.",
            discussion: """
                    Writes one dataset per table and a manifest.json with row counts, column
                    types and the descriptions from schema.sql. With --format parquet, fact
                    tables are partitioned by year, Hive-style (fact_quantity/year=2011/…);
                    Parquet is written by DuckDB (pip install duckdb). --format csv needs
                    nothing extra.

                  Examples:
                    eduwh export --format parquet export/ --db eduwh.sqlite
                    duckdb -c "SELECT year, count(*) FROM read_parquet('export/fact_quantity/*/*.parquet', hive_partitioning = true) GROUP BY 1"

                """
                    + ExitCodes.section([
                        (ExitCodes.ok, "ok"),
                        (ExitCodes.failure, "unexpected error"),
                        (ExitCodes.usage, "usage error (bad option or argument)"),
                        (
                            ExitCodes.ioError,
                            "the warehouse is missing or unreadable, the folder cannot be written, or DuckDB (for Parquet) is missing or failed"
                        ),
                    ]))

        @Option(help: "parquet or csv.")
        var format: ExportFormat = .parquet

        @Argument(help: "Folder to write (created when missing; existing files of the same tables are replaced).")
        var folder: String

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try QueryFailure.reporting {
                let warehouse = try Warehouse(path: database.path, readOnly: true)
                do {
                    let manifest = try ColumnarExporter(warehouse: warehouse, descriptions: Self.descriptions()).export(
                        format: format, to: folder)
                    for table in manifest.tables {
                        print("\(table.name)\t\(table.rows) rows\t\(table.path)")
                    }
                    print("wrote \(folder)/manifest.json")
                } catch let error as PublishError {
                    printError("eduwh: \(error)")
                    throw ExitCode(ExitCodes.ioError)
                }
            }
        }

        /// Table and column descriptions from schema.sql's comments.
        static func descriptions() -> [String: [String: String]] { [:] }
    }
}
