import Foundation
import GRDB
import Pipeline
import Testing

@testable import Warehouse

/// Bulk mode (Warehouse+BulkLoad.swift): a first load builds the fact indexes at its end and
/// writes through a rollback journal. It must leave exactly the warehouse a row-by-row load does.
@Suite struct BulkLoadTests {
    typealias Sandbox = WarehouseLoadTests.Sandbox

    /// Index names and statements of a warehouse file, as SQLite holds them.
    static func indexes(_ path: String) throws -> [String] {
        try DatabaseQueue(path: path).read { db in
            try String.fetchAll(
                db,
                sql:
                    "SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"
            )
        }
    }

    static func journalMode(_ path: String) throws -> String? {
        try DatabaseQueue(path: path).read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
    }

    static func load(_ box: Sandbox, bulk: Bool?) throws -> LoadReport {
        var options = LoadOptions(folder: box.drop.path)
        options.bulk = bulk
        options.batchSize = 2  // several transactions, so indexes are missing across commits
        options.chunkSize = 1
        return try Loader(warehouse: Warehouse(path: box.db), version: "test").load(options)
    }

    /// What the search index finds for a few words, as (document, line) pairs, and how many
    /// paragraphs it holds.
    static func searchResults(_ path: String) throws -> [String] {
        try DatabaseQueue(path: path).read { db in
            var results = [try String(Int.fetchOne(db, sql: "SELECT count(*) FROM search_paragraph_docsize") ?? -1)]
            for word in ["教育", "校舍", "义务教育", "学", "学校"] {
                let match = try SearchQuery(word).matchExpression
                let hits = try String.fetchAll(
                    db,
                    sql: """
                        SELECT l.document_id || ':' || l.line_number FROM search_paragraph s JOIN doc_line l ON l.line_id = s.rowid
                        WHERE search_paragraph MATCH ? ORDER BY l.document_id, l.line_number
                        """, arguments: [match])
                results.append("\(word): \(hits.joined(separator: " "))")
            }
            return results
        }
    }

