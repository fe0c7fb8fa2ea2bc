import EduwhCore
import Testing

@testable import Clean

/// Statistics tables whose layout lost something on the way to text (session 20): space-aligned
/// rows that lost their label column, so a row is a run of figures alone, and a score table one
/// cell a line with no `|` at all and measure words in its cells (95.5分), standing after the last
/// paragraph where short lines are usually a page's leftovers. Their rows are body; figures that
/// stand under no table's head, page numbers, and a related-articles heading under a table stay
/// noise. Every table here is made up.
@Suite struct LabelLessTableTests {
    static func clean(_ lines: [String]) -> CleanedFile {
        Cleaner.standard.clean(CleanFixture.raw(lines.joined(separator: "\n") + "\n"))
    }

    static func line(_ text: String, in cleaned: CleanedFile) -> LabeledLine? {
        cleaned.lines.first { $0.text == text }
    }

    @Test func rowsWithoutLabelsUnderAHeaderAtThePageEndAreBody() {
        let table = [
            "表2 全县各级各类学校基本情况", "单位：所、人", "学校数 在校生 专任教师 毕业生", "48 52 55 60", "12680 13020 13411 13890",
            "1020 1045 1088 1102",
        ]
        let cleaned = Self.clean([CleanFixture.title] + CleanFixture.paragraphs + table)
        for row in table {
            let line = Self.line(row, in: cleaned)
            #expect(line?.label == .body && line?.rule == "table-space-row", "\(row): \(String(describing: line))")
        }
    }

    @Test func bareRowsAmongLabelledRowsAreBody() {
        let table = [
            "指标 2020年 2021年 2022年", "幼儿园 45 47 50", "1820 1903 1988", "小学 30 30 31", "21040 21566 22010", "初中 12 12 13",
            "9870 10122 10430",
        ]
        let cleaned = Self.clean([CleanFixture.title] + CleanFixture.paragraphs + table)
        for row in table {
            #expect(Self.line(row, in: cleaned)?.label == .body, "\(row)")
        }
    }

    @Test func aScoreTableOneCellALineWithoutBarsIsBody() {
        let cells = [
            "班级", "语文", "数学", "平均分", "七(1)班", "95.5分", "88分", "91.8分", "七(2)班", "90分", "85.5分", "88.2分", "七(3)班",
            "87分", "91分", "87.7分",
        ]
        let tail = ["相关文章", "某中学教学工作计划", "某中学德育工作总结"]
        let cleaned = Self.clean([CleanFixture.title] + CleanFixture.paragraphs + cells + tail)
        for cell in cells {
            let line = Self.line(cell, in: cleaned)
            #expect(line?.label == .body && line?.rule == "table-cell", "\(cell): \(String(describing: line))")
        }
        for item in tail { #expect(Self.line(item, in: cleaned)?.label == .noise, "\(item)") }
    }

    // MARK: - Negatives

    @Test func figuresUnderNoHeadStayNoise() {
        // A share bar's counters and a lone row of figures after the text: no table's head above.
        let tail = ["0 0 0 0", "分享到：", "12 7 3"]
        let cleaned = Self.clean([CleanFixture.title] + CleanFixture.paragraphs + tail)
        for item in ["0 0 0 0", "12 7 3"] { #expect(Self.line(item, in: cleaned)?.label == .noise, "\(item)") }
    }

    @Test func pageNumbersAndRaggedRowsUnderAHeaderStayNoise() {
        let tail = ["学校数 在校生 专任教师 毕业生", "1 2 3 4 5 6", "2 3 4 5 6 7"]
        let cleaned = Self.clean([CleanFixture.title] + CleanFixture.paragraphs + tail)
        for item in tail.dropFirst() { #expect(Self.line(item, in: cleaned)?.label == .noise, "\(item)") }
        let ragged = ["班级 人数 男生 女生", "12 3", "45 6 7 8", "9 10 11 12 13"]
        let second = Self.clean([CleanFixture.title] + CleanFixture.paragraphs + ragged)
        for item in ragged.dropFirst() { #expect(Self.line(item, in: second)?.label == .noise, "\(item)") }
    }
}
