import EduwhCore
import Testing

@testable import Clean

/// The line model's features on made-up pages: each line's zone, shape, neighbours, repeats and
/// title overlap, and the rules' own label and rule, named as the weights table writes them.
@Suite struct LineFeatureTests {
    static let page = """
        关于2021年全县教育工作的总结
        发布时间：2022-01-06  浏览次数：235
        一年来，全县教育系统坚持立德树人，狠抓教育质量，各项工作取得了新的进展。
        一、主要工作
        全年新建学校3所，改扩建校舍面积12000平方米，新增学位2400个，办学条件明显改善。
        二、存在问题
        部分农村学校师资不足，教师结构性缺编问题仍然突出，需要在新的一年进一步解决。
        关于2021年全县教育工作的总结
        扫码关注微信公众号下载更多范文 www.fanwen-example.com QQ:123456789

        """

    /// Each line's text, the rules' decision and its feature names.
    static func features(_ text: String, words: [String] = ["下载", "微信", "教育"])
        -> [(text: String, label: LineLabel, rule: String, names: Set<String>)]
    {
        let cleaner = Cleaner(lineModel: nil)
        let lines = ScannedLine.scan(text, folding: cleaner.rules.folding)
        let inside = cleaner.labelInside(lines)
        let space = LineFeatureSpace(ruleIDs: inside.labeled.map(\.rule), words: words)
        let features = LineFeatures(space: space, rules: cleaner.rules).features(
            lines: lines, labeled: inside.labeled, paragraph: inside.paragraph, segments: inside.segments)
        return zip(inside.labeled, features).map { line, f in
            (line.text, line.label, line.rule, Set(f.map { space.names[Int($0)] }))
        }
    }

    static func names(of text: String, in page: String = page) throws -> Set<String> {
        try #require(features(page).first { $0.text == text }).names
    }

    @Test func everyLineCarriesTheRulesDecision() {
        for line in Self.features(Self.page) {
            #expect(line.names.contains("label=\(line.label.rawValue)"), "\(line.text)")
            #expect(line.names.contains("rule=\(line.rule)"), "\(line.text)")
            #expect(line.names.contains("bias=1"))
            #expect(line.names.filter { $0.hasPrefix("zone=") }.count == 1, "one zone: \(line.text)")
            #expect(line.names.filter { $0.hasPrefix("len=") }.count == 1, "one length: \(line.text)")
        }
    }

    @Test func zonesFollowTheFirstAndLastParagraph() throws {
        let title = try Self.names(of: "关于2021年全县教育工作的总结")
        #expect(title.contains("zone=head"))
        #expect(title.contains("from-start=0"))
        #expect(title.contains("prev-label=none"))
        let paragraph = try Self.names(of: "一年来，全县教育系统坚持立德树人，狠抓教育质量，各项工作取得了新的进展。")
        #expect(paragraph.contains("zone=body"))
        #expect(paragraph.contains("paragraph=yes"))
        #expect(paragraph.contains("ends-sentence=yes"))
        #expect(paragraph.contains("paragraph-distance=0"))
        let footer = try Self.names(of: "扫码关注微信公众号下载更多范文 www.fanwen-example.com QQ:123456789")
        #expect(footer.contains("zone=tail"))
        #expect(footer.contains("from-end=0"))
        #expect(footer.contains("next-label=none"))
    }

    @Test func shapesOfAContactLine() throws {
        let footer = try Self.names(of: "扫码关注微信公众号下载更多范文 www.fanwen-example.com QQ:123456789")
        #expect(footer.contains("shape=url"))
        #expect(footer.contains("shape=long-digits"))
        #expect(footer.contains("text=下载"))
        #expect(footer.contains("text=微信"))
        #expect(!footer.contains("text=教育"), "a word the line does not have")
        #expect(!footer.contains("ends-sentence=yes"))
    }

    @Test func aRepeatedTitleHoldsTheTitleAndRepeats() throws {
        let copies = Self.features(Self.page).filter { $0.text == "关于2021年全县教育工作的总结" }
        #expect(copies.count == 2)
        for copy in copies {
            #expect(copy.names.contains("repeated=yes"))
            #expect(copy.names.contains("title=holds-title"))
        }
        let heading = try Self.names(of: "一、主要工作")
        #expect(heading.contains("shape=list-heading"))
        #expect(heading.contains("repeated=no"))
    }

