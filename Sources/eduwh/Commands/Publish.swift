import ArgumentParser
import Publish
import Warehouse

extension Eduwh {
    struct PublishCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "publish",
            abstract: "Publish the star schema into a PostgreSQL database for a team.",
            discussion: """
                    Uses psql and COPY (apt-get install -y postgresql-client). The first
                    publish creates the tables from schema.sql (translated: INTEGER → BIGINT,
                    REAL → DOUBLE PRECISION; the FTS5 index stays in SQLite). Later publishes
                    are incremental: only documents added or removed since the last publish are
                    copied or deleted, small tables are upserted, and an unchanged warehouse
                    writes nothing. Each publish is one transaction.

                  Example:
                    eduwh publish --postgres postgresql://analyst@db.example/eduwh --db eduwh.sqlite
                    eduwh publish --postgres "host=/var/run/postgresql dbname=eduwh"

                """
                    + ExitCodes.section([
                        (ExitCodes.ok, "ok (also when there was nothing to publish)"),
                        (ExitCodes.failure, "unexpected error"),
                        (ExitCodes.usage, "usage error (bad option or argument)"),
                        (ExitCodes.ioError, "the warehouse is missing or unreadable, or psql or PostgreSQL failed"),
                    ]))

        @Option(help: "libpq connection URL or string of the target database.")
        var postgres: String

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try QueryFailure.reporting { try publish() }
        }

        private func publish() throws {
            let warehouse = try Warehouse(path: database.path, readOnly: true)
            do {
                let report = try PostgresPublisher(warehouse: warehouse, url: postgres).publish()
                if report.wroteAnything {
                    print(
                        "published \(database.path): \(report.createdSchema ? "schema created, " : "")\(report.documentsAdded) documents added, \(report.documentsRemoved) removed (\(String(format: "%.2f", report.seconds)) s)"
                    )
                } else {
                    print("nothing to publish: PostgreSQL already has this warehouse's content")
                }
            } catch let error as PublishError {
                printError("eduwh: \(error)")
                throw ExitCode(ExitCodes.ioError)
            }
        }
    }
}
