import Foundation
import Pipeline
import Warehouse

/// A warehouse loaded from the repository's `imports/` seeds with the Pipeline `Loader`, built
/// once per test run in a temporary folder and shared read-only by the query, search and report
/// tests; `copy()` gives a test its own file to write to.
enum QueryTestWarehouse {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Documents the Loader reported writing (counted by the loader, not read back through SQL).
    static var documentCount: Int {
        _ = path
        return loadedDocuments
    }

    nonisolated(unsafe) private static var loadedDocuments = 0

    static let path: String = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "eduwh-query-tests-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("seeds.sqlite").path
        try? FileManager.default.removeItem(atPath: path)
        do {
            let warehouse = try Warehouse(path: path)
            loadedDocuments = try Loader(warehouse: warehouse, version: "test").load(
                folder: root.appendingPathComponent("imports").path
            ).counts.documents
        } catch {
            fatalError("cannot load imports/ into \(path): \(error)")
        }
        return path
    }()

    /// The shared warehouse, opened read-only.
    static func open() throws -> Warehouse {
        try Warehouse(path: path, readOnly: true)
    }

    /// A private copy of the loaded warehouse.
    static func copy() throws -> String {
        let target = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(
            "copy-\(UUID().uuidString).sqlite"
        ).path
        try FileManager.default.copyItem(atPath: path, toPath: target)
        return target
    }
}