    @Test func aDateAloneAndASpeakersName() throws {
        let speech = """
            在全县教育工作会议上的讲话
            王建国
            （2013年3月8日）
            同志们：今天召开全县教育工作会议，主要任务是总结去年工作，部署今年任务。
            去年以来，全县教育系统认真贯彻落实上级决策部署，各项工作取得新进展。

            """
        let date = try Self.names(of: "（2013年3月8日）", in: speech)
        #expect(date.contains("shape=date-only"))
        #expect(date.contains("shape=bracketed"))
        let name = try Self.names(of: "王建国", in: speech)
        #expect(name.contains("shape=person-name"))
        #expect(name.contains("len=1-4"))
        #expect(name.contains("title=none") || name.contains("title=some"))
    }

    /// Page-level features: where a line sits against the body block the rules found, how many
    /// neighbours they dropped, whether it is a later copy of the title, whether it has a site
    /// template line's shape, and which rule tables fired on the page.
    @Test func wherePageLinesSitAgainstTheBodyBlock() throws {
        let lines = Self.features(Self.page)
        let title = try #require(lines.first { $0.text == "关于2021年全县教育工作的总结" })
        #expect(title.label == .title)
        #expect(title.names.contains("block=before-2"), "two lines above the first body line")
        #expect(title.names.contains("copy=first-of-copies"))
        let copy = try #require(lines.last { $0.text == "关于2021年全县教育工作的总结" })
        #expect(copy.names.contains("block=after-1"))
        #expect(copy.names.contains("copy=copy-of-title"))
        let footer = try #require(lines.last)
        #expect(footer.names.contains("block=after-2"))
        let paragraph = try Self.names(of: "全年新建学校3所，改扩建校舍面积12000平方米，新增学位2400个，办学条件明显改善。")
        #expect(paragraph.contains("block=inside"))
        #expect(paragraph.contains("template-shape=no"), "a sentence is never a site's template")
        #expect(paragraph.contains("copy=once"))
        let date = try Self.names(of: "发布时间：2022-01-06  浏览次数：235")
        #expect(date.contains("template-shape=yes"))
        #expect(date.contains("block=before-1"))
        let rule = try #require(lines.first { $0.text.hasPrefix("发布时间") }).rule
        let group = LineFeatureSpace.tableName(
            try #require(Cleaner.standard.rules.lineRules.first { $0.id == rule }).origin)
        for line in lines { #expect(line.names.contains("page-has=\(group)"), "\(line.text)") }
        for line in lines where line.names.contains("block=inside") {
            #expect(line.names.contains("page-has*block=\(group)*inside"))
        }
    }

    @Test func noiseNeighboursCountTheTwoLinesOnEachSide() {
        let page = LineFeatures.Page(
            labels: [3, 3, 2, 3, 1, 3], groups: [nil], comparable: ["a", "b", "", "a", "", ""])
        #expect(page.noiseNeighbours(of: 2, in: 0..<6) == 3)
        #expect(page.noiseNeighbours(of: 2, in: 1..<4) == 2, "only lines of the same report")
        #expect(page.noiseNeighbours(of: 0, in: 0..<6) == 1)
        #expect(page.copy(of: 0, title: nil) == 1)
        #expect(page.copy(of: 3, title: nil) == 2)
        #expect(page.copy(of: 3, title: 0) == 3)
        #expect(page.copy(of: 1, title: nil) == 0)
        #expect(page.block(of: 0, first: 2, last: 3) == 2)
        #expect(page.block(of: 5, first: 2, last: 3) == 6)
        #expect(page.block(of: 0, first: nil, last: nil) == 9)
    }

    @Test func pairsOfIdeographsOnly() {
        let pairs = LineFeatureSpace.ideographPairs("下载QQ群：微信123")
        #expect(pairs.count == 2)
        #expect(pairs.contains(LineFeatureSpace.pair("下", "载")))
        #expect(pairs.contains(LineFeatureSpace.pair("微", "信")))
        #expect(!pairs.contains(LineFeatureSpace.pair("群", "微")), "a colon stands between them")
    }
}
