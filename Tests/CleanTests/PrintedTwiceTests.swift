import Clean
import EduwhCore
import Testing

/// Pages that print their item twice (a re-post that copies the whole item again below it, a
/// mirror that repeats a paragraph), and figures broken from their units that a shape rule takes
/// for a page number. Every page here is made up.
@Suite struct PrintedTwiceTests {
    static func clean(_ lines: [String]) -> CleanedFile {
        Cleaner.standard.clean(CleanFixture.raw(lines.joined(separator: "\n\n") + "\n"))
    }

    static let paragraphs = CleanFixture.paragraphs

    static func labels(_ text: String, in cleaned: CleanedFile) -> [(LineLabel, String)] {
        cleaned.lines.filter { $0.text == text }.map { ($0.label, $0.rule) }
    }

    @Test func aShortNewsItemPrintedTwiceKeepsItsFirstCopy() {
        let story = "3月5日，某县第一小学新建的塑胶跑道投入使用，学生在跑道上进行接力比赛。今年全县新建塑胶运动场12个。"
        let caption = "（记者 王小明）"
        let cleaned = Self.clean([story, caption, story, caption])
        let stories = Self.labels(story, in: cleaned)
        #expect(stories.count == 2)
        #expect(stories.first?.0 == .body, "the first copy is the report: \(stories)")
        #expect(stories.last?.0 == .noise && stories.last?.1 == "printed-twice", "\(stories)")
        #expect(Self.labels(caption, in: cleaned).last?.1 == "printed-twice")
    }

    @Test func aWholePagePrintedAgainBelowIsNoiseInItsSecondCopy() {
        let title = "2024年市教育局民生实事项目第一季度进展情况"
        let date = "来源：市教育局办公室  发布日期：2024-04-02"
        let heading = "一、工作总体进展情况"
        let page = [title, date, heading, Self.paragraphs[0], Self.paragraphs[1]]
        let cleaned = Self.clean(page + ["该链接属站外链接，是否继续访问？"] + page + ["主办：某市教育局"])
        for line in [title, heading, Self.paragraphs[0], Self.paragraphs[1]] {
            let copies = Self.labels(line, in: cleaned)
            #expect(copies.count == 2)
            #expect(copies.first?.0.isKept == true, "\(line): \(copies)")
            #expect(copies.last?.0 == .noise && copies.last?.1 == "printed-twice", "\(line): \(copies)")
        }
        #expect(Self.labels(date, in: cleaned).last?.1 == "printed-twice")
    }

    @Test func aParagraphAMirrorRepeatsIsNoiseInItsSecondCopy() {
        let cleaned = Self.clean([
            CleanFixture.title, Self.paragraphs[0], Self.paragraphs[1], Self.paragraphs[1], Self.paragraphs[2],
        ])
        let copies = Self.labels(Self.paragraphs[1], in: cleaned)
        #expect(copies.map(\.0) == [.body, .noise], "\(copies)")
        #expect(CleanFixture.line(Self.paragraphs[2], in: cleaned)?.label == .body)
    }

    @Test func aTeaserInOtherWordsIsStillTheNoise() {
        // A document site's summary cut short above the full paragraph: the summary goes.
        let lead = Self.paragraphs[0]
        let teaser = "今年以来,我镇坚持教育优先发展,全年投入教育经费2860万元,新建教学楼两幢,"
        let cleaned = Self.clean([CleanFixture.title, teaser, lead, Self.paragraphs[1]])
        #expect(CleanFixture.line(teaser, in: cleaned)?.rule == "repeated-opening")
        #expect(CleanFixture.line(lead, in: cleaned)?.label == .body)
    }

    @Test func shortLinesAReportRepeatsStayBody() {
        // A short line of the report's own (a recurring heading, a slogan) is no printed copy.
        let heading = "（一）加强教师队伍建设。"
        let cleaned = Self.clean([
            CleanFixture.title, Self.paragraphs[0], heading, Self.paragraphs[1], heading, Self.paragraphs[2],
        ])
        #expect(Self.labels(heading, in: cleaned).allSatisfy { $0.0 == .body })
    }

    @Test func aFigureBrokenFromItsUnitIsNoPageNumber() {
        // PDF text breaks a sentence at its figures; a bare number looks like a page number.
        let lines = [
            CleanFixture.title, Self.paragraphs[0],
            "积极转变政府职能，根据统一部署开展行政权力再清理工作，共清理", "25", "项，确定网上运行事项。",
            Self.paragraphs[1],
        ]
        let cleaned = Self.clean(lines)
        let figure = CleanFixture.line("25", in: cleaned)
        #expect(figure?.label == .body && figure?.rule == "sentence-piece", "\(String(describing: figure))")
        // A page number under a finished sentence stays noise.
        let paged = Self.clean([CleanFixture.title, Self.paragraphs[0], "25", Self.paragraphs[1], Self.paragraphs[2]])
        #expect(CleanFixture.line("25", in: paged)?.label == .noise)
    }
}
