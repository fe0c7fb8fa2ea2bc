import Dispatch
import EduwhCore
import Foundation
import GRDB
import Ingest
import TestSupport
import Testing

@testable import Pipeline
@testable import Warehouse

/// The write path's invariants that no load test pins alone (docs/architecture.md lists them all
/// with their tests): the batch feed between the producer thread and the writer, the
/// `@unchecked Sendable` slots the workers hand their files back in, and the raw binds of the
/// per-row inserts.
@Suite struct WritePathInvariantTests {
    static func batch(_ index: Int) -> PreparedBatch {
        PreparedBatch(paths: ["file-\(index)"], items: [nil], cpuSeconds: Double(index))
    }

    /// The writer takes batches in index order, whatever order and pace the producer puts them
    /// in, and the producer is never more than `prefetch` batches ahead of the writer.
    @Test(.timeLimit(.minutes(1)), arguments: [1, 2, 3])
    func batchFeedHandsBatchesOverInOrderAndBoundsTheProducer(prefetch: Int) {
        let feed = BatchFeed(prefetch: prefetch)
        let count = 200
        let taken = SharedCount()  // batches the writer has taken, read by the producer
        let aheadMost = Slots<Int>(count: 1)
        aheadMost[0] = 0
        let producer = DispatchGroup()
        DispatchQueue.global().async(group: producer) {
            var ahead = 0
            for index in 0..<count {
                guard feed.waitForRoom() else { return }
                // Batches put but not yet taken, this one included.
                let inFlight = index + 1 - taken.current
                ahead = max(ahead, inFlight)
                if index % 7 == 0 { usleep(50) }
                feed.put(Self.batch(index), at: index)
            }
            aheadMost[0] = ahead
        }
        var order: [Int] = []
        for index in 0..<count {
            if index % 5 == 0 { usleep(80) }
            order.append(Int(feed.take(index).cpuSeconds))
            taken.increment()
        }
        producer.wait()
        #expect(order == Array(0..<count))
        #expect(aheadMost[0] >= 1 && aheadMost[0] <= prefetch + 1, "producer ran \(aheadMost[0]) batches ahead")
    }

    /// A writer that stops (a failed write) cancels the feed: a producer waiting for room is let
    /// go instead of blocking the load's end forever.
    @Test(.timeLimit(.minutes(1))) func cancellingTheFeedReleasesAWaitingProducer() {
        let feed = BatchFeed(prefetch: 1)
        let producer = DispatchGroup()
        let outcomes = Slots<[Bool]>(count: 1)
        let secondPut = DispatchSemaphore(value: 0)
        DispatchQueue.global().async(group: producer) {
            var got: [Bool] = []
            for index in 0..<3 {
                let room = feed.waitForRoom()
                got.append(room)
                guard room else { break }
                feed.put(Self.batch(index), at: index)
                if index == 1 { secondPut.signal() }
            }
            outcomes[0] = got
        }
        #expect(Int(feed.take(0).cpuSeconds) == 0)
        secondPut.wait()
        usleep(20_000)  // the producer now waits for room for batch 2: batch 1 was never taken
        feed.cancel()
        producer.wait()
        #expect(outcomes[0] == [true, true, false])
    }

