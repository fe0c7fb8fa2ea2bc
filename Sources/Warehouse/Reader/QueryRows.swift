/// The rows a query returned, with its column names, in order.
///
/// ```swift
/// let rows = try warehouse.query("SELECT report_kind, count(*) AS documents FROM dim_document GROUP BY 1")
/// rows.columns          // ["report_kind", "documents"]
/// rows.rows[0][1].text  // "5"
/// ```
public struct QueryRows: Sendable, Hashable {
    /// Column names, in the order of the SELECT.
    public var columns: [String]
    /// The rows, each with one value per column.
    public var rows: [[SQLValue]]
    /// True when a row limit stopped the query before its last row.
    public var truncated: Bool

    /// Rows as given.
    public init(columns: [String], rows: [[SQLValue]], truncated: Bool = false) {
        self.columns = columns
        self.rows = rows
        self.truncated = truncated
    }

    /// The values of one column by name (empty when there is no such column).
    public func column(_ name: String) -> [SQLValue] {
        guard let index = columns.firstIndex(of: name) else { return [] }
        return rows.map { $0[index] }
    }
}
