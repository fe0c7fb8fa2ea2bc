import Testing
import Warehouse

@testable import eduwh

@Suite("eduwh show marking")
struct ShowTests {
    static func mark(_ surface: String, at offset: Int) -> DocumentText.Mark {
        DocumentText.Mark(
            offset: offset, surface: surface, value: nil, unit: "", qualifier: "exact", status: "unknown",
            indicator: "unknown", indicatorName: "未识别", fromYear: nil, toYear: nil)
    }

    @Test(
        "quantities are marked at their offset, or at their next occurrence when the offset is off",
        arguments: [
            ("投入3.48亿元升级改造学校", [("3.48亿元", 2)], "投入[3.48亿元]升级改造学校"),
            ("新建x所学校，改造5所", [("x所", 2), ("5所", 9)], "新建[x所]学校，改造[5所]"),
            ("新建x所学校，改造5所", [("5所", 3)], "新建x所学校，改造[5所]"),
            ("共计107.4万元", [("不在行内", 0)], "共计107.4万元"),
        ])
    func marked(text: String, marks: [(String, Int)], expected: String) {
        let line = DocumentText.Line(
            number: 1, label: "B", rule: "body", text: text, marks: marks.map { Self.mark($0.0, at: $0.1) })
        #expect(Eduwh.Show.marked(line, open: "[", close: "]") == expected)
    }

    @Test("a quantity is described by value, unit, indicator, years and status")
    func describe() {
        var mark = Self.mark("3.48亿元", at: 2)
        mark.value = 348_000_000
        mark.unit = "yuan"
        mark.indicator = "funding_investment"
        mark.indicatorName = "教育投入"
        mark.fromYear = 2007
        mark.toYear = 2008
        mark.status = "achieved"
        #expect(Eduwh.Show.describe(mark) == "3.48亿元 = 348000000 yuan · funding_investment 教育投入 · 2007–2008 · achieved")
        #expect(Eduwh.Show.describe(Self.mark("X万元", at: 0)).hasPrefix("X万元 = (placeholder)"))
    }
}
