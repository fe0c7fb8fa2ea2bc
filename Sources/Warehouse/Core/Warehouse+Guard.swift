import CSQLiteTuning
import Foundation
import GRDB

/// The deadline of the query running on a read-only connection (monotonic seconds; 0: none),
/// read by the progress handler `eduwh_install_deadline` puts on the connection.
final class QueryDeadline: @unchecked Sendable {
    let pointer = UnsafeMutablePointer<Double>.allocate(capacity: 1)

    init() { pointer.initialize(to: 0) }

    deinit { pointer.deallocate() }
}

extension Warehouse {
    // MARK: - Guarding connections that run users' queries

    /// Hardens a read-only connection before its first statement: SQLITE_DBCONFIG_DEFENSIVE, no
    /// two-argument fts3_tokenizer(), no extension loading, untrusted schema, and an authorizer
    /// that refuses fts3_tokenizer(), load_extension(), ATTACH and writable_schema (a forged
    /// tokenizer pointer crashed the process; `fts3_tokenizer('simple')` printed an address).
    /// Also installs the progress handler that enforces `queryTimeout`.
    static func guardQueryConnection(_ db: Database, deadline: QueryDeadline) throws {
        let code = eduwh_guard_query_connection(db.sqliteConnection)
        guard code == 0 else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot guard the query connection")
        }
        eduwh_install_deadline(db.sqliteConnection, deadline.pointer)
    }

    /// Guards the connection of a writable warehouse the same way (`eduwh sql --write`), after
    /// its schema is migrated (migration 0008 needed writable_schema).
    public func guardQueries() throws {
        try dbQueue.writeWithoutTransaction { db in try Self.guardQueryConnection(db, deadline: deadline) }
    }

    /// Runs `body` with `queryTimeout` as its time limit.
    func withQueryDeadline<T>(_ body: () throws -> T) rethrows -> T {
        startQueryDeadline()
        defer { clearQueryDeadline() }
        return try body()
    }

    /// Starts the time limit of a query (`queryTimeout` from now); `clearQueryDeadline` ends it.
    func startQueryDeadline() {
        guard let queryTimeout, queryTimeout > 0 else { return }
        deadline.pointer.pointee = eduwh_monotonic_seconds() + queryTimeout
    }

    func clearQueryDeadline() {
        deadline.pointer.pointee = 0
    }

    // MARK: - Read-only media

    /// Whether a read-only open failed because the file's folder cannot be written (SQLite needs
    /// to create the WAL index beside a WAL file): CANTOPEN or READONLY.
    static func isReadOnlyMediaError(_ error: DatabaseError) -> Bool {
        [ResultCode.SQLITE_CANTOPEN, .SQLITE_READONLY].contains(error.resultCode.primaryResultCode)
    }

    /// `file:PATH?immutable=1`, the path percent-encoded where a URI needs it.
    static func immutableURI(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let encoded = absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute
        return "file:\(encoded)?immutable=1"
    }

    // MARK: - Foreign files

    /// Throws `.notAWarehouse` when `path` holds something other than an eduwh warehouse (not
    /// SQLite at all, or an SQLite database with tables of its own), reading it only: the file is
    /// left byte for byte as it was. A missing or empty file is a new warehouse.
    static func refuseForeignFile(at path: String) throws(WarehouseError) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        try? handle.close()
        guard !header.isEmpty else { return }
        guard header == Data("SQLite format 3\u{0}".utf8) else {
            throw WarehouseError(
                path: path, reason: .notAWarehouse,
                detail: "not an SQLite file (and not an eduwh warehouse); choose another --db")
        }
        var config = Configuration()
        config.readonly = true
        let facts = try? DatabaseQueue(path: path, configuration: config).read { db in
            (
                version: try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0,
                tables: try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
                    ?? 0,
                isWarehouse: try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'etl_warehouse')") ?? false
            )
        }
        guard let facts else { return }  // unreadable here: the writable open says why
        if facts.version == 0, facts.tables > 0 {
            throw WarehouseError(
                path: path, reason: .notAWarehouse,
                detail: "the file has tables but no eduwh schema version; choose another --db")
        }
        if facts.version > 0, !facts.isWarehouse {
            throw WarehouseError(
                path: path, reason: .notAWarehouse,
                detail:
                    "an SQLite database of another program (user_version \(facts.version), no etl_warehouse table); choose another --db"
            )
        }
    }

    // MARK: - Integrity and completeness

    /// `PRAGMA quick_check`: the problems SQLite finds in the file's pages and indexes (empty
    /// when none). A damaged file can also make the check itself fail, reported as a problem.
    public func quickCheck() -> [String] {
        do {
            let rows = try dbQueue.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
            return rows == ["ok"] ? [] : rows
        } catch {
            return ["\(error)"]
        }
    }

    /// What a query of this warehouse would silently miss, as one sentence (nil when nothing):
    /// paragraphs the search index lacks or indexes that are missing, left by a first (bulk) load
    /// that was stopped before its end. The next `eduwh load` restores both.
    public func incompleteness() -> String? {
        let gaps = try? dbQueue.read { db -> [String] in
            var gaps: [String] = []
            let indexed = try Int64.fetchOne(db, sql: "SELECT max(id) FROM search_paragraph_docsize") ?? 0
            let last =
                try Int64.fetchOne(
                    db, sql: "SELECT line_id FROM doc_line WHERE label IN ('T', 'B') ORDER BY line_id DESC LIMIT 1")
                ?? 0
            if last > indexed {
                let missing =
                    try Int.fetchOne(
                        db, sql: "SELECT count(*) FROM doc_line WHERE line_id > ? AND label IN ('T', 'B')",
                        arguments: [indexed]) ?? 0
                gaps.append("the search index lacks \(missing) paragraphs")
            }
            let present = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index'"))
            let absent = Self.schemaIndexes.filter { !present.contains($0.name) }.map(\.name)
            if !absent.isEmpty {
                gaps.append("\(absent.count) indexes are missing (\(absent.joined(separator: ", ")))")
            }
            return gaps
        }
        guard let gaps, !gaps.isEmpty else { return nil }
        return
            "\(path): the warehouse is incomplete: \(gaps.joined(separator: "; ")), left by a first load that was stopped before its end; run `eduwh load` on the drop folder to complete it"
    }
}
