import Clean
import EduwhCore
import Testing

/// A hijacked host (an expired domain re-used for porn SEO) injects a keyword headline above the
/// report it copied: phrases of porn search terms joined by , _ |, ending no sentence. 17 pages of
/// 16 sites in the field corpus carry one; the rule (`adult-spam`) lists kinds of terms, not one
/// site's line. Each case is a made-up headline in that shape.
@Suite struct HijackedHostSpamTests {
    typealias Case = LineRuleKindTests.Case

    static let cases: [Case] = [
        Case(
            head: ["高清无码一区二区,中文字幕在线观看,免费看AV影院"], target: "高清无码一区二区,中文字幕在线观看,免费看AV影院",
            label: .noise, rule: "adult-spam"),
        Case(
            head: ["午夜福利精品视频_国产人妻毛片_日韩三级片"], target: "午夜福利精品视频_国产人妻毛片_日韩三级片",
            label: .noise, rule: "adult-spam"),
        // traditional script and the full-width AV of some mirrors
        Case(head: ["亞洲無碼精品,在線觀看ＡＶ,麻豆傳媒"], target: "亞洲無碼精品,在線觀看ＡＶ,麻豆傳媒", label: .noise, rule: "adult-spam"),
    ]

    @Test(arguments: cases)
    func spamHeadlineIsNoise(_ c: Case) throws { try c.check() }

    /// Report lines that share one of the weaker words (在线观看, 精品, 午夜, 亚洲) stay body: the rule
    /// needs an unambiguous term besides.
    @Test(arguments: [
        "市级精品视频课程在线播放平台已建成,全县中小学均可在线观看",
        "学校组织师生在线观看亚洲青年运动会开幕式,共1200人参加",
        "完善午夜时段校园安防值守制度,全年巡查360次",
    ])
    func reportLinesStayBody(_ sentence: String) {
        #expect(CleanFixture.middleLine(sentence)?.label == .body)
    }
}
