import Clean
import EduwhCore
import Testing

/// A web page's furniture above the report that is shaped like a title: its list items (led by
/// • or a hyphen and a space) and its counters. Every page here is made up.
@Suite struct HeadFurnitureTests {
    static func clean(_ lines: [String]) -> CleanedFile {
        Cleaner.standard.clean(CleanFixture.raw(lines.joined(separator: "\n\n") + "\n"))
    }

    static let paragraphs = CleanFixture.paragraphs

    @Test(arguments: ["- 相关推荐", "- 目录", "- 2023-05-06 发布", "• 相关文章", "• 本月教师招聘结果公布"])
    func aWebListItemAboveTheTitleIsNoise(item: String) {
        let cleaned = Self.clean([item, CleanFixture.title, Self.paragraphs[0], Self.paragraphs[1]])
        // Other head structure (an unrelated headline above the title) may claim it first.
        let line = CleanFixture.line(item, in: cleaned)
        #expect(line?.label == .noise, "\(String(describing: line))")
        #expect(CleanFixture.line(CleanFixture.title, in: cleaned)?.label == .title)
    }

    @Test(arguments: ["- 相关推荐", "- 2023-05-06 发布", "• 相关文章"])
    func aWebListItemUnderTheTitleIsNoSubtitle(item: String) {
        let cleaned = Self.clean([CleanFixture.title, item, Self.paragraphs[0], Self.paragraphs[1]])
        let line = CleanFixture.line(item, in: cleaned)
        #expect(line?.label == .noise && line?.rule == "head-list-item", "\(String(describing: line))")
    }

    @Test func aSubtitleWithItsDashesStaysTitle() {
        let subtitle = "——在全镇2022年教育工作会议上的讲话"
        let cleaned = Self.clean(["加快发展 办好教育", subtitle, Self.paragraphs[0], Self.paragraphs[1]])
        #expect(CleanFixture.line(subtitle, in: cleaned)?.label == .title)
    }

    @Test func aReportsOwnPrintedBulletsStayBody() {
        // A budget summary lists its measures with ■, in sentences with figures.
        let item = "■ 预留20亿元建设无障碍校园，三年内完成全部公立学校改造"
        let cleaned = Self.clean([CleanFixture.title, item, Self.paragraphs[0], Self.paragraphs[1]])
        #expect(CleanFixture.line(item, in: cleaned)?.label == .body)
    }

    @Test(arguments: ["参与人数: 35|热度: 12", "文章推荐指数: 90 %", "投票人数:12人", "2153次"])
    func aCounterInTheHeadIsNoise(counter: String) {
        let cleaned = Self.clean([CleanFixture.title, counter, Self.paragraphs[0], Self.paragraphs[1]])
        let line = CleanFixture.line(counter, in: cleaned)
        #expect(line?.label == .noise && line?.rule == "head-counter", "\(String(describing: line))")
    }

    @Test(arguments: ["大家好！", "各位老师下午好!"])
    func aGreetingAboveEveryTitleOpensTheSpeech(greeting: String) {
        // A speech re-posted without its title starts with the greeting, not a site's slogan.
        let cleaned = Self.clean([greeting, Self.paragraphs[0], Self.paragraphs[1]])
        #expect(CleanFixture.line(greeting, in: cleaned)?.label == .body)
        let slogan = Self.clean(["轻松学习从此开始!", CleanFixture.title, Self.paragraphs[0], Self.paragraphs[1]])
        #expect(CleanFixture.line("轻松学习从此开始!", in: slogan)?.rule == "head-slogan")
    }

    @Test(arguments: ["幼儿园工作总结1", "镇教育办2021年工作汇报"])
    func aTitleWithAFigureIsNoCounter(title: String) {
        let cleaned = Self.clean([title, Self.paragraphs[0], Self.paragraphs[1]])
        #expect(CleanFixture.line(title, in: cleaned)?.label == .title)
    }
}
