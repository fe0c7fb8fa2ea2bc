import Foundation
import Testing

@testable import Warehouse

@Suite("Canned reports and the schema catalog")
struct ReportTests {
    static let names = [
        "aid", "corpus", "enrolment", "funding", "indicators", "quality", "quality-documents", "quality-files",
        "quality-sites", "schools", "teachers",
    ]

    @Test("every reports/*.sql has a title and a description, and the expected reports exist")
    func headers() {
        #expect(Warehouse.reports.map(\.name) == Self.names)
        for report in Warehouse.reports {
            #expect(!report.title.isEmpty)
            #expect(report.description.count > 40)
        }
    }

    @Test("each report runs on the seeds; the declared parameters are the ones the SQL uses", arguments: names)
    func runs(name: String) throws {
        let warehouse = try QueryTestWarehouse.open()
        let report = try #require(Warehouse.report(named: name))
        #expect(try warehouse.parameterNames(of: report.sql) == Set(report.parameters.map(\.name)))
        let rows = try warehouse.run(report)
        #expect(!rows.columns.isEmpty)
    }

    /// Reports that do not depend on which indicators the Facts stage assigns.
    @Test(
        "reports over documents, files and funding return rows on the seeds",
        arguments: ["corpus", "indicators", "quality", "quality-documents", "quality-files", "quality-sites"])
    func returnsRows(name: String) throws {
        let rows = try QueryTestWarehouse.open().run(try #require(Warehouse.report(named: name)))
        #expect(!rows.rows.isEmpty)
    }

    @Test(
        "a category report counts every fact of its category once",
        arguments: [
            ("funding", "i.category = 'funding' AND q.unit_id = 'yuan'"), ("schools", "i.category = 'facilities'"),
            ("teachers", "i.category = 'teachers'"), ("indicators", "1 = 1"),
            ("enrolment", "i.category IN ('rates', 'students')"), ("aid", "i.category = 'aid'"),
        ])
    func categoryTotals(name: String, condition: String) throws {
        let warehouse = try QueryTestWarehouse.open()
        let rows = try warehouse.run(try #require(Warehouse.report(named: name)))
        let mentions = rows.column("mentions").reduce(Int64(0)) { sum, value in
            if case .integer(let n) = value { sum + n } else { sum }
        }
        let expected = try warehouse.query(
            "SELECT count(*) FROM fact_quantity q JOIN dim_indicator i USING (indicator_id) WHERE \(condition)"
        ).rows[0][0]
        #expect(SQLValue.integer(mentions) == expected)
        #expect(rows.rows.isEmpty == (expected == .integer(0)))
    }

    @Test(
        "--region (adcode prefix or name) and --year keep exactly the facts inside",
        arguments: [
            (["region": SQLValue.text("44")], "q.region_id LIKE '44%'"),
            (["region": .text("广东省")], "q.region_id LIKE '44%'"),
            (["region": .text("广东")], "q.region_id LIKE '44%'"),
            (["region": .text("海珠")], "r.name LIKE '海珠%'"),
            (["year": .integer(2011)], "2011 BETWEEN q.from_year AND COALESCE(q.to_year, q.from_year)"),
            (
                ["region": .text("22"), "year": .integer(2011)],
                "q.region_id LIKE '22%' AND 2011 BETWEEN q.from_year AND COALESCE(q.to_year, q.from_year)"
            ),
        ])
    func filters(parameters: [String: SQLValue], condition: String) throws {
        let warehouse = try QueryTestWarehouse.open()
        let rows = try warehouse.run(try #require(Warehouse.report(named: "indicators")), parameters: parameters)
        let mentions = rows.column("mentions").reduce(Int64(0)) { sum, value in
            if case .integer(let n) = value { sum + n } else { sum }
        }
        let expected = try warehouse.query(
            """
            SELECT count(*) FROM fact_quantity q LEFT JOIN dim_region r ON r.region_id = q.region_id WHERE \(condition)
            """
        ).rows[0][0]
        #expect(SQLValue.integer(mentions) == expected)
    }

    @Test("corpus counts every document, and the filters narrow it")
    func corpusFilters() throws {
        let warehouse = try QueryTestWarehouse.open()
        let corpus = try #require(Warehouse.report(named: "corpus"))
        func documents(_ parameters: [String: SQLValue]) throws -> Int64 {
            try warehouse.run(corpus, parameters: parameters).column("documents").reduce(0) { sum, value in
                if case .integer(let n) = value { sum + n } else { sum }
            }
        }
        #expect(try documents([:]) == QueryTestWarehouse.documentCount)
        #expect(try documents(["year": .integer(1950)]) == 0)
        // empty means all, as datasette sends it
        #expect(try documents(["region": .text("")]) == QueryTestWarehouse.documentCount)
        #expect(try documents(["region": .text("不存在的地方")]) == 0)
        let guangdong = try warehouse.query("SELECT count(*) FROM dim_document WHERE region_id LIKE '44%'").rows[0][0]
        #expect(SQLValue.integer(try documents(["region": .text("44")])) == guangdong)
        #expect(SQLValue.integer(try documents(["region": .text("广东")])) == guangdong)
    }

    @Test("a parameter a report does not take is refused")
    func unknownParameter() throws {
        let warehouse = try QueryTestWarehouse.open()
        let error = #expect(throws: QueryError.self) {
            try warehouse.run(
                try #require(Warehouse.report(named: "quality-files")), parameters: ["year": .integer(2011)])
        }
        #expect(error?.reason == .unusedParameter)
    }

    @Test("report headers are parsed, and a bad header says file and line")
    func headerParsing() throws {
        let report = try CannedReport(
            name: "x",
            text: """
                -- title: Funding
                -- description: Money per region,
                --   and per year.
                -- param year: a year (2011)
                SELECT :year
                """)
        #expect(report.title == "Funding")
        #expect(report.description == "Money per region, and per year.")
        #expect(report.parameters == [CannedReport.Parameter(name: "year", description: "a year (2011)")])
        let error = #expect(throws: CannedReport.HeaderError.self) {
            try CannedReport(name: "bad", text: "-- title: t\n-- owner: me\nSELECT 1")
        }
        #expect(
            error?.description == "reports/bad.sql:2: unknown header key `owner`; use title, description or param NAME")
    }

    @Test("every table column has a description in schema.sql")
    func columnsDescribed() {
        for table in SchemaCatalog.standard.tables where table.kind != "view" {
            #expect(!table.description.isEmpty, "\(table.name) has no comment")
            for column in table.columns {
                #expect(!column.description.isEmpty, "\(table.name).\(column.name) has no comment")
            }
        }
    }

    @Test(
        "column comments: trailing, continued on comment-only lines, and for views",
        arguments: [
            ("dim_region", "region_id", "12-digit adcode, e.g. 440105000000 (海珠区)"),
            (
                "etl_run", "status",
                "ok: all files fine; partial: some rejected; interrupted: killed mid-run (set by the next run)"
            ),
            (
                "search_paragraph", "grams",
                "CJK character pairs, each run's last character, other words; space-separated"
            ),
            ("v_funding_by_region_year", "amount_yuan", "NULL values (placeholders) are skipped"),
            ("v_quantity", "title", "the report's title (T line), NULL if it has none"),
        ])
    func columnComment(table: String, column: String, expected: String) {
        #expect(SchemaCatalog.standard.table(table)?.column(column)?.description == expected)
    }

    @Test(
        "columns with accepted values (CHECK … IN) are the facets",
        arguments: [
            ("fact_quantity", ["qualifier", "status", "year_source", "region_source"]), ("etl_run", ["status"]),
            ("doc_line", ["label"]), ("dim_document", []),
        ])
    func facets(table: String, expected: [String]) {
        #expect(SchemaCatalog.standard.table(table)?.facets == expected)
    }

    @Test("the datasette metadata is JSON describing every table and offering the reports as queries")
    func datasetteMetadata() throws {
        let json = SchemaCatalog.standard.datasetteMetadata(databaseName: "seeds")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let database = try #require((object["databases"] as? [String: Any])?["seeds"] as? [String: Any])
        let tables = try #require(database["tables"] as? [String: Any])
        #expect(Set(tables.keys) == Set(SchemaCatalog.standard.tables.map(\.name)))
        let document = try #require(tables["dim_document"] as? [String: Any])
        #expect(
            (document["columns"] as? [String: String])?["body_text"]
                == "clean body text, paragraphs separated by newlines")
        let queries = try #require(database["queries"] as? [String: Any])
        #expect(Set(queries.keys) == Set(Self.names))
    }
}
