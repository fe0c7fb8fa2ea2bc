import CSQLiteTuning
import EduwhCore
import Facts
import Foundation
import GRDB
import Normalize

/// The SQLite star schema: opens (creating or migrating) a warehouse file and loads processed
/// files into it, one transaction per batch of files and one savepoint per file.
///
/// ```swift
/// let warehouse = try Warehouse(path: "eduwh.sqlite")
/// let run = try warehouse.beginRun(sourceDir: "imports", version: "0.1.0")
/// try warehouse.load(processed, path: "a.txt", runID: run)
/// ```
public final class Warehouse {
    /// The schema as embedded at build time: exactly the text of `schema.sql`.
    public static let schemaSQL: String = EmbeddedFiles.files["schema.sql"] ?? ""
    /// Numbered migrations (`migrations/NNNN_name.sql`) by the schema version they produce.
    public static let migrations: [(version: Int, name: String, sql: String)] = EmbeddedFiles.files
        .compactMap { key, sql -> (Int, String, String)? in
            guard key.hasPrefix("migrations/"), key.hasSuffix(".sql") else { return nil }
            let name = String(key.dropFirst("migrations/".count))
            guard let version = Int(name.prefix { $0.isNumber }) else { return nil }
            return (version, name, sql)
        }
        .sorted { $0.0 < $1.0 }
    /// The schema version a new warehouse gets from schema.sql.
    public static var schemaVersion: Int {
        for line in schemaSQL.split(separator: "\n") where line.hasPrefix("PRAGMA user_version") {
            if let value = Int(line.filter(\.isNumber)) { return value }
        }
        return 0
    }

    public let path: String
    public let dbQueue: DatabaseQueue
    /// Indexes of schema.sql this open found missing and recreated: left behind by a bulk load
    /// that was killed before it built them (Warehouse+BulkLoad.swift). Empty almost always.
    public private(set) var restoredIndexes: [String] = []
    /// Paragraphs the search index lacked at this open and now holds (a bulk load killed before
    /// its index was copied in; see `SearchIndexBuilder`). 0 almost always.
    public private(set) var restoredSearchParagraphs = 0
    /// Modification times of the batch being written (set by `loadBatch`, read by its upserts).
    var fileTimes: [String: Int64] = [:]
    /// True when a read-only open fell back to `immutable=1` (the file's folder cannot be
    /// written, as on read-only media, so SQLite could not make its WAL index beside it).
    public private(set) var isImmutableOpen = false
    /// Seconds each query of `execute` and `search` may run before SQLite stops it
    /// (SQLITE_INTERRUPT, `QueryError.Reason.timeout`); nil or 0: no limit. Read-only opens only.
    public var queryTimeout: Double?
    /// The running query's deadline, read by the connection's progress handler.
    let deadline = QueryDeadline()

