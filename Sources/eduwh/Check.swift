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
                every page of the file (integrity_quick_check) and the warehouse is checked
                for what a stopped first load leaves missing (warehouse_complete). Exits 4
                when a test fails, 74 when the file cannot be opened.

              Example:
                eduwh check --db eduwh.sqlite
            """)

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try QueryFailure.reporting { try check() }
        }

        private func check() throws {
            let warehouse = try Warehouse(path: database.path, readOnly: true)
            // The file itself first: a damaged page fails here, not in some later query.
            let damage = warehouse.quickCheck()
            var out = "result\ttest\tfailing_rows\tdescription\n"
            out += damage.isEmpty ? "pass\tintegrity_quick_check\t0\tPRAGMA quick_check finds every page and index sound\n"
                : "FAIL\tintegrity_quick_check\t\(damage.count)\t\(damage.prefix(3).joined(separator: "; "))\n"
            let gap = warehouse.incompleteness()
            out += gap == nil ? "pass\twarehouse_complete\t0\tno first load was stopped before building its indexes and search index\n"
                : "FAIL\twarehouse_complete\t1\t\(gap!)\n"
            guard damage.isEmpty else {
                // The data tests would only read the damage again: restore a backup or rebuild.
                out += "0 passed, 1 failed (the file is damaged: restore a backup, or load the drop folder into a new warehouse)\n"
                print(out, terminator: "")
                throw ExitCode(ExitCodes.checkFailed)
            }
            let outcomes = try warehouse.runChecks(DataCheck.standard())
            for outcome in outcomes {
                let result = outcome.error != nil ? "ERROR" : outcome.passed ? "pass" : "FAIL"
                out += "\(result)\t\(outcome.check.id)\t\(outcome.failingRows)\t\(outcome.error ?? outcome.check.description)\n"
            }
            let failed = outcomes.filter { !$0.passed }.count + (gap == nil ? 0 : 1)
            out += "\(outcomes.count + 2 - failed) passed, \(failed) failed\n"
            print(out, terminator: "")
            if failed > 0 { throw ExitCode(ExitCodes.checkFailed) }
        }
    }
}
