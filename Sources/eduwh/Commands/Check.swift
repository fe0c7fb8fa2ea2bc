import ArgumentParser
import Warehouse

extension Eduwh {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the warehouse's data tests and print each with pass/fail.",
            discussion: """
                    The tests are data (rules/warehouse/checks.tsv, embedded at build time), in
                    the spirit of dbt's column tests: keys not null, foreign keys resolve,
                    placeholders have NULL values and only they do, rates within 0–100, years
                    within 1949–2100, every document has body text, no duplicate facts. They
                    also run at the end of every load. Before them, PRAGMA quick_check reads
                    every page of the file (integrity_quick_check) and the warehouse is
                    checked for what a stopped first load leaves missing (warehouse_complete).
                    Prints one row per test (result, test, failing_rows, description) in any
                    output format; the count of passed and failed tests goes to stderr.

                  Examples:
                    eduwh check --db eduwh.sqlite
                    eduwh check --json

                """
                    + ExitCodes.section([
                        (ExitCodes.ok, "ok: every data test passed"),
                        (ExitCodes.failure, "unexpected error"),
                        (ExitCodes.checkFailed, "a data test failed (its row says FAIL or ERROR)"),
                        (ExitCodes.usage, "usage error (bad option or argument)"),
                        (
                            ExitCodes.ioError,
                            "the warehouse is missing or unreadable (run `eduwh load` first, or pass --db)"
                        ),
                    ]))

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            var failed = 0
            try QueryFailure.reporting {
                let warehouse = try Warehouse(path: database.path, readOnly: true)
                // The file itself first: a damaged page fails here, not in some later query.
                let damage = warehouse.quickCheck()
                let gap = warehouse.incompleteness()
                var rows: [[SQLValue]] = [
                    damage.isEmpty
                        ? [
                            .text("pass"), .text("integrity_quick_check"), .integer(0),
                            .text("PRAGMA quick_check finds every page and index sound"),
                        ]
                        : [
                            .text("FAIL"), .text("integrity_quick_check"), .integer(Int64(damage.count)),
                            .text(damage.prefix(3).joined(separator: "; ")),
                        ],
                    gap == nil
                        ? [
                            .text("pass"), .text("warehouse_complete"), .integer(0),
                            .text("no first load was stopped before building its indexes and search index"),
                        ]
                        : [.text("FAIL"), .text("warehouse_complete"), .integer(1), .text(gap!)],
                ]
                failed = (damage.isEmpty ? 0 : 1) + (gap == nil ? 0 : 1)
                // On a damaged file the data tests would only read the damage again.
                if damage.isEmpty {
                    let outcomes = try warehouse.runChecks(DataCheck.standard())
                    rows += outcomes.map { outcome in
                        let result = outcome.error != nil ? "ERROR" : outcome.passed ? "pass" : "FAIL"
                        return [
                            .text(result), .text(outcome.check.id), .integer(Int64(outcome.failingRows)),
                            .text(outcome.error ?? outcome.check.description),
                        ]
                    }
                    failed += outcomes.filter { !$0.passed }.count
                }
                let total = rows.count
                output.print(QueryRows(columns: ["result", "test", "failing_rows", "description"], rows: rows))
                printError(
                    "\(total - failed) passed, \(failed) failed"
                        + (damage.isEmpty
                            ? ""
                            : " (the file is damaged: restore a backup, or load the drop folder into a new warehouse)"))
            }
            if failed > 0 { throw ExitCode(ExitCodes.checkFailed) }
        }
    }
}
