import Foundation
import GRDB
import Testing

@testable import Warehouse

/// The data tests of rules/warehouse/checks.tsv on a real load: they pass on it, each catches the
/// rows it is about, and the one scan per table gives every test the count its own query gives.
@Suite struct DataCheckTests {
    typealias Sandbox = WarehouseLoadTests.Sandbox

    @Test func everyTestPassesOnALoadAndCatchesBrokenRows() throws {
        let box = try Sandbox()
        _ = try box.load()
        let checks = try DataCheck.standard()
        #expect(checks.count > 20)
        #expect(try Warehouse(path: box.db).runChecks(checks).allSatisfy(\.passed))

        // Break rows behind the constraints' back: a fact whose indicator and to_year are unknown,
        // a negative value, a placeholder with a value, a body line the search index lacks.
        try DatabaseQueue(path: box.db).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(
                sql: """
                    INSERT INTO fact_quantity (document_id, indicator_id, unit_id, region_id, from_year, to_year, value, qualifier, status,
                        year_source, region_source, surface, sentence, line_number, char_offset, quantity_rule_id, indicator_rule_id, run_id)
                    SELECT document_id, 'no_such_indicator', '', NULL, 2011, 1800, -5, 'exact', 'achieved', 'clause', 'none', '5所', '5所', 9001, 0, 'q', 'i', 1
                    FROM dim_document LIMIT 1;
                    INSERT INTO fact_quantity (document_id, indicator_id, unit_id, region_id, from_year, to_year, value, qualifier, status,
                        year_source, region_source, surface, sentence, line_number, char_offset, quantity_rule_id, indicator_rule_id, run_id)
                    SELECT document_id, 'unknown', '', NULL, NULL, NULL, 3, 'placeholder', 'achieved', 'none', 'none', 'x所', 'x所', 9002, 0, 'q', 'i', 1
                    FROM dim_document LIMIT 1;
                    INSERT INTO doc_line (document_id, line_number, label, rule_id, text)
                    SELECT document_id, 9003, 'B', 'test', '没有索引的段落' FROM dim_document LIMIT 1;
                    """)
        }
        // Read-only: a writable open would index the new line (Warehouse.restoreSearchIndex).
        let outcomes = try Warehouse(path: box.db, readOnly: true).runChecks(checks)
        let failing = Dictionary(
            uniqueKeysWithValues: outcomes.filter { !$0.passed }.map { ($0.check.id, $0.failingRows) })
        #expect(
            failing == [
                "quantity_indicator_exists": 1, "quantity_to_year_exists": 1, "quantity_year_order": 1,
                "quantity_value_not_negative": 1, "quantity_placeholder_has_no_value": 1, "search_index_in_sync": 1,
            ])
        // A negative rate (增长-2.3%) is no broken row: only counts, money and areas must not be.
        try DatabaseQueue(path: box.db).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(
                sql: """
                    INSERT INTO fact_quantity (document_id, indicator_id, unit_id, region_id, from_year, to_year, value, qualifier, status,
                        year_source, region_source, surface, sentence, line_number, char_offset, quantity_rule_id, indicator_rule_id, run_id)
                    SELECT document_id, 'unknown', 'percent', NULL, NULL, NULL, -2.3, 'exact', 'achieved', 'none', 'none', '-2.3%', '增长-2.3%', 9004, 0, 'q', 'i', 1
                    FROM dim_document LIMIT 1
                    """)
        }
        let again = try Warehouse(path: box.db, readOnly: true).runChecks(checks)
        #expect(again.first { $0.check.id == "quantity_value_not_negative" }?.failingRows == 1)
        // Spread over several connections or run on one, the tests find the same rows, in order.
        for connections in [1, 3] {
            let spread = try Warehouse(path: box.db, readOnly: true).runChecks(checks, connections: connections)
            #expect(spread == again, "\(connections) connections")
        }
        // The shared scans count what each test's own query counts.
        let warehouse = try Warehouse(path: box.db, readOnly: true)
        for outcome in outcomes {
            let alone = try warehouse.query(try outcome.check.failingRowsSQL).rows.first?.first
            #expect(alone == .integer(Int64(outcome.failingRows)), "\(outcome.check.id)")
        }
    }

    /// A broken test in a rule file fails alone, with SQLite's reason; the tests sharing its
    /// table still get their counts.
    @Test func aBrokenTestFailsAloneAndItsTableIsStillChecked() throws {
        let box = try Sandbox()
        _ = try box.load()
        var checks = try DataCheck.standard()
        checks.append(
            DataCheck(
                id: "broken", kind: "expression", model: "fact_quantity", column: "-",
                argument: "no_such_column > 0", description: "a typo", line: 99))
        let outcomes = try Warehouse(path: box.db).runChecks(checks)
        let broken = try #require(outcomes.last)
        let reason = broken.error ?? ""
        #expect(!broken.passed)
        #expect(reason.contains("no_such_column"))
        let others = Array(outcomes.dropLast())
        #expect(others.allSatisfy { $0.passed })
        #expect(others.filter { $0.check.model == "fact_quantity" }.count > 10)
    }
}
