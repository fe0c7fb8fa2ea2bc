import Clean
import EduwhCore
import Testing

/// A report's facts listed after its last paragraph as short lines with figures (a statistics
/// summary's bullet list) are its text, not a related-articles list. Every page here is made up.
@Suite struct TailFigureTests {
    static func clean(tail: [String]) -> CleanedFile {
        Cleaner.standard.clean(CleanFixture.raw(CleanFixture.text(tail: tail)))
    }

    @Test(arguments: ["- 学校新增12所", "- 在校生3.6万人", "- 巩固率达到98.5%", "- 專任教師1.2萬人"])
    func aListedFigureAfterTheBodyIsBody(item: String) {
        let cleaned = Self.clean(tail: ["主要指标", "- 学校新增12所", "- 在校生3.6万人", "- 巩固率达到98.5%", item])
        let line = cleaned.lines.last { $0.text == item }
        #expect(line?.label == .body, "\(String(describing: line))")
    }

    @Test func otherStoriesAfterTheBodyStayNoise() {
        let related = ["青山县召开教育工作会议", "全县中小学开展安全教育", "秋季开学工作部署会召开"]
        let cleaned = Self.clean(tail: related)
        for item in related {
            #expect(CleanFixture.line(item, in: cleaned)?.label == .noise)
        }
    }

    @Test func aLinksPercentEscapeIsNoFigure() {
        let link = "http://www.example.com/pages/%E5%A5%87"
        let cleaned = Self.clean(tail: [link])
        #expect(CleanFixture.line(link, in: cleaned)?.rule != "tail-figure")
    }
}
