import Foundation
import GRDB

/// Bulk mode: how a load into an empty warehouse writes faster.
///
/// A first load writes every row of the warehouse, so two things that protect a live warehouse
/// only cost it time:
/// - **Fact indexes built at the end.** The secondary indexes of the fact tables (schema.sql's
///   `CREATE INDEX` on `fact_quantity`, `fact_year_mention`, `fact_place_mention`) are dropped
///   before the first row and built once, sorted, when the load ends: 1.6 s at 10,000 files
///   against about 4.5 s of keeping six B-trees up to date row by row. The UNIQUE constraints
///   stay, so a duplicate is still refused and a failing file is still rolled back alone.
/// - **A rollback journal instead of the WAL** (`journal_mode = DELETE`, `synchronous = FULL`,
///   SQLite's classic safe setting) for the load's duration. In WAL mode every page is written
///   twice, to the WAL and then by the checkpoint into the file; with a rollback journal the
///   pages a new warehouse appends are written once. The warehouse goes back to WAL at the end.
///   If another connection has the file open, SQLite keeps WAL and the load goes on in it.
///
/// If a bulk load dies before its end, the indexes it dropped are missing: the next writable
/// open (`Warehouse(path:)`) recreates every index of schema.sql that is missing
/// (`Warehouse.restoredIndexes` names them), so nothing but speed is lost in between.
extension Warehouse {
    /// Tables whose secondary indexes a bulk load builds at its end.
    static let deferredIndexTables: Set<String> = ["fact_quantity", "fact_year_mention", "fact_place_mention"]

    /// Every `CREATE INDEX` of schema.sql: its name, table and statement.
    static let schemaIndexes: [(name: String, table: String, sql: String)] =
        schemaSQL
        .split(separator: "\n")
        .compactMap { line -> (String, String, String)? in
            let words = line.split(separator: " ")
            // CREATE [UNIQUE] INDEX name ON table (...);
            guard words.first == "CREATE" else { return nil }
            let rest = words.dropFirst().first == "UNIQUE" ? words.dropFirst(2) : words.dropFirst()
            guard rest.first == "INDEX", rest.count >= 4, rest.dropFirst(2).first == "ON" else { return nil }
            let name = String(rest.dropFirst().first!)
            let table = String(rest.dropFirst(3).first!)
            return (name, table, String(line.prefix { $0 != ";" }))
        }

    /// Creates the indexes of schema.sql that the file lacks (a bulk load that was killed before
    /// its end leaves its deferred ones missing). Returns their names.
    func restoreMissingIndexes(_ db: Database) throws -> [String] {
        let present = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index'"))
        let missing = Self.schemaIndexes.filter { !present.contains($0.name) }
        for index in missing { try db.execute(sql: index.sql) }
        return missing.map(\.name)
    }

    /// What `beginBulkLoad` changed, for `buildDeferredIndexes` and `restoreJournal` to undo.
    struct BulkLoadState {
        var droppedIndexes: [String] = []
        var journalSwitched = false
    }

    /// Switches to the rollback journal and drops the deferred indexes (outside any transaction).
    func beginBulkLoad(_ db: Database) throws -> BulkLoadState {
        var state = BulkLoadState()
        // Leaving WAL needs the file to itself: with a reader on it, SQLite answers SQLITE_BUSY
        // (a first load died with exit 1 on "database is locked"); the load then stays in WAL.
        let mode = (try? String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")) ?? nil
        if mode?.lowercased() == "delete" {
            state.journalSwitched = true
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        let present = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index'"))
        let deferred = Self.schemaIndexes.filter {
            Self.deferredIndexTables.contains($0.table) && present.contains($0.name)
        }
        try db.inTransaction {
            for index in deferred { try db.execute(sql: "DROP INDEX \(index.name)") }
            return .commit
        }
        state.droppedIndexes = deferred.map(\.name)
        return state
    }

    /// Builds the indexes `beginBulkLoad` dropped. Runs after the load's last commit or
    /// rollback, also when the load failed; `restoreJournal` follows it.
    func buildDeferredIndexes(_ db: Database, _ state: BulkLoadState) throws {
        if !state.droppedIndexes.isEmpty {
            // The sorter that builds an index spills to temporary files, not to memory: with
            // temp_store = MEMORY it held a whole index's keys (+20 MB of RSS at 10,000 files).
            try db.execute(sql: "PRAGMA temp_store = DEFAULT")
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = -8192")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
            try db.inTransaction {
                _ = try restoreMissingIndexes(db)
                return .commit
            }
        }
    }

    /// Goes back to the WAL (no other connection may have the file open).
    func restoreJournal(_ db: Database, _ state: BulkLoadState) throws {
        if state.journalSwitched {
            // A reader that opened the file in the meantime makes the switch busy for a moment;
            // if it stays busy the file keeps its rollback journal until the next writable open,
            // which sets WAL again: the load's rows are committed either way.
            for attempt in 0..<20 {
                do {
                    try db.execute(sql: "PRAGMA journal_mode = WAL")
                    break
                } catch let error as DatabaseError
                    where error.resultCode.primaryResultCode == .SQLITE_BUSY && attempt < 19
                {
                    usleep(50_000)
                } catch let error as DatabaseError where error.resultCode.primaryResultCode == .SQLITE_BUSY {
                    break
                }
            }
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
    }
}
