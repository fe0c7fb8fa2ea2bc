import Foundation
import GRDB

/// Bulk mode's search index, built on a thread of its own in a side file and copied into the
/// warehouse when the load ends (see Warehouse+BulkLoad.swift).
///
/// FTS5 is the costliest table a load writes: its term hash is filled row by row, flushed at
/// every commit and merged with older segments, and in the warehouse's file these segments
/// share the page cache and the rollback journal with every other table. A 10,000-file load
/// with the index took 7–8 s more writer time than one without, although the same rows indexed
/// alone take 4–5 s. Here the index has its own connection, cache and file (no journal: the
/// file is thrown away if anything goes wrong), and its work overlaps the warehouse writer's.
///
/// Rows reach the builder only after the warehouse committed them (`add`), so the index never
/// holds a paragraph the warehouse rolled back. `finish` copies the index's shadow tables
/// (`search_paragraph_data`, `_idx`, `_docsize`) into the warehouse's empty ones in one
/// transaction: FTS5 keeps its whole index in these tables, so the copy is the index. If the
/// load dies before the copy, the warehouse holds paragraphs its index lacks, and the next
/// writable open indexes them (`Warehouse.restoreSearchIndex`).
final class SearchIndexBuilder: @unchecked Sendable {
    /// The side file: the warehouse's path + `.search-build`, removed by `finish`.
    let path: String
    private let queue: DatabaseQueue
    private let condition = NSCondition()
    // Guarded by `condition`:
    private var pending: [[(Int64, SearchTokens)]] = []
    private var closed = false
    private var running = true
    /// Whether the thread is indexing a commit's rows.
    private var busy = false
    private var failure: Error?

    /// At most this many commits' rows are queued or being indexed; the writer waits beyond
    /// it, so memory does not grow when the index falls behind. The index takes about half the
    /// writer's time per commit, so one is enough to keep it busy, and each commit's tokens
    /// (~8 MB per 512 files) held in memory add to the load's peak.
    static let maxInFlight = 1

    /// The shadow tables FTS5 keeps a contentless index in (`_config` stays the warehouse's).
    static let shadowTables = ["search_paragraph_data", "search_paragraph_idx", "search_paragraph_docsize"]

    /// Creates the side file with the warehouse's own `search_paragraph` definition and
    /// settings, read from `db`, and starts the index thread.
    init(warehousePath: String, settingsFrom db: Database) throws {
        path = warehousePath + ".search-build"
        try? FileManager.default.removeItem(atPath: path)  // left by a load that was killed
        let definition =
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'search_paragraph'") ?? ""
        let settings = try Row.fetchAll(db, sql: "SELECT k, v FROM search_paragraph_config WHERE k != 'version'")
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            // A scratch file: nothing in it is needed after a crash, so no journal and no syncs.
            try db.execute(
                sql:
                    "PRAGMA page_size = 16384; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -4096"
            )
        }
        queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.writeWithoutTransaction { side in
            try side.execute(sql: definition)
            for setting in settings {
                try side.execute(
                    sql: "INSERT INTO search_paragraph (search_paragraph, rank) VALUES (?, ?)",
                    arguments: [setting[0] as String, setting[1] as DatabaseValue])
            }
        }
        // A thread of its own, created by the writer's thread: it inherits the writer's
        // scheduling priority, where the load's worker threads run at a lower one.
        let thread = Thread { [self] in run() }
        thread.name = "eduwh search index"
        thread.start()
    }

    /// Queues the rows of one committed transaction; waits while `maxInFlight` are queued or
    /// being indexed.
    func add(_ rows: [(Int64, SearchTokens)]) {
        guard !rows.isEmpty else { return }
        condition.lock()
        while pending.count + (busy ? 1 : 0) >= Self.maxInFlight && running { condition.wait() }
        if running { pending.append(rows) }
        condition.broadcast()
        condition.unlock()
    }

    /// The next commit's rows, waiting for them; nil once `finish` closed the queue and it is empty.
    private func next() -> [(Int64, SearchTokens)]? {
        condition.lock()
        defer { condition.unlock() }
        busy = false
        condition.broadcast()
        while pending.isEmpty && !closed { condition.wait() }
        guard !pending.isEmpty else { return nil }
        busy = true
        return pending.removeFirst()
    }

    private func run() {
        do {
            // The thread keeps the side connection for the whole load.
            try queue.writeWithoutTransaction { db in
                // One commit per warehouse commit: FTS5 flushes its term hash at each, and
                // holding two commits' terms (fewer segments to merge) cost 25 MB of peak
                // memory at 10,000 files against 10 MB at 1,000, for no time measured.
                while let rows = next() {
                    try db.inTransaction {
                        try Warehouse.indexParagraphs(db, rows)
                        return .commit
                    }
                }
            }
            condition.lock()
        } catch {
            condition.lock()
            failure = error
            pending.removeAll()
        }
        running = false
        busy = false
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for the queued rows, then copies the index into the warehouse at `warehousePath`
    /// (its search index must be empty: bulk mode starts from an empty warehouse) and removes
    /// the side file. The copy runs on a connection of its own, so the writer's connection sees
    /// the warehouse change and FTS5 rereads its index structure there.
    func finish(intoWarehouseAt warehousePath: String) throws {
        condition.lock()
        closed = true
        condition.broadcast()
        while running { condition.wait() }
        let failure = failure
        condition.unlock()
        defer {
            try? queue.close()
            for suffix in ["", "-journal", "-wal", "-shm"] {
                try? FileManager.default.removeItem(atPath: path + suffix)
            }
        }
        if let failure { throw failure }
        try queue.close()
        let copier = try DatabaseQueue(path: warehousePath)
        defer { try? copier.close() }
        try copier.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS build", arguments: [path])
            defer { try? db.execute(sql: "DETACH DATABASE build") }
            try db.inTransaction {
                for table in Self.shadowTables {
                    try db.execute(sql: "DELETE FROM main.\(table)")
                    try db.execute(sql: "INSERT INTO main.\(table) SELECT * FROM build.\(table)")
                }
                return .commit
            }
        }
    }
}
