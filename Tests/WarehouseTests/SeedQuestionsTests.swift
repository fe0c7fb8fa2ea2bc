import Foundation
import Testing
import Warehouse

/// Questions an analyst asks of the warehouse loaded from imports/, in SQL through the public
/// schema only; each expected answer is read off the source text quoted beside it.
@Suite struct SeedQuestionsTests {
    func rows(_ sql: String) throws -> [[String]] {
        try QueryTestWarehouse.open().query(sql).rows.map { $0.map(\.text) }
    }

    /// 000, line 28: "为了促使全区教育均衡发展,投入3.48亿元升级改造我区东部地区学校" and line 23
    /// "每年约新增财政投入1.8亿元" — 海珠区's education money over 2007–2008. The seed facts gold files
    /// that 1.8亿元 under teacher_pay (its sentence is about raising teachers' income), and the
    /// learned indicator chooser, trained on that gold, does so too: it is asked for there.
    @Test func haizhuInvestment() throws {
        let found = try rows(
            """
            SELECT q.surface, q.value, q.qualifier, q.from_year, q.to_year
            FROM fact_quantity q JOIN dim_indicator i USING (indicator_id) JOIN dim_region r USING (region_id)
            WHERE r.name = '海珠区' AND i.category = 'funding' AND q.unit_id = 'yuan'
            ORDER BY q.value DESC
            """)
        #expect(found.first == ["3.48亿元", "348000000", "exact", "2007", "2008"])
        let pay = try rows(
            """
            SELECT q.surface, q.value, q.qualifier, q.from_year, q.to_year
            FROM fact_quantity q JOIN dim_region r USING (region_id)
            WHERE r.name = '海珠区' AND q.indicator_id IN ('funding_investment', 'teacher_pay') AND q.unit_id = 'yuan'
            """)
        #expect(pay.contains(["1.8亿元", "180000000", "approx", "2007", "2008"]))
    }

    /// 001, line 33: "仅2011年我区预算内教育拨款19432.9万元,比2010年的16021.6万元增长21.29%" — 铁东区 (四平).
    @Test func tiedongBudgetAppropriation2011() throws {
        let found = try rows(
            """
            SELECT q.value, r.name, p.name
            FROM fact_quantity q JOIN dim_region r USING (region_id) JOIN dim_region p ON p.region_id = r.parent_region_id
            WHERE q.from_year = 2011 AND q.unit_id = 'yuan' AND q.surface = '19432.9万元'
            """)
        #expect(found == [["194329000", "铁东区", "四平市"]])
        // The same sentence's 2010 figure is attributed to 2010, not 2011.
        #expect(try rows("SELECT from_year FROM fact_quantity WHERE surface = '16021.6万元'") == [["2010"]])
    }

    /// 004, line 14: "全年培训教师5000余人次" — 靖江市, 2011 (the year the report reviews).
    @Test func jingjiangTeacherTraining() throws {
        let found = try rows(
            """
            SELECT q.value, q.unit_id, q.qualifier, q.from_year, i.category
            FROM fact_quantity q JOIN dim_indicator i USING (indicator_id) JOIN dim_region r USING (region_id)
            WHERE r.name = '靖江市' AND q.surface = '5000余人次'
            """)
        #expect(found == [["5000", "人次", "over", "2011", "teachers"]])
    }

    /// 003 blanks every figure (x所, x名, x亿元): none of them may turn into a number.
    @Test func placeholdersStayUnknown() throws {
        let found = try rows(
            """
            SELECT count(*), sum(CASE WHEN value IS NULL THEN 1 ELSE 0 END)
            FROM fact_quantity WHERE qualifier = 'placeholder'
            """)
        #expect(found.first?.first == found.first?.last)
        #expect(Int(found.first?.first ?? "0")! > 50)
    }

    /// 002 glues four reports; each is its own document with its own lines.
    @Test func gluedReportsAreSeparateDocuments() throws {
        let found = try rows(
            """
            SELECT doc_count, count(*) FROM dim_document WHERE source_path LIKE '002_%' GROUP BY doc_count
            """)
        #expect(found == [["4", "4"]])
    }

    /// Most figures in body text say what they measure.
    @Test func indicatorCoverage() throws {
        let found = try rows(
            "SELECT count(*), sum(CASE WHEN indicator_id != 'unknown' THEN 1 ELSE 0 END) FROM fact_quantity")
        let total = Double(found[0][0])!
        let known = Double(found[0][1])!
        #expect(known / total >= 0.85)
    }
}
