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
            switch kind {
            case "not_null":
                return "SELECT count(*) FROM \(model) WHERE \(column) IS NULL"
            case "unique":
                return "SELECT count(*) FROM (SELECT \(column) FROM \(model) GROUP BY \(column) HAVING count(*) > 1)"
            case "relationship":
                let parts = argument.split(separator: ".")
                guard parts.count == 2 else { throw RuleTableError(file: "rules/warehouse/checks.tsv", line: line, reason: "relationship needs parent_table.parent_column, got '\(argument)'") }
                return "SELECT count(*) FROM \(model) c WHERE c.\(column) IS NOT NULL AND NOT EXISTS (SELECT 1 FROM \(parts[0]) p WHERE p.\(parts[1]) = c.\(column))"
            case "accepted_range":
                let bounds = argument.components(separatedBy: "..")
                guard bounds.count == 2, let low = Double(bounds[0]), let high = Double(bounds[1]) else {
                    throw RuleTableError(file: "rules/warehouse/checks.tsv", line: line, reason: "accepted_range needs min..max, got '\(argument)'")
                }
                return "SELECT count(*) FROM \(model) WHERE \(column) IS NOT NULL AND NOT (\(column) BETWEEN \(low) AND \(high))"
            case "expression":
                return "SELECT count(*) FROM \(model) WHERE NOT (\(argument))"
            default:
                throw RuleTableError(file: "rules/warehouse/checks.tsv", line: line, reason: "unknown kind '\(kind)' (not_null, unique, relationship, accepted_range, expression)")
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
            checks.map { check in
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
