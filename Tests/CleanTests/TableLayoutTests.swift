import EduwhCore
import Testing

@testable import Clean

/// Statistics tables in the layouts scraped pages flatten them to (session 19): one cell a line
/// between bare `|` lines under a unit line, `|`-closed cells with empty cells, and space-aligned
/// rows under header lines. Their cells are body, the bare separators noise; a navigation run
/// and a run of page numbers laid out the same way stay noise. Every table here is made up.
@Suite struct TableLayoutTests {
    static func clean(_ lines: [String]) -> CleanedFile {
        Cleaner.standard.clean(CleanFixture.raw(lines.joined(separator: "\n") + "\n"))
    }

    static func line(_ text: String, in cleaned: CleanedFile) -> [LabeledLine] {
        cleaned.lines.filter { $0.text == text }
    }

    /// A yearbook table one cell a line, each cell closed by a bare `|` line, one row's label lost.
    static let yearbook = [
        "计量单位：所", "|", "指 标", "|", "2020年", "|", "2019年", "|", "|", "普通中学", "|", "1470", "|", "1253", "|", "|",
        "职业高中", "|", "21", "|", "22", "|", "|", "|", "860", "|", "901", "|",
    ]

    @Test func aTableOneCellALineBetweenBarsIsBodyAndItsBarsNoise() {
        let cleaned = Self.clean([CleanFixture.title, "表3 各级学校基本情况"] + Self.yearbook + CleanFixture.paragraphs)
        for cell in ["指 标", "2020年", "普通中学", "1470", "1253", "职业高中", "21", "860", "901"] {
            let line = Self.line(cell, in: cleaned).first
            #expect(line?.label == .body && line?.rule == "table-cell", "\(cell): \(String(describing: line))")
        }
        let unit = Self.line("计量单位：所", in: cleaned).first
        #expect(unit?.label == .body && unit?.rule == "table-head", "\(String(describing: unit))")
        for bar in Self.line("|", in: cleaned) {
            #expect(bar.label == .noise && bar.rule == "table-separator", "\(bar)")
        }
        #expect(Self.line(CleanFixture.title, in: cleaned).first?.label == .title)
    }

    @Test func aHeadedTableWithTwoFiguresAndEmptyCellsIsBody() {
        let cells = [
            "项 目 |", "预 算 数 |", "合 计 |", "8.40 |", "因公出国(境)费 |", "|", "公务接待费 |", "8.40 |", "公务用车运行费 |", "|",
        ]
        let cleaned = Self.clean(
            [CleanFixture.title, CleanFixture.paragraphs[0], "单位:万元"] + cells + CleanFixture.paragraphs.dropFirst())
        for cell in cells where cell != "|" {
            let line = Self.line(cell, in: cleaned).first
            #expect(line?.label == .body, "\(cell): \(String(describing: line))")
        }
        #expect(Self.line("单位:万元", in: cleaned).first?.label == .body)
    }

    @Test func aTableOfSpaceAlignedRowsUnderItsHeaderIsBody() {
        let rows = [
            "学校数 招生数 毕业生数 在校生数", "(所) (人) (人) (人)", "1.普通中学 12 3020 2890 9012", "小    学 31 4105 3988 24410",
            "职业高中   150 120 430", "2.幼 儿 园 40 2210 2050 6630",
        ]
        let cleaned = Self.clean(
            [CleanFixture.title, CleanFixture.paragraphs[0]] + rows + CleanFixture.paragraphs.dropFirst())
        for row in rows {
            let line = Self.line(row, in: cleaned).first
            #expect(line?.label == .body && line?.rule == "table-space-row", "\(row): \(String(describing: line))")
        }
    }

    /// A statistics table whose figure rows lost their row labels (figures alone, one of three digits or
    /// more) is the report's data, wherever it sits; a pager's run of small numbers is no such row.
    @Test func aRowOfFiguresAloneIsBodyAndAPagerIsNot() {
        let rows = ["212 1580 40211 4102 2380 75 1204", "96 733 20418 2871 1633 8 214"]
        let cleaned = Self.clean([CleanFixture.title] + rows + CleanFixture.paragraphs + ["1 2 3 4 5 6"])
        for row in rows {
            let line = Self.line(row, in: cleaned).first
            #expect(line?.label == .body && line?.rule == "numeric-table-row", "\(row): \(String(describing: line))")
        }
        #expect(Self.line("1 2 3 4 5 6", in: cleaned).first?.rule != "numeric-table-row")
    }

    /// A table drawn with box characters: its rows with a figure or a word between the │ are body; a
    /// rule of bars alone is not.
    @Test func aBoxDrawnTablesRowsAreBody() {
        let rows = [
            "│  │ 1│  │一般经费      │        12,528│        11,278│         1,250│", "│  │  │  │  3301760100  │      │",
        ]
        let cleaned = Self.clean(
            [CleanFixture.title, CleanFixture.paragraphs[0]] + rows + ["│  │  │  │"]
                + CleanFixture.paragraphs.dropFirst())
        for row in rows {
            let line = Self.line(row, in: cleaned).first
            #expect(line?.label == .body && line?.rule == "box-table-row", "\(row): \(String(describing: line))")
        }
        #expect(Self.line("│  │  │  │", in: cleaned).first?.rule != "box-table-row")
    }

    // MARK: - Negatives: the same layouts without a table

    @Test func aNavigationRunBetweenBarsStaysNoise() {
        let menu = ["首页", "|", "新闻中心", "|", "通知公告", "|", "教育动态", "|", "联系我们", "|", "网站地图"]
        let cleaned = Self.clean(menu + [CleanFixture.title] + CleanFixture.paragraphs)
        for item in menu {
            for line in Self.line(item, in: cleaned) { #expect(line.label == .noise, "\(line)") }
        }
    }

    @Test func pageNumbersBetweenBarsStayNoise() {
        let pager = ["上一页", "|", "1", "|", "2", "|", "3", "|", "4", "|", "5", "|", "下一页", "|", "尾页"]
        let cleaned = Self.clean([CleanFixture.title] + CleanFixture.paragraphs + pager)
        for item in pager {
            for line in Self.line(item, in: cleaned) { #expect(line.label == .noise, "\(line)") }
        }
    }
}
