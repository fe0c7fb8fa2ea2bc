import EduwhCore
import Dispatch
import Foundation
import GRDB
import CSQLiteTuning
import Normalize

/// Counts of what one file's load wrote.
public struct FileLoadCounts: Sendable, Hashable {
    public var documents = 0
    public var quantities = 0
    public var years = 0
    /// True when the path was known with other content whose rows this load replaced.
    public var replaced = false
    /// Seconds spent executing the `fact_quantity` inserts (for `scripts/bench`'s fact insertion rate).
    public var factSeconds = 0.0

    public init() {}
}

/// Totals of one run, written to `etl_run` when it finishes.
public struct RunCounts: Sendable, Hashable {
    public var filesSeen = 0
    public var filesLoaded = 0
    public var filesReplaced = 0
    public var filesUnchanged = 0
    public var filesRejected = 0
    public var filesPruned = 0
    public var documents = 0
    public var quantities = 0
    public var years = 0
    public var inputBytes = 0

    public init() {}
}

/// The stage a rejected file was refused in (`etl_reject.stage`).
public enum RejectStage: String, Sendable {
    case ingest, clean, normalize, facts, warehouse
}

extension Warehouse {
    // MARK: - Runs

    /// Starts a run: marks runs left `running` by a killed process as `interrupted`, then adds
    /// a new `etl_run` row and returns its id.
    public func beginRun(sourceDir: String, shard: String? = nil, version: String) throws -> Int64 {
        try dbQueue.write { db in
            try db.execute(sql: "UPDATE etl_run SET status = 'interrupted' WHERE status = 'running'")
            try db.execute(sql: "INSERT INTO etl_run (started_at, eduwh_version, source_dir, shard) VALUES (?, ?, ?, ?)",
                           arguments: [Self.timestamp(), version, sourceDir, shard])
            return db.lastInsertedRowID
        }
    }

    /// Ends a run with its counts and final status.
    public func finishRun(_ runID: Int64, counts: RunCounts, status: String, elapsedSeconds: Double) throws {
        try dbQueue.write { db in
            try db.execute(sql: """
                UPDATE etl_run SET finished_at = ?, status = ?, files_seen = ?, files_loaded = ?, files_replaced = ?,
                    files_unchanged = ?, files_rejected = ?, files_pruned = ?, documents_loaded = ?, quantities_loaded = ?,
                    years_loaded = ?, input_bytes = ?, elapsed_seconds = ?
                WHERE run_id = ?
                """, arguments: [Self.timestamp(), status, counts.filesSeen, counts.filesLoaded, counts.filesReplaced,
                                 counts.filesUnchanged, counts.filesRejected, counts.filesPruned, counts.documents,
                                 counts.quantities, counts.years, counts.inputBytes, elapsedSeconds, runID])
        }
    }

    // MARK: - Files

    /// What the warehouse remembers of a file path: its content hash, size, encoding and mtime.
    public struct KnownFile: Sendable, Hashable {
        public var sha256: String
        public var byteCount: Int
        public var encoding: String
        public var modifiedNanoseconds: Int64
    }

