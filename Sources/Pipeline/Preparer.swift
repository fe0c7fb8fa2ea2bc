import Dispatch
import EduwhCore
import Foundation
import Ingest
import Warehouse

#if canImport(Glibc)
    import Glibc
#endif

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

    /// A file rejected before its bytes were read: it has no content hash, so it is sharded by
    /// its path, and exactly one shard records it.
    static func unread(_ path: String, reason: String, detail: String, options: LoadOptions) -> PreparedItem? {
        if let shard = options.shard,
            !Loader.inShard(SHA256Digest.hex(of: Array(path.utf8)), index: shard.index, count: shard.count)
        {
            return nil
        }
        return PreparedItem(
            item: .rejected(path: path, sha256: nil, byteCount: nil, stage: .ingest, reason: reason, detail: detail),
            bytes: 0)
    }

    private func prepareOne(_ entry: DropEntry, options: LoadOptions, state: SharedState) -> PreparedItem? {
        let path = entry.path
        if let refusal = entry.refusal {
            // Refused unread: no content hash, so sharded by path like an unreadable file.
            return Self.unread(path, reason: refusal.reason, detail: refusal.detail, options: options)
        }
        let full = entry.fileSystemPath
        let stamp = Self.sizeAndModification(full)
        // Same path, size and mtime as when its content was loaded: unchanged, without reading it.
        if let stamp, let known = state.knownFiles[path], known.byteCount == stamp.size,
            known.modifiedNanoseconds == stamp.modified
        {
            if let shard = options.shard, !Loader.inShard(known.sha256, index: shard.index, count: shard.count) {
                return nil
            }
            return PreparedItem(
                item: .unchanged(
                    path: path, sha256: known.sha256, byteCount: known.byteCount, encoding: known.encoding),
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
            raw = ingestor.breakingLongLines(
                try ingestor.read(fileSystemPath: full, displayPath: path, followingLinks: false))
        } catch {
            return Self.unread(path, reason: error.reason.rawValue, detail: error.description, options: options)
        }
        if let shard = options.shard, !Loader.inShard(raw.sha256, index: shard.index, count: shard.count) { return nil }
        if state.isLoaded(raw.sha256) {
            return PreparedItem(
                item: .unchanged(
                    path: path, sha256: raw.sha256, byteCount: raw.byteCount, encoding: raw.encoding.rawValue),
                bytes: raw.byteCount)
        }
        var processed = pipeline.process(raw)
        // The writer needs the file's hash, size and encoding, not its decoded text: a file
        // waiting for the writer holds one copy of its text less.
        processed.raw.text = ""
        guard processed.documents.contains(where: { !$0.document.keptLines.isEmpty }) else {
            let detail =
                "\(path): rejected (no_text): every line was labelled noise — check it with `eduwh clean --explain`"
            return PreparedItem(
                item: .rejected(
                    path: path, sha256: raw.sha256, byteCount: raw.byteCount, stage: .clean,
                    reason: "no_text", detail: detail), bytes: raw.byteCount)
        }
        let precomputed = Warehouse.Precomputed(processed)
        // Every report must keep body text (the data test document_has_body): a file cut to a
        // title, such as 4 bytes ending mid-character, is refused here, or it would fail the
        // data tests of this load and of every later one.
        for (index, facts) in processed.documents.enumerated()
        where precomputed.bodies[index].characters == 0 || !facts.document.lines.contains(where: { $0.label == .body })
        {
            let which =
                processed.documents.count == 1 ? "the file" : "report \(index + 1) of \(processed.documents.count)"
            let detail =
                "\(path): rejected (no_body): \(which) has no body text after cleaning (only a title or noise) — check it with `eduwh clean --explain`"
            return PreparedItem(
                item: .rejected(
                    path: path, sha256: raw.sha256, byteCount: raw.byteCount, stage: .clean,
                    reason: "no_body", detail: detail), bytes: raw.byteCount)
        }
        return PreparedItem(
            item: .processed(processed, path: path, precomputed: precomputed),
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
