import Clean
import Dispatch
import EduwhCore
import Facts
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Ingest
import Warehouse

/// What happened to one file during a load, reported in file order as each batch is written.
public enum FileEvent: Sendable {
    /// `notes` say what Ingest repaired (a cut character at the end, a wrong charset meta …).
    case loaded(path: String, counts: FileLoadCounts, bytes: Int, notes: [String])
    case unchanged(path: String, bytes: Int)
    case rejected(path: String, stage: RejectStage, reason: String, detail: String)

    public var path: String {
        switch self {
        case .loaded(let path, _, _, _), .unchanged(let path, _), .rejected(let path, _, _, _): path
        }
    }
}

/// How to run a load.
public struct LoadOptions: Sendable {
    /// Drop folder, searched recursively.
    public var folder: String
    /// Remove documents of files no longer in the folder.
    public var prune = false
    /// Load only the files whose content hash falls in shard `index` (1-based) of `count`.
    public var shard: (index: Int, count: Int)?
    /// Files written (new or changed content) per transaction, each in its own savepoint inside
    /// it; a transaction also ends after 64 times as many files seen, unchanged ones included.
    /// Larger transactions rewrite the warehouse's shared index pages less often; a killed load
    /// redoes at most this many files.
    public var batchSize = 512
    /// Files processed together and handed to the writer at once (memory grows with it). 64
    /// rather than 128: the same speed, and 10–15 MB less peak memory at 10,000 files, where
    /// two full chunks waiting for the writer made the peak vary by 30 MB from run to run.
    public var chunkSize = 64
    /// Chunks prepared ahead of the writer (each holds its files' rows in memory until written).
    public var prefetch = 2
    /// Worker threads for reading, cleaning and extracting (default: active processors).
    public var workers = ProcessInfo.processInfo.activeProcessorCount
    /// Read and hash every file, even those whose size and modification time match the last load.
    public var rehash = false
    /// Bulk mode (fact indexes built at the end, a rollback journal during the load; see
    /// `Warehouse.bulkWrite`). nil: when the warehouse holds no documents yet.
    public var bulk: Bool?
    /// Follow symbolic links to files outside the drop folder (refused by default; see `DropFolder`).
    public var followSymlinks = false
    /// With `prune`: the largest share (0…1) of the warehouse's files a prune may remove; a
    /// prune that would remove more is skipped and reported (`LoadReport.pruneRefused`), so an
    /// unmounted or half-copied drop folder does not empty the warehouse. nil: no limit.
    public var pruneMaxShare: Double?

    public init(folder: String) {
        self.folder = folder
    }
}

/// The outcome of a whole load.
public struct LoadReport: Sendable {
    public var runID: Int64
    public var counts: RunCounts
    public var elapsedSeconds: Double
    /// `ok` when nothing was rejected, `partial` otherwise.
    public var status: String
    /// One line per rejected file: path, reason, detail.
    public var rejects: [String]
    /// Seconds spent in Ingest…Facts summed over worker threads, and in the single writer.
    public var processingSeconds: Double
    public var writingSeconds: Double
    /// Of `writingSeconds`, the time spent executing `fact_quantity` inserts.
    public var factWritingSeconds: Double
    /// Whether the load ran in bulk mode (into an empty warehouse; indexes built at the end).
    public var bulk = false
    /// Transactions committed (see `LoadOptions.batchSize`).
    public var transactions = 0
    /// Set when `--prune` was skipped: it would have removed `paths` of `of` files, more than
    /// `LoadOptions.pruneMaxShare`.
    public var pruneRefused: (paths: Int, of: Int)?
}

/// A load that stopped part-way (a full disk, an I/O error, a damaged warehouse): what it had
/// committed, and why it stopped. Every committed file is fully loaded; the rest is rolled back
/// and the run is marked `failed` when the warehouse still takes the write.
public struct LoadFailure: Error, CustomStringConvertible {
    /// The counts of the files committed before the failure; `status` is `failed`.
    public var report: LoadReport
    public var error: any Error
    /// A fault of the machine or the warehouse file (`Warehouse.isEnvironmental`), not a bug.
    public var isEnvironmental: Bool { Warehouse.isEnvironmental(error) }

    public var description: String {
        "the load stopped after \(report.counts.filesSeen) files: \(error)"
            + (isEnvironmental ? "; the files committed before it are loaded, the rest is rolled back: free space or fix the warehouse's disk, then load again" : "")
    }
}

