import EduwhCore
import GRDB

/// One data test from `rules/warehouse/checks.tsv`, compiled to a query counting failing rows.
public struct DataCheck: Sendable, Hashable {
    public var id: String
    public var kind: String
    public var model: String
    public var column: String
    public var argument: String
    public var description: String
    /// 1-based line of the rule file, for error messages.
    public var line: Int

    /// SQL returning the number of rows that break the test.
    public var failingRowsSQL: String {
        get throws(RuleTableError) {
            if let condition = try failingCondition {
                return "SELECT count(*) FROM \(model) WHERE \(condition)"
            }
            switch kind {
            case "unique":
                return "SELECT count(*) FROM (SELECT \(column) FROM \(model) GROUP BY \(column) HAVING count(*) > 1)"
            case "relationship":
                let parts = argument.split(separator: ".")
                guard parts.count == 2 else { throw RuleTableError(file: "rules/warehouse/checks.tsv", line: line, reason: "relationship needs parent_table.parent_column, got '\(argument)'") }
                // Each distinct value is looked up in the parent once (a fact column holds a few
                // hundred distinct values in a million rows), and the rows are counted only when
                // some value is missing: the common case reads the column once.
                let missing = """
                    SELECT v FROM (SELECT DISTINCT \(column) AS v FROM \(model) WHERE \(column) IS NOT NULL) d
                    WHERE NOT EXISTS (SELECT 1 FROM \(parts[0]) p WHERE p.\(parts[1]) = d.v)
                    """
                return "SELECT CASE WHEN EXISTS (\(missing)) THEN (SELECT count(*) FROM \(model) WHERE \(column) IN (\(missing))) ELSE 0 END"
            default:
                throw RuleTableError(file: "rules/warehouse/checks.tsv", line: line, reason: "unknown kind '\(kind)' (not_null, unique, relationship, accepted_range, expression)")
            }
        }
    }

    /// For a test of single rows (not_null, accepted_range, expression): the SQL condition a
    /// failing row meets. `runChecks` counts all of a table's in one scan. nil for the others.
    public var failingCondition: String? {
        get throws(RuleTableError) {
            switch kind {
            case "not_null":
                return "\(column) IS NULL"
            case "accepted_range":
                let bounds = argument.components(separatedBy: "..")
                guard bounds.count == 2, let low = Double(bounds[0]), let high = Double(bounds[1]) else {
                    throw RuleTableError(file: "rules/warehouse/checks.tsv", line: line, reason: "accepted_range needs min..max, got '\(argument)'")
                }
                return "\(column) IS NOT NULL AND NOT (\(column) BETWEEN \(low) AND \(high))"
            case "expression":
                return "NOT (\(argument))"
            default:
                return nil
            }
        }
    }

    /// The data tests shipped in `rules/warehouse/checks.tsv`.
    public static func standard() throws(RuleTableError) -> [DataCheck] {
        let table = try RuleTable(name: "rules/warehouse/checks.tsv", text: EmbeddedFiles.files["rules/warehouse/checks.tsv"] ?? "",
                                  required: ["id", "kind", "model", "column_name", "argument", "description"])
        return table.rows.map { row in
            DataCheck(id: row["id"], kind: row["kind"], model: row["model"], column: row["column_name"],
                      argument: row["argument"], description: row["description"], line: row.line)
        }
    }
}

/// The outcome of one data test.
public struct CheckOutcome: Sendable, Hashable {
    public var check: DataCheck
    /// Rows that break the test (0 = pass).
    public var failingRows: Int
    /// Set when the test's SQL itself failed.
    public var error: String?

    public var passed: Bool { failingRows == 0 && error == nil }
}

extension Warehouse {
    /// Runs every data test and returns the outcomes in table order.
    public func runChecks(_ checks: [DataCheck]) throws -> [CheckOutcome] {
        try dbQueue.read { db in
            var outcomes = [CheckOutcome?](repeating: nil, count: checks.count)
            // The row tests of one table share one scan (fact_quantity has eight): one sum per
            // test. If that query fails (a broken test in a rule file), each runs alone below,
            // so the error is pinned on its test.
            var byModel: [String: [(index: Int, condition: String)]] = [:]
            for (index, check) in checks.enumerated() {
                if let condition = try? check.failingCondition { byModel[check.model, default: []].append((index, condition)) }
            }
            for (model, tests) in byModel where tests.count > 1 {
                let sums = tests.map { "coalesce(sum(CASE WHEN \($0.condition) THEN 1 ELSE 0 END), 0)" }
                guard let row = try? Row.fetchOne(db, sql: "SELECT \(sums.joined(separator: ", ")) FROM \(model)") else { continue }
                for (column, test) in tests.enumerated() {
                    outcomes[test.index] = CheckOutcome(check: checks[test.index], failingRows: row[column], error: nil)
                }
            }
            return checks.enumerated().map { index, check in
                if let outcome = outcomes[index] { return outcome }
                do {
                    let count = try Int.fetchOne(db, sql: try check.failingRowsSQL) ?? 0
                    return CheckOutcome(check: check, failingRows: count, error: nil)
                } catch {
                    return CheckOutcome(check: check, failingRows: 0, error: "\(error)")
                }
            }
        }
    }

}
