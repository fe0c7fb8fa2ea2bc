import ArgumentParser
import Foundation
import Warehouse

/// The exit status of every `eduwh` command, listed in `--help` by the commands that query.
///
/// ```
/// eduwh sql "SELEC 1"; echo $?    # 1
/// eduwh sql --limit -1 "SELECT 1"  # 2
/// ```
enum ExitStatus: Int32, CaseIterable {
    /// Success.
    case ok = 0
    /// SQLite refused the query (syntax, unknown table or column, a write without --write …).
    case sqlError = 1
    /// Wrong usage: unknown option, missing argument, bad parameter.
    case usage = 2
    /// The warehouse file is missing, cannot be opened or is not an eduwh warehouse.
    case noWarehouse = 3
    /// The named report, document or table does not exist.
    case notFound = 4

    /// The lines `--help` shows.
    static let helpText = """
        Exit status:
          0  ok
          1  SQL error (the message names the failing statement)
          2  usage error (unknown option, missing argument or query, bad -p parameter)
          3  no warehouse at --db, or it cannot be opened (run `eduwh load` first)
          4  no such report, document or table
        """
}

/// Something asked for by name that is not there (a report, a document, a table).
struct NotFoundError: Error, CustomStringConvertible {
    var description: String
}

extension Eduwh {
    /// Runs the command, mapping errors to the documented exit statuses: parse and validation
    /// errors exit 2 (not ArgumentParser's 64), SQL errors 1, a missing warehouse 3.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as QueryError {
            printError("eduwh: \(error)")
            Foundation.exit(error.reason == .missingParameter || error.reason == .unusedParameter
                ? ExitStatus.usage.rawValue : ExitStatus.sqlError.rawValue)
        } catch let error as WarehouseError {
            printError("eduwh: \(error)")
            Foundation.exit(ExitStatus.noWarehouse.rawValue)
        } catch let error as NotFoundError {
            printError("eduwh: \(error)")
            Foundation.exit(ExitStatus.notFound.rawValue)
        } catch {
            if exitCode(for: error) == .validationFailure {
                printError(fullMessage(for: error))
                Foundation.exit(ExitStatus.usage.rawValue)
            }
            exit(withError: error)
        }
    }
}
