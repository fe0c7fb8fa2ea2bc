import Clean
import EduwhCore
import Testing

/// The title chooser: of the head lines the walk took as titles, the one that shares the body's
/// words and names a kind of report is the report's title; weak title lines above it (a site's
/// channel name) or between it and the body (a forum's button) are noise, `title-outscored`.
/// Every page here is made up.
@Suite struct TitleChoiceTests {
    static let title = "青山县教育局2023年教育工作总结"
    static let paragraphs = [
        "2023年，青山县教育局围绕教育工作总体部署，全年投入教育经费3.2亿元，新建学校4所，办学条件持续改善。",
        "我们持续加强教师队伍建设，培训教师1200人次，教育质量稳步提升，群众满意度明显提高。",
    ]

    static func clean(_ lines: [String]) -> CleanedFile {
        Cleaner.standard.clean(CleanFixture.raw(lines.joined(separator: "\n\n") + "\n"))
    }

    @Test(arguments: ["教育资讯", "学校概况"])
    func aChannelNameAboveAStrongTitleIsNoise(chrome: String) {
        let cleaned = Self.clean([chrome, Self.title] + Self.paragraphs)
        let line = CleanFixture.line(chrome, in: cleaned)
        #expect(line?.label == .noise && line?.rule == "title-outscored", "\(String(describing: line))")
        #expect(CleanFixture.line(Self.title, in: cleaned)?.label == .title)
    }

    /// A weak line above the title that states a full date is the page's date line: metadata.
    @Test(arguments: ["2023年3月6日星期一", "新闻稿 2023年3月6日"])
    func aDateLineAboveAStrongTitleIsMetadata(date: String) {
        let cleaned = Self.clean([date, Self.title] + Self.paragraphs)
        let line = CleanFixture.line(date, in: cleaned)
        #expect(line?.label == .metadata, "\(String(describing: line))")
        #expect(CleanFixture.line(Self.title, in: cleaned)?.label == .title)
    }

    /// A document site's page captions: the one on the page's first line, with no title above it, is
    /// the report's title; the later ones are the preview's furniture.
    @Test func aPageCaptionOnTheFirstLineIsTheTitle() {
        let captions = ["青山县教育局2023年教育工作总结.doc_第1页", "青山县教育局2023年教育工作总结.doc_第2页"]
        let cleaned = Self.clean([captions[0], Self.paragraphs[0], captions[1], Self.paragraphs[1]])
        let first = CleanFixture.line(captions[0], in: cleaned)
        #expect(first?.label == .title && first?.rule == "page-caption-title", "\(String(describing: first))")
        #expect(CleanFixture.line(captions[1], in: cleaned)?.label == .noise)
        let titled = Self.clean([Self.title, captions[0], Self.paragraphs[0]])
        #expect(CleanFixture.line(captions[0], in: titled)?.label == .noise)
    }

    @Test func aButtonBetweenTheTitleAndTheBodyIsNoise() {
        let cleaned = Self.clean([Self.title, "返回频道首页"] + Self.paragraphs)
        let line = CleanFixture.line("返回频道首页", in: cleaned)
        #expect(line?.label == .noise && line?.rule == "title-outscored", "\(String(describing: line))")
    }

    @Test func traditionalScriptIsMatchedThroughTheFold() {
        let title = "青山縣教育局2023年教育工作總結"
        let paragraphs = [
            "2023年，青山縣教育局圍繞教育工作總體部署，全年投入教育經費3.2億元，新建學校4所，辦學條件持續改善。",
            "我們持續加強教師隊伍建設，培訓教師1200人次，教育質量穩步提升，群眾滿意度明顯提高。",
        ]
        let cleaned = Self.clean(["教育資訊", title] + paragraphs)
        #expect(CleanFixture.line("教育資訊", in: cleaned)?.rule == "title-outscored")
        #expect(CleanFixture.line(title, in: cleaned)?.label == .title)
    }

    @Test(arguments: ["——在全县教育工作会议上的讲话", "（2023—2025年）"])
    func aSubtitleUnderTheTitleStays(subtitle: String) {
        let cleaned = Self.clean([Self.title, subtitle] + Self.paragraphs)
        #expect(CleanFixture.line(subtitle, in: cleaned)?.label == .title)
    }

    @Test(arguments: ["一场县域教育的“提质攻坚”", "建 设 教 育 强 县", "关于印发青山县教育事业发展规划的通知"])
    func aLineThatReadsAsATitleStaysAboveIt(line: String) {
        let cleaned = Self.clean([line, Self.title] + Self.paragraphs)
        #expect(CleanFixture.line(line, in: cleaned)?.rule != "title-outscored")
    }

    @Test func noTitleStandsOutSoNothingIsDemoted() {
        // The only other title line is as weak as the channel name: the chooser has no title to prefer.
        let cleaned = Self.clean(["教育资讯", "校园新貌"] + Self.paragraphs)
        #expect(cleaned.lines.allSatisfy { $0.rule != "title-outscored" })
    }

    @Test func aTitleUnderABylineTakenForTextIsChosen() {
        // Under a speaker's name the walk takes the head's next line for text by its place alone.
        let title = "青山县教育局2023年教育工作汇报"
        let cleaned = Self.clean(["王明华", title] + Self.paragraphs)
        let line = CleanFixture.line(title, in: cleaned)
        #expect(line?.label == .title && line?.rule == "title-chosen", "\(String(describing: line))")
    }

    @Test func aSentenceUnderABylineIsNoTitle() {
        let lead = "现将青山县教育局2023年教育工作汇报如下"
        let cleaned = Self.clean(["王明华", lead + "：", Self.paragraphs[0], Self.paragraphs[1]])
        #expect(CleanFixture.line(lead + "：", in: cleaned)?.label != .title)
    }

    @Test func aBreadcrumbShapedTitleLineScoresBelowTheTitle() {
        let scores = TitleScores.standard
        #expect(scores.weight(.linkSeparator) < 0 && scores.weight(.reportKind) > 0)
        #expect(scores.strongAbove > scores.demoteAbove)
    }
}
