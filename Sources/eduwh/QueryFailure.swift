import ArgumentParser
import GRDB
import Warehouse

/// How the query commands (sql, report, search, show, schema, runs, stats) fail: an expected
/// failure is printed as one line (plus the failing statement for SQL) and exits with the
/// project's `ExitCodes`.
///
/// ```
/// eduwh sql "SELEC 1"; echo $?             # 65
/// eduwh report no-such-report; echo $?     # 64
/// eduwh sql "SELECT 1" --db none.sqlite    # 74
/// ```
enum QueryFailure {
    /// The EXIT CODES section of the query commands' help.
    static let helpText = """
        EXIT CODES:
          0   ok
          1   unexpected error
          64  usage error: bad option or argument, unknown report, document or table, a
              :name parameter without -p name value
          65  SQL error (the message shows the failing statement and where), a refused
              function (fts3_tokenizer, load_extension, ATTACH), or --timeout reached
          74  the warehouse is missing, unreadable or incomplete (run `eduwh load`
              first, or pass --db)
        """

    /// Runs `body`, turning query, warehouse and lookup errors into their exit codes.
    static func reporting(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as QueryError {
            printError("eduwh: \(error)")
            let usage = error.reason == .missingParameter || error.reason == .unusedParameter
            throw ExitCode(usage ? ExitCodes.usage : ExitCodes.dataError)
        } catch let error as DatabaseError {
            // An SQLite error outside a statement the user wrote (opening, reading the schema).
            printError("eduwh: \(error)")
            throw ExitCode(Warehouse.isEnvironmental(error) ? ExitCodes.ioError : ExitCodes.dataError)
        } catch let error as WarehouseError {
            printError("eduwh: \(error)")
            throw ExitCode(ExitCodes.ioError)
        } catch let error as NotFoundError {
            printError("eduwh: \(error)")
            throw ExitCode(ExitCodes.usage)
        } catch let error as UsageError {
            printError("eduwh: \(error)")
            throw ExitCode(ExitCodes.usage)
        }
    }
}

/// Something asked for by name that is not there (a report, a document, a table).
struct NotFoundError: Error, CustomStringConvertible {
    var description: String
}

/// A usage mistake found while running (no query given, an empty search), printed as one line.
struct UsageError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) { self.description = description }
}
