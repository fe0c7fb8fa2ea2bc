import Clean
import EduwhCore
import Facts
import Foundation
import Ingest
import Warehouse

/// What happened to one file during a load, reported to the caller as it happens.
public enum FileEvent: Sendable {
    case loaded(path: String, counts: FileLoadCounts, bytes: Int)
    case unchanged(path: String)
    case rejected(path: String, stage: RejectStage, reason: String, detail: String)
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
}

/// Loads every supported file under a drop folder into a warehouse: reads, skips content already
/// loaded, runs the pipeline on the rest, and writes each file in its own transaction.
///
/// ```swift
/// let report = try Loader(warehouse: warehouse).load(folder: "imports")
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

    /// Supported files under `folder`, as paths relative to it, sorted.
    public static func listFiles(in folder: String) throws -> [String] {
        let root = URL(fileURLWithPath: folder)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
            throw LoadError.notAFolder(folder)
        }
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else {
            throw LoadError.notAFolder(folder)
        }
        var paths: [String] = []
        let rootPath = root.standardizedFileURL.path
        for case let url as URL in walker {
            guard Ingestor.supportedExtensions.contains(url.pathExtension.lowercased()) else { continue }
            var relative = url.standardizedFileURL.path
            if relative.hasPrefix(rootPath + "/") { relative.removeFirst(rootPath.count + 1) }
            paths.append(relative)
        }
        return paths.sorted()
    }

    /// Loads `folder`; with `prune`, removes documents of files no longer there.
    public func load(folder: String, prune: Bool = false, onEvent: (FileEvent) -> Void = { _ in }) throws -> LoadReport {
        let start = Date()
        let paths = try Self.listFiles(in: folder)
        let runID = try warehouse.beginRun(sourceDir: folder, version: version)
        var counts = RunCounts()
        var rejects: [String] = []
        counts.filesSeen = paths.count
        let known = try warehouse.knownContent()
        var loadedContent = known.loaded
        for path in paths {
            let full = (folder as NSString).appendingPathComponent(path)
            let raw: RawDocument
            do {
                raw = try ingestor.read(path: full, displayPath: path)
            } catch {
                counts.filesRejected += 1
                rejects.append(error.description)
                try warehouse.recordReject(path: path, sha256: nil, byteCount: nil, stage: .ingest,
                                           reason: error.reason.rawValue, detail: error.description, runID: runID)
                onEvent(.rejected(path: path, stage: .ingest, reason: error.reason.rawValue, detail: error.description))
                continue
            }
            if loadedContent.contains(raw.sha256) {
                counts.filesUnchanged += 1
                try warehouse.recordUnchanged(path: path, sha256: raw.sha256, byteCount: raw.byteCount, encoding: raw.encoding.rawValue, runID: runID)
                onEvent(.unchanged(path: path))
                continue
            }
            let processed = pipeline.process(raw)
            guard !processed.documents.isEmpty, processed.documents.contains(where: { !$0.document.keptLines.isEmpty }) else {
                let detail = "\(path): rejected (no_text): every line was labelled noise — check the file, or the clean rules with `eduwh clean --explain`"
                counts.filesRejected += 1
                rejects.append(detail)
                try warehouse.recordReject(path: path, sha256: raw.sha256, byteCount: raw.byteCount, stage: .clean, reason: "no_text", detail: detail, runID: runID)
                onEvent(.rejected(path: path, stage: .clean, reason: "no_text", detail: detail))
                continue
            }
            do {
                let written = try warehouse.load(processed, path: path, runID: runID)
                counts.filesLoaded += 1
                counts.filesReplaced += written.replaced ? 1 : 0
                counts.documents += written.documents
                counts.quantities += written.quantities
                counts.years += written.years
                counts.inputBytes += raw.byteCount
                loadedContent.insert(raw.sha256)
                onEvent(.loaded(path: path, counts: written, bytes: raw.byteCount))
            } catch {
                let detail = "\(path): rejected (sqlite): \(error)"
                counts.filesRejected += 1
                rejects.append(detail)
                try warehouse.recordReject(path: path, sha256: raw.sha256, byteCount: raw.byteCount, stage: .warehouse, reason: "sqlite", detail: detail, runID: runID)
                onEvent(.rejected(path: path, stage: .warehouse, reason: "sqlite", detail: detail))
            }
        }
        if prune {
            counts.filesPruned = try warehouse.prune(keeping: Set(paths), runID: runID)
        }
        let elapsed = Date().timeIntervalSince(start)
        let status = counts.filesRejected == 0 ? "ok" : "partial"
        try warehouse.finishRun(runID, counts: counts, status: status, elapsedSeconds: elapsed)
        return LoadReport(runID: runID, counts: counts, elapsedSeconds: elapsed, status: status, rejects: rejects)
    }
}

/// A load that could not start.
public enum LoadError: Error, CustomStringConvertible {
    case notAFolder(String)

    public var description: String {
        switch self {
        case .notAFolder(let path): "\(path): not a folder; pass the drop folder that holds the .txt/.html files"
        }
    }
}