    @Test func bulkLoadLeavesTheSameWarehouseAsARowByRowLoad() throws {
        let bulk = try Sandbox()
        let rowByRow = try Sandbox()
        #expect(try Self.load(bulk, bulk: true).bulk)
        #expect(try !Self.load(rowByRow, bulk: false).bulk)
        #expect(try bulk.dump() == rowByRow.dump())
        // The search index built beside the load and copied in finds what the in-line one does.
        let found = try Self.searchResults(bulk.db)
        #expect(found == (try Self.searchResults(rowByRow.db)))
        #expect(found.first == String(try bulk.count("SELECT count(*) FROM doc_paragraph")))
        #expect(found.dropFirst().allSatisfy { $0.count > 12 }, "\(found)")
        #expect(!FileManager.default.fileExists(atPath: bulk.db + ".search-build"))
        #expect(try bulk.count("SELECT count(*) FROM fact_quantity") > 100)
        #expect(try Self.indexes(bulk.db) == Self.indexes(rowByRow.db))
        #expect(try Self.journalMode(bulk.db) == "wal")
        // The rebuilt indexes answer queries: an indexed lookup finds what a scan finds.
        let viaIndex = try bulk.count(
            "SELECT count(*) FROM fact_quantity INDEXED BY fact_quantity_indicator_id WHERE indicator_id = 'schools_count'"
        )
        #expect(
            viaIndex
                == (try bulk.count(
                    "SELECT count(*) FROM fact_quantity NOT INDEXED WHERE indicator_id = 'schools_count'")))
        #expect(viaIndex > 0)
    }

    @Test func onlyTheFirstLoadIntoAnEmptyWarehouseIsBulk() throws {
        let box = try Sandbox()
        let names = try FileManager.default.contentsOfDirectory(atPath: box.drop.path).sorted()
        let held = box.dir.appending(path: "held")
        try FileManager.default.moveItem(at: box.drop.appending(path: names[0]), to: held)
        #expect(try Self.load(box, bulk: nil).bulk)
        try FileManager.default.moveItem(at: held, to: box.drop.appending(path: names[0]))
        let second = try Self.load(box, bulk: nil)
        #expect(!second.bulk)
        #expect(second.counts.filesLoaded == 1)
        let fresh = try Sandbox()
        _ = try Warehouse(path: fresh.db)
        #expect(try Self.indexes(box.db) == Self.indexes(fresh.db))
    }

    /// A transaction holds `batchSize` files written; unchanged files count a 64th, so a nightly
    /// load with one changed file among many commits once instead of once per batch seen.
    @Test func transactionsCountFilesWrittenNotFilesSeen() throws {
        let box = try Sandbox()
        let first = try Self.load(box, bulk: nil)  // batchSize 2, 5 new files
        #expect(first.counts.filesLoaded == 5 && first.transactions == 3)
        let names = try FileManager.default.contentsOfDirectory(atPath: box.drop.path).sorted()
        let changed = box.drop.appending(path: names[2])
        try (try String(contentsOf: changed, encoding: .utf8) + "\n新增校舍1200平方米。\n").write(
            to: changed, atomically: true, encoding: .utf8)
        let second = try Self.load(box, bulk: nil)
        #expect(second.counts.filesLoaded == 1 && second.counts.filesUnchanged == 4)
        #expect(second.transactions == 1)
    }

    /// A bulk load killed between dropping its indexes and building them (simulated by starting
    /// bulk mode and never ending it) leaves them missing; the next writable open builds them.
    @Test func indexesABulkLoadNeverBuiltAreRestoredAtTheNextOpen() throws {
        let box = try Sandbox()
        _ = try Self.load(box, bulk: false)
        let complete = try Self.indexes(box.db)
        let warehouse = try Warehouse(path: box.db)
        try warehouse.dbQueue.writeWithoutTransaction { db in _ = try warehouse.beginBulkLoad(db) }
        let deferred = Warehouse.schemaIndexes.filter { Warehouse.deferredIndexTables.contains($0.table) }.map(\.name)
            .sorted()
        #expect(deferred.count == 6)
        #expect(try Self.indexes(box.db).count == complete.count - deferred.count)
        #expect(try Self.journalMode(box.db) == "delete")

        let reopened = try Warehouse(path: box.db)
        #expect(reopened.restoredIndexes.sorted() == deferred)
        #expect(try Self.indexes(box.db) == complete)
        #expect(try Self.journalMode(box.db) == "wal")
        #expect(try Warehouse(path: box.db).restoredIndexes.isEmpty)
    }

    /// A bulk load killed before it copied its search index in (simulated by emptying the index
    /// of a loaded warehouse) leaves paragraphs unindexed; the next writable open indexes them.
    @Test func searchRowsABulkLoadNeverCopiedAreRestoredAtTheNextOpen() throws {
        let box = try Sandbox()
        _ = try Self.load(box, bulk: false)
        let complete = try Self.searchResults(box.db)
        let paragraphs = try box.count("SELECT count(*) FROM doc_paragraph")
        try DatabaseQueue(path: box.db).write { db in
            try db.execute(sql: "INSERT INTO search_paragraph (search_paragraph) VALUES ('delete-all')")
        }
        #expect(try Self.searchResults(box.db) != complete)

        let reopened = try Warehouse(path: box.db)
        #expect(Int64(reopened.restoredSearchParagraphs) == paragraphs)
        #expect(try Self.searchResults(box.db) == complete)
        #expect(try Warehouse(path: box.db).restoredSearchParagraphs == 0)
    }

    /// The parsed list is schema.sql's whole index set: exactly what a new file has.
    @Test func schemaIndexesAreEveryIndexOfANewWarehouse() throws {
        let box = try Sandbox()
        _ = try Warehouse(path: box.db)
        let names = try Self.indexes(box.db).map { String($0.prefix { $0 != ":" }) }
        #expect(Warehouse.schemaIndexes.map(\.name).sorted() == names)
        #expect(names.count > 15)
    }
}
