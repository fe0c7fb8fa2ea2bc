import Clean
import EduwhCore
import Testing

/// Kinds of line a news item or a report puts among its paragraphs or at its cut end, judged by
/// their shape and place on the page, not by a site's words. Every page here is made up.
@Suite struct NewsLayoutKindTests {
    static func clean(head: [String] = [], middle: [String] = [], tail: [String] = []) -> CleanedFile {
        CleanFixture.clean(head: head, middle: middle, tail: tail)
    }

    // MARK: - Credit and record lines among the paragraphs

    @Test(arguments: [
        "编辑：周明", "責任編輯：林小華", "2019-05-12 08:30:15 青山日报", "新聞來源：青山電視台",
        "本报记者 王明 青山报道", "記者李大同／青山報導", "记者：王明 实习生：李华",
    ])
    func aCreditLineAmongTheParagraphsIsMetadata(credit: String) {
        let cleaned = Self.clean(middle: [credit])
        let line = CleanFixture.line(credit, in: cleaned)
        #expect(line?.label == .metadata, "\(String(describing: line))")
    }

    @Test(arguments: [
        "记者从县教育局获悉，全县新建幼儿园5所。", "二、加强教师队伍建设", "资金来源主要是县级财政和上级补助。",
    ])
    func bodyLinesAmongTheParagraphsStayBody(text: String) {
        let cleaned = Self.clean(middle: [text])
        #expect(CleanFixture.line(text, in: cleaned)?.label.isKept == true)
    }

    // MARK: - A breadcrumb left open

    @Test(arguments: ["工作总结 >学校工作总结 >", "首页>>>专题>>>项目公示>>>正文"])
    func aBreadcrumbEndingInItsSeparatorIsDropped(crumb: String) {
        let cleaned = Cleaner.standard.clean(CleanFixture.raw(crumb + "\n\n" + CleanFixture.text()))
        let line = CleanFixture.line(crumb, in: cleaned)
        #expect(line?.label.isKept == false, "\(String(describing: line))")
        #expect(CleanFixture.line(CleanFixture.title, in: cleaned)?.label == .title)
    }

    // MARK: - The cut end and a widget's label

    @Test(arguments: ["我有话说", "最新消息", "发布留言"])
    func aWidgetLabelClosingThePageIsNoise(label: String) {
        let cleaned = Self.clean(tail: [label])
        let line = CleanFixture.line(label, in: cleaned)
        #expect(line?.label == .noise, "\(String(describing: line))")
    }

    @Test(arguments: ["继续加大投", "推动全镇义务教"])
    func aSentenceCutOffInTheReportsWordsStaysBody(piece: String) {
        let cleaned = Self.clean(tail: [piece])
        let line = CleanFixture.line(piece, in: cleaned)
        #expect(line?.label == .body, "\(String(describing: line))")
    }

    // MARK: - A list numbered in step

    @Test func aNumberedListAfterTheBodyIsBody() {
        let list = ["中学：", "1、青山县第一中学", "2、青山县第二中学", "3、青山县城关镇中学", "4、青山县河口乡中学"]
        let cleaned = Self.clean(tail: list)
        for item in list {
            let line = CleanFixture.line(item, in: cleaned)
            #expect(line?.label == .body, "\(String(describing: line))")
        }
    }

    @Test func otherStoriesWithoutNumbersStayNoise() {
        let related = ["青山县召开教育工作会议", "全县中小学开展安全教育", "秋季开学工作部署会召开"]
        let cleaned = Self.clean(tail: related)
        for item in related {
            #expect(CleanFixture.line(item, in: cleaned)?.label == .noise)
        }
    }

    @Test func unnumberedMenuItemsStayNoise() {
        let menu = ["1. 新闻", "2. 财经", "3. 娱乐", "4. 时尚"]
        let cleaned = Self.clean(tail: menu)
        for item in menu {
            #expect(CleanFixture.line(item, in: cleaned)?.label.isKept == false)
        }
    }

    // MARK: - A lone paragraph in another script

    static let abstract =
        "With the steady growth of the county economy, the town has improved school buildings and teacher training."

    @Test func aLoneEnglishParagraphUnderAChineseReportIsNoise() {
        let cleaned = Self.clean(tail: [Self.abstract])
        let line = CleanFixture.line(Self.abstract, in: cleaned)
        #expect(line?.label == .noise, "\(String(describing: line))")
    }

    @Test func englishLinesOfABilingualReportStayBody() {
        let english = [Self.abstract, "The county also opened two new kindergartens for rural children this year."]
        let cleaned = Self.clean(middle: english)
        for text in english {
            #expect(CleanFixture.line(text, in: cleaned)?.label.isKept == true)
        }
    }

    // MARK: - A photo's caption with its photographer

    @Test(arguments: ["新建的教学楼投入使用。(王明 摄)", "学生在新食堂就餐。本报记者 李华 摄", "校园新貌 (张强 刘伟 摄) |"])
    func aCaptionEndingInItsPhotographerIsNoise(caption: String) {
        let cleaned = Self.clean(middle: [caption])
        let line = CleanFixture.line(caption, in: cleaned)
        #expect(line?.label == .noise, "\(String(describing: line))")
    }

    @Test func aSentenceAboutFilmingStaysBody() {
        let text = "学校组织学生参加微电影拍摄"
        let cleaned = Self.clean(middle: [text])
        #expect(CleanFixture.line(text, in: cleaned)?.label.isKept == true)
    }
}