/// Loads every supported file under a drop folder into a warehouse.
///
/// Files are read, cleaned and turned into facts on all cores, a batch at a time and up to two
/// batches ahead, while one writer writes the batches in order: one transaction per batch, one
/// savepoint per file.
/// Content already loaded is skipped after hashing, before any parsing.
///
/// ```swift
/// let report = try Loader(warehouse: warehouse, version: "0.1.0").load(LoadOptions(folder: "imports"))
/// report.counts.filesLoaded // 5
/// ```
public struct Loader {
    public var warehouse: Warehouse
    public var pipeline: FilePipeline
    public var ingestor: Ingestor
    public var version: String

    public init(warehouse: Warehouse, pipeline: FilePipeline = .standard, ingestor: Ingestor = Ingestor(), version: String) {
        self.warehouse = warehouse
        self.pipeline = pipeline
        self.ingestor = ingestor
        self.version = version
    }

    /// Supported files under `folder`, as paths relative to it, sorted. Hidden files are
    /// skipped; an unreadable folder or subfolder throws (see `DropFolder.scan`).
    public static func listFiles(in folder: String) throws(LoadError) -> [String] {
        try DropFolder.scan(folder).map(\.path)
    }

    /// Whether content with this hash belongs to shard `index` of `count` (1-based).
    public static func inShard(_ sha256: String, index: Int, count: Int) -> Bool {
        guard count > 1 else { return true }
        let prefix = UInt64(sha256.prefix(15), radix: 16) ?? 0
        return Int(prefix % UInt64(count)) == index - 1
    }

    /// Loads `folder` (convenience for `load(_:)`).
    public func load(folder: String, prune: Bool = false, onEvent: (FileEvent) -> Void = { _ in }) throws -> LoadReport {
        var options = LoadOptions(folder: folder)
        options.prune = prune
        return try load(options, onEvent: onEvent)
    }

    /// Runs one load and records it in `etl_run`.
    public func load(_ options: LoadOptions, onEvent: (FileEvent) -> Void = { _ in }) throws -> LoadReport {
        let start = Date()
        let entries = try DropFolder.scan(options.folder, followSymlinks: options.followSymlinks)
        let shardLabel = options.shard.map { "\($0.index)/\($0.count)" }
        let runID = try warehouse.beginRun(sourceDir: options.folder, shard: shardLabel, version: version)
        var counts = RunCounts()
        var transactions = 0
        var bulk = false
        do {
            return try load(options, entries: entries, runID: runID, start: start, counts: &counts, transactions: &transactions,
                            bulk: &bulk, onEvent: onEvent)
        } catch {
            // Stopped part-way: what was committed stays; say so in etl_run if the disk allows.
            let elapsed = Date().timeIntervalSince(start)
            try? warehouse.finishRun(runID, counts: counts, status: "failed", elapsedSeconds: elapsed)
            let report = LoadReport(runID: runID, counts: counts, elapsedSeconds: elapsed, status: "failed", rejects: [],
                                    processingSeconds: 0, writingSeconds: 0, factWritingSeconds: 0, bulk: bulk,
                                    transactions: transactions)
            throw LoadFailure(report: report, error: error)
        }
    }

