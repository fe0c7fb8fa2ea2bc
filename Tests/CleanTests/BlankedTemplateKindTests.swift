import Clean
import EduwhCore
import Testing

/// Kinds of line read wrong on the slices fh and fi: a report template published with its figures
/// blanked (`xx`, `xx.x%`) and broken over lines by PDF extraction, one blank per line; and the
/// hidden HTML tags that spam pages scatter between a report's lines. Every line here is made up
/// in the shape of its kind.
@Suite struct BlankedTemplateKindTests {
    private static func clean(head: [String] = [], middle: [String] = [], tail: [String] = []) -> CleanedFile {
        CleanFixture.clean(head: head, middle: middle, tail: tail)
    }

    // MARK: - A template's blanked figures, one per line

    @Test func blankedFiguresInsideABrokenSentenceAreBody() throws {
        let broken = [
            "截至目前，全县共有中小学", "xx", "所，在校学生", "xxxxx", "人，专任教师", "xxxx",
            "人，小学适龄儿童入学率达", "xx.x%", "，初中巩固率达", "xx%", "，均高于全市平均水平。",
        ]
        let cleaned = Self.clean(middle: broken)
        for text in broken {
            #expect(CleanFixture.line(text, in: cleaned)?.label == .body, "\(text)")
        }
        #expect(CleanFixture.line("xx.x%", in: cleaned)?.rule == "sentence-piece")
        #expect(CleanFixture.line("xxxxx", in: cleaned)?.rule == "sentence-piece")
    }

    @Test func aYearWhoseRestOpensTheNextLineIsBody() throws {
        let cleaned = Self.clean(middle: ["按照上级要求，现将我镇", "2021", "年度履行教育职责情况报告如下。"])
        #expect(CleanFixture.line("2021", in: cleaned)?.label == .body)
    }

    /// A percentage left alone under a broken line is the sentence's figure, even with no unit below.
    @Test func aPercentageInsideABrokenSentenceIsBody() throws {
        let cleaned = Self.clean(middle: ["全镇学前三年毛入园率达到", "96.5%", "，比上年提高两个百分点。"])
        #expect(CleanFixture.line("96.5%", in: cleaned)?.label == .body)
    }

    /// Under a finished sentence a blank is no piece of it: it stays noise.
    @Test func aBlankUnderAFinishedSentenceStaysNoise() throws {
        let cleaned = Self.clean(middle: ["全镇教育工作取得新成效。", "xx", "一是抓好校园安全工作。"])
        #expect(CleanFixture.line("xx", in: cleaned)?.label == .noise)
    }

    // MARK: - Hidden HTML tags between a report's lines

    @Test(arguments: [
        "<span id=\"q7w1\"><em id=\"q7w1\"></em></span>", "• <del id=\"m3p\"><sub id=\"m3p\"></sub></del>",
        "<li id='z9'></li>", "</div>",
    ])
    func aLineOfBareHTMLTagsIsNoise(_ tags: String) throws {
        let cleaned = Self.clean(head: [tags])
        let line = try #require(CleanFixture.line(tags, in: cleaned))
        #expect(line.label == .noise)
        #expect(line.rule == "html-tag-residue")
    }

    @Test func aSentenceThatNamesATagStaysBody() throws {
        let sentence = "信息技术课上，学生学会了用<p>标签编写简单网页，全校共开设编程兴趣小组12个。"
        let cleaned = Self.clean(middle: [sentence])
        #expect(CleanFixture.line(sentence, in: cleaned)?.label == .body)
    }
}

/// A feature story heads each of its parts with `关键词:` and the part's theme: inside the report such
/// a line is a heading of it, not the page's tag list (which sits at the page's head or tail).
@Suite struct KeywordHeadingTests {
    @Test func aKeywordHeadingInsideTheReportIsBody() throws {
        let heading = "關鍵詞:優質均衡 教師成長"
        let text = CleanFixture.text(middle: [heading, "全鎮組織教師參加各級培訓320人次，新評市級骨幹教師12名。"])
        let cleaned = Cleaner.standard.clean(CleanFixture.raw(text))
        #expect(CleanFixture.line(heading, in: cleaned)?.label.isKept == true)
    }

    @Test func aTagLineAtThePagesTailIsNoise() throws {
        let tags = "标签：工作总结 教育局 述职报告"
        let cleaned = Cleaner.standard.clean(CleanFixture.raw(CleanFixture.text(tail: [tags])))
        #expect(CleanFixture.line(tags, in: cleaned)?.label == .noise)
    }
}
