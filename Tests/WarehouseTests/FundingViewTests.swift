import Foundation
import GRDB
import Testing
import Warehouse

/// v_funding_by_region_year (schema version 10): one funding indicator per row, the years a
/// figure is for kept, and a version-9 warehouse migrated to the same view.
@Suite struct FundingViewTests {
    @Test("one indicator per row: its sums are the sums of that indicator's facts alone")
    func oneIndicatorPerRow() throws {
        let warehouse = try QueryTestWarehouse.open()
        let view = try warehouse.query(
            """
            SELECT indicator, from_year, to_year, status, mentions, amount_yuan, documents, year
            FROM v_funding_by_region_year ORDER BY region_id, indicator, from_year, to_year, status
            """
        ).rows
        #expect(!view.isEmpty)
        let facts = try warehouse.query(
            """
            SELECT q.indicator_id, q.from_year, q.to_year, q.status, COUNT(*), SUM(q.value), COUNT(DISTINCT q.document_id), q.from_year
            FROM fact_quantity q JOIN dim_indicator i USING (indicator_id) WHERE i.category = 'funding' AND q.unit_id = 'yuan'
            GROUP BY q.region_id, q.indicator_id, q.from_year, q.to_year, q.status
            ORDER BY q.region_id, q.indicator_id, q.from_year, q.to_year, q.status
            """
        ).rows
        #expect(view == facts)
        // The seeds' 2007-2008 investment in 海珠区 keeps both years.
        let span = try warehouse.query(
            "SELECT from_year, to_year FROM v_funding_by_region_year WHERE region = '海珠区' AND to_year > from_year"
        ).rows
        #expect(span.contains([.integer(2007), .integer(2008)]))
    }

    @Test("the catalog describes the view's unit, scope and caveats, and the change")
    func described() throws {
        let table = try #require(SchemaCatalog.standard.table("v_funding_by_region_year"))
        for words in ["Unit: yuan", "Scope:", "Caveats:", "schema version 10", "2007-2008"] {
            #expect(table.description.contains(words), "\(words)")
        }
        #expect(table.columns.map(\.name).contains("to_year"))
    }

    @Test("a version-9 warehouse gets the same view as a fresh one")
    func migratedFromVersionNine() throws {
        let path = try QueryTestWarehouse.copy()
        let old = """
            CREATE VIEW v_funding_by_region_year AS
            SELECT r.region_id, r.name AS region, r.province_name AS province, q.from_year AS year, q.status,
                   COUNT(*) AS mentions, SUM(q.value) AS amount_yuan,
                   SUM(CASE WHEN q.qualifier = 'placeholder' THEN 1 ELSE 0 END) AS placeholder_mentions
            FROM fact_quantity q JOIN dim_indicator i USING (indicator_id) LEFT JOIN dim_region r ON r.region_id = q.region_id
            WHERE i.category = 'funding' AND q.unit_id = 'yuan'
            GROUP BY r.region_id, r.name, r.province_name, q.from_year, q.status
            """
        try DatabaseQueue(path: path).writeWithoutTransaction { db in
            try db.execute(sql: "DROP VIEW v_funding_by_region_year")
            try db.execute(sql: old)
            try db.execute(sql: "PRAGMA user_version = 9")
        }
        let migrated = try Warehouse(path: path)
        let query = "SELECT * FROM v_funding_by_region_year ORDER BY region_id, indicator, from_year, to_year, status"
        #expect(try migrated.query(query).rows == QueryTestWarehouse.open().query(query).rows)
        #expect(try migrated.query("PRAGMA user_version").rows == [[.integer(Int64(Warehouse.schemaVersion))]])
    }
}
