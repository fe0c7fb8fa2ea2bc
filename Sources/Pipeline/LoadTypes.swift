import EduwhCore
import Foundation
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
    /// Label the template lines learned by earlier loads noise in this load's files
    /// (`SiteTemplates`); what the load learns at its end does not depend on it.
    public var siteTemplates = true

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
    /// Template lines learned at the load's end (of the sites it touched), and the seconds it took.
    public var siteTemplateLines = 0
    public var siteTemplateSeconds = 0.0
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
            + (isEnvironmental
                ? "; the files committed before it are loaded, the rest is rolled back: free space or fix the warehouse's disk, then load again"
                : "")
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
