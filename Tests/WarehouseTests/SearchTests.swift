import Foundation
import Testing

@testable import Warehouse

@Suite("Full-text search")
struct SearchTests {
    @Test(
        "the MATCH expression: pairs for runs, a run's last character before more of the part, a prefix for a final single character",
        arguments: [
            ("学", "学*"),
            ("校舍", "校舍"),
            ("义务教育均衡", "义务 + 务教 + 教育 + 育均 + 均衡"),
            ("2011年度", "2011 + 年度"),
            ("2011年", "2011 + 年*"),
            ("4万", "4 + 万*"),
            ("校舍2011", "校舍 + 舍 + 2011"),
            ("教师 培训", "教师 AND 培训"),
            ("ＸＸ万元", "xx + 万元"),
        ])
    func matchExpression(query: String, expected: String) throws {
        #expect(try SearchQuery(query).matchExpression == expected)
    }

    @Test("a query with nothing to search for is refused", arguments: ["，，", "   ", "——"])
    func emptyQuery(query: String) {
        #expect(throws: SearchQuery.EmptyQuery.self) { try SearchQuery(query) }
    }

    @Test(
        "hits are where the text contains the query",
        arguments: [
            ("校舍", "新建校舍4万平方米", [2..<4]),
            ("校舍", "校，舍", []),
            ("义务教育", "义务，务教育", []),
            ("学", "学校学生", [0..<1, 2..<3]),
            ("2011年", "2011年度", [0..<5]),
            ("ab", "AB组与ab组", [0..<2, 4..<6]),
            ("教师 培训", "加大教师培训力度", [2..<6]),
            ("教师 培训", "加大教师力度", []),
        ])
    func hits(query: String, text: String, expected: [Range<Int>]) throws {
        #expect(try SearchQuery(query).hits(in: text) == expected)
    }

    @Test("a snippet is a window around the first hit with every hit marked")
    func snippet() {
        let text = "一是加大投入，新建校舍4万平方米，改造旧校舍2万平方米，全区校舍面积大幅增加。"
        let hit = SearchHit(
            paragraphID: 1, documentID: 1, lineNumber: 1, text: text, title: nil, sourcePath: "a.txt",
            reportKind: "其他", region: nil, year: nil, score: -1, hits: [9..<11, 20..<22])
        #expect(hit.snippet(before: 4, width: 20) == "…入，新建[校舍]4万平方米，改造旧[校舍]2万平…")
        #expect(hit.snippet(before: 20, width: 12, open: "<", close: ">") == "一是加大投入，新建<校舍>4…")
        // A hit that starts inside the window is shown whole.
        #expect(hit.snippet(before: 2, width: 14) == "…新建[校舍]4万平方米，改造旧[校舍]…")
    }

    /// Paragraphs (document, line) whose clean text contains `text`, straight from doc_paragraph.
    static func containing(_ text: String, _ warehouse: Warehouse) throws -> Set<String> {
        Set(
            try warehouse.query(
                "SELECT document_id || ':' || line_number FROM doc_paragraph WHERE instr(text, :t) > 0",
                parameters: ["t": .text(text)]
            ).rows.map { $0[0].text })
    }

    @Test(
        "search returns exactly the paragraphs whose clean text contains the query",
        arguments: ["校舍", "教师", "学", "校", "义务教育均衡", "经费", "教育经费", "2011", "万元"])
    func exactParagraphs(query: String) throws {
        let warehouse = try QueryTestWarehouse.open()
        let expected = try Self.containing(query, warehouse)
        let hits = try warehouse.search(try SearchQuery(query), limit: nil)
        #expect(!expected.isEmpty)
        #expect(Set(hits.map { "\($0.documentID):\($0.lineNumber)" }) == expected)
        #expect(hits.count == expected.count)
        for hit in hits {
            #expect(hit.snippet(width: 200).contains("[\(query)]"))
        }
    }

    @Test("results are ranked by bm25, best (lowest) first, and limit cuts the list")
    func ranking() throws {
        let warehouse = try QueryTestWarehouse.open()
        let all = try warehouse.search(try SearchQuery("教师"), limit: nil)
        #expect(all.map(\.score) == all.map(\.score).sorted())
        let five = try warehouse.search(try SearchQuery("教师"), limit: 5)
        #expect(five == Array(all.prefix(5)))
    }

    @Test("filters narrow by kind, region and year")
    func filters() throws {
        let warehouse = try QueryTestWarehouse.open()
        let all = try warehouse.search(try SearchQuery("教育"), limit: nil)
        let kinds = Set(all.map(\.reportKind))
        for kind in kinds {
            let some = try warehouse.search(try SearchQuery("教育"), kind: kind, limit: nil)
            #expect(some.allSatisfy { $0.reportKind == kind })
            #expect(some.count == all.filter { $0.reportKind == kind }.count)
        }
        #expect(try warehouse.search(try SearchQuery("教育"), kind: "没有这种报告", limit: nil).isEmpty)
        let regionCount = try warehouse.query(
            """
            SELECT count(*) FROM doc_paragraph p JOIN dim_document d USING (document_id) JOIN dim_region r ON r.region_id = d.region_id
            WHERE instr(p.text, '教育') > 0 AND d.region_id LIKE '44%'
            """
        ).rows[0][0]
        #expect(
            SQLValue.integer(Int64(try warehouse.search(try SearchQuery("教育"), region: "44", limit: nil).count))
                == regionCount)
        let yearCount = try warehouse.query(
            """
            SELECT count(*) FROM doc_paragraph p JOIN dim_document d USING (document_id)
            WHERE instr(p.text, '教育') > 0 AND (d.reference_year = 2008 OR 2008 BETWEEN d.period_from_year AND COALESCE(d.period_to_year, d.period_from_year))
            """
        ).rows[0][0]
        #expect(
            SQLValue.integer(Int64(try warehouse.search(try SearchQuery("教育"), year: 2008, limit: nil).count))
                == yearCount)
    }
}
