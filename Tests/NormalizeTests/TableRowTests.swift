import EduwhCore
import Normalize
import Testing

/// Flattened table rows: a label cell, then cells that are only numbers.
@Suite("Quantities: flattened table rows")
struct TableRowTests {
    struct RowCase: Sendable, CustomTestStringConvertible {
        var line: String
        var surfaces: [String]
        var values: [Double]
        var unit: String
        var testDescription: String { line }
    }

    @Test(
        "each number cell is a quantity, its unit from the label's parenthesis",
        arguments: [
            RowCase(line: "在校学生（人） 48210 50136", surfaces: ["48210", "50136"], values: [48210, 50136], unit: "人"),
            RowCase(
                line: "教育经费(万元) 1,250.5 1,380", surfaces: ["1,250.5", "1,380"], values: [12_505_000, 13_800_000],
                unit: "yuan"),
            RowCase(
                line: "校舍面积（平方米）\t12000\t13500", surfaces: ["12000", "13500"], values: [12000, 13500], unit: "m2"),
            RowCase(line: "毛入学率（%） 96.5 97.2", surfaces: ["96.5", "97.2"], values: [96.5, 97.2], unit: "percent"),
            RowCase(
                line: "专任教师 3120 3285 3301", surfaces: ["3120", "3285", "3301"], values: [3120, 3285, 3301], unit: ""),
        ])
    func row(_ c: RowCase) {
        let found = Normalizer.standard.quantities(in: c.line, standalone: false)
        #expect(found.map(\.surface) == c.surfaces)
        #expect(found.map { $0.value ?? -1 } == c.values)
        #expect(found.allSatisfy { $0.unit == c.unit && $0.qualifier == .exact && Normalizer.isTableCell($0) })
        // Offsets point at the cells in the line, in code points.
        let scalars = Array(c.line.unicodeScalars)
        for mention in found {
            #expect(
                String(
                    String.UnicodeScalarView(
                        scalars[mention.offset..<(mention.offset + mention.surface.unicodeScalars.count)]))
                    == mention.surface)
        }
    }

    @Test("a table flattened one cell to a line: a number alone before the cell mark is a figure")
    func loneCells() {
        let cells = ["38 |", "1,204 |", "7.5% |"].map { Normalizer.standard.quantities(in: $0, standalone: false) }
        #expect(cells.map { $0.map(\.surface) } == [["38"], ["1,204"], ["7.5%"]])
        #expect(cells.map { $0.map { $0.value ?? -1 } } == [[38], [1204], [7.5]])
        #expect(cells.map { $0.map(\.unit) } == [[""], [""], ["percent"]])
        // A year column and a label cell are no figures.
        #expect(Normalizer.standard.quantities(in: "2016 |", standalone: false).isEmpty)
        #expect(Normalizer.standard.quantities(in: "全额拨款 |", standalone: false).isEmpty)
    }

    @Test("a row that lost its label column: three or more figures alone are its cells")
    func labelLessRows() {
        let found = Normalizer.standard.quantities(in: "12680 13,020 98.5%", standalone: false)
        #expect(found.map(\.surface) == ["12680", "13,020", "98.5%"])
        #expect(found.map(\.value) == [12680, 13020, 98.5])
        #expect(found.allSatisfy(Normalizer.isTableCell))
        // Two figures alone, or figures with words among them, are no such row.
        #expect(
            Normalizer.standard.quantities(in: "12680 13020", standalone: false).allSatisfy {
                !Normalizer.isTableCell($0)
            })
        #expect(
            Normalizer.standard.quantities(in: "12680 所 13020", standalone: false).allSatisfy {
                !Normalizer.isTableCell($0)
            })
    }

    @Test("a percent cell is a percentage whatever the label says")
    func percentCells() {
        let found = Normalizer.standard.quantities(in: "入学率 99.5% 99.8%", standalone: false)
        #expect(found.map(\.unit) == ["percent", "percent"])
        #expect(found.map(\.value) == [99.5, 99.8])
    }

    @Test(
        "lines that are not rows of figures are read as prose",
        arguments: [
            "年份 2019 2020 2021",  // a header of years
            "备注 见附件 1",  // a text cell
            "在校学生 48210",  // one number: prose rules decide
            "第3中学 120 135",  // a label with digits is not a row label
            "共新建学校 12所 15所",  // cells with measure words: prose rules read them
        ])
    func notRows(line: String) {
        #expect(Normalizer.standard.quantities(in: line, standalone: false).allSatisfy { !Normalizer.isTableCell($0) })
    }

    @Test(
        "a header row gives its columns' years",
        arguments: [
            ("项目 2020年 2021年", [2020, 2021] as [Int]?),
            ("年份 2019 2020 2021", [2019, 2020, 2021]),
            ("指标 2020年度 2021年度", [2020, 2021]),
            ("在校学生（人） 48210 50136", nil),
            ("项目 2020年 合计", nil),
            ("2020年 2021年 2022年", [2020, 2021, 2022]),  // a header row without its label cell
            ("2020年 2021年", nil),  // two cells alone: a range of years in prose, not a header
        ])
    func headerYears(line: String, years: [Int]?) {
        #expect(Normalizer.standard.tableColumnYears(in: line) == years)
    }
}
