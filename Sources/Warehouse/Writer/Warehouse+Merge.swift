import EduwhCore
import Foundation
import GRDB

/// What one `merge` copied from a shard warehouse.
public struct MergeCounts: Sendable, Hashable {
    public var runs = 0
    public var documents = 0
    public var quantities = 0
    public var files = 0
    public var rejects = 0

    public init() {}
}

extension Warehouse {
    /// The random id this warehouse file got when it was created.
    public func warehouseID() throws -> String {
        try dbQueue.read { db in try String.fetchOne(db, sql: "SELECT warehouse_id FROM etl_warehouse") ?? "" }
    }

    /// Copies a shard warehouse (loaded with `load --shard K/N`) into this one, in one transaction.
    ///
    /// Idempotent: runs already copied (recognised by the shard's warehouse id and run id) and
    /// documents already present (document ids derive from content hashes) are skipped. Dimension
    /// rows are reconciled by natural key (site name, unit, indicator; regions and years are
    /// preloaded identically). Lineage is kept: copied rows point at copies of the shard's runs.
    ///
    /// ```swift
    /// try Warehouse(path: "all.sqlite").merge(shardPath: "shard-1.sqlite")
    /// ```
    public func merge(shardPath: String) throws -> MergeCounts {
        guard FileManager.default.fileExists(atPath: shardPath) else {
            throw WarehouseError(path: shardPath, reason: .missing, detail: "no shard warehouse at this path")
        }
        let resolved = { (path: String) in URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        }
        guard resolved(shardPath) != resolved(path) else {
            throw WarehouseError(
                path: shardPath, reason: .notAWarehouse,
                detail: "is the warehouse being merged into; merge shards into a different file")
        }
        // Make sure the shard is a complete, current warehouse (migrates it if it is older).
        _ = try Warehouse(path: shardPath)
        let ownID = try warehouseID()
        return try dbQueue.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS shard", arguments: [shardPath])
            defer { try? db.execute(sql: "DETACH DATABASE shard") }
            var counts = MergeCounts()
            try db.inTransaction {
                let shardID = try String.fetchOne(db, sql: "SELECT warehouse_id FROM shard.etl_warehouse") ?? ""
                guard shardID != ownID else {
                    throw WarehouseError(
                        path: shardPath, reason: .notAWarehouse,
                        detail: "is this same warehouse; merge shards into a different file")
                }
                counts.runs = try mergeRuns(db, shardID: shardID, ownID: ownID)
                try mergeDimensions(db)
                (counts.documents, counts.quantities) = try mergeDocuments(db)
                (counts.files, counts.rejects) = try mergeFiles(db)
                try db.execute(sql: "DROP TABLE temp.run_map; DROP TABLE temp.new_document")
                return .commit
            }
            return counts
        }
    }

    // MARK: - The phases of a merge (inside its transaction, with the shard attached as `shard`)

    /// Copies each shard run once into `etl_run`, filling `temp.run_map` (shard run id → run id
    /// here, and whether it is new); returns the number of runs copied.
    private func mergeRuns(_ db: Database, shardID: String, ownID: String) throws -> Int {
        var runs = 0
        // Runs: copy each shard run once, remembering its new id.
        try db.execute(
            sql:
                "CREATE TEMP TABLE run_map (shard_run_id INTEGER PRIMARY KEY, run_id INTEGER NOT NULL, is_new INTEGER NOT NULL)"
        )
        let shardRuns = try Row.fetchAll(db, sql: "SELECT * FROM shard.etl_run ORDER BY run_id")
        for run in shardRuns {
            let originWarehouse: String = run["origin_warehouse_id"] ?? shardID
            let originRun: Int64 = run["origin_run_id"] ?? run["run_id"]
            let shardRunID: Int64 = run["run_id"]
            if originWarehouse == ownID {
                try db.execute(sql: "INSERT INTO run_map VALUES (?, ?, 0)", arguments: [shardRunID, originRun])
                continue
            }
            if let existing = try Int64.fetchOne(
                db, sql: "SELECT run_id FROM main.etl_run WHERE origin_warehouse_id = ? AND origin_run_id = ?",
                arguments: [originWarehouse, originRun])
            {
                try db.execute(sql: "INSERT INTO run_map VALUES (?, ?, 0)", arguments: [shardRunID, existing])
                continue
            }
            try db.execute(
                sql: """
                    INSERT INTO main.etl_run (started_at, finished_at, status, eduwh_version, source_dir, shard, files_seen, files_loaded,
                        files_replaced, files_unchanged, files_rejected, files_pruned, documents_loaded, quantities_loaded, years_loaded,
                        input_bytes, elapsed_seconds, origin_warehouse_id, origin_run_id)
                    SELECT started_at, finished_at, CASE status WHEN 'running' THEN 'interrupted' ELSE status END, eduwh_version, source_dir,
                        shard, files_seen, files_loaded, files_replaced, files_unchanged, files_rejected, files_pruned, documents_loaded,
                        quantities_loaded, years_loaded, input_bytes, elapsed_seconds, ?, ?
                    FROM shard.etl_run WHERE run_id = ?
                    """, arguments: [originWarehouse, originRun, shardRunID])
            try db.execute(sql: "INSERT INTO run_map VALUES (?, ?, 1)", arguments: [shardRunID, db.lastInsertedRowID])
            runs += 1
        }
        return runs
    }

    private func mergeDimensions(_ db: Database) throws {
        // Dimensions reconciled by natural key.
        try db.execute(
            sql:
                "INSERT INTO main.dim_site (name) SELECT name FROM shard.dim_site WHERE true ON CONFLICT (name) DO NOTHING"
        )
        try db.execute(
            sql: "INSERT INTO main.dim_unit SELECT * FROM shard.dim_unit WHERE true ON CONFLICT (unit_id) DO NOTHING")
        try db.execute(
            sql:
                "INSERT INTO main.dim_indicator SELECT * FROM shard.dim_indicator WHERE true ON CONFLICT (indicator_id) DO NOTHING"
        )
    }

    /// Copies the documents this warehouse lacks (listed in `temp.new_document`), with their
    /// lines, search rows and facts; returns the documents and quantities copied.
    private func mergeDocuments(_ db: Database) throws -> (documents: Int, quantities: Int) {
        // Documents not yet here, and everything hanging off them.
        try db.execute(
            sql: """
                CREATE TEMP TABLE new_document AS
                SELECT document_id FROM shard.dim_document WHERE document_id NOT IN (SELECT document_id FROM main.dim_document)
                """)
        try db.execute(
            sql: """
                INSERT INTO main.dim_document (document_id, content_sha256, doc_index, doc_count, source_path, site_id, title, report_kind,
                    speaker, published_date, published_at, author, word_count, breadcrumb, reference_year, period_from_year, period_to_year,
                    region_id, encoding, line_count, noise_line_count, body_char_count, body_text, run_id)
                SELECT d.document_id, d.content_sha256, d.doc_index, d.doc_count, d.source_path,
                    (SELECT m.site_id FROM main.dim_site m JOIN shard.dim_site s ON s.name = m.name WHERE s.site_id = d.site_id),
                    d.title, d.report_kind, d.speaker, d.published_date, d.published_at, d.author, d.word_count, d.breadcrumb,
                    d.reference_year, d.period_from_year, d.period_to_year, d.region_id, d.encoding, d.line_count, d.noise_line_count,
                    d.body_char_count, d.body_text, r.run_id
                FROM shard.dim_document d JOIN run_map r ON r.shard_run_id = d.run_id
                WHERE d.document_id IN (SELECT document_id FROM new_document)
                ORDER BY d.document_id
                """)
        let documents = db.changesCount
        // Lines get new line_ids here (doc_paragraph is a view of them: its ids follow).
        try db.execute(
            sql: """
                INSERT INTO main.doc_line (document_id, line_number, label, rule_id, text)
                SELECT document_id, line_number, label, rule_id, text FROM shard.doc_line
                WHERE document_id IN (SELECT document_id FROM new_document) ORDER BY document_id, line_number
                """)
        // The index is contentless: tokens are recomputed from the merged paragraphs' text.
        let merged = try Row.fetchAll(
            db,
            sql: """
                SELECT paragraph_id, text FROM main.doc_paragraph WHERE document_id IN (SELECT document_id FROM new_document)
                """)
        try Self.indexParagraphs(db, merged.map { ($0["paragraph_id"] as Int64, SearchTokens($0["text"] as String)) })
        try db.execute(
            sql: """
                INSERT INTO main.fact_quantity (\(Self.factQuantityColumns.joined(separator: ", ")))
                SELECT \(Self.factQuantitySelect(from: "q", runID: "r.run_id"))
                FROM shard.fact_quantity q JOIN run_map r ON r.shard_run_id = q.run_id
                WHERE q.document_id IN (SELECT document_id FROM new_document)
                ORDER BY q.document_id, q.line_number, q.char_offset
                """)
        let quantities = db.changesCount
        try db.execute(
            sql: """
                INSERT INTO main.fact_year_mention (document_id, kind, from_year, to_year, surface, line_number, char_offset, rule_id, run_id)
                SELECT y.document_id, y.kind, y.from_year, y.to_year, y.surface, y.line_number, y.char_offset, y.rule_id, r.run_id
                FROM shard.fact_year_mention y JOIN run_map r ON r.shard_run_id = y.run_id
                WHERE y.document_id IN (SELECT document_id FROM new_document)
                ORDER BY y.document_id, y.line_number, y.char_offset
                """)
        try db.execute(
            sql: """
                INSERT INTO main.fact_place_mention (document_id, region_id, status, candidate_region_ids, surface, line_number, char_offset, rule_id, run_id)
                SELECT p.document_id, p.region_id, p.status, p.candidate_region_ids, p.surface, p.line_number, p.char_offset, p.rule_id, r.run_id
                FROM shard.fact_place_mention p JOIN run_map r ON r.shard_run_id = p.run_id
                WHERE p.document_id IN (SELECT document_id FROM new_document)
                ORDER BY p.document_id, p.line_number, p.char_offset
                """)
        return (documents, quantities)
    }

    /// Merges the shard's file verdicts and copies the rejects of its new runs; returns the
    /// files and rejects written.
    private func mergeFiles(_ db: Database) throws -> (files: Int, rejects: Int) {
        // Files: a path lives in one shard; a shard's newer verdict wins over an older one here.
        // The modification time comes along, so the next load skips unchanged files unread.
        try db.execute(
            sql: """
                INSERT INTO main.etl_file (source_path, content_sha256, byte_count, encoding, modified_ns, status, first_run_id, last_run_id)
                SELECT f.source_path, f.content_sha256, f.byte_count, f.encoding, f.modified_ns, f.status, rf.run_id, rl.run_id
                FROM shard.etl_file f JOIN run_map rf ON rf.shard_run_id = f.first_run_id JOIN run_map rl ON rl.shard_run_id = f.last_run_id
                WHERE true
                ON CONFLICT (source_path) DO UPDATE SET content_sha256 = excluded.content_sha256, byte_count = excluded.byte_count,
                    encoding = excluded.encoding, modified_ns = excluded.modified_ns, status = excluded.status, last_run_id = excluded.last_run_id
                WHERE excluded.last_run_id > main.etl_file.last_run_id
                """)
        let files = db.changesCount
        try db.execute(
            sql: """
                INSERT INTO main.etl_reject (run_id, source_path, content_sha256, stage, reason, detail)
                SELECT r.run_id, j.source_path, j.content_sha256, j.stage, j.reason, j.detail
                FROM shard.etl_reject j JOIN run_map r ON r.shard_run_id = j.run_id WHERE r.is_new = 1
                ORDER BY j.etl_reject_id
                """)
        let rejects = db.changesCount
        return (files, rejects)
    }
}
