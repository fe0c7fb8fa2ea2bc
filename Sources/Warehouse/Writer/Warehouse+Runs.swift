import CSQLiteTuning
import Dispatch
import EduwhCore
import Foundation
import GRDB
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
            try db.execute(
                sql: "INSERT INTO etl_run (started_at, eduwh_version, source_dir, shard) VALUES (?, ?, ?, ?)",
                arguments: [Self.timestamp(), version, sourceDir, shard])
            return db.lastInsertedRowID
        }
    }

    /// Ends a run with its counts and final status.
    public func finishRun(_ runID: Int64, counts: RunCounts, status: String, elapsedSeconds: Double) throws {
        try dbQueue.write { db in
            try db.execute(
                sql: """
                    UPDATE etl_run SET finished_at = ?, status = ?, files_seen = ?, files_loaded = ?, files_replaced = ?,
                        files_unchanged = ?, files_rejected = ?, files_pruned = ?, documents_loaded = ?, quantities_loaded = ?,
                        years_loaded = ?, input_bytes = ?, elapsed_seconds = ?
                    WHERE run_id = ?
                    """,
                arguments: [
                    Self.timestamp(), status, counts.filesSeen, counts.filesLoaded, counts.filesReplaced,
                    counts.filesUnchanged, counts.filesRejected, counts.filesPruned, counts.documents,
                    counts.quantities, counts.years, counts.inputBytes, elapsedSeconds, runID,
                ])
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
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT source_path, content_sha256, byte_count, encoding, modified_ns FROM etl_file
                    WHERE status IN ('loaded', 'unchanged') AND content_sha256 IS NOT NULL AND modified_ns IS NOT NULL
                    """)
            {
                let sha: String = row[1]
                guard loaded.contains(sha) else { continue }
                byPath[row[0]] = KnownFile(
                    sha256: sha, byteCount: row[2], encoding: row[3] ?? "", modifiedNanoseconds: row[4])
            }
            return (byPath, loaded)
        }
    }

    /// Records that `path` was seen with content already loaded.
    public func recordUnchanged(path: String, sha256: String, byteCount: Int, encoding: String?, runID: Int64) throws {
        try dbQueue.write { db in
            try upsertFile(
                db, path: path, sha256: sha256, byteCount: byteCount, encoding: encoding, status: "unchanged",
                runID: runID)
        }
    }

    /// Records a refused file in `etl_reject` (and `etl_file`), without touching its old rows.
    public func recordReject(
        path: String, sha256: String?, byteCount: Int?, stage: RejectStage, reason: String, detail: String, runID: Int64
    ) throws {
        try dbQueue.write { db in
            try recordRejectRow(
                db, path: path, sha256: sha256, byteCount: byteCount, stage: stage, reason: reason, detail: detail,
                runID: runID)
        }
    }

    func recordRejectRow(
        _ db: Database, path: String, sha256: String?, byteCount: Int?, stage: RejectStage, reason: String,
        detail: String, runID: Int64
    ) throws {
        try db.execute(
            sql:
                "INSERT INTO etl_reject (run_id, source_path, content_sha256, stage, reason, detail) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [runID, path, sha256, stage.rawValue, reason, detail])
        try upsertFile(
            db, path: path, sha256: sha256, byteCount: byteCount, encoding: nil, status: "rejected", runID: runID)
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
            let known = try Row.fetchAll(
                db, sql: "SELECT source_path, content_sha256 FROM etl_file WHERE status != 'pruned'")
            var pruned = 0
            for row in known {
                let path: String = row[0]
                guard !presentPaths.contains(path) else { continue }
                if let sha: String = row[1] {
                    _ = try deleteContentIfOrphaned(db, sha256: sha, leavingPath: path)
                }
                try db.execute(
                    sql: "UPDATE etl_file SET status = 'pruned', last_run_id = ? WHERE source_path = ?",
                    arguments: [runID, path])
                pruned += 1
            }
            return pruned
        }
    }
}
