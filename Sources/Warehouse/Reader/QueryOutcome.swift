/// What running a SQL script did, besides the rows it streamed.
///
/// ```swift
/// let outcome = try warehouse.execute("SELECT 1", columns: { _ in }, row: { _ in })
/// outcome.rowCount   // 1
/// outcome.truncated  // false
/// ```
public struct QueryOutcome: Sendable, Hashable {
    /// Column names of the statement whose rows were returned; empty when no statement returns rows.
    public var columns: [String] = []
    /// Rows returned (at most the limit).
    public var rowCount = 0
    /// True when the limit stopped the query before its last row.
    public var truncated = false
    /// Rows inserted, updated or deleted by the script.
    public var changes = 0

    /// No columns, no rows, no changes.
    public init() {}
}
