import Foundation
import Pipeline
import TestSupport
import Testing

@testable import Warehouse

/// Site templates in bulk loads: a line repeated across many files of one site is learned at
/// the end of a load (site_template_line) and labelled noise in a later load's new files of
/// that site. The pages are made up in the shape of a county education site's article pages:
/// a banner, the report's title, a publish line naming the site, the report, a slogan line.
@Suite struct SiteTemplateLoadTests {
    static let site = "北河县教育信息网"
    static let banner = "北河县教育信息网 - 办人民满意的教育"
    static let slogan = "北河教育，因你而精彩"
    static let heading = "一、指导思想"
    static let closing = "今后我们将更加努力工作。"
    static let schools = ["城南小学", "城北中学", "东关小学", "西街幼儿园", "实验中学", "职业中学", "文昌小学", "南苑中学"]

    /// Page `k` of the site: its own school, title and figures; the banner, heading, closing
    /// sentence and slogan are on every page.
    static func page(_ k: Int) -> String {
        let school = schools[k]
        return [
            banner,
            "\(school)2013年工作总结",
            "发布时间：2013-12-\(10 + k)  来源：\(site)  点击：\(300 + 17 * k)",
            heading,
            "一年来，\(school)在县教育局的领导下，全面贯彻党的教育方针，深入推进素质教育，各项工作取得了明显成效。",
            "全校现有教学班\(12 + k)个，在校学生\(480 + 35 * k)名，教职工\(40 + k)人，本年投入资金\(60 + 5 * k)万元改善办学条件。",
            "新的一年，\(school)将继续深化课程改革，加强教师队伍建设，努力办好人民满意的教育。",
            closing,
            slogan,
        ].joined(separator: "\n") + "\n"
    }

    struct Box {
        let folder: TemporaryFolder
        var drop: String { folder.path + "/drop" }
        var db: String { folder.path + "/w.sqlite" }

        init(pages: Range<Int>) throws {
            folder = try TemporaryFolder()
            try FileManager.default.createDirectory(atPath: folder.path + "/drop", withIntermediateDirectories: true)
            try add(pages)
        }

        func add(_ pages: Range<Int>) throws {
            for k in pages { try folder.write("drop/page-\(k).txt", text: SiteTemplateLoadTests.page(k)) }
        }

        @discardableResult
        func load(siteTemplates: Bool = true) throws -> LoadReport {
            var options = LoadOptions(folder: drop)
            options.siteTemplates = siteTemplates
            return try Loader(warehouse: Warehouse(path: db), version: "test").load(options)
        }

        func rows(_ sql: String) throws -> [[String]] {
            try Warehouse(path: db, readOnly: true).query(sql).rows.map { $0.map(\.text) }
        }

        func templates() throws -> [[String]] {
            try rows(
                """
                SELECT s.name, t.text, t.file_count, t.site_file_count FROM site_template_line t JOIN dim_site s USING (site_id)
                ORDER BY 1, 2
                """)
        }

        /// The label and rule of the line `text` in the file `page-k.txt`.
        func label(of text: String, page k: Int) throws -> [String] {
            try rows(
                """
                SELECT l.label, l.rule_id FROM doc_line l JOIN dim_document d USING (document_id)
                WHERE d.source_path = 'page-\(k).txt' AND l.text = '\(text)'
                """
            ).first ?? []
        }

        /// Every row of the star tables and the learned templates, without run ids.
        func dump() throws -> String {
            var out = ""
            for sql in [
                "SELECT document_id, title, body_text, noise_line_count FROM dim_document ORDER BY 1",
                "SELECT document_id, line_number, label, rule_id, text FROM doc_line ORDER BY 1, 2",
                "SELECT document_id, line_number, char_offset, indicator_id, value FROM fact_quantity ORDER BY 1, 2, 3",
                """
                SELECT s.name, t.text, t.file_count, t.site_file_count FROM site_template_line t JOIN dim_site s USING (site_id)
                ORDER BY 1, 2
                """,
            ] {
                for row in try rows(sql) { out += row.joined(separator: "|") + "\n" }
            }
            return out
        }
    }

