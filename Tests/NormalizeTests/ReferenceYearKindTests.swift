import EduwhCore
import Normalize
import Testing

/// The year a page speaks from, by kind of page (made-up pages): what the rules choose, what a
/// relative year then resolves to, and the evidence the learned chooser reads.
@Suite("Reference year by kind of page")
struct ReferenceYearKindTests {
    /// A one-document page with a publication date in its site metadata.
    func page(_ lines: [String], published: String?) -> CleanDocument {
        var doc = document(lines)
        doc.metadata = SiteMetadata(publishedAt: published)
        return doc
    }

    func year(_ doc: CleanDocument, line: Int, _ surface: String) -> Int? {
        resolvedYears(doc, line: line).first { $0.surface == surface }?.from
    }

    @Test("News with a date line: the day it was written is the year 今年 means")
    func newsWithDateLine() {
        let doc = document([
            "某市新建幼儿园十所", "(2016年3月2日)", "记者从市教育局获悉，2015年全市共投入资金2亿元。今年将再建幼儿园10所。",
        ])
        let frame = Normalizer.standard.timeFrame(of: doc)
        #expect(frame.referenceYear == 2016 && frame.referenceSource == .dateLine)
        #expect(year(doc, line: 3, "今年") == 2016)
    }

    @Test("A 总结 titled with its year speaks from that year")
    func summaryTitledWithItsYear() {
        let doc = document(["某县教育局2018年工作总结", "今年以来，全县新建学校3所，比上年增加1所。", "2016年全县共有学校40所。"])
        #expect(Normalizer.standard.timeFrame(of: doc).referenceYear == 2018)
        #expect(resolvedYears(doc, line: 2).first { $0.surface.hasPrefix("今年") }?.from == 2018)
        let candidates = Normalizer.standard.referenceCandidates(of: doc)
        #expect(candidates.features[candidates.rules].contains("role:title"))
    }

    @Test("A plan for next year speaks from the plan's year")
    func planForNextYear() {
        let doc = document(["某县教育局2020年工作计划", "2019年全县共招聘教师120名。今年计划新建学校2所，年内完成。"])
        let frame = Normalizer.standard.timeFrame(of: doc)
        #expect(frame.referenceYear == 2020 && frame.referenceSource == .planHeading)
        #expect(year(doc, line: 2, "今年") == 2020)
    }

    @Test("A 述职 of a term reports on the term's years")
    func termReport() {
        let doc = document(["2011-2013年校长任期述职报告", "三年来，学校共新建教学楼1幢。今年学校将迁入新址。"])
        let frame = Normalizer.standard.timeFrame(of: doc)
        #expect(frame.reviewPeriod == 2011...2013)
        #expect(year(doc, line: 2, "今年") == 2013)
    }

    @Test("A budget page: the budget year, and 上年 the year before it")
    func budgetPage() {
        let doc = document(["某区教育局2024年部门预算", "2024年收入预算1200万元，比上年增加100万元。"])
        #expect(Normalizer.standard.timeFrame(of: doc).referenceYear == 2024)
        #expect(year(doc, line: 2, "上年") == 2023)
    }

    @Test("A 总结 with no year of its own and one year it starts from: that year is marked a start")
    func summaryWithoutYear() {
        let doc = document(["学校教科研工作总结", "自2011年始，我校陆续确立了课题19项。今年，我校又有两项课题结题。"])
        let candidates = Normalizer.standard.referenceCandidates(of: doc)
        let start = candidates.years.firstIndex(of: 2011)!
        #expect(candidates.features[start].contains("role:from"))
        #expect(!candidates.features[start].contains("role:opens"))
        let none = candidates.years.firstIndex(of: nil)!
        #expect(candidates.features[none].contains("none|latest-from"))
        #expect(candidates.features[none].contains("none|latest-once"))
    }

    @Test("A year opening its sentence is marked the sentence's topic")
    func topicYear() {
        let doc = document(["全市学前教育发展情况", "据了解，2012年全市共有公办幼儿园39所。今年上半年又新建5所。"])
        let candidates = Normalizer.standard.referenceCandidates(of: doc)
        let topic = candidates.years.firstIndex(of: 2012)!
        #expect(candidates.features[topic].contains("role:opens"))
        #expect(!candidates.features[topic].contains("role:from"))
    }

    @Test("The page's publication year is evidence for the chooser, never the rules' year")
    func publicationYear() {
        // A news item published early in 2014 about the closed year 2013.
        let doc = page(["澳门教育发展基金资助计划", "据悉，2013年的教育发展基金共资助项目450个。今年将继续推行。"], published: "2014-01-21 10:34")
        // 2013 named once is a closed year the news mentions, not its own (session 22): no reference year.
        #expect(Normalizer.standard.timeFrame(of: doc).referenceYear == nil)
        let candidates = Normalizer.standard.referenceCandidates(of: doc)
        let next = candidates.years.firstIndex(of: 2014)!
        #expect(candidates.features[next].contains("pub:same"))
        #expect(candidates.features[next].contains("y|pubgap:1"))
        #expect(candidates.features[candidates.years.firstIndex(of: 2013)!].contains("pub:prev"))
        // Without a publication date there is no such evidence.
        let bare = Normalizer.standard.referenceCandidates(of: document(doc.lines.map(\.text)))
        #expect(!bare.features.joined().contains { $0.hasPrefix("pub") || $0.contains("pubgap") })
    }
}