    /// Every path whose content is loaded (with what was seen of the file), and the set of content
    /// hashes whose documents are loaded.
    public func knownContent() throws -> (byPath: [String: KnownFile], loaded: Set<String>) {
        try dbQueue.read { db in
            let loaded = Set(try String.fetchAll(db, sql: "SELECT DISTINCT content_sha256 FROM dim_document"))
            var byPath: [String: KnownFile] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT source_path, content_sha256, byte_count, encoding, modified_ns FROM etl_file
                WHERE status IN ('loaded', 'unchanged') AND content_sha256 IS NOT NULL AND modified_ns IS NOT NULL
                """) {
                let sha: String = row[1]
                guard loaded.contains(sha) else { continue }
                byPath[row[0]] = KnownFile(sha256: sha, byteCount: row[2], encoding: row[3] ?? "", modifiedNanoseconds: row[4])
            }
            return (byPath, loaded)
        }
    }

    /// Records that `path` was seen with content already loaded.
    public func recordUnchanged(path: String, sha256: String, byteCount: Int, encoding: String?, runID: Int64) throws {
        try dbQueue.write { db in
            try upsertFile(db, path: path, sha256: sha256, byteCount: byteCount, encoding: encoding, status: "unchanged", runID: runID)
        }
    }

    /// Records a refused file in `etl_reject` (and `etl_file`), without touching its old rows.
    public func recordReject(path: String, sha256: String?, byteCount: Int?, stage: RejectStage, reason: String, detail: String, runID: Int64) throws {
        try dbQueue.write { db in
            try recordRejectRow(db, path: path, sha256: sha256, byteCount: byteCount, stage: stage, reason: reason, detail: detail, runID: runID)
        }
    }

    private func recordRejectRow(_ db: Database, path: String, sha256: String?, byteCount: Int?, stage: RejectStage, reason: String, detail: String, runID: Int64) throws {
        try db.execute(sql: "INSERT INTO etl_reject (run_id, source_path, content_sha256, stage, reason, detail) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [runID, path, sha256, stage.rawValue, reason, detail])
        try upsertFile(db, path: path, sha256: sha256, byteCount: byteCount, encoding: nil, status: "rejected", runID: runID)
    }

    /// Loads one processed file in one transaction: either all its rows land or none do. When the
    /// path was loaded before with other content, that content's rows are replaced.
    @discardableResult
    public func load(_ file: ProcessedFile, path: String, runID: Int64) throws -> FileLoadCounts {
        try dbQueue.write { db in
            let (counts, paragraphs) = try loadFile(db, file, path: path, runID: runID, precomputed: nil)
            try Self.indexParagraphs(db, paragraphs)
            return counts
        }
    }

    /// Writes one file's rows (not yet its search index rows, which it returns).
    private func loadFile(_ db: Database, _ file: ProcessedFile, path: String, runID: Int64,
                          precomputed: Precomputed?) throws -> (FileLoadCounts, [(Int64, SearchTokens)]) {
        var counts = FileLoadCounts()
        var paragraphs: [(Int64, SearchTokens)] = []
        var tokenIterator = precomputed?.searchTokens.makeIterator()
        let previous = try String.fetchOne(db.cachedStatement(sql: "SELECT content_sha256 FROM etl_file WHERE source_path = ?"), arguments: [path])
        if let previous, previous != file.raw.sha256 {
            counts.replaced = try deleteContentIfOrphaned(db, sha256: previous, leavingPath: path)
        }
        let alreadyLoaded = try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM dim_document WHERE content_sha256 = ?)"), arguments: [file.raw.sha256]) ?? false
        if !alreadyLoaded {
            for (index, documentFacts) in file.documents.enumerated() {
                let body = precomputed?.bodies[index] ?? { let text = documentFacts.document.bodyText; return (text, text.characterCount) }()
                let written = try insert(db, documentFacts, body: body, of: file, path: path, runID: runID, tokens: &tokenIterator, paragraphs: &paragraphs)
                counts.documents += 1
                counts.quantities += written.quantities
                counts.years += written.years
                counts.factSeconds += written.factSeconds
            }
        }
        try upsertFile(db, path: path, sha256: file.raw.sha256, byteCount: file.raw.byteCount,
                       encoding: file.raw.encoding.rawValue, status: alreadyLoaded ? "unchanged" : "loaded", runID: runID)
        return (counts, paragraphs)
    }

    /// One file's share of a batch write.
    public enum BatchItem: Sendable {
        /// New or changed content to load; `precomputed` is what the writer would otherwise
        /// derive from it itself (search tokens, body texts), computed on the worker threads.
        case processed(ProcessedFile, path: String, precomputed: Precomputed? = nil)
        /// Content already in the warehouse, seen at `path`.
        case unchanged(path: String, sha256: String, byteCount: Int, encoding: String)
        /// A file refused before the warehouse (Ingest, Clean …).
        case rejected(path: String, sha256: String?, byteCount: Int?, stage: RejectStage, reason: String, detail: String)

        public var path: String {
            switch self {
            case .processed(_, let path, _), .unchanged(let path, _, _, _), .rejected(let path, _, _, _, _, _): path
            }
        }
    }

    /// What a batch write did with one item.
    public enum BatchOutcome: Sendable {
        case loaded(FileLoadCounts)
        case unchanged
        case rejected(stage: RejectStage, reason: String, detail: String)
    }

    /// The FTS tokens of a file's kept lines, in the order the warehouse writes its paragraphs.
    /// Pure: the loader computes them on worker threads.
    public static func searchTokens(for file: ProcessedFile) -> [SearchTokens] {
        file.documents.flatMap { $0.document.lines.filter { $0.label.isKept }.map { SearchTokens($0.text) } }
    }

    /// What the writer derives from a processed file before writing it, computed beforehand on
    /// a worker thread: joining each report's body and counting its characters cost the single
    /// writer about a second per 10,000 files.
    public struct Precomputed: Sendable {
        /// The kept lines' FTS tokens, in the order the warehouse writes its paragraphs.
        public var searchTokens: [SearchTokens]
        /// Each document's body text (`dim_document.body_text`) and its length in characters.
        public var bodies: [(text: String, characters: Int)]

        public init(_ file: ProcessedFile) {
            searchTokens = Warehouse.searchTokens(for: file)
            bodies = file.documents.map { facts in
                let text = facts.document.bodyText
                return (text, text.characterCount)
            }
        }
    }

    /// Writes many files in one transaction, each inside its own savepoint: a file whose rows
    /// fail to insert is rolled back alone and recorded as rejected, the others land. If the
    /// process dies mid-batch, nothing of the batch is committed and the next load redoes it.
    /// `modified` gives each path's modification time (ns) to remember in `etl_file`.
    public func loadBatch(_ items: [BatchItem], runID: Int64, modified: [String: Int64] = [:]) throws -> [BatchOutcome] {
        try bulkWrite { writer in
            let outcomes = try writer.write(items, runID: runID, modified: modified)
            try writer.commit()
            return outcomes
        }
    }

    /// Runs `body` on the writer connection with a transaction open for `BulkWriter.write`; the
    /// caller commits when it wants its batches durable (`BulkWriter.commit`). Whatever was not
    /// committed when `body` returns or throws is rolled back.
    ///
    /// Savepoint journals are kept in memory (`temp_store = MEMORY`) for the session: SQLite
    /// copies every page a savepoint changes first into that journal, and as a temporary file
    /// that was 2.5 of every 3 bytes a load wrote (27 GB of write calls for a 1.2 GB warehouse).
    /// A savepoint is released after its file, so the journal holds one file's pages at most.
    ///
    /// With `bulk`, meant for a load into an empty warehouse, the fact tables' secondary indexes
    /// are built at the end and the load writes through a rollback journal (see
    /// Warehouse+BulkLoad.swift); the end runs also when `body` throws.
    public func bulkWrite<T>(bulk: Bool = false, _ body: (BulkWriter) throws -> T) throws -> T {
        try dbQueue.writeWithoutTransaction { db in
            let bulkState = bulk ? try beginBulkLoad(db) : nil
            // In bulk mode the search index is built beside the load (SearchIndexBuilder); when
            // its side file cannot be made, the index is written in the load's transactions.
            let searchBuilder = bulk ? try? SearchIndexBuilder(warehousePath: path, settingsFrom: db) : nil
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            var result: Result<T, Error>
            do {
                result = .success(try body(BulkWriter(warehouse: self, db: db, searchBuilder: searchBuilder)))
            } catch {
                result = .failure(error)
            }
            if db.isInsideTransaction { try? db.rollback() }
            try? db.execute(sql: "PRAGMA temp_store = DEFAULT")
            // The indexes are built while the search index thread indexes the last commit.
            if let bulkState {
                do {
                    try buildDeferredIndexes(db, bulkState)
                } catch {
                    // The load's own error matters more; a missing index is rebuilt at the next open.
                    if case .success = result { result = .failure(error) }
                }
            }
            if let searchBuilder {
                do {
                    try searchBuilder.finish(intoWarehouseAt: path)
                } catch {
                    // The side index failed: index the committed paragraphs here instead.
                    do {
                        try db.inTransaction {
                            _ = try Self.restoreSearchIndex(db)
                            return .commit
                        }
                    } catch {
                        if case .success = result { result = .failure(error) }
                    }
                }
            }
            if let bulkState {
                do {
                    try restoreJournal(db, bulkState)
                } catch {
                    if case .success = result { result = .failure(error) }
                }
            }
            return try result.get()
        }
    }

    /// Writes batches of files into one open transaction (see `Warehouse.bulkWrite`).
    ///
    /// The search index rows of the whole transaction are written just before its commit, after
    /// every file's savepoint: once an FTS5 table has been written in a transaction, each new
    /// savepoint makes it flush its buffered terms and invalidate its structure (`xSavepoint`),
    /// which cost 100–250 µs per file and grew with the index (2.4 s of a 10,000-file load).
    public final class BulkWriter {
        let warehouse: Warehouse
        let db: Database
        /// Bulk mode's index thread; nil: the index is written in the load's transactions.
        let searchBuilder: SearchIndexBuilder?
        /// Paragraphs written since the last commit, with their tokens, waiting for the index.
        private var pendingIndex: [(Int64, SearchTokens)] = []

        init(warehouse: Warehouse, db: Database, searchBuilder: SearchIndexBuilder? = nil) {
            self.warehouse = warehouse
            self.db = db
            self.searchBuilder = searchBuilder
        }

        /// Writes a batch, each file inside its own savepoint. Opens a transaction if none is.
        public func write(_ items: [BatchItem], runID: Int64, modified: [String: Int64] = [:]) throws -> [BatchOutcome] {
            if !db.isInsideTransaction { try db.beginTransaction(.immediate) }
            let (outcomes, paragraphs) = try warehouse.writeBatch(db, items, runID: runID, modified: modified)
            pendingIndex += paragraphs
            return outcomes
        }

        /// Indexes the transaction's paragraphs and makes everything written so far durable
        /// (a no-op without an open transaction).
        public func commit() throws {
            guard db.isInsideTransaction else { return }
            if let searchBuilder {
                // Only committed paragraphs go to the side index.
                try db.commit()
                searchBuilder.add(pendingIndex)
            } else {
                try Warehouse.indexParagraphs(db, pendingIndex)
                try db.commit()
            }
            pendingIndex.removeAll(keepingCapacity: true)
            eduwh_release_free_memory()
        }
    }

    /// Writes each item of a batch; returns the outcomes and the paragraphs to index.
    private func writeBatch(_ db: Database, _ items: [BatchItem], runID: Int64, modified: [String: Int64]) throws -> ([BatchOutcome], [(Int64, SearchTokens)]) {
        fileTimes = modified
        defer { fileTimes = [:] }
        var outcomes: [BatchOutcome] = []
        outcomes.reserveCapacity(items.count)
        var pendingIndex: [(Int64, SearchTokens)] = []
        for item in items {
            switch item {
            case .processed(let file, let path, let precomputed):
                do {
                    var counts = FileLoadCounts()
                    var paragraphs: [(Int64, SearchTokens)] = []
                    try db.inSavepoint {
                        (counts, paragraphs) = try loadFile(db, file, path: path, runID: runID, precomputed: precomputed)
                        return .commit
                    }
                    pendingIndex += paragraphs
                    outcomes.append(counts.documents == 0 && !counts.replaced ? .unchanged : .loaded(counts))
                } catch {
                    // A full disk, an I/O error or a lock is not this file's fault: stop the load.
                    if Self.isEnvironmental(error) { throw error }
                    let detail = "\(path): rejected (sqlite): \(error)"
                    try recordRejectRow(db, path: path, sha256: file.raw.sha256, byteCount: file.raw.byteCount, stage: .warehouse, reason: "sqlite", detail: detail, runID: runID)
                    outcomes.append(.rejected(stage: .warehouse, reason: "sqlite", detail: detail))
                }
            case .unchanged(let path, let sha256, let byteCount, let encoding):
                try upsertFile(db, path: path, sha256: sha256, byteCount: byteCount, encoding: encoding, status: "unchanged", runID: runID)
                outcomes.append(.unchanged)
            case .rejected(let path, let sha256, let byteCount, let stage, let reason, let detail):
                try recordRejectRow(db, path: path, sha256: sha256, byteCount: byteCount, stage: stage, reason: reason, detail: detail, runID: runID)
                outcomes.append(.rejected(stage: stage, reason: reason, detail: detail))
            }
        }
        return (outcomes, pendingIndex)
    }

    /// The statement that adds one paragraph (rowid = its line_id) to the contentless FTS index.
    static let searchInsertSQL = "INSERT INTO search_paragraph (rowid, grams) VALUES (?, ?)"

    /// Adds paragraphs to the contentless FTS index (the warehouse's, or bulk mode's side file).
    static func indexParagraphs(_ db: Database, _ rows: [(Int64, SearchTokens)]) throws {
        guard !rows.isEmpty else { return }
        let insert = try RowWriter(db, sql: searchInsertSQL)
        for (paragraphID, tokens) in rows {
            try insert.run(paragraphID, UTF8Text(bytes: tokens.utf8))
        }
    }

    /// Indexes the paragraphs after the last one the search index holds: a bulk load that died
    /// before copying its side index in (`SearchIndexBuilder`) leaves its paragraphs unindexed,
    /// and a migration that recreates the index (4, 5) leaves it empty, so every paragraph.
    /// Every other write indexes a file's paragraphs in the transaction that writes them, so
    /// the index otherwise holds every paragraph and this costs two lookups. Returns the number
    /// of paragraphs indexed.
    static func restoreSearchIndex(_ db: Database) throws -> Int {
        let indexed = try Int64.fetchOne(db, sql: "SELECT max(id) FROM search_paragraph_docsize") ?? 0
        let last = try Int64.fetchOne(db, sql: "SELECT line_id FROM doc_line WHERE label IN ('T', 'B') ORDER BY line_id DESC LIMIT 1") ?? 0
        guard last > indexed else { return 0 }
        let insert = try RowWriter(db, sql: searchInsertSQL)
        let rows = try Row.fetchCursor(db, sql: "SELECT line_id, text FROM doc_line WHERE line_id > ? AND label IN ('T', 'B') ORDER BY line_id",
                                       arguments: [indexed])
        var count = 0
        while let row = try rows.next() {
            try insert.run(row[0] as Int64, UTF8Text(bytes: SearchTokens(row[1] as String).utf8))
            count += 1
        }
        return count
    }

    /// How many known files (`etl_file` rows not yet pruned) a prune keeping `presentPaths`
    /// would remove, and how many there are: the loader refuses a prune of too large a share.
    public func pruneCandidates(keeping presentPaths: Set<String>) throws -> (candidates: Int, live: Int) {
        try dbQueue.read { db in
            let known = try String.fetchAll(db, sql: "SELECT source_path FROM etl_file WHERE status != 'pruned'")
            return (known.reduce(0) { $0 + (presentPaths.contains($1) ? 0 : 1) }, known.count)
        }
    }

    /// Removes the documents of files that are no longer in `presentPaths` (`load --prune`).
    /// Returns the number of paths pruned.
    public func prune(keeping presentPaths: Set<String>, runID: Int64) throws -> Int {
        try dbQueue.write { db in
            let known = try Row.fetchAll(db, sql: "SELECT source_path, content_sha256 FROM etl_file WHERE status != 'pruned'")
            var pruned = 0
            for row in known {
                let path: String = row[0]
                guard !presentPaths.contains(path) else { continue }
                if let sha: String = row[1] {
                    _ = try deleteContentIfOrphaned(db, sha256: sha, leavingPath: path)
                }
                try db.execute(sql: "UPDATE etl_file SET status = 'pruned', last_run_id = ? WHERE source_path = ?", arguments: [runID, path])
                pruned += 1
            }
            return pruned
        }
    }

    // MARK: - Writing rows

    /// The stable id of document `index` of a file: 52 bits of its content hash, then the index.
    /// Past 255 reports in one file the index no longer fits its byte (`index & 0xff` made report
    /// 257 collide with report 1 and refused the whole file): such a report's id is 52 bits of
    /// the SHA-256 of "hash/index", then 0xff.
    public static func documentID(sha256: String, index: Int) -> Int64 {
        guard index > 0xff else {
            let prefix = Int64(sha256.prefix(13), radix: 16) ?? 0
            return prefix << 8 | Int64(index)
        }
        let spread = SHA256Digest.hex(of: Array("\(sha256)/\(index)".utf8))
        let prefix = Int64(spread.prefix(13), radix: 16) ?? 0
        return prefix << 8 | 0xff
    }

    private func upsertFile(_ db: Database, path: String, sha256: String?, byteCount: Int?, encoding: String?, status: String, runID: Int64) throws {
        let modified = status == "rejected" ? nil : fileTimes[path]
        // A cached statement: preparing this upsert through GRDB each time cost ~2.5 ms per file.
        try db.cachedStatement(sql: """
            INSERT INTO etl_file (source_path, content_sha256, byte_count, encoding, modified_ns, status, first_run_id, last_run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (source_path) DO UPDATE SET
                content_sha256 = COALESCE(excluded.content_sha256, content_sha256),
                byte_count = COALESCE(excluded.byte_count, byte_count),
                encoding = COALESCE(excluded.encoding, encoding),
                modified_ns = excluded.modified_ns,
                status = excluded.status, last_run_id = excluded.last_run_id
            """).execute(arguments: [path, sha256, byteCount, encoding, modified, status, runID, runID])
    }

    /// Deletes the documents of `sha256` unless another live path still has that content.
    private func deleteContentIfOrphaned(_ db: Database, sha256: String, leavingPath: String) throws -> Bool {
        let others = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM etl_file WHERE content_sha256 = ? AND source_path != ? AND status IN ('loaded', 'unchanged')
            """, arguments: [sha256, leavingPath]) ?? 0
        guard others == 0 else { return false }
        // A contentless FTS5 table forgets a row only when told the tokens it indexed.
        let old = try Row.fetchAll(db, sql: """
            SELECT paragraph_id, text FROM doc_paragraph
            WHERE document_id IN (SELECT document_id FROM dim_document WHERE content_sha256 = ?)
            """, arguments: [sha256])
        let forget = try db.cachedStatement(sql: "INSERT INTO search_paragraph (search_paragraph, rowid, grams) VALUES ('delete', ?, ?)")
        for row in old {
            try forget.execute(arguments: [row["paragraph_id"] as Int64, SearchTokens(row["text"] as String).grams])
        }
        try db.execute(sql: "DELETE FROM dim_document WHERE content_sha256 = ?", arguments: [sha256])
        return db.changesCount > 0
    }

    private func siteID(_ db: Database, _ metadata: SiteMetadata) throws -> Int64? {
        guard let name = metadata.sourceSite ?? metadata.breadcrumb.first, !name.isEmpty else { return nil }
        try db.cachedStatement(sql: "INSERT INTO dim_site (name) VALUES (?) ON CONFLICT (name) DO NOTHING").execute(arguments: [name])
        return try Int64.fetchOne(db.cachedStatement(sql: "SELECT site_id FROM dim_site WHERE name = ?"), arguments: [name])
    }

    private func insert(_ db: Database, _ facts: DocumentFacts, body: (text: String, characters: Int), of file: ProcessedFile, path: String, runID: Int64,
                        tokens: inout IndexingIterator<[SearchTokens]>?, paragraphs: inout [(Int64, SearchTokens)]) throws -> (quantities: Int, years: Int, factSeconds: Double) {
        let document = facts.document
        let documentID = Self.documentID(sha256: file.raw.sha256, index: document.index)
        let metadata = document.metadata
        let published = metadata.publishedAt
        try db.cachedStatement(sql: """
            INSERT INTO dim_document (document_id, content_sha256, doc_index, doc_count, source_path, site_id, title, report_kind,
                speaker, published_date, published_at, author, word_count, breadcrumb, reference_year, period_from_year,
                period_to_year, region_id, encoding, line_count, noise_line_count, body_char_count, body_text, run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                documentID, file.raw.sha256, document.index, file.documents.count, path, try siteID(db, metadata),
                document.title, facts.profile.kind, facts.profile.speaker, published.map { String($0.prefix(10)) }, published,
                metadata.author, metadata.wordCount, metadata.breadcrumb.isEmpty ? nil : metadata.breadcrumb.joined(separator: " > "),
                Self.knownYear(facts.profile.referenceYear), Self.knownYear(facts.profile.periodFrom), Self.knownYear(facts.profile.periodTo),
                facts.profile.adcode, file.raw.encoding.rawValue, document.lines.count,
                document.lines.reduce(0) { $0 + ($1.label == .noise ? 1 : 0) }, body.characters, body.text, runID,
            ])

        // Per-row inserts bind values straight into SQLite (RowWriter): they are most of the writer's calls.
        // A kept line's line_id is its paragraph_id (doc_paragraph is a view) and its search rowid.
        let lineInsert = try RowWriter(db, sql: "INSERT INTO doc_line (document_id, line_number, label, rule_id, text) VALUES (?, ?, ?, ?, ?)")
        for line in document.lines {
            try lineInsert.run(documentID, line.number, line.label.rawValue, line.rule, line.text)
            guard line.label.isKept else { continue }
            paragraphs.append((db.lastInsertedRowID, tokens?.next() ?? SearchTokens(line.text)))
        }

        // Each distinct unit once per report, inside its savepoint (a rolled-back file takes its units along).
        let unitInsert = try db.cachedStatement(sql: "INSERT INTO dim_unit (unit_id, kind) VALUES (?, ?) ON CONFLICT (unit_id) DO NOTHING")
        var units = Set<String>()
        for fact in facts.facts where units.insert(fact.quantity.unit).inserted {
            try unitInsert.execute(arguments: [fact.quantity.unit, Self.unitKind(fact.quantity.unit)])
        }
        let factInsert = try RowWriter(db, sql: """
            INSERT INTO fact_quantity (document_id, indicator_id, unit_id, region_id, from_year, to_year, value, upper_value,
                qualifier, status, status_cue, year_source, region_source, surface, sentence, line_number, char_offset,
                quantity_rule_id, indicator_rule_id, run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (document_id, line_number, char_offset) DO NOTHING
            """)
        var quantities = 0
        let factStart = DispatchTime.now().uptimeNanoseconds
        for fact in facts.facts {
            let quantity = fact.quantity
            quantities += try factInsert.run(
                documentID, fact.indicator, quantity.unit, fact.adcode, Self.knownYear(fact.yearFrom), Self.knownYear(fact.yearTo),
                quantity.value, quantity.upperValue, quantity.qualifier.rawValue, fact.status.rawValue, fact.statusCue,
                fact.yearSource.rawValue, fact.regionSource.rawValue, quantity.surface, fact.sentence, fact.line, quantity.offset,
                quantity.rule, fact.indicatorRule, runID
            )
        }
        let factSeconds = Double(DispatchTime.now().uptimeNanoseconds - factStart) / 1e9

        let yearInsert = try RowWriter(db, sql: """
            INSERT INTO fact_year_mention (document_id, kind, from_year, to_year, surface, line_number, char_offset, rule_id, run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (document_id, line_number, char_offset) DO NOTHING
            """)
        var years = 0
        for located in facts.years {
            let year = located.mention
            years += try yearInsert.run(
                documentID, year.kind.rawValue, Self.knownYear(year.from), Self.knownYear(year.to), year.surface, located.line,
                year.offset, year.rule, runID
            )
        }

        let placeInsert = try RowWriter(db, sql: """
            INSERT INTO fact_place_mention (document_id, region_id, status, candidate_region_ids, surface, line_number, char_offset, rule_id, run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (document_id, line_number, char_offset) DO NOTHING
            """)
        for located in facts.places {
            let place = located.mention
            try placeInsert.run(
                documentID, place.status == .resolved ? place.adcode : nil, place.status.rawValue, place.candidates.joined(separator: ","),
                place.surface, located.line, place.offset, place.rule, runID
            )
        }
        return (quantities, years, factSeconds)
    }

    /// Years outside dim_year (1949–2100) are kept out of foreign-key columns.
    static func knownYear(_ year: Int?) -> Int? {
        guard let year, (1949...2100).contains(year) else { return nil }
        return year
    }

    /// `dim_unit.kind` of a unit: from the unit table's `kind` column (`UnitKinds`), the one source.
    static func unitKind(_ unit: String) -> String { UnitKinds.warehouseKind(of: unit) }

    static func timestamp(_ date: Date = Date()) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
