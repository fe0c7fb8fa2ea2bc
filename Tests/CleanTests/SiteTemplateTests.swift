import Clean
import EduwhCore
import Testing

/// A site's template lines (learned by bulk loads, `SiteTemplates`): which repeated lines may be
/// learned, and what applying them does to a later page of that site. Every page and line here
/// is made up in the shape of a county education site's article page.
@Suite struct SiteTemplateTests {
    static let site = "北河县教育信息网"
    static let banner = "北河县教育信息网 - 办人民满意的教育"
    static let slogan = "北河教育，因你而精彩"

    /// An article page of the site: its banner (taken for a title on a single page), the
    /// report's title, a publish line naming the site, the report, a slogan line after it.
    static func page(title: String = "城南小学2013年工作总结", paragraphs: [String] = CleanFixture.paragraphs) -> String {
        ([banner, title, "发布时间：2013-12-20  来源：\(site)  点击：316"] + paragraphs + [slogan])
            .joined(separator: "\n") + "\n"
    }

    // MARK: - Learning: what a repeated line may be

    @Test(arguments: [
        "网站首页 | 教育动态 | 通知公告 | 联系我们",
        "北河县教育信息网 - 办人民满意的教育",
        "北河教育，因你而精彩",
        "主办单位：北河县教育局",
        "扫一扫 关注我们",
        ">> 更多",
    ])
    func siteFurnitureMayBeLearned(_ text: String) {
        #expect(SiteTemplates.isLearnable(text))
    }

    @Test(arguments: [
        // Sentences: a school's reports repeat their closing words and set phrases.
        "今后我们将更加努力工作。",
        "我们将继续努力，争取更大的成绩！",
        "认真落实上级部署；",
        // Long with clauses, even without its full stop (a sentence cut by the page).
        "全面贯彻党的教育方针，深入推进素质教育，各项工作取得了明显成效",
        // Enumerated headings every report of one kind has.
        "一、指导思想", "（二）主要措施", "3. 存在的问题", "2、工作目标", "第一章 总则", "第3部分 今后打算", "第二篇",
        // Years and dates only.
        "2013年", "二〇一三年十二月", "2013-12-20", "2012-2013",
        // Too long to be furniture, or nothing at all.
        String(repeating: "教", count: 81), "   ",
    ])
    func reportContentIsNeverLearned(_ text: String) {
        #expect(!SiteTemplates.isLearnable(text))
    }

    // MARK: - Applying: a later page of the site

    @Test func aTemplateLineInTheHeadOrTailBecomesNoiseAndTheBodyStays() throws {
        let raw = CleanFixture.raw(Self.page())
        let plain = Cleaner.standard.clean(raw)
        // Alone, the page cannot tell its banner and slogan from the report's.
        #expect(CleanFixture.line(Self.banner, in: plain)?.label.isKept == true)
        #expect(CleanFixture.line(Self.slogan, in: plain)?.label == .body)

        let templates = SiteTemplates([Self.site: [Self.banner, Self.slogan]])
        let cleaned = templates.apply(to: plain)
        for text in [Self.banner, Self.slogan] {
            let line = try #require(CleanFixture.line(text, in: cleaned))
            #expect(line.label == .noise)
            #expect(line.rule == SiteTemplates.rule)
        }
        #expect(cleaned.documents.count == 1)
        #expect(cleaned.documents[0].title == "城南小学2013年工作总结")
        #expect(cleaned.documents[0].bodyText == CleanFixture.paragraphs.joined(separator: "\n"))
        #expect(cleaned.documents[0].metadata.siteName == Self.site)
        // The file's lines and its document's lines agree.
        #expect(cleaned.lines == cleaned.documents.flatMap(\.lines))
        // Every other line keeps Clean's own verdict.
        for (before, after) in zip(plain.lines, cleaned.lines) where after.rule != SiteTemplates.rule {
            #expect(before == after)
        }
    }

    @Test func anotherSitesTemplatesOrNoSiteChangeNothing() {
        let raw = CleanFixture.raw(Self.page())
        let plain = Cleaner.standard.clean(raw)
        #expect(SiteTemplates(["南山区教育网": [Self.banner, Self.slogan]]).apply(to: plain) == plain)
        #expect(SiteTemplates().apply(to: plain) == plain)
        // A page naming no site (no 来源 line, no breadcrumb) is left as it is.
        let anonymous = Cleaner.standard.clean(
            CleanFixture.raw(([Self.banner, "城南小学2013年工作总结"] + CleanFixture.paragraphs).joined(separator: "\n")))
        #expect(SiteTemplates([Self.site: [Self.banner]]).apply(to: anonymous) == anonymous)
    }

    @Test func aTemplateLineAmongTheBodyParagraphsStays() throws {
        // The same slogan quoted between two paragraphs is the report's text there.
        let paragraphs = [CleanFixture.paragraphs[0], Self.slogan] + CleanFixture.paragraphs.dropFirst()
        let plain = Cleaner.standard.clean(CleanFixture.raw(Self.page(paragraphs: paragraphs)))
        let cleaned = SiteTemplates([Self.site: [Self.slogan]]).apply(to: plain)
        let lines = cleaned.lines.filter { $0.text == Self.slogan }
        #expect(lines.count == 2)
        #expect(lines.first?.label == .body)
        #expect(lines.last?.rule == SiteTemplates.rule)
    }

    @Test func aReportsOnlyTitleStaysEvenWhenTheSiteRepeatsIt() throws {
        // A site whose reports all carry one title: the title is still this report's.
        let text = (["学校工作总结", "发布时间：2013-12-20  来源：\(Self.site)"] + CleanFixture.paragraphs)
            .joined(separator: "\n")
        let plain = Cleaner.standard.clean(CleanFixture.raw(text))
        #expect(plain.documents.first?.title == "学校工作总结")
        let cleaned = SiteTemplates([Self.site: ["学校工作总结"]]).apply(to: plain)
        #expect(cleaned == plain)
    }

    @Test func aSignatureEveryReportOfTheSiteHasStaysTheReports() throws {
        // A county bureau's site signs each of its reports with its name: Clean reads it as the
        // signature, and a template does not overturn that.
        let text = Self.page() + "北河县教育局\n2013年12月20日\n"
        let plain = Cleaner.standard.clean(CleanFixture.raw(text))
        #expect(CleanFixture.line("北河县教育局", in: plain)?.rule == "signature")
        let cleaned = SiteTemplates([Self.site: ["北河县教育局", Self.slogan]]).apply(to: plain)
        #expect(CleanFixture.line("北河县教育局", in: cleaned) == CleanFixture.line("北河县教育局", in: plain))
        #expect(CleanFixture.line(Self.slogan, in: cleaned)?.rule == SiteTemplates.rule)
    }

    @Test func metadataLinesStayMetadata() throws {
        let publish = "发布时间：2013-12-20  来源：\(Self.site)  点击：316"
        let plain = Cleaner.standard.clean(CleanFixture.raw(Self.page()))
        #expect(CleanFixture.line(publish, in: plain)?.label == .metadata)
        let cleaned = SiteTemplates([Self.site: [publish]]).apply(to: plain)
        #expect(cleaned == plain)
    }
}
