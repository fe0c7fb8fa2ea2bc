import Clean
import EduwhCore
import Testing

/// Kinds of line that pages of unseen layouts get wrong when only phrases are known: a table
/// flattened one cell per line, a lead-in sentence or a hard-wrapped paragraph above the body,
/// a collection page's captions and blurb above a piece marked at its end, other stories'
/// headlines above the title, keyword stuffing, photo
/// marks and column banners. Every line here is made up in the shape of its kind.
@Suite struct UnseenLayoutKindTests {
    typealias Case = LineRuleKindTests.Case

    private static func clean(_ lines: [String]) -> CleanedFile {
        Cleaner.standard.clean(CleanFixture.raw(lines.joined(separator: "\n") + "\n"))
    }

    private static func label(_ text: String, in cleaned: CleanedFile) -> LabeledLine? {
        cleaned.lines.first { $0.text == text }
    }

    // MARK: - A table flattened one cell per line

    static let table = ["学校 |", "班级数 |", "学生数 |", "城关小学 |", "24 |", "1086 |", "西街小学 |", "18 |", "802 |"]

    @Test func cellsOfAFlattenedTableAreBody() throws {
        for place in ["middle", "tail"] {
            let text =
                place == "middle"
                ? CleanFixture.text(middle: ["全镇各小学办学规模见下表："] + Self.table)
                : CleanFixture.text(tail: Self.table)
            let cleaned = Cleaner.standard.clean(CleanFixture.raw(text))
            for cell in Self.table {
                let line = try #require(CleanFixture.line(cell, in: cleaned))
                #expect(line.label == .body, "\(place): \(cell)")
                #expect(line.rule == "table-cell", "\(place): \(cell)")
            }
        }
    }

    /// Runs of short lines with numbers in them that are no table: a counter bar, page numbers,
    /// and a list of other reports with their view counts.
    @Test(arguments: [
        ["收藏", "12", "点赞", "5", "分享", "3", "评论", "8"],
        ["1", "2", "3", "4", "5", "6", "下一页"],
        ["乡镇学校安全工作总结", "1203", "教师个人述职报告", "988", "幼儿园工作计划", "765"],
    ])
    func shortRunsWithNumbersAreNoTable(_ run: [String]) {
        let cleaned = Cleaner.standard.clean(CleanFixture.raw(CleanFixture.text(tail: run)))
        for text in run {
            let line = CleanFixture.line(text, in: cleaned)
            #expect(line?.rule != "table-cell", "\(text)")
            #expect(line?.label == .noise, "\(text)")
        }
    }

    // MARK: - Lines above the body that are not titles

    @Test func aLeadInSentenceEndingInAColonIsBody() throws {
        let lead = "根据区财政局的通知要求，现将我局2021年度部门决算情况说明如下："
        let cleaned = Cleaner.standard.clean(CleanFixture.raw(CleanFixture.text(head: [lead])))
        let line = try #require(CleanFixture.line(lead, in: cleaned))
        #expect(line.label == .body)
        #expect(cleaned.documents.first?.title == CleanFixture.title)
    }

