import Clean
import Dispatch
import EduwhCore
import Facts
import Foundation
import Ingest
import Warehouse

#if canImport(Glibc)
    import Glibc
#endif

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

    public init(
        warehouse: Warehouse, pipeline: FilePipeline = .standard, ingestor: Ingestor = Ingestor(), version: String
    ) {
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
    public func load(folder: String, prune: Bool = false, onEvent: (FileEvent) -> Void = { _ in }) throws -> LoadReport
    {
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
        var progress = LoadProgress()
        do {
            return try load(
                options, entries: entries, runID: runID, start: start, progress: &progress, onEvent: onEvent)
        } catch {
            // Stopped part-way: what was committed stays; say so in etl_run if the disk allows.
            let elapsed = Date().timeIntervalSince(start)
            try? warehouse.finishRun(runID, counts: progress.counts, status: "failed", elapsedSeconds: elapsed)
            let report = LoadReport(
                runID: runID, counts: progress.counts, elapsedSeconds: elapsed, status: "failed", rejects: [],
                processingSeconds: 0, writingSeconds: 0, factWritingSeconds: 0, bulk: progress.bulk,
                transactions: progress.transactions)
            throw LoadFailure(report: report, error: error)
        }
    }

    private func load(
        _ options: LoadOptions, entries: [DropEntry], runID: Int64, start: Date, progress: inout LoadProgress,
        onEvent: (FileEvent) -> Void
    ) throws -> LoadReport {
        let known = try warehouse.knownContent()
        let state = SharedState(loadedContent: known.loaded, knownFiles: options.rehash ? [:] : known.byPath)

        // Files are processed in chunks of up to `chunkSize` and committed every `batchSize` files.
        let chunk = max(1, min(options.chunkSize, options.batchSize))
        let batches = stride(from: 0, to: entries.count, by: chunk).map {
            Array(entries[$0..<min($0 + chunk, entries.count)])
        }
        // Pipeline: a producer thread prepares batches on the workers, up to `prefetch` ahead of
        // the writer, which writes them here in file order. The workers never wait for a write to
        // end unless they are that far ahead, so both cores stay busy; memory stays bounded.
        let feed = BatchFeed(prefetch: max(1, options.prefetch))
        // Site templates as of the load's start, read once: what this load learns applies to
        // the next one, so a load gives the same rows whether it runs once or is resumed.
        var pipeline = self.pipeline
        if options.siteTemplates { pipeline.siteTemplates = SiteTemplates(try warehouse.siteTemplateLines()) }
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
        // A first load writes the whole warehouse: build its fact indexes once, at the end.
        progress.bulk = options.bulk ?? (known.loaded.isEmpty && !entries.isEmpty)
        let lastCommit = try write(
            batches.count, from: feed, options: options, runID: runID, progress: &progress, onEvent: onEvent)
        // Building the deferred indexes after the last commit is the writer's work too.
        if progress.bulk { progress.writingSeconds += Date().timeIntervalSince(lastCommit) }
        return try finish(options, runID: runID, start: start, progress: &progress)
    }

    /// The writer: takes the prepared batches in file order and writes them, committing after
    /// `batchSize` files written; returns when the last commit ended.
    private func write(
        _ batchCount: Int, from feed: BatchFeed, options: LoadOptions, runID: Int64, progress: inout LoadProgress,
        onEvent: (FileEvent) -> Void
    ) throws -> Date {
        var lastCommit = Date()
        try warehouse.bulkWrite(bulk: progress.bulk) { writer in
            // A transaction ends after `batchSize` files written (new or changed content), or
            // after 64 times as many seen: unchanged files cost a row each, and a nightly
            // load with 1% changed files committed every 512 files seen, rewriting the same index
            // pages 20 times per 10,000 files (46k page writes to replace 100 files).
            var filesSinceCommit = 0
            var writtenSinceCommit = 0
            for index in 0..<batchCount {
                let current = feed.take(index)
                progress.processingSeconds += current.cpuSeconds
                let writeStart = Date()
                let items = current.items.compactMap { $0 }
                var modified: [String: Int64] = [:]
                for prepared in items { if let time = prepared.modified { modified[prepared.item.path] = time } }
                let outcomes = try writer.write(items.map(\.item), runID: runID, modified: modified)
                for (prepared, outcome) in zip(items, outcomes) {
                    progress.uncommitted.append((prepared.item.path, prepared.bytes, prepared.notes, outcome))
                }
                // Paths filtered out by --shard still exist: they must not be pruned.
                for (path, item) in zip(current.paths, current.items) where item == nil {
                    progress.presentPaths.insert(path)
                }
                filesSinceCommit += current.paths.count
                writtenSinceCommit += items.reduce(0) { count, prepared in
                    if case .processed = prepared.item { return count + 1 }
                    return count
                }
                if writtenSinceCommit >= options.batchSize || filesSinceCommit >= options.batchSize * 64
                    || index == batchCount - 1
                {
                    try writer.commit()
                    progress.transactions += 1
                    filesSinceCommit = 0
                    writtenSinceCommit = 0
                    progress.writingSeconds += Date().timeIntervalSince(writeStart)
                    lastCommit = Date()
                    progress.reportCommitted(onEvent)
                } else {
                    progress.writingSeconds += Date().timeIntervalSince(writeStart)
                }
            }
        }
        return lastCommit
    }

    /// Prunes (unless refused as too large a share) and records the run's end.
    private func finish(_ options: LoadOptions, runID: Int64, start: Date, progress: inout LoadProgress) throws
        -> LoadReport
    {
        var pruneRefused: (paths: Int, of: Int)?
        if options.prune {
            let (candidates, live) = try warehouse.pruneCandidates(keeping: progress.presentPaths)
            if let share = options.pruneMaxShare, candidates > 0, Double(candidates) > share * Double(live) {
                pruneRefused = (candidates, live)
            } else {
                progress.counts.filesPruned = try warehouse.prune(keeping: progress.presentPaths, runID: runID)
            }
        }
        // Learn the touched sites' templates from the whole warehouse, before the run is marked
        // ended: a run killed before this point is learned from by the next one.
        let learnStart = Date()
        let learned = try warehouse.learnSiteTemplates(runID: runID)
        let learnSeconds = Date().timeIntervalSince(learnStart)
        let elapsed = Date().timeIntervalSince(start)
        let status = progress.counts.filesRejected == 0 ? "ok" : "partial"
        try warehouse.finishRun(runID, counts: progress.counts, status: status, elapsedSeconds: elapsed)
        var report = LoadReport(
            runID: runID, counts: progress.counts, elapsedSeconds: elapsed, status: status, rejects: progress.rejects,
            processingSeconds: progress.processingSeconds, writingSeconds: progress.writingSeconds,
            factWritingSeconds: progress.factWritingSeconds, bulk: progress.bulk, transactions: progress.transactions)
        report.pruneRefused = pruneRefused
        report.siteTemplateLines = learned
        report.siteTemplateSeconds = learnSeconds
        return report
    }
}

/// What a load has done so far: its counts, rejects, the paths it saw and where its time went.
struct LoadProgress {
    var counts = RunCounts()
    var transactions = 0
    var bulk = false
    var rejects: [String] = []
    var presentPaths = Set<String>()
    var processingSeconds = 0.0
    var writingSeconds = 0.0
    var factWritingSeconds = 0.0
    /// Outcomes written in the open transaction: reported (events, counts) only once it is committed.
    var uncommitted: [(path: String, bytes: Int, notes: [String], outcome: Warehouse.BatchOutcome)] = []

    /// Counts the committed outcomes and sends their events, in file order.
    mutating func reportCommitted(_ onEvent: (FileEvent) -> Void) {
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
}