    private func load(_ options: LoadOptions, entries: [DropEntry], runID: Int64, start: Date, counts: inout RunCounts,
                      transactions: inout Int, bulk: inout Bool, onEvent: (FileEvent) -> Void) throws -> LoadReport {
        let paths = entries.map(\.path)
        var rejects: [String] = []
        let known = try warehouse.knownContent()
        let state = SharedState(loadedContent: known.loaded, knownFiles: options.rehash ? [:] : known.byPath)
        var presentPaths = Set<String>()
        var processingSeconds = 0.0
        var writingSeconds = 0.0
        var factWritingSeconds = 0.0

        // Files are processed in chunks of up to `chunkSize` and committed every `batchSize` files.
        let chunk = max(1, min(options.chunkSize, options.batchSize))
        let batches = stride(from: 0, to: entries.count, by: chunk).map {
            Array(entries[$0..<min($0 + chunk, entries.count)])
        }
        // Pipeline: a producer thread prepares batches on the workers, up to `prefetch` ahead of
        // the writer, which writes them here in file order. The workers never wait for a write to
        // end unless they are that far ahead, so both cores stay busy; memory stays bounded.
        let feed = BatchFeed(prefetch: max(1, options.prefetch))
        let preparer = Preparer(pipeline: pipeline, ingestor: ingestor)
        let producer = DispatchGroup()
        DispatchQueue.global().async(group: producer) {
            for (index, paths) in batches.enumerated() {
                guard feed.waitForRoom() else { return }
                feed.put(preparer.prepare(paths, options: options, state: state), at: index)
            }
        }
        defer {
            feed.cancel()
            producer.wait()
        }
        // Outcomes are reported (events, counts) only once their transaction is committed.
        var uncommitted: [(path: String, bytes: Int, notes: [String], outcome: Warehouse.BatchOutcome)] = []
        func report() {
            for (path, bytes, notes, outcome) in uncommitted {
                presentPaths.insert(path)
                switch outcome {
                case .loaded(let written):
                    counts.filesLoaded += 1
                    counts.filesReplaced += written.replaced ? 1 : 0
                    counts.documents += written.documents
                    counts.quantities += written.quantities
                    counts.years += written.years
                    factWritingSeconds += written.factSeconds
                    counts.inputBytes += bytes
                    onEvent(.loaded(path: path, counts: written, bytes: bytes, notes: notes))
                case .unchanged:
                    counts.filesUnchanged += 1
                    onEvent(.unchanged(path: path, bytes: bytes))
                case .rejected(let stage, let reason, let detail):
                    counts.filesRejected += 1
                    rejects.append(detail)
                    onEvent(.rejected(path: path, stage: stage, reason: reason, detail: detail))
                }
            }
            counts.filesSeen += uncommitted.count
            uncommitted.removeAll(keepingCapacity: true)
        }
        // A first load writes the whole warehouse: build its fact indexes once, at the end.
        bulk = options.bulk ?? (known.loaded.isEmpty && !paths.isEmpty)
        var lastCommit = Date()
        try warehouse.bulkWrite(bulk: bulk) { writer in
            // A transaction ends after `batchSize` files written (new or changed content), or
            // after 64 times as many seen: unchanged files cost a row each, and a nightly
            // load with 1% changed files committed every 512 files seen, rewriting the same index
            // pages 20 times per 10,000 files (46k page writes to replace 100 files).
            var filesSinceCommit = 0
            var writtenSinceCommit = 0
            for index in batches.indices {
                let current = feed.take(index)
                processingSeconds += current.cpuSeconds
                let writeStart = Date()
                let items = current.items.compactMap { $0 }
                var modified: [String: Int64] = [:]
                for prepared in items { if let time = prepared.modified { modified[prepared.item.path] = time } }
                let outcomes = try writer.write(items.map(\.item), runID: runID, modified: modified)
                for (prepared, outcome) in zip(items, outcomes) {
                    uncommitted.append((prepared.item.path, prepared.bytes, prepared.notes, outcome))
                }
                // Paths filtered out by --shard still exist: they must not be pruned.
                for (path, item) in zip(current.paths, current.items) where item == nil { presentPaths.insert(path) }
                filesSinceCommit += current.paths.count
                writtenSinceCommit += items.reduce(0) { count, prepared in
                    if case .processed = prepared.item { return count + 1 }
                    return count
                }
                if writtenSinceCommit >= options.batchSize || filesSinceCommit >= options.batchSize * 64 || index == batches.count - 1 {
                    try writer.commit()
                    transactions += 1
                    filesSinceCommit = 0
                    writtenSinceCommit = 0
                    writingSeconds += Date().timeIntervalSince(writeStart)
                    lastCommit = Date()
                    report()
                } else {
                    writingSeconds += Date().timeIntervalSince(writeStart)
                }
            }
        }
        // Building the deferred indexes after the last commit is the writer's work too.
        if bulk { writingSeconds += Date().timeIntervalSince(lastCommit) }
        var pruneRefused: (paths: Int, of: Int)?
        if options.prune {
            let (candidates, live) = try warehouse.pruneCandidates(keeping: presentPaths)
            if let share = options.pruneMaxShare, candidates > 0, Double(candidates) > share * Double(live) {
                pruneRefused = (candidates, live)
            } else {
                counts.filesPruned = try warehouse.prune(keeping: presentPaths, runID: runID)
            }
        }
        let elapsed = Date().timeIntervalSince(start)
        let status = counts.filesRejected == 0 ? "ok" : "partial"
        try warehouse.finishRun(runID, counts: counts, status: status, elapsedSeconds: elapsed)
        var report = LoadReport(runID: runID, counts: counts, elapsedSeconds: elapsed, status: status, rejects: rejects,
                                processingSeconds: processingSeconds, writingSeconds: writingSeconds, factWritingSeconds: factWritingSeconds,
                                bulk: bulk, transactions: transactions)
        report.pruneRefused = pruneRefused
        return report
    }

}

// MARK: - Processing a batch on all cores

