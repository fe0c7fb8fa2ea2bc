import Foundation
import Pipeline
import Testing

@testable import Warehouse

/// Sharded loads merged into one warehouse equal a one-machine load of the same files.
@Suite struct WarehouseMergeTests {
    @Test(arguments: [2, 4])
    func shardsMergedEqualOneShotLoad(shardCount: Int) throws {
        let box = try WarehouseLoadTests.Sandbox()
        _ = try box.load()
        let merged = box.dir.appending(path: "merged.sqlite").path
        var seen = 0
        for index in 1...shardCount {
            let shardPath = box.dir.appending(path: "shard-\(index).sqlite").path
            var options = LoadOptions(folder: box.drop.path)
            options.shard = (index, shardCount)
            let report = try Loader(warehouse: Warehouse(path: shardPath), version: "test").load(options)
            seen += report.counts.filesSeen
            _ = try Warehouse(path: merged).merge(shardPath: shardPath)
        }
        #expect(seen == 5, "every file falls in exactly one shard")
        let mergedBox = WarehouseLoadTests.Sandbox(existing: box.dir, db: merged)
        #expect(try mergedBox.dump() == box.dump())
        // Merging again adds nothing.
        let before = try mergedBox.dump()
        for index in 1...shardCount {
            let again = try Warehouse(path: merged).merge(
                shardPath: box.dir.appending(path: "shard-\(index).sqlite").path)
            #expect(again.documents == 0 && again.runs == 0 && again.quantities == 0)
        }
        #expect(try mergedBox.dump() == before)
        #expect(try Warehouse(path: merged).runChecks(DataCheck.standard()).allSatisfy(\.passed))
        // Each file's size and modification time came along from its shard, so a load of the same
        // folder into the merged warehouse finds every file unchanged without reading it again.
        let stamps = "SELECT source_path, byte_count, modified_ns FROM etl_file ORDER BY source_path"
        let mergedStamps = try Warehouse(path: merged).query(stamps).rows
        #expect(mergedStamps == (try Warehouse(path: box.db).query(stamps).rows))
        #expect(mergedStamps.allSatisfy { row in row.last.map { $0 != .null } ?? false })
        #expect(try Warehouse(path: merged).knownContent().byPath.count == 5, "every path can skip the read")
    }

    @Test func mergingAWarehouseIntoItselfIsRefused() throws {
        let box = try WarehouseLoadTests.Sandbox()
        _ = try box.load()
        #expect(throws: WarehouseError.self) { try Warehouse(path: box.db).merge(shardPath: box.db) }
    }
}
