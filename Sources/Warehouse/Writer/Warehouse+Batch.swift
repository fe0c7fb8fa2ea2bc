import CSQLiteTuning
import Dispatch
import EduwhCore
import Foundation
import GRDB
import Normalize

extension Warehouse {
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
    func loadFile(
        _ db: Database, _ file: ProcessedFile, path: String, runID: Int64,
        precomputed: Precomputed?
    ) throws -> (FileLoadCounts, [(Int64, SearchTokens)]) {
        var counts = FileLoadCounts()
        var paragraphs: [(Int64, SearchTokens)] = []
        var tokenIterator = precomputed?.searchTokens.makeIterator()
        let previous = try String.fetchOne(
            db.cachedStatement(sql: "SELECT content_sha256 FROM etl_file WHERE source_path = ?"), arguments: [path])
        if let previous, previous != file.raw.sha256 {
            counts.replaced = try deleteContentIfOrphaned(db, sha256: previous, leavingPath: path)
        }
        let alreadyLoaded =
            try Bool.fetchOne(
                db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM dim_document WHERE content_sha256 = ?)"),
                arguments: [file.raw.sha256]) ?? false
        if !alreadyLoaded {
            for (index, documentFacts) in file.documents.enumerated() {
                let body =
                    precomputed?.bodies[index]
                    ?? {
                        let text = documentFacts.document.bodyText
                        return (text, text.characterCount)
                    }()
                let written = try insert(
                    db, documentFacts, body: body, of: file, path: path, runID: runID, tokens: &tokenIterator,
                    paragraphs: &paragraphs)
                counts.documents += 1
                counts.quantities += written.quantities
                counts.years += written.years
                counts.factSeconds += written.factSeconds
            }
        }
        try upsertFile(
            db, path: path, sha256: file.raw.sha256, byteCount: file.raw.byteCount,
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
        case rejected(
            path: String, sha256: String?, byteCount: Int?, stage: RejectStage, reason: String, detail: String)

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
    public func loadBatch(_ items: [BatchItem], runID: Int64, modified: [String: Int64] = [:]) throws -> [BatchOutcome]
    {
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
        public func write(_ items: [BatchItem], runID: Int64, modified: [String: Int64] = [:]) throws -> [BatchOutcome]
        {
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
    func writeBatch(_ db: Database, _ items: [BatchItem], runID: Int64, modified: [String: Int64]) throws -> (
        [BatchOutcome], [(Int64, SearchTokens)]
    ) {
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
                        (counts, paragraphs) = try loadFile(
                            db, file, path: path, runID: runID, precomputed: precomputed)
                        return .commit
                    }
                    pendingIndex += paragraphs
                    outcomes.append(counts.documents == 0 && !counts.replaced ? .unchanged : .loaded(counts))
                } catch {
                    // A full disk, an I/O error or a lock is not this file's fault: stop the load.
                    if Self.isEnvironmental(error) { throw error }
                    let detail = "\(path): rejected (sqlite): \(error)"
                    try recordRejectRow(
                        db, path: path, sha256: file.raw.sha256, byteCount: file.raw.byteCount, stage: .warehouse,
                        reason: "sqlite", detail: detail, runID: runID)
                    outcomes.append(.rejected(stage: .warehouse, reason: "sqlite", detail: detail))
                }
            case .unchanged(let path, let sha256, let byteCount, let encoding):
                try upsertFile(
                    db, path: path, sha256: sha256, byteCount: byteCount, encoding: encoding, status: "unchanged",
                    runID: runID)
                outcomes.append(.unchanged)
            case .rejected(let path, let sha256, let byteCount, let stage, let reason, let detail):
                try recordRejectRow(
                    db, path: path, sha256: sha256, byteCount: byteCount, stage: stage, reason: reason, detail: detail,
                    runID: runID)
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
        let last =
            try Int64.fetchOne(
                db, sql: "SELECT line_id FROM doc_line WHERE label IN ('T', 'B') ORDER BY line_id DESC LIMIT 1") ?? 0
        guard last > indexed else { return 0 }
        let insert = try RowWriter(db, sql: searchInsertSQL)
        let rows = try Row.fetchCursor(
            db, sql: "SELECT line_id, text FROM doc_line WHERE line_id > ? AND label IN ('T', 'B') ORDER BY line_id",
            arguments: [indexed])
        var count = 0
        while let row = try rows.next() {
            try insert.run(row[0] as Int64, UTF8Text(bytes: SearchTokens(row[1] as String).utf8))
            count += 1
        }
        return count
    }
}