/// One file made ready for the writer.
struct PreparedItem: Sendable {
    var item: Warehouse.BatchItem
    var bytes: Int
    var notes: [String] = []
    /// The file's modification time (ns since 1970), remembered in etl_file.
    var modified: Int64?
}

struct PreparedBatch: Sendable {
    var paths: [String]
    /// nil where the file belongs to another shard.
    var items: [PreparedItem?]
    var cpuSeconds: Double
}


/// Reads, hashes and (for new content) processes files: the part of a load that runs on all cores.
struct Preparer: Sendable {
    var pipeline: FilePipeline
    var ingestor: Ingestor

    /// Reads, hashes and (for new content) processes every file of a batch concurrently.
    func prepare(_ entries: [DropEntry], options: LoadOptions, state: SharedState) -> PreparedBatch {
        let paths = entries.map(\.path)
        let slots = Slots<PreparedItem?>(count: paths.count)
        let timing = Slots<Double>(count: paths.count)
        let workers = max(1, options.workers)
        // Each worker takes the next file when it is done with one: sizes vary 100-fold, so a
        // fixed share per worker left one idle while the other finished a big file.
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: min(workers, paths.count)) { _ in
            Self.yieldToWriter()
            while true {
                let index = next.take()
                guard index < paths.count else { break }
                let started = DispatchTime.now().uptimeNanoseconds
                slots[index] = prepareOne(entries[index], options: options, state: state)
                timing[index] = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            }
        }
        return PreparedBatch(paths: paths, items: slots.values, cpuSeconds: timing.values.reduce(0, +))
    }

    /// Lowers this worker thread's scheduling priority (Linux: nice 10 for this thread only), so
    /// the single writer, which every load waits on, keeps a core when the workers run beside it:
    /// −10% on a 10,000-file load on 2 cores (BENCHMARKS.md). Workers still use every idle cycle.
    static func yieldToWriter() {
        #if os(Linux)
        // On Linux the nice value belongs to a thread, and who = 0 names the calling one.
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        #endif
    }

    private func prepareOne(_ entry: DropEntry, options: LoadOptions, state: SharedState) -> PreparedItem? {
        let path = entry.path
        if let refusal = entry.refusal {
            // Refused unread: no content hash, so sharded by path like an unreadable file.
            if let shard = options.shard, !Loader.inShard(SHA256Digest.hex(of: Array(path.utf8)), index: shard.index, count: shard.count) {
                return nil
            }
            return PreparedItem(item: .rejected(path: path, sha256: nil, byteCount: nil, stage: .ingest,
                                                reason: refusal.reason, detail: refusal.detail), bytes: 0)
        }
        let full = entry.fileSystemPath
        let stamp = Self.sizeAndModification(full)
        // Same path, size and mtime as when its content was loaded: unchanged, without reading it.
        if let stamp, let known = state.knownFiles[path], known.byteCount == stamp.size, known.modifiedNanoseconds == stamp.modified {
            if let shard = options.shard, !Loader.inShard(known.sha256, index: shard.index, count: shard.count) { return nil }
            return PreparedItem(item: .unchanged(path: path, sha256: known.sha256, byteCount: known.byteCount, encoding: known.encoding),
                                bytes: known.byteCount, modified: stamp.modified)
        }
        guard var item = prepareRead(path, full: full, options: options, state: state) else { return nil }
        item.modified = stamp?.modified
        return item
    }

    /// Size and modification time (ns) of a file, following links; nil when it cannot be stat'ed.
    static func sizeAndModification(_ path: [UInt8]) -> (size: Int, modified: Int64)? {
        var info = stat()
        let result = (path + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { stat($0.baseAddress!, &info) }
        }
        guard result == 0 else { return nil }
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        return (Int(info.st_size), modified)
    }

    private func prepareRead(_ path: String, full: [UInt8], options: LoadOptions, state: SharedState) -> PreparedItem? {
        let raw: RawDocument
        do {
            // The entry's last component is never followed again: a file swapped for a link
            // after the folder was read is refused, not read through the link.
            raw = ingestor.breakingLongLines(try ingestor.read(fileSystemPath: full, displayPath: path, followingLinks: false))
        } catch {
            // Unreadable files have no content hash: shard them by path, so exactly one shard records them.
            if let shard = options.shard, !Loader.inShard(SHA256Digest.hex(of: Array(path.utf8)), index: shard.index, count: shard.count) {
                return nil
            }
            return PreparedItem(item: .rejected(path: path, sha256: nil, byteCount: nil, stage: .ingest,
                                                reason: error.reason.rawValue, detail: error.description), bytes: 0)
        }
        if let shard = options.shard, !Loader.inShard(raw.sha256, index: shard.index, count: shard.count) { return nil }
        if state.isLoaded(raw.sha256) {
            return PreparedItem(item: .unchanged(path: path, sha256: raw.sha256, byteCount: raw.byteCount, encoding: raw.encoding.rawValue),
                                bytes: raw.byteCount)
        }
        var processed = pipeline.process(raw)
        // The writer needs the file's hash, size and encoding, not its decoded text: a file
        // waiting for the writer holds one copy of its text less.
        processed.raw.text = ""
        guard processed.documents.contains(where: { !$0.document.keptLines.isEmpty }) else {
            let detail = "\(path): rejected (no_text): every line was labelled noise — check it with `eduwh clean --explain`"
            return PreparedItem(item: .rejected(path: path, sha256: raw.sha256, byteCount: raw.byteCount, stage: .clean,
                                                reason: "no_text", detail: detail), bytes: raw.byteCount)
        }
        let precomputed = Warehouse.Precomputed(processed)
        // Every report must keep body text (the data test document_has_body): a file cut to a
        // title, such as 4 bytes ending mid-character, is refused here, or it would fail the
        // data tests of this load and of every later one.
        for (index, facts) in processed.documents.enumerated()
        where precomputed.bodies[index].characters == 0 || !facts.document.lines.contains(where: { $0.label == .body }) {
            let which = processed.documents.count == 1 ? "the file" : "report \(index + 1) of \(processed.documents.count)"
            let detail = "\(path): rejected (no_body): \(which) has no body text after cleaning (only a title or noise) — check it with `eduwh clean --explain`"
            return PreparedItem(item: .rejected(path: path, sha256: raw.sha256, byteCount: raw.byteCount, stage: .clean,
                                                reason: "no_body", detail: detail), bytes: raw.byteCount)
        }
        return PreparedItem(item: .processed(processed, path: path, precomputed: precomputed),
                            bytes: raw.byteCount, notes: processed.raw.notes)
    }
}

