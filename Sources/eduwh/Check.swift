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
                also run at the end of every load. Exits 4 when a test fails.

              Example:
                eduwh check --db eduwh.sqlite
            """)

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let warehouse = try Warehouse(path: database.path, readOnly: true)
            let outcomes = try warehouse.runChecks(DataCheck.standard())
            var out = "result\ttest\tfailing_rows\tdescription\n"
            for outcome in outcomes {
                let result = outcome.error != nil ? "ERROR" : outcome.passed ? "pass" : "FAIL"
                out += "\(result)\t\(outcome.check.id)\t\(outcome.failingRows)\t\(outcome.error ?? outcome.check.description)\n"
            }
            let failed = outcomes.filter { !$0.passed }.count
            out += "\(outcomes.count - failed) passed, \(failed) failed\n"
            print(out, terminator: "")
            if failed > 0 { throw ExitCode(ExitCodes.checkFailed) }
        }
    }
}
