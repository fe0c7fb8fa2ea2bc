import Clean
import EduwhCore
import Testing

/// Essay-site collection pages seen on several hosts (session 28): the site's intro paragraph above the
/// first piece marked at its start (篇一：《…》), a piece's own marked …范文 title, and a breadcrumb or a
/// site crumb behind a web list's bullet (•).
@Suite struct CollectionPageSession28Tests {
    static func cleaned(_ lines: [String]) -> CleanedFile {
        Cleaner.standard.clean(CleanFixture.raw(lines.joined(separator: "\n\n") + "\n"))
    }

    // gd04 (7an.com.cn): a caption, the site's intro, then 篇一 and the piece's text.
    static let introPage = [
        "幼儿园全园工作计划",
        "《幼儿园全园工作计划》是引领幼儿园发展的航标,是确保保教工作科学、有序、高效进行的核心蓝图。它不仅明确了学期目标与方向,"
            + "更凝聚了全体教职工的智慧与力量。本文将为您呈现五篇不同侧重点的全园工作计划范文,以期提供详实、具体、可直接应用的参考。",
        "篇一:《幼儿园全园工作计划》",
        "一、指导思想",
        "本学期,我园将以《幼儿园教育指导纲要》和《3-6岁儿童学习与发展指南》为核心指导,深入贯彻落实国家关于学前教育发展的方针政策。",
        "二、工作总目标",
        "1. 保教质量目标:深化园本课程研究,构建以幼儿生活和游戏为基础的课程体系,确保各年龄段幼儿获得均衡发展。",
    ]

    // MARK: - The intro above the first start-marked piece

    @Test func aCollectionsIntroAboveItsFirstStartMarkedPieceIsNoise() {
        let cleaned = Self.cleaned(Self.introPage)
        let intro = CleanFixture.line(Self.introPage[1], in: cleaned)
        #expect(intro?.label == .noise, "\(String(describing: intro))")
        #expect(intro?.rule == "collection-intro")
        #expect(CleanFixture.line(Self.introPage[0], in: cleaned)?.label == .noise)
        #expect(CleanFixture.line(Self.introPage[2], in: cleaned)?.label == .title)
        #expect(CleanFixture.line(Self.introPage[4], in: cleaned)?.label == .body)
    }

    @Test func theIntroDoesNotSplitThePageBeforeTheFirstPiece() {
        let cleaned = Self.cleaned(Self.introPage)
        #expect(Set(cleaned.lines.map(\.document)) == [1])
    }

    @Test func threeParagraphsAboveAMarkerAreAReportsTextNotAnIntro() {
        let page = [CleanFixture.title] + CleanFixture.paragraphs + Array(Self.introPage[2...])
        let cleaned = Self.cleaned(page)
        for paragraph in CleanFixture.paragraphs {
            #expect(CleanFixture.line(paragraph, in: cleaned)?.label == .body)
        }
    }

    // MARK: - A piece's own …范文 title

    @Test(arguments: ["第1篇 学校关爱留守儿童自查报告范文", "篇一:教育局上半年工作總結范文"])
    func aMarkedPiecesSampleTitleIsItsTitle(title: String) {
        // fv01 (huibaoshu.com), fi17 (bwnwqq.cn): the marker heads the piece the page's caption announced.
        let page = ["学校留守儿童报告(6篇)", "发布时间:2022-09-04 07:04:15 查看人数:30", title] + CleanFixture.paragraphs
        let line = CleanFixture.line(title, in: Self.cleaned(page))
        #expect(line?.label == .title, "\(String(describing: line))")
    }

    // MARK: - Crumbs behind a bullet

    @Test(arguments: [
        "• 当前位置:卡耐基范文网 > 优质范文 > 县教育局关于2021年工作总结及工作思路的报告范文",
        "• 当前位置: 博通范文网 > 读观后感 > 正文",
        "• 美章網 資料文庫 教育事業發展統計范文",
    ])
    func aBreadcrumbBehindAWebBulletIsThePagesMetadata(crumb: String) {
        let cleaned = Self.cleaned([crumb] + [CleanFixture.title] + CleanFixture.paragraphs)
        let line = CleanFixture.line(crumb, in: cleaned)
        #expect(line?.label == .metadata, "\(String(describing: line))")
        #expect(line?.rule != "collection-title-only")
    }

    @Test func aBulletedSampleItemIsNotThePagesOnlyTitle() {
        // gd01 (gjknj.com): the crumb, a list item naming the page, then the page's own title line.
        let title = "县教育局关于2021年工作总结及工作思路的报告范文"
        let cleaned = Self.cleaned(
            ["• 当前位置:卡耐基范文网 > 优质范文 > " + title, "• " + title, title] + CleanFixture.paragraphs + [title])
        #expect(CleanFixture.line("• " + title, in: cleaned)?.label == .noise)
        let own = cleaned.lines.filter { $0.text == title }
        #expect(own.map(\.label) == [.title, .noise], "\(own)")
    }

    // MARK: - An addressee above a lead-in

    @Test func aDeputyAddressedAboveTheReplysLeadInIsTheLettersAddressee() {
        // fu09 (oksbdl.cn): a bureau's reply to a deputy's proposal
        let page =
            [
                "对市五届人大五次会议第B36号建议的复函", "王艳代表:",
                "您提出的《关于扩大临渭区普惠性学前教育资源的建议》(第B36号)收悉。现答复如下:",
            ] + CleanFixture.paragraphs
        let line = CleanFixture.line("王艳代表:", in: Self.cleaned(page))
        #expect(line?.label == .body, "\(String(describing: line))")
        #expect(line?.rule == "addressee-line")
    }

    @Test func aSharingButtonAboveALeadInStaysNoise() {
        let page = [CleanFixture.title, "分享:", "现将我镇2022年教育工作情况汇报如下:"] + CleanFixture.paragraphs
        let line = CleanFixture.line("分享:", in: Self.cleaned(page))
        #expect(line?.label == .noise, "\(String(describing: line))")
    }
}