/// Content hashes already in the warehouse when the run started (read-only after creation).
final class SharedState: Sendable {
    let loadedContent: Set<String>
    /// What the warehouse remembers of each loaded path (size, mtime, hash).
    let knownFiles: [String: Warehouse.KnownFile]

    init(loadedContent: Set<String>, knownFiles: [String: Warehouse.KnownFile]) {
        self.loadedContent = loadedContent
        self.knownFiles = knownFiles
    }

    func isLoaded(_ sha256: String) -> Bool { loadedContent.contains(sha256) }
}

/// Prepared batches handed from the producer thread to the writer, in order, at most `prefetch`
/// of them waiting at a time.
///
/// One condition guards everything, room included: a `DispatchSemaphore` counted the room
/// before, and libdispatch traps (SIGILL) when a semaphore is freed with a lower count than it
/// started with, which is what a writer that failed mid-load (a full disk, a busy lock) left
/// behind: the crash replaced the load's exit code and summary.
final class BatchFeed: @unchecked Sendable {
    private let condition = NSCondition()
    private var ready: [Int: PreparedBatch] = [:]
    private var cancelled = false
    /// Batches the producer may still put before the writer takes one.
    private var room: Int

    init(prefetch: Int) {
        room = prefetch
    }

    /// Blocks the producer until fewer than `prefetch` batches wait; false once the load stopped.
    func waitForRoom() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while room <= 0 && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        room -= 1
        return true
    }

    func put(_ batch: PreparedBatch, at index: Int) {
        condition.lock()
        ready[index] = batch
        condition.broadcast()
        condition.unlock()
    }

    /// Blocks the writer until batch `index` is prepared, and makes room for the next one.
    func take(_ index: Int) -> PreparedBatch {
        condition.lock()
        while ready[index] == nil { condition.wait() }
        let batch = ready.removeValue(forKey: index)!
        room += 1
        condition.broadcast()
        condition.unlock()
        return batch
    }

    /// Stops the producer after the batch it is preparing (the writer failed or finished).
    func cancel() {
        condition.lock()
        cancelled = true
        ready.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}

/// A load that could not start.
public enum LoadError: Error, CustomStringConvertible {
    case notAFolder(String)
    /// The folder or one of its subfolders cannot be listed: never taken for an empty folder.
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .notAFolder(let path): "\(path): not a folder; pass the drop folder that holds the .txt/.html files"
        case .unreadable(let path, let reason):
            "\(path): cannot read this folder (\(reason)); nothing was loaded or pruned: fix its permissions or mount, then load again"
        }
    }
}