    @Test func aLineOnEveryPageOfASiteIsLearnedButItsHeadingsAndSentencesAreNot() throws {
        let box = try Box(pages: 0..<6)
        let report = try box.load()
        #expect(report.siteTemplateLines == 2)
        #expect(
            try box.templates() == [
                [Self.site, Self.banner, "6", "6"],
                [Self.site, Self.slogan, "6", "6"],
            ])
        // The files the templates were learned from keep the labels Clean gave them.
        #expect(try box.label(of: Self.slogan, page: 0) == ["B", "tail-sentence"])
        #expect(try box.label(of: Self.banner, page: 0).first == "T")
    }

    @Test func aNewPageOfTheSiteLoadedLaterHasItsTemplateLinesAsNoiseAndTheSameBody() throws {
        let box = try Box(pages: 0..<6)
        try box.load()
        try box.add(6..<7)
        let report = try box.load()
        #expect(report.counts.filesLoaded == 1)
        #expect(try box.label(of: Self.banner, page: 6) == ["N", "site-template"])
        #expect(try box.label(of: Self.slogan, page: 6) == ["N", "site-template"])
        // Headings and sentences every page has stay the report's.
        #expect(try box.label(of: Self.heading, page: 6).first == "B")
        #expect(try box.label(of: Self.closing, page: 6).first == "B")

        // The same page loaded alone, where nothing was learned: the same body; its title is the
        // report's now, not the site's banner.
        let alone = try Box(pages: 6..<7)
        try alone.load()
        let document = "SELECT title, body_text FROM dim_document WHERE source_path = 'page-6.txt'"
        let before = try #require(alone.rows(document).first)
        let after = try #require(box.rows(document).first)
        #expect(before[0] == Self.banner)
        #expect(after[0] == "\(Self.schools[6])2013年工作总结")
        #expect(
            try alone.rows("SELECT body_text FROM dim_document").first?.first?.hasSuffix(Self.slogan) == true)
        #expect(after[1] + "\n" + Self.slogan == before[1])
    }

    @Test func noSiteTemplatesKeepsCleansLabelsButStillLearns() throws {
        let box = try Box(pages: 0..<6)
        try box.load()
        try box.add(6..<8)
        try box.load(siteTemplates: false)
        #expect(try box.label(of: Self.slogan, page: 7) == ["B", "tail-sentence"])
        #expect(try box.templates().map { $0[2...3] } == [["8", "8"], ["8", "8"]])
    }

    @Test func aLoadKilledBeforeItLearnedAndResumedLeavesWhatOneLoadLeaves() throws {
        let once = try Box(pages: 0..<8)
        try once.load()

        // A load of the first five pages killed after its last commit, before its end: its
        // files are in, the run is still `running`, nothing was learned.
        let resumed = try Box(pages: 0..<5)
        try resumed.load()
        let warehouse = try Warehouse(path: resumed.db)
        _ = try warehouse.query("UPDATE etl_run SET status = 'running', finished_at = NULL", write: true)
        _ = try warehouse.query("DELETE FROM site_template_line", write: true)
        try resumed.add(5..<8)
        try resumed.load()
        #expect(try resumed.rows("SELECT status FROM etl_run ORDER BY run_id") == [["interrupted"], ["ok"]])
        #expect(try resumed.dump() == once.dump())
        #expect(try once.templates().count == 2)
    }

    @Test func shardsMergedAndLearnedAgainHoldWhatOneLoadLearns() throws {
        let once = try Box(pages: 0..<8)
        try once.load()
        let box = try Box(pages: 0..<8)
        var shards: [String] = []
        for k in 1...2 {
            var options = LoadOptions(folder: box.drop)
            options.shard = (k, 2)
            let path = box.folder.file("shard-\(k).sqlite")
            try Loader(warehouse: Warehouse(path: path), version: "test").load(options)
            shards.append(path)
        }
        let merged = try Warehouse(path: box.db)
        for shard in shards { _ = try merged.merge(shardPath: shard) }
        try merged.relearnAllSiteTemplates()
        #expect(try box.templates() == once.templates())
        #expect(try box.templates().count == 2)
    }

    @Test func aPruneThatTakesFilesOfASiteRecountsItsTemplates() throws {
        let box = try Box(pages: 0..<8)
        try box.load()
        for k in 6..<8 { try FileManager.default.removeItem(atPath: box.drop + "/page-\(k).txt") }
        var options = LoadOptions(folder: box.drop)
        options.prune = true
        let report = try Loader(warehouse: Warehouse(path: box.db), version: "test").load(options)
        #expect(report.counts.filesPruned == 2)
        #expect(try box.templates().map { $0[2...3] } == [["6", "6"], ["6", "6"]])
    }

    @Test func aSiteWithTooFewFilesOrALineOnTooFewOfThemLearnsNothing() throws {
        let two = try Box(pages: 0..<2)
        try two.load()
        #expect(try two.templates().isEmpty)

        // On 3 of 8 pages only: not the site's template.
        let box = try Box(pages: 0..<8)
        for k in 3..<8 {
            try box.folder.write(
                "drop/page-\(k).txt", text: Self.page(k).replacingOccurrences(of: Self.slogan + "\n", with: ""))
        }
        try box.load()
        #expect(try box.templates().map { $0[1] } == [Self.banner])
    }
}
