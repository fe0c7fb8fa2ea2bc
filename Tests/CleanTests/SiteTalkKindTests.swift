import Clean
import EduwhCore
import Testing

/// Lines a template, document or news site writes ABOUT its documents rather than one of them (who sent
/// or picked the file, what it is good for, how to read the rest), its photo credits, reading widgets,
/// a subtitle or title copy dressed in the site's collection words, a summary it prints above the text,
/// and a metadata field left empty. Every line is made up in the shape of its kind.
@Suite struct SiteTalkKindTests {
    typealias Case = LineRuleKindTests.Case

    static let cases: [Case] = [
        Case(
            head: ["【编者说】镇教育办工作汇报为会员投稿推荐，但愿对你的学习工作带来帮助。"],
            target: "【编者说】镇教育办工作汇报为会员投稿推荐，但愿对你的学习工作带来帮助。", label: .noise, rule: "site-blurb"),
        Case(
            head: ["开篇：某某网以专业的文秘视角，为您筛选了一篇乡镇教育工作汇报范文，如需更多素材，请咨询客服。"],
            target: "开篇：某某网以专业的文秘视角，为您筛选了一篇乡镇教育工作汇报范文，如需更多素材，请咨询客服。", label: .noise,
            rule: "site-blurb"),
        Case(
            tail: ["说明：文章内容仅供预览，部分内容可能不全，需要完整文档请联系客服。"],
            target: "说明：文章内容仅供预览，部分内容可能不全，需要完整文档请联系客服。", label: .noise, rule: "site-blurb"),
        Case(tail: ["非会员，请先注册"], target: "非会员，请先注册", label: .noise, rule: "site-blurb"),
        Case(
            tail: ["浏览主页时，建议将电脑显示器的分辨率调为1280*800"], target: "浏览主页时，建议将电脑显示器的分辨率调为1280*800",
            label: .noise, rule: "site-blurb"),
        Case(
            middle: ["新建的教学楼已投入使用，学生在宽敞明亮的教室里上课。(图/取自某县政府网站)"],
            target: "新建的教学楼已投入使用，学生在宽敞明亮的教室里上课。(图/取自某县政府网站)", label: .noise,
            rule: "photo-credit-paren"),
        Case(
            middle: ["縣長出席新校舍啟用典禮。（圖片來源／某縣政府）"], target: "縣長出席新校舍啟用典禮。（圖片來源／某縣政府）", label: .noise,
            rule: "photo-credit-paren"),  // traditional script
        Case(head: ["论文部分内容阅读"], target: "论文部分内容阅读", label: .noise, rule: "reading-widget"),
        Case(head: ["免费试读"], target: "免费试读", label: .noise, rule: "reading-widget"),
        Case(head: ["——某某公文写作网"], target: "——某某公文写作网", label: .noise, rule: "subtitle-site"),
        Case(
            head: ["亚洲日韩激情影院,国产在线一区,免费看高清电影"], target: "亚洲日韩激情影院,国产在线一区,免费看高清电影", label: .noise,
            rule: "spam-phrase-list"),
        Case(head: ["跳到主要內容區塊"], target: "跳到主要內容區塊", label: .noise, rule: "skip-link"),  // traditional script
        Case(head: ["我来回答"], target: "我来回答", label: .noise, rule: "qa-widget"),
        Case(head: ["共找到3条词条名为某某小学的结果"], target: "共找到3条词条名为某某小学的结果", label: .noise, rule: "search-result-count"),
        Case(head: ["某某省人事考试信息网"], target: "某某省人事考试信息网", label: .noise, rule: "site-logo"),
        Case(
            tail: ["《某某教育报》2021年05月12日 第3版"], target: "《某某教育报》2021年05月12日 第3版", label: .metadata, rule: "press-source"),
        Case(tail: ["【我要纠错】责任编辑：李华"], target: "【我要纠错】责任编辑：李华", label: .metadata, rule: "meta-fields"),
        Case(head: ["作者："], target: "作者：", label: .metadata, rule: "meta-field-empty"),
        Case(head: ["來源:"], target: "來源:", label: .metadata, rule: "meta-field-empty"),
    ]

    @Test(arguments: cases)
    func siteLineIsLabelledByItsKind(_ c: Case) throws { try c.check() }

    /// A report's own sentences that share words with the site's talk stay body.
    @Test(arguments: [
        "感谢各位领导和同事对我工作的支持和帮助，使我顺利完成了各项任务。",
        "学校图书室向学生免费开放，为学生提供阅读和学习的场所，全年借阅图书1.2万册。",
        "教研室为大家搭建了交流平台，全年组织教师集体备课86次。",
    ])
    func reportSentencesStayBody(_ sentence: String) {
        #expect(CleanFixture.middleLine(sentence)?.label == .body)
    }

    /// A speech's own subtitle stays a title line.
    @Test func aRealSubtitleStaysTitle() {
        let subtitle = "——在全镇2022年教育工作会议上的讲话"
        let cleaned = Cleaner.standard.clean(CleanFixture.raw(CleanFixture.text(head: [subtitle])))
        #expect(CleanFixture.line(subtitle, in: cleaned)?.label == .title)
    }

    /// A page's date stamp glued to a caption is the page's record, not a photo credit to drop.
    @Test func aDateStampedCaptionIsNoPhotoCredit() {
        let stamped = "date 2025-12-15 縣長重視教育，明年教育預算創新高。（圖片來源／某縣政府）"
        let cleaned = Cleaner.standard.clean(CleanFixture.raw(CleanFixture.text(head: [stamped])))
        #expect(CleanFixture.line(stamped, in: cleaned)?.rule != "photo-credit-paren")
    }

    /// The title printed again with the site's decoration (【精选推荐】, [此文共6545字]) is a copy of it.
    @Test(arguments: ["镇教育办2022年工作汇报【精选推荐】", "镇教育办2022年工作汇报[此文共3260字]"])
    func aDecoratedTitleCopyIsNoise(_ copy: String) {
        let cleaned = Cleaner.standard.clean(CleanFixture.raw(CleanFixture.text(head: ["发布时间：2023-04-24", copy])))
        let line = cleaned.lines.last { $0.text == copy }
        #expect(line?.label == .noise && line?.rule == "title-repeat", "\(String(describing: line))")
        #expect(CleanFixture.line(CleanFixture.title, in: cleaned)?.label == .title)
    }

    /// A site's summary under 摘要 that the text repeats below goes; a journal's own abstract, which the
    /// text does not repeat, stays.
    @Test func aSummaryTheTextRepeatsIsNoise() {
        let summary = "[摘要] " + CleanFixture.paragraphs[0].prefix(30) + "..."
        let cleaned = Cleaner.standard.clean(CleanFixture.raw(CleanFixture.text(head: [summary])))
        #expect(CleanFixture.line(summary, in: cleaned)?.rule == "summary-teaser")
        #expect(CleanFixture.line(CleanFixture.paragraphs[0], in: cleaned)?.label == .body)

        let abstract = "摘要：受办学条件制约，全镇学校计算机生机比长期偏低，本文总结了三年来改善条件的做法。"
        let own = Cleaner.standard.clean(CleanFixture.raw(CleanFixture.text(head: [abstract])))
        #expect(CleanFixture.line(abstract, in: own)?.label == .body)
    }
}
