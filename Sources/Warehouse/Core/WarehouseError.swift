/// A warehouse that could not be opened, created or written. Printed as one line with the fix.
///
/// ```swift
/// WarehouseError(path: "x.sqlite", reason: .missing, detail: "no warehouse at this path; run `eduwh load` first").description
/// ```
public struct WarehouseError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: String, Sendable, Hashable {
        case missing
        case cannotOpen = "cannot_open"
        case notAWarehouse = "not_a_warehouse"
        case newerSchema = "newer_schema"
        case olderSchema = "older_schema"
        case sqlite
        case locked
        /// A first load was stopped before its end: the search index or indexes are missing.
        case incomplete
    }

    public var path: String
    public var reason: Reason
    public var detail: String

    public init(path: String, reason: Reason, detail: String) {
        self.path = path
        self.reason = reason
        self.detail = detail
    }

    public var description: String { detail.hasPrefix(path + ":") ? detail : "\(path): \(detail)" }
}
