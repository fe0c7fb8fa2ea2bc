extension Warehouse {
    /// fact_quantity's columns as a load and a merge write them, in the order the load binds its
    /// values: every column of schema.sql's table but its key `fact_quantity_id` (checked by
    /// `FactColumnsTests` against schema.sql and scripts/canonical-dump). A new fact column is
    /// added here, in schema.sql (and a migration), and in the load's bind list
    /// (`Warehouse+Rows.swift`); the merge copies it by this list.
    static let factQuantityColumns = [
        "document_id", "indicator_id", "unit_id", "region_id", "from_year", "to_year", "value", "upper_value",
        "qualifier", "status", "status_cue", "year_source", "region_source", "surface", "sentence", "line_number",
        "char_offset", "quantity_rule_id", "indicator_rule_id", "run_id",
    ]

    /// The load's insert of one fact row (a fact already at its place is left alone).
    static let factQuantityInsertSQL = """
        INSERT INTO fact_quantity (\(factQuantityColumns.joined(separator: ", ")))
        VALUES (\(factQuantityColumns.map { _ in "?" }.joined(separator: ", ")))
        ON CONFLICT (document_id, line_number, char_offset) DO NOTHING
        """

    /// The fact columns selected from `table` (an alias), with `runID` as the run id: a merge's
    /// copy of another warehouse's facts under its own run ids.
    static func factQuantitySelect(from table: String, runID: String) -> String {
        factQuantityColumns.map { $0 == "run_id" ? runID : "\(table).\($0)" }.joined(separator: ", ")
    }
}
