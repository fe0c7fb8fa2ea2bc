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
            let again = try Warehouse(path: merged).merge(shardPath: box.dir.appending(path: "shard-\(index).sqlite").path)
            #expect(again.documents == 0 && again.runs == 0 && again.quantities == 0)
        }
        #expect(try mergedBox.dump() == before)
        #expect(try Warehouse(path: merged).runChecks(DataCheck.standard()).allSatisfy(\.passed))
    }

    @Test func mergingAWarehouseIntoItselfIsRefused() throws {
        let box = try WarehouseLoadTests.Sandbox()
        _ = try box.load()
        #expect(throws: WarehouseError.self) { try Warehouse(path: box.db).merge(shardPath: box.db) }
    }
}
