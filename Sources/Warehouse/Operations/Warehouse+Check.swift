import EduwhCore
import Foundation
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
                guard parts.count == 2 else {
                    throw RuleTableError(
                        file: "rules/warehouse/checks.tsv", line: line,
                        reason: "relationship needs parent_table.parent_column, got '\(argument)'")
                }
                // Each distinct value is looked up in the parent once (a fact column holds a few
                // hundred distinct values in a million rows), and the rows are counted only when
                // some value is missing: the common case reads the column once.
                let missing = """
                    SELECT v FROM (SELECT DISTINCT \(column) AS v FROM \(model) WHERE \(column) IS NOT NULL) d
                    WHERE NOT EXISTS (SELECT 1 FROM \(parts[0]) p WHERE p.\(parts[1]) = d.v)
                    """
                return
                    "SELECT CASE WHEN EXISTS (\(missing)) THEN (SELECT count(*) FROM \(model) WHERE \(column) IN (\(missing))) ELSE 0 END"
            default:
                throw RuleTableError(
                    file: "rules/warehouse/checks.tsv", line: line,
                    reason: "unknown kind '\(kind)' (not_null, unique, relationship, accepted_range, expression)")
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
                    throw RuleTableError(
                        file: "rules/warehouse/checks.tsv", line: line,
                        reason: "accepted_range needs min..max, got '\(argument)'")
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
        let table = try RuleTable(
            name: "rules/warehouse/checks.tsv", text: EmbeddedFiles.files["rules/warehouse/checks.tsv"] ?? "",
            required: ["id", "kind", "model", "column_name", "argument", "description"])
        return table.rows.map { row in
            DataCheck(
                id: row["id"], kind: row["kind"], model: row["model"], column: row["column_name"],
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
    ///
    /// The queries are spread over `connections` readers (this warehouse's connection and
    /// read-only ones of its own), biggest first: after a 10,000-file load the tests read about
    /// 0.9 s on one connection, most of it three scans (fact_quantity's row tests 0.33 s,
    /// dim_document's 0.18 s, the search index's 0.10 s), so two connections take about half.
    /// Each query reads one consistent snapshot; with a load committing at the same time, two
    /// queries may see different ones (`eduwh load` runs its tests after its last commit).
    public func runChecks(_ checks: [DataCheck], connections: Int = 2) throws -> [CheckOutcome] {
        // The row tests of one table share one scan (fact_quantity has eight): one sum per test.
        // If that query fails (a broken test in a rule file), each runs alone afterwards, so the
        // error is pinned on its test.
        var byModel: [String: [(index: Int, condition: String)]] = [:]
        for (index, check) in checks.enumerated() {
            if let condition = try? check.failingCondition {
                byModel[check.model, default: []].append((index, condition))
            }
        }
        var jobs: [CheckJob] = []
        var grouped = Set<Int>()
        for (model, tests) in byModel where tests.count > 1 {
            let sums = tests.map { "coalesce(sum(CASE WHEN \($0.condition) THEN 1 ELSE 0 END), 0)" }
            jobs.append(
                CheckJob(
                    sql: "SELECT \(sums.joined(separator: ", ")) FROM \(model)", checks: tests.map(\.index),
                    weight: 2 + tests.count))
            grouped.formUnion(tests.map(\.index))
        }
        for index in checks.indices where !grouped.contains(index) {
            jobs.append(CheckJob(sql: nil, checks: [index], weight: checks[index].kind == "unique" ? 2 : 1))
        }
        jobs.sort { $0.weight > $1.weight }

        let results = try runJobs(jobs, checks: checks, connections: connections)
        var outcomes = [CheckOutcome?](repeating: nil, count: checks.count)
        var retry: [Int] = []
        for (job, result) in zip(jobs, results) {
            if let outcome = result {
                for (index, outcome) in zip(job.checks, outcome) { outcomes[index] = outcome }
            } else {
                retry.append(contentsOf: job.checks)
            }
        }
        if !retry.isEmpty {
            let alone = try runJobs(
                retry.map { CheckJob(sql: nil, checks: [$0], weight: 1) }, checks: checks, connections: 1)
            for (index, result) in zip(retry, alone) { outcomes[index] = result?.first }
        }
        return outcomes.enumerated().map { index, outcome in
            outcome ?? CheckOutcome(check: checks[index], failingRows: 0, error: "not run")
        }
    }

    /// One query of `runChecks`: a table's shared scan (`sql`), or one test's own query.
    private struct CheckJob: Sendable {
        var sql: String?
        var checks: [Int]
        var weight: Int
    }

    /// Runs the jobs on up to `connections` connections, each taking the next job in order.
    /// A shared scan that fails gives nil (its tests then run alone); a single test's error is
    /// its outcome.
    private func runJobs(_ jobs: [CheckJob], checks: [DataCheck], connections: Int) throws -> [[CheckOutcome]?] {
        @Sendable func run(_ job: CheckJob, _ db: Database) -> [CheckOutcome]? {
            if let sql = job.sql {
                guard let row = try? Row.fetchOne(db, sql: sql) else { return nil }
                return job.checks.enumerated().map { column, index in
                    CheckOutcome(check: checks[index], failingRows: row[column], error: nil)
                }
            }
            let check = checks[job.checks[0]]
            do {
                let count = try Int.fetchOne(db, sql: try check.failingRowsSQL) ?? 0
                return [CheckOutcome(check: check, failingRows: count, error: nil)]
            } catch {
                return [CheckOutcome(check: check, failingRows: 0, error: "\(error)")]
            }
        }
        // Extra read-only connections to the same file; none for a single job or a lone reader.
        var readers: [DatabaseQueue] = []
        if connections > 1, jobs.count > 1 {
            var config = Configuration()
            config.readonly = true
            config.busyMode = .timeout(10)
            for _ in 1..<connections {
                guard let reader = try? DatabaseQueue(path: path, configuration: config) else { break }
                readers.append(reader)
            }
        }
        defer { for reader in readers { try? reader.close() } }
        let queues = [dbQueue] + readers
        let next = Counter()
        let results = Slots<[CheckOutcome]?>(count: jobs.count)
        let failures = Slots<Error?>(count: queues.count)
        DispatchQueue.concurrentPerform(iterations: queues.count) { lane in
            do {
                try queues[lane].read { db in
                    while case let job = next.take(), job < jobs.count { results[job] = run(jobs[job], db) }
                }
                failures[lane] = nil
            } catch {
                failures[lane] = error
            }
        }
        // A connection that could not read leaves its jobs to the others; fail only if some
        // job was left undone.
        if let error = failures.values.lazy.compactMap({ $0 }).first, next.take() < jobs.count { throw error }
        return results.values
    }
}