    /// A paragraph hard-wrapped over lines (PDF text) right under the title: its lines carry a
    /// comma inside and run on to a sentence's end; none of them is a title.
    @Test func aHardWrappedParagraphUnderTheTitleIsBody() throws {
        let wrapped = [
            "2021年是实施教育现代化规划的开局之年,也是全市推进",
            "义务教育优质均衡发展的关键一年,全市教育系统以立德树人为",
            "根本任务,坚持以人民为中心的发展思想,深化教育领域综合改革",
            "扎实推进学前教育普及普惠、义务教育优质均衡、高中教育多样",
            "特色发展,各项工作取得新成效,办学水平稳步提高。",
        ]
        let cleaned = Self.clean([CleanFixture.title, ""] + wrapped + [""] + CleanFixture.paragraphs)
        #expect(Self.label(CleanFixture.title, in: cleaned)?.label == .title)
        for text in wrapped { #expect(Self.label(text, in: cleaned)?.label == .body, "\(text)") }
    }

    /// On a page collecting several pieces, each marked at its end (… 篇1, …【第一篇】), the
    /// page's own caption and the collection's title above the first piece are noise and the
    /// piece's line is the report's title.
    @Test(arguments: ["中心学校年度工作总结 篇1", "中心学校年度工作总结【第一篇】"])
    func captionsAboveAPieceMarkedAtItsEndAreNoise(_ piece: String) throws {
        let cleaned = Self.clean(
            ["中心学校年度工作总结", "", "中心学校年度工作总结精编6篇", "", piece, ""] + CleanFixture.paragraphs)
        #expect(Self.label("中心学校年度工作总结", in: cleaned)?.label == .noise)
        #expect(Self.label("中心学校年度工作总结精编6篇", in: cleaned)?.label == .noise)
        let title = try #require(Self.label(piece, in: cleaned))
        #expect(title.label == .title)
    }

    /// A paragraph between a collection page's captions and its first piece is the site's blurb.
    @Test func aParagraphAboveTheFirstPieceIsTheSitesBlurb() throws {
        let blurb = "随着时代不断进步，总结的作用越来越大，写好一篇总结能让我们看清自己的成长轨迹。"
        let piece = "中心学校年度工作总结 篇1"
        let cleaned = Self.clean(["中心学校年度工作总结", "", blurb, "", piece, ""] + CleanFixture.paragraphs)
        #expect(Self.label(blurb, in: cleaned)?.rule == "collection-intro")
        #expect(Self.label("中心学校年度工作总结", in: cleaned)?.label == .noise)
        #expect(Self.label(piece, in: cleaned)?.label == .title)
        for text in CleanFixture.paragraphs { #expect(Self.label(text, in: cleaned)?.label == .body) }
    }

    static let newsReport = [
        "城关镇2023年学前教育工作总结", "",
        "今年以来，城关镇学前教育工作坚持公益普惠，新建公办幼儿园两所，新增学位540个。", "",
        "全镇学前教育三年毛入园率达到96.5%，普惠性幼儿园覆盖率达到92%，学前教育工作走在全县前列。", "",
        "下一步，我们将继续扩大学前教育资源，提升保教质量，办好人民满意的学前教育。",
    ]

    /// Other stories' headlines a news page lists above the article share no words with it.
    @Test func headlinesOfOtherStoriesAboveTheTitleAreNoise() throws {
        let others = ["校园足球联赛本周末开赛 八支球队争夺冠军", "市区新建两座公园 周末免费向市民开放"]
        let cleaned = Self.clean([others[0], "", others[1], ""] + Self.newsReport)
        for text in others {
            let line = try #require(Self.label(text, in: cleaned))
            #expect(line.label == .noise, "\(text)")
            #expect(line.rule == "unrelated-headline", "\(text)")
        }
        #expect(Self.label("城关镇2023年学前教育工作总结", in: cleaned)?.label == .title)
    }

    /// A speech's slogan title over its ——subtitle shares few words with the speech, and stays.
    @Test func aSloganTitleOverItsSubtitleStays() {
        let slogan = "勇毅前行谱新篇 砥砺奋进再出发"
        let cleaned = Self.clean(
            [slogan, "——在城关镇学前教育工作会议上的讲话", ""] + Self.newsReport.dropFirst(2))
        #expect(Self.label(slogan, in: cleaned)?.label == .title)
    }

    /// A thesis cover's English title page: short Latin lines under a kept English line go on
    /// with it, though alone they look like a watermark.
    @Test func latinLinesUnderAnEnglishLineContinueIt() {
        let english = ["A Study of Resource Gaps Between County Junior High Schools", "of", "June 2019"]
        let cleaned = Self.clean(
            [CleanFixture.title, "", english[0], "", english[1], "", english[2], ""] + CleanFixture.paragraphs)
        #expect(Self.label(english[0], in: cleaned)?.label.isKept == true)
        for text in english.dropFirst() {
            #expect(Self.label(text, in: cleaned)?.rule == "latin-continuation", "\(text)")
        }
        // Alone, under Chinese lines, the same line is a watermark.
        let alone = Self.clean([CleanFixture.title, "", "June 2019", ""] + CleanFixture.paragraphs)
        #expect(Self.label("June 2019", in: alone)?.label == .noise)
    }

    /// A government page's record table, piped and bracketed, is metadata; its second, narrower
    /// copy (one field a row) is noise.
    @Test func aRecordTableIsMetadataAndItsCopyIsNoise() {
        let record = ["| [ 发布机构 ] | 某县教育局 | [ 发布日期 ] | 2022-03-18 |", "| [ 主题分类 ] | 教育 | [ 文号 ] | |"]
        let copy = "| [ 发布日期 ] | 2022-03-18 |"
        let cleaned = Self.clean(record + [copy, CleanFixture.title, ""] + CleanFixture.paragraphs)
        for text in record { #expect(Self.label(text, in: cleaned)?.label == .metadata, "\(text)") }
        #expect(Self.label(copy, in: cleaned)?.rule == "metadata-repeat")
        #expect(Self.label(CleanFixture.title, in: cleaned)?.label == .title)
    }

    /// A copy of the title with a footnote mark after it is still a copy.
    @Test func aTitleCopyWithAFootnoteMarkIsNoise() {
        let cleaned = Self.clean(
            [CleanFixture.title, "", "发布时间：2022-09-14", "", CleanFixture.title + "[1]", ""] + CleanFixture.paragraphs)
        #expect(Self.label(CleanFixture.title + "[1]", in: cleaned)?.rule == "title-repeat")
    }

    /// Keywords a site injects inside the report's sentences: a short line between a line that
    /// does not end its sentence and one that goes on with a comma.
    @Test func keywordsInjectedInsideASentenceAreNoise() {
        let text = [
            CleanFixture.title, "", "县教育局今天表示,", "", "少儿编程培训", "",
            ",今年将投入专项资金1200万元改造农村学校校舍,", "", "出国留学咨询", "",
            ",惠及学生8000余人,全县学校办学条件将明显改善。", "",
        ]
        let cleaned = Self.clean(text + CleanFixture.paragraphs)
        #expect(Self.label("少儿编程培训", in: cleaned)?.rule == "injected-keyword")
        #expect(Self.label("出国留学咨询", in: cleaned)?.rule == "injected-keyword")
        #expect(Self.label(",今年将投入专项资金1200万元改造农村学校校舍,", in: cleaned)?.label == .body)
        #expect(Self.label("县教育局今天表示,", in: cleaned)?.label == .body)
    }

    /// A short heading over its text is no injection: the line below starts a sentence.
    @Test func aShortHeadingOverItsTextStays() {
        let cleaned = Self.clean(
            [CleanFixture.title, "", CleanFixture.paragraphs[0], "", "队伍建设", ""] + CleanFixture.paragraphs.dropFirst())
        #expect(Self.label("队伍建设", in: cleaned)?.label == .body)
    }

    /// Bulleted lines above the body are items of a list, not titles.
    @Test func bulletedLinesAreNoTitles() {
        let items = ["■ 增加经费8亿元,改善农村学校办学条件", "■ 新建幼儿园12所,新增学位3600个"]
        let cleaned = Self.clean([CleanFixture.title, ""] + items + [""] + CleanFixture.paragraphs)
        for item in items { #expect(Self.label(item, in: cleaned)?.label == .body, "\(item)") }
        #expect(cleaned.documents.first?.title == CleanFixture.title)
    }

    /// A page cut off in the middle of a sentence ends in the report's own words; a leftover
    /// with more after it, or a lone bracket, is still residue.
    @Test func aPageCutOffMidSentenceKeepsItsLastLine() {
        let cut = "全面推进城乡教育一体"
        let cleaned = Self.clean([CleanFixture.title, ""] + CleanFixture.paragraphs + ["", cut])
        #expect(Self.label(cut, in: cleaned)?.rule == "cut-end")
        let notLast = Self.clean([CleanFixture.title, ""] + CleanFixture.paragraphs + ["", cut, "", "(未"])
        #expect(Self.label(cut, in: notLast)?.label == .noise)
        #expect(Self.label("(未", in: notLast)?.label == .noise)
    }

    /// A notice that sends out a document (现将《…》印发给你们) is followed by that document, whose
    /// heading, on one line or split over two, is a title.
    @Test func theTitleOfADocumentANoticeSendsOutIsATitle() {
        let notice = [
            "某县教育局关于印发《某县2022年教育工作要点》的通知", "",
            "各中小学、幼儿园：", "",
            "现将《某县2022年教育工作要点》印发给你们，请结合实际认真贯彻落实，确保各项工作落到实处。", "",
            "某县教育局", "", "2022年2月18日", "",
            "某县2022年", "教育工作要点", "",
        ]
        let cleaned = Self.clean(notice + CleanFixture.paragraphs)
        #expect(Self.label("某县2022年", in: cleaned)?.rule == "enclosed-title")
        #expect(Self.label("教育工作要点", in: cleaned)?.rule == "enclosed-title")
        #expect(cleaned.documents.first?.title == notice[0])
        // Without a notice sending it out, the same line is body.
        let plain = Self.clean(
            [CleanFixture.title, ""] + CleanFixture.paragraphs.prefix(1) + ["", "教育工作要点", ""]
                + CleanFixture.paragraphs.dropFirst())
        #expect(Self.label("教育工作要点", in: plain)?.label == .body)
    }

    // MARK: - Noise kinds told by shape or by a closing mark

    static let cases: [Case] = [
        Case(
            head: ["精品资源一区二区_免费资源一区二区三区_资源精品视频在线_免费视频综合网"],
            target: "精品资源一区二区_免费资源一区二区三区_资源精品视频在线_免费视频综合网", label: .noise,
            rule: "keyword-stuffing"),
        Case(
            head: ["国产精品视频,精品视频一区二区,免费视频一区二区三区,国产免费视频在线"],
            target: "国产精品视频,精品视频一区二区,免费视频一区二区三区,国产免费视频在线", label: .noise,
            rule: "keyword-stuffing"),
        Case(
            middle: ["学生在新建的操场上开展体育活动。（资料图片）"], target: "学生在新建的操场上开展体育活动。（资料图片）",
            label: .noise, rule: "photo-caption-mark"),
        Case(
            head: ["■奋进新征程 建功新时代 特别报道"], target: "■奋进新征程 建功新时代 特别报道", label: .noise,
            rule: "column-banner"),
        Case(
            tail: ["Facebook馬上按讚 加入某某新聞粉絲團"], target: "Facebook馬上按讚 加入某某新聞粉絲團", label: .noise, rule: "fan-page-prompt"),
        Case(tail: ["看更多！请加入某某日报粉丝团"], target: "看更多！请加入某某日报粉丝团", label: .noise, rule: "fan-page-prompt"),
        Case(head: ["date 2023-05-08 快讯"], target: "date 2023-05-08 快讯", label: .metadata, rule: "meta-date-labelled"),
        Case(head: ["新华社北京3月5日电"], target: "新华社北京3月5日电", label: .metadata, rule: "news-dateline"),
        Case(head: ["中央社／台中8日電"], target: "中央社／台中8日電", label: .metadata, rule: "news-dateline"),
        Case(
            head: ["□本报记者 王明 通讯员 李华"], target: "□本报记者 王明 通讯员 李华", label: .metadata,
            rule: "reporter-line"),
    ]

    @Test(arguments: cases)
    func noiseLineIsLabelledByItsKind(_ c: Case) throws { try c.check() }

    /// A government page's record of the document laid out without brackets: field names spaced
    /// out or not, a value, a colon or nothing after them, a bullet or dash in front; any script.
    @Test(arguments: [
        "索 引 号 114201000000/2022-00031  分  类 政务公开",
        "- 索引号11330781MB1234567X/2023-08812",
        "发布机构 某某县教育局",
        "發布機構：某某縣政府",
        "文  号 效力状态 有效",
        "- 有效性有效",
        "主題詞",
        "• 成文日期 2022年5月6日",
    ])
    func recordFieldsWithoutBracketsAreMetadata(_ field: String) throws {
        try Case(head: [field], target: field, label: .metadata, rule: "record-field").check()
    }

    /// A portal's tool row above or below the report: script and accessibility switches, mobile
    /// and social links, font-size buttons, spaced out or run together, in either script.
    @Test(arguments: ["在线办事 繁体 长者模式", "网上展厅 手机 微信", "小字体中字体大字体", "小字體大字體", "关怀模式 简体"])
    func aPortalToolRowIsNoise(_ row: String) throws {
        try Case(head: [row], target: row, label: .noise, rule: "site-toolbar").check()
        try Case(tail: [row], target: row, label: .noise, rule: "site-toolbar").check()
    }

    /// A report's own short title or heading that names a tool word is no tool row.
    @Test func aTitleAboutPhonesIsNoToolRow() throws {
        let title = "关于加强中小学生手机管理工作的报告"
        let cleaned = Self.clean([title, ""] + CleanFixture.paragraphs)
        #expect(Self.label(title, in: cleaned)?.label == .title)
        let heading = "二、手机管理"
        let text = CleanFixture.text(middle: [heading])
        #expect(CleanFixture.line(heading, in: Cleaner.standard.clean(CleanFixture.raw(text)))?.label == .body)
    }

    /// A comment box's policy lines after the report: its disclaimer, a prompt to rate the
    /// article (a blog's "comments closed" is `blog-footer`'s).
    @Test(arguments: [
        "本页面网友评论仅供其表达个人看法，并不表明本网站同意其观点或证实其描述，请文明上网、理性发言",
        "所有評論僅代表網友個人意見，與本站立場無關",
        "请为这篇文章评分？",
        "（以上评论仅代表网友个人观点）",
    ])
    func aCommentBoxPolicyLineIsNoise(_ line: String) throws {
        try Case(tail: [line], target: line, label: .noise, rule: "comment-policy").check()
    }

    /// A reporter's byline with a stray mark before it or 报道 after it, in either script.
    @Test(arguments: ["?  某某全媒体记者 张小明 报道", "N本报记者 李华 通讯员 王强", "◎本報記者 陳明 報導"])
    func aMarkedReporterBylineIsMetadata(_ line: String) throws {
        try Case(head: [line], target: line, label: .metadata, rule: "reporter-line").check()
    }

    /// A report sentence that opens with the same words is body.
    @Test func aSentenceOpeningWithAFieldNameIsBody() {
        let sentence = "文号管理进一步规范，全年共办理各类公文1200余件，按时办结率100%。"
        for text in [CleanFixture.text(middle: [sentence]), CleanFixture.text(tail: [sentence])] {
            let cleaned = Cleaner.standard.clean(CleanFixture.raw(text))
            #expect(Self.label(sentence, in: cleaned)?.label == .body)
        }
    }

    /// Report text with commas and repeated words, or a list run over lines, is no keyword
    /// stuffing: it has a sentence end, or its phrases share few words.
    @Test(arguments: [
        "深入贯彻党的教育方针,全面贯彻党的十九大精神,落实立德树人根本任务,推进",
        "全镇共有小学12所、初中3所、幼儿园9所、教学点4个，在校学生8120人。",
        "加强德育工作,加强教学管理,加强队伍建设,加强安全工作。",
        "全市幼儿园毛入园率为93.5%,小学入学率为100%,初中入学率为99.8%,高中阶段毛入学率为95.2%,残疾",
        // Counts over enumerated school names repeat the names' words from phrase to phrase, yet state counts.
        "1.机构情况:全镇辖9所中心学校、4所镇直学校(镇第一中学、镇第二中学、镇第一小学、镇第二小学、镇中心幼儿园),"
            + "镇直教育单位2个(镇教育中心、镇电教中心、镇体育中心)",
    ])
    func reportTextIsNoKeywordStuffing(_ sentence: String) {
        let cleaned = Cleaner.standard.clean(CleanFixture.raw(CleanFixture.text(middle: [sentence])))
        let line = CleanFixture.line(sentence, in: cleaned)
        #expect(line?.rule != "keyword-stuffing")
        #expect(line?.label == .body)
    }
}
