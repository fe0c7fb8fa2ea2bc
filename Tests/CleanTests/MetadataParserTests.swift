import Clean
import EduwhCore
import Testing

/// Site metadata lines become attributes, dates normalised.
@Suite struct MetadataParserTests {
    static let parser = MetadataParser(rules: .standard)

    struct Case: Sendable, CustomTestStringConvertible {
        var line: String
        var published: String
        var author: String? = nil
        var words: Int? = nil
        var source: String? = nil
        var testDescription: String { line }
    }

    @Test(arguments: [
        Case(line: "发布时间：2021-9-2 8:05 作者：佚名 字数：3120", published: "2021-09-02 08:05:00", author: "佚名", words: 3120),
        Case(line: "2022/11/08 来源：某某文库收藏本文", published: "2022-11-08", source: "某某文库"),
        Case(line: "日期:2018年5月12日 来源:教育资料网 浏览:356次", published: "2018-05-12", source: "教育资料网"),
        Case(line: "更新时间 2019.03.22 10:11:09 | 编辑：小李", published: "2019-03-22 10:11:09", author: "小李"),
        // Single-digit month, day, hour and no seconds: each padded to two digits, seconds 00.
        Case(line: "发布：2007年3月9日 6:05 作者：王老师", published: "2007-03-09 06:05:00", author: "王老师"),
        Case(line: "1999.1.1 来源：教研通讯", published: "1999-01-01", source: "教研通讯"),
    ])
    func fieldsAreParsed(_ c: Case) {
        let metadata = Self.parser.parse([c.line])
        #expect(metadata.publishedAt == c.published)
        #expect(metadata.author == c.author)
        #expect(metadata.wordCount == c.words)
        #expect(metadata.sourceSite == c.source)
    }

    @Test func breadcrumbGivesPathAndSite() {
        let metadata = Self.parser.parse(["您的位置：资料分享网 > 工作总结 > 述职报告 > 正文"])
        #expect(metadata.breadcrumb == ["资料分享网", "工作总结", "述职报告", "正文"])
        #expect(metadata.sourceSite == "资料分享网")
        let home = Self.parser.parse(["首页 » 计划总结 » 工作汇报"])
        #expect(home.breadcrumb == ["首页", "计划总结", "工作汇报"])
        #expect(home.sourceSite == nil)
    }

    /// A breadcrumb names the site when its root is a name, also alone (某某范文网 >); a home root,
    /// spaced out (首 页) or the site's own (本站首页), names none.
    @Test(
        arguments: [
            ("当前位置:某某范文网 >", true), ("当前位置: 某某教育网 > 工作总结 > 正文", true), ("当前位置: 首 页 >> 乡镇动态 >> 正文", false),
            ("当前位置: 本站首页>>数据中心>>正文", false), ("您的位置:教育 >", false), ("当前位置: 首页", false),
        ] as [(String, Bool)])
    func breadcrumbNamesTheSite(line: String, names: Bool) {
        #expect(Self.parser.breadcrumbNamesSite(line) == names, "\(line)")
    }

    @Test func documentCarriesItsMetadata() throws {
        let text = CleanFixture.text(head: ["当前位置：学习资料站 > 工作汇报 > 正文", "时间：2020-06-01 09:00 作者：张老师"])
        let document = try #require(Cleaner.standard.clean(CleanFixture.raw(text)).documents.first)
        #expect(document.title == CleanFixture.title)
        #expect(document.metadata.publishedAt == "2020-06-01 09:00:00")
        #expect(document.metadata.author == "张老师")
        #expect(document.metadata.sourceSite == "学习资料站")
    }

    /// A government site's information table (索引号, 发布机构, 成文日期) is metadata, its font-size
    /// picker is noise, and a WeChat byline with a date and time is metadata too.
    @Test func governmentInfoTableAndWeChatBylineAreMetadata() throws {
        let head = [
            "索引号： 11410300MB1234567X/2022-00012 发布机构： 市教育局", "成文日期： 2022-01-10 主题分类： 教育",
            "【字体：大 中 小】 打印本页 关闭窗口",
        ]
        let cleaned = Cleaner.standard.clean(CleanFixture.raw(CleanFixture.text(head: head)))
        #expect(head.map { CleanFixture.line($0, in: cleaned)?.label } == [.metadata, .metadata, .noise])
        let document = try #require(cleaned.documents.first)
        #expect(document.title == CleanFixture.title)
        #expect(document.metadata.publishedAt == "2022-01-10")
        #expect(document.metadata.author == "市教育局")

        let byline = "原创 阳光教育 阳光教育发布 2021-03-05 08:30 发表于河南"
        let wechat = Cleaner.standard.clean(CleanFixture.raw(CleanFixture.text(head: ["点击上方蓝字关注我们", byline])))
        #expect(CleanFixture.line(byline, in: wechat)?.label == .metadata)
        #expect(wechat.documents.first?.metadata.publishedAt == "2021-03-05 08:30:00")
        // An office and an ISO date under the title: the publishing byline.
        let office = "区教育局 2022-03-15"
        let bulletin = Cleaner.standard.clean(CleanFixture.raw(CleanFixture.text(head: [office])))
        #expect(CleanFixture.line(office, in: bulletin)?.label == .metadata)
        #expect(bulletin.documents.first?.metadata.publishedAt == "2022-03-15")
    }
}