    /// Opens the warehouse at `path`, creating it from schema.sql when new and applying pending
    /// migrations. With `readOnly`, the file must exist and is never written.
    /// The schema version of an existing warehouse file (PRAGMA user_version), read without
    /// migrating it; nil when there is no readable file at `path`.
    public static func schemaVersion(ofFileAt path: String) -> Int? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        var config = Configuration()
        config.readonly = true
        return try? DatabaseQueue(path: path, configuration: config).read { db in
            try Int.fetchOne(db, sql: "PRAGMA user_version")
        }
    }

    /// Process-wide SQLite settings, applied once before the first connection: multi-thread mode
    /// (GRDB gives each connection to one thread at a time, so SQLite's per-call connection mutex
    /// only cost time) and no global allocation statistics (a process-wide mutex per malloc).
    /// Their mutex calls were 5% of the load writer's samples; the 10,000-file bench's fact
    /// inserts went from 11.5 to 9.9 s. 0 when applied; SQLITE_MISUSE when
    /// SQLite was already in use in this process (as in tests that open GRDB themselves first),
    /// which leaves SQLite's defaults: slower, equally correct.
    static let sqliteTuning: Int32 = eduwh_sqlite_tune()

    public init(path: String, readOnly: Bool = false) throws(WarehouseError) {
        _ = Self.sqliteTuning
        self.path = path
        // A file that is not an eduwh warehouse is refused before a writable open could touch
        // it (switching it to WAL, as the open's first pragmas would).
        if !readOnly { try Self.refuseForeignFile(at: path) }
        var config = Configuration()
        config.readonly = readOnly
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        if !readOnly {
            config.prepareDatabase { db in
                // 16 KiB pages (taken only by a new, empty file): a tenth faster loads than 4 KiB
                // and a smaller file, since reports' text rows fit whole in a page.
                try db.execute(
                    sql:
                        "PRAGMA page_size = 16384; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536"
                )
            }
        }
        if readOnly {
            // Queries typed by users: no dangerous functions, a time limit (Warehouse+Guard.swift).
            let deadline = self.deadline
            config.prepareDatabase { db in
                try Self.guardQueryConnection(db, deadline: deadline)
            }
        }
        if readOnly, !FileManager.default.fileExists(atPath: path) {
            throw WarehouseError(
                path: path, reason: .missing, detail: "no warehouse at this path; run `eduwh load` first or pass --db")
        }
        do {
            dbQueue = try DatabaseQueue(path: path, configuration: config)
        } catch let error as DatabaseError where readOnly && Self.isReadOnlyMediaError(error) {
            // Read-only media: SQLite cannot create the WAL index (-shm) beside the file. An
            // immutable open reads the file as it is, with no locks and no side files.
            do {
                dbQueue = try DatabaseQueue(path: Self.immutableURI(path), configuration: config)
                isImmutableOpen = true
            } catch {
                throw WarehouseError(path: path, reason: .cannotOpen, detail: "\(error)")
            }
        } catch {
            throw WarehouseError(path: path, reason: .cannotOpen, detail: "\(error)")
        }
        if readOnly {
            // Read-only commands never write, so an older file is not upgraded here: say how.
            let version = (try? dbQueue.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") }) ?? nil
            if let version, version > 0, version < Self.schemaVersion {
                throw WarehouseError(
                    path: path, reason: .olderSchema,
                    detail:
                        "schema version \(version) is older than this eduwh's (\(Self.schemaVersion)); run `eduwh load` once on it (loads upgrade the schema first), then query again"
                )
            }
        } else {
            try migrate()
        }
    }

    // MARK: - Schema

    private func migrate() throws(WarehouseError) {
        do {
            try dbQueue.writeWithoutTransaction { db in
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                if version == 0 {
                    let hasTables =
                        try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
                        ?? 0
                    guard hasTables == 0 else {
                        throw WarehouseError(
                            path: path, reason: .notAWarehouse,
                            detail: "the file has tables but no eduwh schema version; choose another --db")
                    }
                    try db.inTransaction {
                        try db.execute(sql: Self.schemaSQL)
                        try db.execute(
                            sql: "INSERT INTO etl_warehouse (warehouse_id, created_at) VALUES (?, ?)",
                            arguments: [UUID().uuidString.lowercased(), Self.timestamp()])
                        try seedDimensions(db)
                        return .commit
                    }
                } else if version > Self.schemaVersion {
                    throw WarehouseError(
                        path: path, reason: .newerSchema,
                        detail:
                            "schema version \(version) is newer than this eduwh (\(Self.schemaVersion)); upgrade eduwh")
                } else {
                    // All pending migrations in one transaction: a file is either upgraded or untouched.
                    let pending = Self.migrations.filter { $0.version > version }
                    if let last = pending.last {
                        try db.inTransaction {
                            for migration in pending { try db.execute(sql: migration.sql) }
                            // A migration that recreates the contentless search index (4, 5) leaves it
                            // empty: its rows come from Swift, written once after the last of them.
                            if pending.contains(where: { $0.sql.contains("CREATE VIRTUAL TABLE search_paragraph") }) {
                                _ = try Self.restoreSearchIndex(db)
                            }
                            // A migration that edits sqlite_master in place (0008) must bump the
                            // schema cookie, so every connection re-reads the schema.
                            if pending.contains(where: { $0.sql.contains("PRAGMA writable_schema = ON") }) {
                                let cookie = try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
                                try db.execute(sql: "PRAGMA schema_version = \(cookie + 1)")
                            }
                            try db.execute(sql: "PRAGMA user_version = \(last.version)")
                            return .commit
                        }
                    }
                    try db.inTransaction {
                        try seedIndicators(db)
                        restoredIndexes = try restoreMissingIndexes(db)
                        restoredSearchParagraphs = try Self.restoreSearchIndex(db)
                        return .commit
                    }
                }
            }
        } catch let error as WarehouseError {
            throw error
        } catch {
            throw WarehouseError(path: path, reason: .sqlite, detail: "creating the schema failed: \(error)")
        }
    }

    private func seedDimensions(_ db: Database) throws {
        let table = DivisionTable.standard
        let insert = try db.makeStatement(
            sql: """
                INSERT INTO dim_region (region_id, name, level, province_name, city_name, county_name, parent_region_id, longitude, latitude)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        // Parents first, so the foreign key on parent_region_id always resolves.
        // Sorted on keys made once per division (the comparison built a dictionary and derived
        // each level per call: 0.07 s of every new warehouse's start).
        let rank: [DivisionTable.Division.Level: Int] = [.province: 0, .city: 1, .county: 2]
        let keyed = table.divisions.map { (rank: rank[$0.level]!, adcode: $0.adcode, division: $0) }
        let ordered = keyed.sorted { ($0.rank, $0.adcode) < ($1.rank, $1.adcode) }.map(\.division)
        for division in ordered {
            let province = table.division(adcode: division.provinceCode)?.name ?? division.name
            let parent = table.parent(of: division)
            let city: String? =
                switch division.level {
                case .province: nil
                case .city: division.name
                case .county: table.division(adcode: division.cityCode)?.name
                }
            try insert.execute(arguments: [
                division.adcode, division.name, division.level.rawValue, province, city,
                division.level == .county ? division.name : nil, parent?.adcode, division.longitude, division.latitude,
            ])
        }
        try seedIndicators(db)
    }

    private func seedIndicators(_ db: Database) throws {
        let upsert = try db.makeStatement(
            sql: """
                INSERT INTO dim_indicator (indicator_id, name_zh, name_en, category, base_unit, is_rate, description)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (indicator_id) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en,
                    category = excluded.category, base_unit = excluded.base_unit, is_rate = excluded.is_rate,
                    description = excluded.description
                """)
        for indicator in IndicatorDictionary.standard.indicators {
            try upsert.execute(arguments: [
                indicator.code, indicator.nameZh, indicator.nameEn, indicator.category,
                indicator.baseUnit, indicator.isRate ? 1 : 0, Self.description(of: indicator),
            ])
        }
        // Units already in the warehouse take their kind from the unit table (older versions filed
        // 公顷, 美元, ‰, 学时 as counts): a few dozen rows, checked on every writable open.
        let fixKind = try db.makeStatement(sql: "UPDATE dim_unit SET kind = ? WHERE unit_id = ? AND kind <> ?")
        for unit in try String.fetchAll(db, sql: "SELECT unit_id FROM dim_unit") {
            let kind = UnitKinds.warehouseKind(of: unit)
            try fixKind.execute(arguments: [kind, unit, kind])
        }
    }

    /// `dim_indicator.description`: what the indicator counts, in which units, and one example
    /// sentence, all from rules/facts/indicators.tsv.
    static func description(of indicator: Indicator) -> String {
        let units = indicator.units.sorted().map { $0.isEmpty ? "no unit" : $0 }.joined(separator: ", ")
        return "\(indicator.nameEn) (\(indicator.nameZh)), \(indicator.category); values in \(units)"
            + (indicator.isRate ? " (a rate, 0-100)" : "")
            + (indicator.example.isEmpty ? "" : "; e.g. \(indicator.example)")
    }
}
