import ArgumentParser
import GRDB
import Ingest
import Warehouse

/// How the commands that read the warehouse (sql, report, search, show, schema, runs, stats,
/// check, backup, export, publish) and the file commands (clean, extract) fail: an expected
/// failure is printed as one line (plus the failing statement for SQL) and exits with the
/// project's `ExitCodes`.
///
/// ```
/// eduwh sql "SELEC 1"; echo $?             # 65
/// eduwh report no-such-report; echo $?     # 64
/// eduwh sql "SELECT 1" --db none.sqlite    # 74
/// ```
enum QueryFailure {
    /// The EXIT CODES section of the commands that run SQL (sql, report): every code they return.
    static let helpText = ExitCodes.section([
        (ExitCodes.ok, "ok"),
        (ExitCodes.failure, "unexpected error"),
        (
            ExitCodes.usage,
            "usage error: bad option or argument, unknown report, a :name\n      parameter without -p name value"
        ),
        (
            ExitCodes.dataError,
            "SQL error (the message shows the failing statement and where), a\n      refused function (fts3_tokenizer, load_extension, ATTACH), or --timeout\n      reached"
        ),
        (
            ExitCodes.ioError,
            "the warehouse is missing, unreadable or incomplete (run `eduwh load`\n      first, or pass --db)"
        ),
    ])

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
        } catch let error as IngestError {
            // A file named on the command line: unreadable is an I/O error, the rest bad input.
            printError("eduwh: \(error)")
            throw ExitCode(error.reason == .unreadable ? ExitCodes.ioError : ExitCodes.dataError)
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
