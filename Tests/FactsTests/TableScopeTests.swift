import EduwhCore
import Facts
import Testing

/// Tables flattened into text (`TableScope`): each number cell gets its column header and row
/// label, and Facts reads the cell with them (indicator, year, status). Tables are our own.
@Suite struct TableScopeTests {
    static func numbered(_ lines: [String]) -> [(number: Int, text: String)] {
        lines.enumerated().map { ($0.offset + 1, $0.element) }
    }

    /// One cell to a line, with the `|` cell mark or without: rows of labels and figures repeat.
    @Test(arguments: [" |", ""])
    func oneCellToALine(mark: String) throws {
        let lines = ["单位", "经费性质", "编制人数", "实有人数", "第一小学", "全额拨款", "16", "15", "第二小学", "全额拨款", "27", "/"]
        let cells = TableScope.cells(Self.numbered(lines.map { $0 + mark }))
        #expect(cells[7]?.first?.header == "编制人数")
        #expect(cells[8]?.first?.header == "实有人数")
        #expect(cells[11]?.first?.label == "第二小学 全额拨款")
        #expect(cells[8]?.first?.shape == "one-per-line")
        // The header's and labels' lines are no cells; an empty cell has no figure to read.
        #expect(cells[3] == nil && cells[5] == nil)
    }

    /// A yearbook's row whose label was an image (its figures follow the last row's at once) still
    /// takes its columns' headers, without a label.
    @Test func aRowWithoutItsLabelKeepsItsColumns() {
        let lines = [
            "指 标", "2020年", "2019年", "普通中学", "1470", "1253", "小学", "856", "901", "860", "812", "职业高中", "21", "22",
        ]
        let cells = TableScope.cells(Self.numbered(lines))
        #expect(cells[5]?.first?.header == "2020年" && cells[5]?.first?.label == "普通中学")
        #expect(cells[10]?.first?.header == "2020年" && cells[10]?.first?.label == nil)
        #expect(cells[11]?.first?.header == "2019年")
        #expect(cells[14]?.first?.header == "2019年" && cells[14]?.first?.label == "职业高中")
    }

    /// A header longer than the rows (a grouped column title over its years) is lined up from the
    /// right: the figures' columns take the last header lines.
    @Test func aHeaderLinesUpFromTheRight() {
        let lines = ["类别", "获奖项目", "获奖次数", "2021", "2022", "语文", "朗诵比赛", "5", "7", "数学", "竞赛", "3", "4"]
        let cells = TableScope.cells(Self.numbered(lines))
        #expect(cells[8]?.first?.header == "2021")
        #expect(cells[13]?.first?.header == "2022")
        #expect(cells[12]?.first?.label == "数学 竞赛")
    }

    /// Lines that merely hold numbers in prose, or a single row of figures, are no table.
    @Test func proseAndOneRowAreNoTable() {
        let prose = ["全县共有学校45所。", "其中小学30所。", "12", "新建校舍3幢。"]
        #expect(TableScope.cells(Self.numbered(prose)).isEmpty)
        let oneRow = ["学校数", "在校生数", "45", "12000", "以上数据截至年底。"]
        #expect(TableScope.cells(Self.numbered(oneRow)).isEmpty)
    }

    /// `|` rows: the header row without figures above names each column; a separator row is skipped.
    @Test func barRows() {
        let lines = ["地区 | 新建学校 | 投入资金 |", "---|---|---|", "城区 | 3所 | 1200万元 |", "乡镇 | 5所 | 800万元 |"]
        let cells = TableScope.cells(Self.numbered(lines))
        #expect(cells[3]?.map(\.header) == ["新建学校", "投入资金"])
        #expect(cells[4]?.first?.label == "乡镇")
        #expect(cells[1] == nil)
    }

    /// Rows split by spaces: a header of word cells above, lined up from the right (a first cell
    /// more than the figures names the labels' column).
    @Test func spaceRows() {
        let lines = ["项目 本年预算数 上年决算数", "教育支出 1,250.5 1,180", "其中：基本支出 900 870"]
        let cells = TableScope.cells(Self.numbered(lines))
        #expect(cells[2]?.map(\.header) == ["本年预算数", "上年决算数"])
        #expect(cells[3]?.first?.label == "其中：基本支出")
    }

    /// A row short of a cell between two full rows (fs22, a city's 基础教育情况表: 普通高中 has five
    /// figures where the others have six) is read from the left, and the table goes on after it: the
    /// rows below keep their headers instead of taking the figures above them as a header.
    @Test func aShortRowIsReadFromTheLeft() {
        let lines = [
            "类别 |", "学校数 |", "班级数 |", "在校学生数 |", "教职工数 |", "专任教师数 |", "学生与专任教师比 |",
            "初中 |", "147 |", "3672 |", "171369 |", "24895 |", "11775 |", "14.55 |",
            "普通高中 |", "56 |", "1853 |", "89750 |", "6996 |", "12.83 |",
            "特殊教育 |", "8 |", "122 |", "1282 |", "374 |", "360 |", "3.56 |",
        ]
        let cells = TableScope.cells(Self.numbered(lines))
        #expect(cells[16]?.first?.header == "学校数" && cells[16]?.first?.label == "普通高中")
        #expect(cells[18]?.first?.header == "在校学生数")
        #expect(cells[22]?.first?.header == "学校数" && cells[22]?.first?.label == "特殊教育")
        #expect(cells[26]?.first?.header == "专任教师数")
    }

