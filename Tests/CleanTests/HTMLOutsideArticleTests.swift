import Clean
import EduwhCore
import Testing

/// Lines Ingest found outside an HTML page's article (`RawDocument.outsideArticle`).
@Suite struct HTMLOutsideArticleTests {
    static let text = """
        首页 | 教育动态 | 通知公告 | 登录
        当前位置：某区教育网 > 教育动态 > 正文
        区教育局2012年工作总结
        发布时间：2013-01-05 来源：区教育局
        本站讯　今年以来，本站所在的区教育局坚持教育优先发展，全年教育投入3.48亿元，比上年增长12%，新建校舍4.2万平方米。
        我们大力推进义务教育均衡发展，新建改扩建中小学5所，新增学位2000余个，解决了进城务工人员子女入学难的问题。
        全区教育工作会议隆重召开，部署新学期重点工作，各校校长踊跃发言，气氛十分热烈！
        版权所有 某区教育局
        """

    @Test func outsideLinesAreNoiseNamedByTheBlockDecision() {
        let cleaned = Cleaner.standard.clean(text: Self.text, outsideArticle: [1, 2, 7, 8])
        let byLine = Dictionary(uniqueKeysWithValues: cleaned.lines.map { ($0.number, $0) })
        #expect(byLine[1]?.label == .noise)
        #expect(byLine[1]?.rule == Cleaner.outsideArticleRule)
        #expect(byLine[7]?.rule == Cleaner.outsideArticleRule)  // a related headline ending in ！
        #expect(byLine[2]?.label == .metadata)  // a breadcrumb naming the site above the article stays metadata
        #expect(byLine[3]?.label == .title)
        #expect(byLine[5]?.label == .body)  // 本站讯 dateline paragraph
        #expect(byLine[6]?.label == .body)
        #expect(cleaned.lines.map(\.number) == Array(1...8))
        #expect(cleaned.documents.count == 1)
    }

    /// A particular reason given by Ingest names the line's rule; the others keep the block rule.
    @Test func outsideLinesWithAReasonAreNamedByIt() {
        let cleaned = Cleaner.standard.clean(
            text: Self.text, outsideArticle: [1, 2, 7, 8], outsideArticleRules: [7: "html-boilerplate-block"])
        let byLine = Dictionary(uniqueKeysWithValues: cleaned.lines.map { ($0.number, $0) })
        #expect(byLine[7]?.label == .noise)
        #expect(byLine[7]?.rule == "html-boilerplate-block")
        #expect(byLine[8]?.rule == Cleaner.outsideArticleRule)
        #expect(byLine[2]?.label == .metadata)
    }

    /// A breadcrumb from a bare home link names no site: navigation, inside or outside the article.
    @Test func aBreadcrumbFromTheHomeLinkIsNoise() {
        let text = Self.text.replacingOccurrences(of: "某区教育网 >", with: "首页 >")
        for outside in [Set([1, 2, 7, 8]), []] {
            let line = Cleaner.standard.clean(text: text, outsideArticle: outside).lines.first { $0.number == 2 }
            #expect(line?.label == .noise)
        }
    }

    @Test func withoutOutsideLinesCleanDecidesAsForText() {
        #expect(Cleaner.standard.clean(text: Self.text, outsideArticle: []) == Cleaner.standard.clean(text: Self.text))
    }
}
