import ArgumentParser
import Warehouse

extension Eduwh {
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy the warehouse to a new file with SQLite's online backup.",
            discussion: """
                    Safe while the warehouse is being read (and while a load runs: the copy is
                    a consistent snapshot). The destination must not exist.

                  Example:
                    eduwh backup backups/eduwh-$(date +%F).sqlite --db eduwh.sqlite

                """
                    + ExitCodes.section([
                        (ExitCodes.ok, "ok"),
                        (ExitCodes.failure, "unexpected error"),
                        (ExitCodes.usage, "usage error (bad option or argument)"),
                        (
                            ExitCodes.ioError,
                            "the warehouse is missing or unreadable, or the backup cannot be written (or exists)"
                        ),
                    ]))

        @Argument(help: "The backup file to create.")
        var destination: String

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            do {
                try Warehouse(path: database.path, readOnly: true).backup(to: destination)
            } catch {
                printError("eduwh: \(error)")
                throw ExitCode(ExitCodes.ioError)
            }
            print("backed up \(database.path) to \(destination)")
        }
    }
}