    /// Header lines stacked over space-split rows (fq19, a yearbook's 市区教育事业基本情况: titles,
    /// then their units and broken-off ends): the topmost line that lines up with the row is the header.
    @Test func stackedHeaderLinesGiveTheTopmostThatFits() {
        let lines = [
            "  学校数 招生数 毕业生数 在校生数 教职工数 专任教师", "(所) (人) (人) (人) (人) (人) (人)", "      (人) (人)   教师",
            "  1.高等学校 3 6968 4574 21096 1658 1102",
        ]
        let cells = TableScope.cells(Self.numbered(lines))
        #expect(cells[4]?.map(\.header) == ["学校数", "招生数", "毕业生数", "在校生数", "教职工数", "专任教师"])
    }

    // MARK: - Facts of the cells

    static func build(_ body: [String], title: [String] = ["某县教育局2024年工作总结"]) -> DocumentFacts {
        FactBuilder.standard.build(TrustTests.document(title: title, body: body))
    }

    /// A `|` row's counts take what the column header names (新建学校 → schools built), and the
    /// lineage says which header and row they were read with.
    @Test func aColumnHeaderNamesTheCount() throws {
        let built = Self.build(["地区 | 新建学校 | 投入资金 |", "城区 | 3所 | 1200万元 |", "乡镇 | 5所 | 800万元 |"])
        let schools = try TrustTests.fact("5所", in: built)
        #expect(schools.indicator == "schools_built")
        #expect(schools.tableCell == "table-header:新建学校 table-row:乡镇")
        #expect(try TrustTests.fact("800万元", in: built).indicator == "funding_investment")
    }

    /// The header's year dates its column, and on a budget page its 预算/决算 word says the
    /// status: the budget year's column is planned, last year's accounts achieved.
    @Test func aHeaderGivesYearAndStatus() throws {
        let built = Self.build(
            ["一、收支预算情况", "项目 2024年预算数 2023年决算数", "教育支出 1,250 1,180", "其中：基本支出 900 870"],
            title: ["县教育局2024年部门预算说明"])
        let budget = try TrustTests.fact("1,250", in: built)
        #expect(budget.yearFrom == 2024 && budget.status == .planned)
        let accounts = try TrustTests.fact("870", in: built)
        #expect(accounts.yearFrom == 2023 && accounts.status == .achieved)
        #expect(accounts.tableCell.hasPrefix("table-header:2023年决算数"))
    }

    /// A cell whose table shows no header says so (`table-header:-`): the lineage tells why
    /// nothing named its column.
    @Test func aCellWithoutHeaderSaysSo() throws {
        let built = Self.build(["全县学校情况如下。", "城区 12 3400", "乡镇 30 5100"])
        let cell = try TrustTests.fact("5100", in: built)
        #expect(cell.tableCell == "table-header:- table-row:乡镇")
    }

    /// A table one cell a line under its unit line (its `|` separators dropped by Clean): each figure
    /// is a bare value dated by its column's year, also in a row whose label is missing.
    @Test func aYearbookCellTakesItsColumnYear() throws {
        let built = Self.build(
            ["计量单位：所", "指 标", "2020年", "2019年", "普通中学", "1470", "1253", "小学", "856", "901", "860", "812"],
            title: ["某市统计年鉴"])
        let school = try TrustTests.fact("1253", in: built)
        #expect(school.yearFrom == 2019 && school.quantity.unit.isEmpty && school.quantity.value == 1253)
        #expect(try TrustTests.fact("860", in: built).yearFrom == 2020)
        #expect(try TrustTests.fact("812", in: built).tableCell == "table-header:2019年 table-row:-")
    }

    /// A column titled by a bare year (fo28's 年份 | 1949 | 1980 …, one cell a line) dates its cells.
    @Test func aBareYearHeaderDatesItsColumn() throws {
        let built = Self.build(
            [
                "单位:万人", "年份", "1949", "1980", "2000", "高等教育在校生", "11.72", "271.93", "939.85", "高中阶段在校生",
                "43.88", "1720.61", "2447.1",
            ], title: ["新中国60年:教育历经风雨-跨越发展"])
        let cell = try TrustTests.fact("1720.61", in: built)
        #expect(cell.yearFrom == 1980 && cell.yearTo == 1980)
        #expect(cell.tableCell == "table-header:1980 table-row:高中阶段在校生")
        #expect(try TrustTests.fact("939.85", in: built).yearFrom == 2000)
    }

    /// Off (`tableScope: false`), the cells are read as before: no lineage.
    @Test func offReadsCellsAlone() throws {
        let document = TrustTests.document(
            title: ["某县教育局2024年工作总结"], body: ["地区 | 新建学校 | 投入资金 |", "城区 | 3所 | 1200万元 |"])
        let built = FactBuilder(tableScope: false).build(document)
        #expect(try TrustTests.fact("3所", in: built).tableCell.isEmpty)
    }
}
