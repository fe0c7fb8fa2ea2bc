import Clean
import EduwhCore
import Testing

/// One real-looking case per kind of line the Clean stage tells apart, placed where a site
/// puts it around a made-up report (see `CleanFixture`).
@Suite struct LineRuleKindTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var head: [String] = []
        var middle: [String] = []
        var tail: [String] = []
        var target: String
        var label: LineLabel
        var rule: String
        var testDescription: String { "\(rule): \(target)" }
    }

    static let cases: [Case] = [
        // navigation
        Case(
            head: ["您现在的位置：某某范文网 > 工作总结 > 教育工作总结"], target: "您现在的位置：某某范文网 > 工作总结 > 教育工作总结",
            label: .metadata, rule: "breadcrumb-here"),
        Case(head: ["某某范文网 » 范文 » 工作汇报"], target: "某某范文网 » 范文 » 工作汇报", label: .metadata, rule: "breadcrumb-path"),
        // A breadcrumb from a bare home link names no site: navigation (corpus/FORMAT.md).
        Case(
            head: ["您现在的位置：首页 > 工作总结 > 教育工作总结"], target: "您现在的位置：首页 > 工作总结 > 教育工作总结", label: .noise,
            rule: "breadcrumb-nav"),
        Case(head: ["• 当前位置:首頁 > 新聞 > 正文"], target: "• 当前位置:首頁 > 新聞 > 正文", label: .noise, rule: "breadcrumb-nav"),
        Case(head: ["首页 » 范文 » 工作汇报"], target: "首页 » 范文 » 工作汇报", label: .noise, rule: "breadcrumb-nav"),
        // A breadcrumb from a home link that ends in the article's long title is navigation too.
        Case(
            head: ["首页 > 教育 > 某市教育局累计发放310万元秋季生活补助、国家助学金"],
            target: "首页 > 教育 > 某市教育局累计发放310万元秋季生活补助、国家助学金", label: .noise, rule: "breadcrumb-home"),
        Case(head: ["欢迎您登陆某某县第一中学"], target: "欢迎您登陆某某县第一中学", label: .noise, rule: "site-welcome"),
        Case(
            tail: ["上一篇：镇中心小学德育工作总结", "下一篇：幼儿园安全工作汇报"], target: "下一篇：幼儿园安全工作汇报", label: .noise, rule: "prev-next-link"),
        Case(tail: ["前一篇：镇中心小学德育工作总结", "上篇：幼儿园安全工作汇报"], target: "上篇：幼儿园安全工作汇报", label: .noise, rule: "prev-next-link"),
        Case(tail: ["分享 收藏 点赞 在看"], target: "分享 收藏 点赞 在看", label: .noise, rule: "button-row"),
        Case(head: ["字号：大 中 小"], target: "字号：大 中 小", label: .noise, rule: "share-buttons"),
        Case(tail: ["回到顶部"], target: "回到顶部", label: .noise, rule: "back-to-top"),
        Case(tail: ["分享到：QQ空间 新浪微博 微信"], target: "分享到：QQ空间 新浪微博 微信", label: .noise, rule: "share-buttons"),
        Case(tail: ["我要评论"], target: "我要评论", label: .noise, rule: "comment-section"),
        Case(tail: ["网友评论", "写得很好，很有参考价值！"], target: "写得很好，很有参考价值！", label: .noise, rule: "after-end-marker"),
        Case(middle: ["已有3条评论"], target: "已有3条评论", label: .noise, rule: "comment-prompt"),
        Case(middle: ["- 2 -"], target: "- 2 -", label: .noise, rule: "page-number"),
        Case(middle: ["第3页 共5页"], target: "第3页 共5页", label: .noise, rule: "page-number"),
        Case(middle: ["第２页"], target: "第２页", label: .noise, rule: "page-number"),  // full-width digit: still digits>0
        Case(tail: ["（15）"], target: "（15）", label: .noise, rule: "counter-parenthesized"),
        Case(tail: ["点赞(3)"], target: "点赞(3)", label: .noise, rule: "counter-labelled"),
        Case(head: ["首页 总结 计划 报告 讲话"], target: "首页 总结 计划 报告 讲话", label: .noise, rule: "nav-menu"),
        Case(tail: ["收起"], target: "收起", label: .noise, rule: "button-label"),
        Case(head: ["会员登录 | 免费注册"], target: "会员登录 | 免费注册", label: .noise, rule: "account-links"),
        Case(head: ["会员账号：", "忘记密码？"], target: "忘记密码？", label: .noise, rule: "account-form"),
        Case(head: ["友情提示："], target: "友情提示：", label: .noise, rule: "form-label"),
        Case(head: ["首页", "工作总结", "工作计划"], target: "工作计划", label: .noise, rule: "nav-item-run"),
        Case(head: ["某某网 / 工作汇报 / 乡镇教育"], target: "某某网 / 工作汇报 / 乡镇教育", label: .metadata, rule: "breadcrumb-path"),
        Case(head: ["首页 / 工作汇报 / 乡镇教育"], target: "首页 / 工作汇报 / 乡镇教育", label: .noise, rule: "breadcrumb-nav"),
        Case(head: ["手机版 | 网站地图 | 投稿须知"], target: "手机版 | 网站地图 | 投稿须知", label: .noise, rule: "nav-pipes"),
        // full-width bars count as pipes
        Case(head: ["首页｜范文大全｜工作总结"], target: "首页｜范文大全｜工作总结", label: .noise, rule: "nav-pipes"),
        // site metadata
        Case(
            head: ["发布日期：2022-11-08 来源：某某文库 作者：佚名"], target: "发布日期：2022-11-08 来源：某某文库 作者：佚名", label: .metadata,
            rule: "meta-fields"),
        Case(
            head: ["时间:2022-11-08 10:20:31 来源:网友投稿"], target: "时间:2022-11-08 10:20:31 来源:网友投稿", label: .metadata,
            rule: "meta-fields"),
        Case(tail: ["如需转载，请注明来源：某某文库"], target: "如需转载，请注明来源：某某文库", label: .noise, rule: "copyright-notice"),
        Case(head: ["○刘建华"], target: "○刘建华", label: .body, rule: "speaker-name"),
        Case(head: ["2022年11月08日 09:30"], target: "2022年11月08日 09:30", label: .metadata, rule: "meta-datetime"),
        Case(head: ["所属栏目：工作汇报"], target: "所属栏目：工作汇报", label: .noise, rule: "category-line"),
        Case(
            head: ["2021/07/15 09:30 阅读 1200"], target: "2021/07/15 09:30 阅读 1200", label: .metadata,
            rule: "meta-datetime"),
        Case(
            tail: ["上传于2022-12-21 文档贡献者：乡村教师小王"], target: "上传于2022-12-21 文档贡献者：乡村教师小王", label: .metadata,
            rule: "meta-uploaded"),
        Case(head: ["文档页数：12页 文件大小：36KB"], target: "文档页数：12页 文件大小：36KB", label: .noise, rule: "doc-info"),
        Case(head: ["文/李晓明"], target: "文/李晓明", label: .metadata, rule: "byline"),
        // prompts
        Case(tail: ["下载这篇Word文档"], target: "下载这篇Word文档", label: .noise, rule: "download-prompt"),
        Case(tail: ["《镇教育办2022年工作汇报.docx》"], target: "《镇教育办2022年工作汇报.docx》", label: .noise, rule: "download-file-name"),
        Case(middle: ["展开阅读全文"], target: "展开阅读全文", label: .noise, rule: "read-full-text"),
        Case(tail: ["—— 试读已结束 ——", "全文共3200字，余下部分请登录"], target: "—— 试读已结束 ——", label: .noise, rule: "paywall-marker"),
        Case(tail: ["—— 试读已结束 ——", "教育工作汇报材料"], target: "教育工作汇报材料", label: .noise, rule: "after-end-marker"),
        Case(middle: ["本文为会员专享内容"], target: "本文为会员专享内容", label: .noise, rule: "paywall-offer"),
        Case(tail: ["猜你喜欢", "镇中心学校工作总结"], target: "猜你喜欢", label: .noise, rule: "related-heading"),
        Case(middle: ["推荐阅读：乡镇学校安全工作总结"], target: "推荐阅读：乡镇学校安全工作总结", label: .noise, rule: "related-inline"),
        Case(
            head: ["下面是小编为大家整理的乡镇教育工作汇报，欢迎阅读！"], target: "下面是小编为大家整理的乡镇教育工作汇报，欢迎阅读！", label: .noise,
            rule: "editor-blurb"),
        // A blurb pointing the reader to what follows (这里给大家带来的是…), however long.
        Case(
            head: ["又到年底，该写总结了。这里给大家带来的是学校教务处年度工作总结，有需要的小伙伴可以看看。"],
            target: "又到年底，该写总结了。这里给大家带来的是学校教务处年度工作总结，有需要的小伙伴可以看看。", label: .noise,
            rule: "blurb-pointer"),
        // The site speaking of itself: whose views it holds, what it allows, its privacy terms.
        Case(
            tail: ["本栏目文章仅代表作者个人观点，不代表本网立场。"], target: "本栏目文章仅代表作者个人观点，不代表本网立场。", label: .noise,
            rule: "site-statement"),
        Case(
            tail: ["請同意本站的隱私權政策，才能繼續瀏覽。"], target: "請同意本站的隱私權政策，才能繼續瀏覽。", label: .noise,
            rule: "site-statement"),
        // A page's source code shown as text: a server directive or a comment.
        Case(
            head: ["<%@ page language=\"java\" pageEncoding=\"UTF-8\"%>"],
            target: "<%@ page language=\"java\" pageEncoding=\"UTF-8\"%>", label: .noise, rule: "markup-directive"),
        Case(middle: ["<!-- 正文区域 -->"], target: "<!-- 正文区域 -->", label: .noise, rule: "markup-directive"),
        // A list of other pages, each a date and time glued to its title.
        Case(
            tail: ["2023-08-02 11:41:45小学食堂自查报告", "2023-08-03 09:12:30幼儿园安全工作总结"],
            target: "2023-08-03 09:12:30幼儿园安全工作总结", label: .noise, rule: "dated-link-run"),
        // A collection's title by its count of pieces, in any wording (实用12篇, 优秀6篇, 多篇).
        Case(head: ["村小学校长述职报告优秀6篇"], target: "村小学校长述职报告优秀6篇", label: .noise, rule: "collection-title-count"),
        Case(head: ["学校安全工作总结多篇"], target: "学校安全工作总结多篇", label: .noise, rule: "collection-title-count"),
        // contact ads
        Case(tail: ["资料代查请加微信：jiaoyu2021"], target: "资料代查请加微信：jiaoyu2021", label: .noise, rule: "contact-number"),
        Case(tail: ["扫一扫二维码关注我们"], target: "扫一扫二维码关注我们", label: .noise, rule: "contact-ad"),
        // copyright
        Case(
            tail: ["声明：本站文章均来自网络，如有侵权请联系删除。"], target: "声明：本站文章均来自网络，如有侵权请联系删除。", label: .noise,
            rule: "copyright-notice"),
        Case(middle: ["（本文由范文站整理，转载请注明出处）"], target: "（本文由范文站整理，转载请注明出处）", label: .noise, rule: "copyright-inline"),
        // shapes
        Case(tail: ["标签:工作汇报 乡镇 教育办"], target: "标签:工作汇报 乡镇 教育办", label: .noise, rule: "tag-line"),
        Case(tail: ["关键词：教育 工作汇报 乡镇"], target: "关键词：教育 工作汇报 乡镇", label: .noise, rule: "tag-line"),
        Case(head: ["请输入关键词 搜索"], target: "请输入关键词 搜索", label: .noise, rule: "search-box"),
        Case(
            head: ["发布者：admin | 分类：述职报告 | 浏览：86次"], target: "发布者：admin | 分类：述职报告 | 浏览：86次", label: .metadata,
            rule: "meta-fields"),
        Case(tail: ["如果觉得这篇文章对你有帮助，请分享给朋友！"], target: "如果觉得这篇文章对你有帮助，请分享给朋友！", label: .noise, rule: "share-prompt"),
        Case(head: ["站内搜索："], target: "站内搜索：", label: .noise, rule: "search-box"),
        Case(middle: ["IMG_2031.JPG"], target: "IMG_2031.JPG", label: .noise, rule: "image-placeholder"),
        Case(middle: ["[图片]"], target: "[图片]", label: .noise, rule: "image-placeholder"),
        Case(
            tail: ["本文链接：https://www.example-fanwen.cn/a/1.html"],
            target: "本文链接：https://www.example-fanwen.cn/a/1.html", label: .noise, rule: "site-url"),
        Case(head: ["好范文网"], target: "好范文网", label: .noise, rule: "site-logo"),
        Case(middle: ["精品文档 可编辑"], target: "精品文档 可编辑", label: .noise, rule: "doc-watermark"),
        Case(tail: ["FANWEN ZHIJIA"], target: "FANWEN ZHIJIA", label: .noise, rule: "watermark-latin"),
        Case(tail: ["2 # 7 %"], target: "2 # 7 %", label: .noise, rule: "letter-soup"),
        Case(
            tail: ["镇中心学校2021年工作总结", "乡镇教育办工作汇报材料", "农村学校教育工作计划"], target: "乡镇教育办工作汇报材料", label: .noise,
            rule: "related-list"),
        // (the file's last line under kept text is the report's cut end instead: UnseenLayoutKindTests)
        Case(tail: ["教育工作", "(完"], target: "教育工作", label: .noise, rule: "tail-residue"),
        // titles and their copies
        Case(
            head: ["第一篇：镇教育办工作汇报", "第二篇：镇中心校工作总结", "第一篇：镇教育办工作汇报"], target: "第二篇：镇中心校工作总结", label: .noise,
            rule: "toc-entry"),
        Case(head: ["——在全镇教育工作会议上的讲话"], target: "——在全镇教育工作会议上的讲话", label: .title, rule: "title-subtitle"),
        Case(head: ["镇教育办2022年工作汇报"], target: "镇教育办2022年工作汇报", label: .noise, rule: "title-repeat"),
        Case(tail: ["镇教育办2022年工作汇报"], target: "镇教育办2022年工作汇报", label: .noise, rule: "title-repeat"),
        Case(middle: ["镇教育办2022年工作汇报"], target: "镇教育办2022年工作汇报", label: .noise, rule: "title-repeat"),
        // body lines a reader wants
        Case(head: ["各位领导、同志们："], target: "各位领导、同志们：", label: .body, rule: "salutation-line"),
        Case(head: ["各村完小、镇直各学校："], target: "各村完小、镇直各学校：", label: .body, rule: "addressee-line"),
        Case(head: ["刘建华"], target: "刘建华", label: .body, rule: "speaker-name"),
        Case(head: ["（二〇二二年十二月二十日）"], target: "（二〇二二年十二月二十日）", label: .body, rule: "speaker-date"),
        Case(head: ["××镇人民政府"], target: "××镇人民政府", label: .body, rule: "speaker-office"),
        Case(head: ["一、基本情况"], target: "一、基本情况", label: .body, rule: "section-heading"),
        Case(head: ["一、基本情况", "二、主要做法", "三、存在问题"], target: "二、主要做法", label: .body, rule: "section-heading"),
        Case(middle: ["二、主要做法"], target: "二、主要做法", label: .body, rule: "body-line"),
        Case(tail: ["谢谢大家！"], target: "谢谢大家！", label: .body, rule: "closing-thanks"),
        Case(tail: ["谢谢大家！", "汇报人：刘建华", "2022年12月20日"], target: "汇报人：刘建华", label: .body, rule: "signature"),
        Case(tail: ["××镇教育办公室", "二〇二二年十二月"], target: "二〇二二年十二月", label: .body, rule: "signature"),
        Case(tail: ["XX县教育局", "20XX年7月X日"], target: "20XX年7月X日", label: .body, rule: "signature"),
        Case(tail: ["附件：全镇中小学校舍改造项目一览表"], target: "附件：全镇中小学校舍改造项目一览表", label: .body, rule: "appendix-line"),
        Case(tail: ["谢谢大家！", "2022.12.20"], target: "2022.12.20", label: .body, rule: "signature"),
        Case(tail: ["2022-12-20"], target: "2022-12-20", label: .metadata, rule: "meta-datetime"),
        Case(tail: ["让我们携手共进，再创佳绩！"], target: "让我们携手共进，再创佳绩！", label: .body, rule: "tail-sentence"),
        Case(
            tail: ["项目 2021年 2022年", "在校学生（人） 2310 2386", "专任教师（人） 168 175"], target: "专任教师（人） 168 175", label: .body,
            rule: "table-row"),
        Case(tail: ["您可能感兴趣的文章"], target: "您可能感兴趣的文章", label: .noise, rule: "related-heading"),
        Case(head: ["县教育局局长　王某某"], target: "县教育局局长　王某某", label: .body, rule: "speaker-name"),
        Case(head: ["校长 李华"], target: "校长 李华", label: .body, rule: "speaker-name"),
    ]

    @Test(arguments: cases)
    func lineIsLabelledByItsRule(_ c: Case) throws { try c.check() }

    /// A related-articles heading between paragraphs (related snippets that look like
    /// paragraphs follow it) ends the report: it and everything after it is noise.
    @Test func bareRelatedHeadingInTheBodyEndsTheReport() {
        let snippet = "学校工作报告范文：过去的一年，学校全体教职工团结协作，开拓进取，圆满完成了各项工作任务……"
        let text =
            ([CleanFixture.title] + CleanFixture.paragraphs + ["您可能感兴趣的文章", snippet, snippet + "。"]).joined(
                separator: "\n\n") + "\n"
        let cleaned = Cleaner.standard.clean(CleanFixture.raw(text))
        #expect(CleanFixture.line("您可能感兴趣的文章", in: cleaned)?.rule == "related-heading-bare")
        #expect(CleanFixture.line(snippet, in: cleaned)?.label == .noise)
        for paragraph in CleanFixture.paragraphs {
            #expect(CleanFixture.line(paragraph, in: cleaned)?.label == .body)
        }
    }

    /// A sidebar flattened before the report (热门文章 and its list of other reports' titles):
    /// the list is noise, and the report's title is the title-shaped line right above its body.
    @Test func sidebarListBeforeTheTitleIsNoise() {
        let sidebar = ["热门文章", "小学语文教学工作总结", "班主任工作计划范文", "幼儿园安全工作总结", "最新更新", "教师个人述职报告"]
        let text = (sidebar + [CleanFixture.title] + CleanFixture.paragraphs).joined(separator: "\n\n") + "\n"
        let cleaned = Cleaner.standard.clean(CleanFixture.raw(text))
        for item in ["小学语文教学工作总结", "班主任工作计划范文", "幼儿园安全工作总结", "教师个人述职报告"] {
            #expect(CleanFixture.line(item, in: cleaned)?.label == .noise, "\(item)")
        }
        #expect(CleanFixture.line(CleanFixture.title, in: cleaned)?.label == .title)
        #expect(cleaned.documents.first?.title == CleanFixture.title)
    }

    /// Words that ads use, inside a real paragraph, do not make it noise.
    @Test(arguments: [
        "学校开通了家校互动微信公众号，及时发布招生、收费等信息，全年推送各类通知240余条，家长满意度达到96%。",
        "我们严厉打击侵权盗版教辅材料，规范了教辅征订行为，全年清理违规资料1.2万册。",
        "全面推行网上招生报名，开通咨询电话，接听家长来电3000余次，解答问题准确及时。",
        "开展打击侵权盗版教辅专项行动，规范了教辅征订行为。",
    ])
    func adWordsInsideAParagraphStayBody(_ paragraph: String) {
        let cleaned = Cleaner.standard.clean(CleanFixture.raw(CleanFixture.text(middle: [paragraph])))
        #expect(CleanFixture.line(paragraph, in: cleaned)?.label == .body)
    }

    /// Text hard-wrapped at about 25 characters a line is body, not a stack of titles.
    @Test func hardWrappedReportIsBody() {
        let wrapped = [
            "镇中心学校2021年工作总结",
            "2021年，在镇党委、镇政府的领导下，我校紧紧围绕",
            "立德树人根本任务，深化课堂改革，加强队伍建设，",
            "各项工作取得了明显成效。全年投入资金320万元，",
            "改造运动场一个，新建录播教室两间，办学条件",
            "持续改善，群众满意度进一步提高。",
        ]
        let cleaned = Cleaner.standard.clean(CleanFixture.raw(wrapped.joined(separator: "\n")))
        #expect(cleaned.lines.map(\.label) == [.title] + Array(repeating: .body, count: wrapped.count - 1))
    }

    /// Rules are written in simplified script; a page served in traditional script matches them
    /// through the lexicon's character pairs, and its text is kept as written.
    @Test func traditionalScriptPageIsCleaned() throws {
        let page = [
            "當前位置：某某範文網 > 工作總結 > 工作匯報",
            "鎮教育辦2022年工作匯報",
            "發佈時間：2022-12-21 來源：某某範文網",
            "今年以來，我鎮堅持教育優先發展，全年投入教育經費2860萬元，新建教學樓兩幢，辦學條件明顯改善。",
            "謝謝大家！",
            "相關推薦",
            "鄉鎮教育辦工作總結",
            "點擊下載文檔",
        ]
        let cleaned = Cleaner.standard.clean(CleanFixture.raw(page.joined(separator: "\n")))
        #expect(cleaned.lines.map(\.label) == [.metadata, .title, .metadata, .body, .body, .noise, .noise, .noise])
        #expect(cleaned.lines[1].text == "鎮教育辦2022年工作匯報")
        let metadata = try #require(cleaned.documents.first?.metadata)
        #expect(metadata.publishedAt == "2022-12-21")
        #expect(metadata.breadcrumb.count == 3)
    }
}

extension LineRuleKindTests.Case {
    /// Cleans the made-up report with the case's lines around it and checks the target line's
    /// label and rule (its last copy), and that the report itself stays intact around it.
    func check() throws {
        let cleaned = Cleaner.standard.clean(
            CleanFixture.raw(CleanFixture.text(head: head, middle: middle, tail: tail)))
        let line = try #require(cleaned.lines.last { $0.text == target })
        #expect(line.label == label)
        #expect(line.rule == rule)
        #expect(cleaned.lines.first?.label == .title)
        for paragraph in CleanFixture.paragraphs {
            #expect(CleanFixture.line(paragraph, in: cleaned)?.label == .body)
        }
        #expect(cleaned.documents.count == 1)
    }
}
