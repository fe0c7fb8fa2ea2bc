import EduwhCore
import Foundation
import GRDB
import TestSupport
import Testing

@testable import Warehouse

/// Facts of the code kept once and checked against the files that restate them: fact_quantity's
/// column list (schema.sql, the load's insert, merge, scripts/canonical-dump) and the years a
/// fact may carry (dim_year).
@Suite struct FactColumnsTests {
    static func freshWarehouse() throws -> (TemporaryFolder, DatabaseQueue) {
        let folder = try TemporaryFolder()
        let path = folder.path + "/w.sqlite"
        _ = try Warehouse(path: path)
        return (folder, try DatabaseQueue(path: path))
    }

    @Test func theLoadWritesEveryColumnOfFactQuantityButItsKey() throws {
        let (folder, queue) = try Self.freshWarehouse()
        defer { _ = folder }
        let columns = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info('fact_quantity') ORDER BY cid")
        }
        #expect(columns.first == "fact_quantity_id")
        #expect(Array(columns.dropFirst()) == Warehouse.factQuantityColumns)
        #expect(
            Warehouse.factQuantitySelect(from: "q", runID: "r.run_id").components(separatedBy: ", ").count == columns
                .count - 1)
    }

    /// scripts/canonical-dump prints every fact column but the run id (a surrogate key).
    @Test func theCanonicalDumpPrintsEveryFactColumn() throws {
        let script = try String(
            contentsOf: PackagePaths.root.appending(path: "scripts/canonical-dump"), encoding: .utf8)
        let start = try #require(script.range(of: "SELECT 'qty',"))
        let end = try #require(script[start.upperBound...].range(of: "FROM fact_quantity"))
        let printed = script[start.upperBound..<end.lowerBound]
            .replacingOccurrences(of: #"quote\((\w+)\)"#, with: "$1", options: .regularExpression)
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        #expect(Set(printed) == Set(Warehouse.factQuantityColumns).subtracting(["run_id"]))
    }

    /// dim_year (schema.sql) holds exactly the years facts, year mentions and `--year` accept.
    @Test func dimYearSpansTheKnownYears() throws {
        let (folder, queue) = try Self.freshWarehouse()
        defer { _ = folder }
        let span = try queue.read { db in
            try Row.fetchOne(db, sql: "SELECT min(year_id), max(year_id), count(*) FROM dim_year")
        }
        #expect(span?[0] == YearSpan.known.lowerBound)
        #expect(span?[1] == YearSpan.known.upperBound)
        #expect(span?[2] == YearSpan.known.count)
        #expect(Warehouse.knownYear(YearSpan.known.lowerBound - 1) == nil)
        #expect(Warehouse.knownYear(YearSpan.known.upperBound) == YearSpan.known.upperBound)
    }
}