    /// Workers write disjoint slots concurrently without a lock and take work from a counter
    /// that never hands a number out twice: every piece is done exactly once and every slot
    /// holds its own worker's value.
    @Test func slotsAndCounterShareWorkAcrossThreads() {
        let pieces = 20_000
        let next = Counter()
        let slots = Slots<Int>(count: pieces)
        let takenBy = Slots<Int>(count: 4)
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            var done = 0
            while true {
                let index = next.take()
                guard index < pieces else { break }
                slots[index] = index * 3 + 1
                done += 1
            }
            takenBy[worker] = done
        }
        #expect(slots.values == (0..<pieces).map { $0 * 3 + 1 })
        #expect(takenBy.values.reduce(0, +) == pieces)
    }

    /// The search index rows of a transaction are written after every file's savepoint, at the
    /// commit (an FTS5 table written in a transaction flushes at each later savepoint): after a
    /// batch is written the transaction holds its lines but no index rows; after the commit the
    /// index holds exactly its paragraphs.
    @Test func searchRowsAreWrittenAtTheCommitAfterTheFilesSavepoints() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "eduwh-fts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let warehouse = try Warehouse(path: folder.appending(path: "w.sqlite").path)
        let names = try FileManager.default.contentsOfDirectory(atPath: PackagePaths.imports.path).filter {
            $0.hasSuffix(".txt")
        }.sorted()
        let items = try names.map { name in
            let raw = try Ingestor().read(path: PackagePaths.imports.appending(path: name).path, displayPath: name)
            return Warehouse.BatchItem.processed(FilePipeline.standard.process(raw), path: name)
        }
        #expect(items.count == 5)
        let run = try warehouse.beginRun(sourceDir: folder.path, version: "test")
        let counts = try warehouse.bulkWrite { writer in
            _ = try writer.write(items, runID: run)
            let before = try Self.counts(writer.db)
            try writer.commit()
            return (before, try Self.counts(writer.db))
        }
        #expect(counts.0.paragraphs > 100)
        #expect(counts.0.indexed == 0, "index rows were written inside the files' savepoints")
        #expect(counts.1.indexed == counts.0.paragraphs)
    }

    static func counts(_ db: Database) throws -> (paragraphs: Int, indexed: Int) {
        (
            try Int.fetchOne(db, sql: "SELECT count(*) FROM doc_paragraph") ?? -1,
            try Int.fetchOne(db, sql: "SELECT count(*) FROM search_paragraph_docsize") ?? -1
        )
    }

    /// `RowWriter` binds values with `sqlite3_bind_*` instead of GRDB's arguments: every kind of
    /// value it binds lands exactly as GRDB would store it (type and value), text with NUL and
    /// astral characters included, and a refused row throws GRDB's error and leaves the
    /// statement usable.
    @Test func rawBindsStoreWhatGRDBWouldStore() throws {
        let queue = try DatabaseQueue()
        let texts = ["", "教育", "𠀀𪚥学校", "tab\tand\nnewline", String(repeating: "校", count: 5000)]
        let numbers: [Double] = [0, -0.0, .pi, 1e300, -2.5e-10, 348_000_000]
        let integers: [Int64] = [0, 1, -1, .max, .min]
        try queue.write { db in
            for table in ["raw", "grdb"] {
                try db.execute(sql: "CREATE TABLE \(table) (id INTEGER PRIMARY KEY, i, d, t, u, n, o UNIQUE)")
            }
            let insert = try RowWriter(db, sql: "INSERT INTO raw (i, d, t, u, n, o) VALUES (?, ?, ?, ?, ?, ?)")
            var row = 0
            for text in texts {
                for (number, integer) in zip(numbers, integers + [42]) {
                    row += 1
                    let optional: Int? = row.isMultiple(of: 2) ? nil : row
                    #expect(
                        try insert.run(integer, number, text, UTF8Text(bytes: Array(text.utf8)), optional, row) == 1)
                    try db.execute(
                        sql: "INSERT INTO grdb (i, d, t, u, n, o) VALUES (?, ?, ?, ?, ?, ?)",
                        arguments: [integer, number, text, text, optional, row])
                }
            }
            #expect(throws: DatabaseError.self) {
                try insert.run(Int64(1), 1.0, "x", UTF8Text(bytes: []), Int?.none, 1)
            }
            #expect(try insert.run(Int64(7), 7.0, "after", UTF8Text(bytes: Array("after".utf8)), Int?.none, -1) == 1)
            try db.execute(sql: "INSERT INTO grdb (i, d, t, u, n, o) VALUES (7, 7.0, 'after', 'after', NULL, -1)")
            // Text is bound with its length, so a NUL inside it is kept (not cut as a C string).
            try db.execute(sql: "CREATE TABLE nul (t, u)")
            try RowWriter(db, sql: "INSERT INTO nul (t, u) VALUES (?, ?)").run(
                "a\u{0}b", UTF8Text(bytes: Array("a\u{0}b".utf8)))
        }
        let columns = "typeof(i), i, typeof(d), quote(d), typeof(t), hex(t), typeof(u), hex(u), typeof(n), n, o"
        let raw = try queue.read { db in try Row.fetchAll(db, sql: "SELECT \(columns) FROM raw ORDER BY id") }
        let grdb = try queue.read { db in try Row.fetchAll(db, sql: "SELECT \(columns) FROM grdb ORDER BY id") }
        #expect(raw.count == texts.count * numbers.count + 1)
        #expect(raw == grdb)
        #expect(
            try queue.read { db in try String.fetchOne(db, sql: "SELECT hex(t) || ' ' || hex(u) FROM nul") }
                == "610062 610062")
    }
}

/// A count read and bumped from two threads.
final class SharedCount: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func increment() {
        lock.lock()
        value += 1
        lock.unlock()
    }

    var current: Int {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
