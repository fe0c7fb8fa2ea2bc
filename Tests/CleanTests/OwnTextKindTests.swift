import Clean
import EduwhCore
import Testing

/// Short lines of a report's own that look like a site's furniture: the document's own 目录 and
/// its entries, whom the report addresses right above its first paragraph, a date signing it under
/// closing sentences, a list of figures in traditional script. Every page here is made up.
@Suite struct OwnTextKindTests {
    static func clean(_ lines: [String]) -> CleanedFile {
        Cleaner.standard.clean(CleanFixture.raw(lines.joined(separator: "\n\n") + "\n"))
    }

    static let paragraphs = CleanFixture.paragraphs

    @Test(arguments: ["目录", "目 录", "目錄"])
    func aDocumentsOwnContentsAreItsText(heading: String) {
        let entries = ["一、学校基本情况", "（一）办学规模", "（二）师资队伍", "二、主要工作成效"]
        let cleaned = Self.clean(["青山县实验小学2023年度工作报告", "青山县实验小学", heading] + entries + Self.paragraphs)
        #expect(CleanFixture.line(heading, in: cleaned)?.rule == "contents-heading")
        for entry in entries {
            let line = CleanFixture.line(entry, in: cleaned)
            #expect(line?.label == .body, "\(entry): \(line?.rule ?? "-")")
            #expect(line?.rule == "contents-entry")
        }
    }

    @Test func aSitesOutlineWidgetStaysNoise() {
        let outline = ["一、过去一年的主要工作", "二、当前面临的困难", "三、明年的工作打算"]
        let cleaned = Self.clean(
            ["在全镇教育工作会议上的讲话", "目录/提纲：……"] + outline + ["同志们：", Self.paragraphs[0], outline[0]]
                + Self.paragraphs.dropFirst())
        #expect(CleanFixture.line("目录/提纲：……", in: cleaned)?.label == .noise)
        #expect(CleanFixture.line(outline[1], in: cleaned)?.label == .noise)
    }

    @Test(arguments: ["县人民政府：", "李明代表：", "市教育委员会："])
    func whomTheReportAddressesIsItsText(addressee: String) {
        let cleaned = Self.clean(["关于全县学前教育发展情况的报告", addressee] + Self.paragraphs)
        let line = CleanFixture.line(addressee, in: cleaned)
        #expect(line?.label == .body, "\(addressee): \(line?.rule ?? "-")")
    }

    @Test func aFormLabelAboveTheTitleStaysNoise() {
        let cleaned = Self.clean(["温馨提示：", "关于全县学前教育发展情况的报告"] + Self.paragraphs)
        #expect(CleanFixture.line("温馨提示：", in: cleaned)?.label == .noise)
    }

    @Test func aDateUnderClosingSentencesSignsTheReport() {
        let closing = ["一、本办法由县教育局负责解释。", "二、本办法自发布之日起施行。", "三、以往规定与本办法不符的，以本办法为准。"]
        let date = "二零二三年五月十八日"
        let cleaned = Self.clean([CleanFixture.title] + Self.paragraphs + closing + [date])
        let line = CleanFixture.line(date, in: cleaned)
        #expect(line?.label == .body, "\(line?.rule ?? "-")")
    }

    @Test func aTraditionalScriptListOfFiguresIsText() {
        let items = ["- 學校2.6萬所", "- 在校生1.2億人", "- 專任教師85.4萬人"]
        let cleaned = Self.clean([CleanFixture.title] + Self.paragraphs + ["義務教育總體情況"] + items)
        for item in items {
            let line = CleanFixture.line(item, in: cleaned)
            #expect(line?.label == .body, "\(item): \(line?.rule ?? "-")")
        }
    }
}
