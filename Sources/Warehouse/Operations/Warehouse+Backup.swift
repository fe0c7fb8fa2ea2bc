import Foundation
import GRDB

extension Warehouse {
    /// Copies the warehouse to `destination` with SQLite's online backup API: consistent even while
    /// other processes read it, and pages are copied in steps so readers are not blocked for long.
    ///
    /// ```swift
    /// try Warehouse(path: "eduwh.sqlite", readOnly: true).backup(to: "backups/eduwh-2026-11-23.sqlite")
    /// ```
    public func backup(to destination: String) throws(WarehouseError) {
        if FileManager.default.fileExists(atPath: destination) {
            throw WarehouseError(
                path: destination, reason: .cannotOpen,
                detail: "already exists; choose a new file name (backups are never overwritten)")
        }
        do {
            let target = try DatabaseQueue(path: destination)
            try dbQueue.backup(to: target, pagesPerStep: 1024)
            try target.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            try target.close()
        } catch {
            throw WarehouseError(path: destination, reason: .sqlite, detail: "backup failed: \(error)")
        }
    }
}
