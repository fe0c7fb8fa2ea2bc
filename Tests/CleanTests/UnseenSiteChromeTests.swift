import Clean
import EduwhCore
import Testing

/// Kinds of page chrome first met on pages from sites no rule had been written from (the field
/// corpus's fe pages): forum and blog furniture, numbered collection titles, ad buttons, ePaper
/// viewers, share and copy widgets, SEO keyword lines, reporter credits. Each case is a made-up
/// line in the shape of its kind, placed where a site puts it around a made-up report.
@Suite struct UnseenSiteChromeTests {
    typealias Case = LineRuleKindTests.Case

    static let cases: [Case] = [
        Case(head: ["查看: 512|回复: 3"], target: "查看: 512|回复: 3", label: .noise, rule: "forum-chrome"),
        Case(head: ["[复制链接]"], target: "[复制链接]", label: .noise, rule: "forum-chrome"),
        Case(head: ["该用户从未签到"], target: "该用户从未签到", label: .noise, rule: "forum-chrome"),
        Case(
            tail: ["本篇发表于 未分类 并标签为 , , 。将永久链结加入书签。"],
            target: "本篇发表于 未分类 并标签为 , , 。将永久链结加入书签。", label: .noise, rule: "blog-footer"),
        Case(tail: ["回應已關閉。"], target: "回應已關閉。", label: .noise, rule: "blog-footer"),  // traditional script
        Case(
            head: ["关于中学教务处工作总结范文集合九篇"], target: "关于中学教务处工作总结范文集合九篇", label: .noise,
            rule: "collection-title-count"),
        Case(head: ["初中班主任述职报告合集5篇"], target: "初中班主任述职报告合集5篇", label: .noise, rule: "collection-title-count"),
        Case(
            head: ["写材料神器,一键生成工作总结! 立即体验"], target: "写材料神器,一键生成工作总结! 立即体验", label: .noise,
            rule: "ad-call-to-action"),
        Case(
            tail: ["Turn your PDF publications into a flip-book with our e-Paper software"],
            target: "Turn your PDF publications into a flip-book with our e-Paper software", label: .noise,
            rule: "epaper-chrome"),
        Case(tail: ["看某某日報PDF版面"], target: "看某某日報PDF版面", label: .noise, rule: "epaper-chrome"),
        // An e-paper's page controls and page labels above the article, in either script.
        Case(head: ["展开通版"], target: "展开通版", label: .noise, rule: "epaper-controls"),
        Case(head: ["版面概覽"], target: "版面概覽", label: .noise, rule: "epaper-controls"),
        Case(head: ["当前版:03版"], target: "当前版:03版", label: .noise, rule: "epaper-controls"),
        Case(head: ["第B05版:教育"], target: "第B05版:教育", label: .noise, rule: "newspaper-page"),
        // An e-paper CMS's template residue, a Markdown image, a site's takedown promise.
        Case(
            head: ["2024-03-01 1 1 某某日报 content_163042.html 1 某某新闻标题 /enpproperty-->"],
            target: "2024-03-01 1 1 某某日报 content_163042.html 1 某某新闻标题 /enpproperty-->", label: .noise,
            rule: "cms-template-residue"),
        Case(
            middle: ["![](https://img.example.com/mmbiz_jpg/4bF7lD6k1Fib/640)"],
            target: "![](https://img.example.com/mmbiz_jpg/4bF7lD6k1Fib/640)", label: .noise, rule: "markdown-image"),
        Case(
            tail: ["請您聯繫客服,本網站將在收到信息核實后24小時內刪除相關內容。"],
            target: "請您聯繫客服,本網站將在收到信息核實后24小時內刪除相關內容。", label: .noise, rule: "copyright-inline"),
        Case(head: ["Share \"某县义务教育均衡发展研究\""], target: "Share \"某县义务教育均衡发展研究\"", label: .noise, rule: "share-quoted"),
        Case(head: ["• 没有找到结果。"], target: "• 没有找到结果。", label: .noise, rule: "search-no-result"),
        Case(middle: ["（资料图）"], target: "（资料图）", label: .noise, rule: "photo-placeholder"),
        Case(tail: ["台北網頁設計"], target: "台北網頁設計", label: .noise, rule: "seo-keyword"),
        Case(tail: ["口碑营销公司"], target: "口碑营销公司", label: .noise, rule: "seo-keyword"),
        Case(head: ["Copied!"], target: "Copied!", label: .noise, rule: "widget-label"),
        Case(tail: ["您需要登录后才可以回复 登录 | 注册"], target: "您需要登录后才可以回复 登录 | 注册", label: .noise, rule: "login-prompt"),
        Case(tail: ["請登錄後再留言"], target: "請登錄後再留言", label: .noise, rule: "login-prompt"),  // traditional script
        Case(head: ["【记者王明/综合报道】"], target: "【记者王明/综合报道】", label: .metadata, rule: "reporter-credit"),
        Case(tail: ["制表：本报记者 李华"], target: "制表：本报记者 李华", label: .metadata, rule: "reporter-credit"),
    ]

    @Test(arguments: cases)
    func chromeLineIsLabelledByItsKind(_ c: Case) throws { try c.check() }

    /// Report sentences that share words with these kinds stay body.
    @Test(arguments: [
        "全县开展网络营销与电子商务技能培训，参训教师三百余人，立即了解情况后上报。",
        "学校开设网页制作、网站建设等信息技术选修课，共有12个班选修。",
        "各校要在门户网站开辟专栏，及时发布工作动态，评论已关闭的栏目要及时恢复。",
        "教师登录后可以查看本校学生成绩，全县已有3200名教师开通账号，平台运行良好。",
    ])
    func reportSentencesStayBody(_ sentence: String) {
        #expect(CleanFixture.middleLine(sentence)?.label == .body)
    }
}
