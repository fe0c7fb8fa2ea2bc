import EduwhCore
import Facts
import Testing

/// Pages that present a year's budget or final accounts (`BudgetPages`, rules/facts/budget-pages.tsv)
/// and the status of their figures through `FactBuilder.build`. Pages and sentences are our own.
@Suite struct BudgetPagesTests {
    static func build(title: [String], body: [String]) -> DocumentFacts {
        FactBuilder.standard.build(TrustTests.document(title: title, body: body))
    }

    static func status(_ surface: String, in built: DocumentFacts, at occurrence: Int = 0) throws -> Fact {
        let found = built.facts.filter { $0.quantity.surface == surface }
        try #require(found.count > occurrence, "\(surface) not found")
        return found[occurrence]
    }

    /// The title or an opening line names the budget or the accounts and their year; a page that
    /// only mentions a budget law or its budget units is no budget page.
    @Test(
        arguments: [
            (["县教育局2024年部门预算说明"], ["一、部门基本情况"], BudgetPage.Kind.budget, 2024),
            ([], ["按照《中华人民共和国预算法》，现将我单位2023年度部门决算说明如下："], .final, 2023),
            ([], ["一、2022年“三公”经费预算情况说明"], .budget, 2022),
            (["某中学2021年三公经费预算公开"], [], .budget, 2021),
        ] as [([String], [String], BudgetPage.Kind, Int)])
    func aPageNamesItsBudgetAndYear(title: [String], body: [String], kind: BudgetPage.Kind, year: Int) throws {
        let built = Self.build(title: title, body: body + ["全年投入资金500万元。"])
        let page = try #require(built.profile.budget)
        #expect(page.kind == kind && page.year == year)
    }

    @Test(
        arguments: [
            (["全县教育工作会议召开"], ["会议透露，今年全县教育预算投入3亿元。"]),
            (["县教育局2023年工作总结"], ["按照预算法要求，各部门预算单位规范管理资金，全年投入资金500万元。"]),
            // A budget named deep in a long paragraph is no page's subject.
            (
                ["县教育局2023年工作总结"],
                [
                    "一年来，我局紧紧围绕县委县政府的中心工作，认真落实各项教育政策，推进教育均衡发展，"
                        + "规范部门预算编制和执行，全年投入资金500万元。"
                ]
            ),
        ] as [([String], [String])])
    func otherPagesAreNoBudgetPages(title: [String], body: [String]) {
        #expect(Self.build(title: title, body: body).profile.budget == nil)
    }

    /// A department's budget note: the budget year's sums, their changes from the year before and
    /// their shares are planned; last year's accounts and carry-over are achieved; the unit's
    /// staff and offices are no budget figures and stay as the page's words leave them.
    @Test func aBudgetNotesBudgetYearIsPlanned() throws {
        let built = Self.build(
            title: ["县教育局2024年部门预算说明"],
            body: [
                "一、部门基本情况",
                "本部门共有机关股室6个，下属学校32所，在职教职工1850人。",
                "二、收支预算情况说明",
                "2024年收入预算总计12500万元，比上年增加860万元，增长7.4%。其中一般公共预算拨款收入11800万元。",
                "2023年决算数为11640万元，上年结转资金200万元。",
                "三、“三公”经费预算情况",
                "2024年“三公”经费预算数为35万元，比2023年预算减少2万元，占支出预算的0.3%。",
            ])
        for surface in ["12500万元", "860万元", "7.4%", "11800万元", "35万元", "2万元", "0.3%"] {
            let fact = try Self.status(surface, in: built)
            #expect(fact.status == .planned, "\(surface): \(fact.statusCue)")
        }
        for surface in ["11640万元", "200万元"] {
            let fact = try Self.status(surface, in: built)
            #expect(fact.status == .achieved, "\(surface): \(fact.statusCue)")
        }
        // The rule's id reaches the lineage.
        #expect(try Self.status("12500万元", in: built).statusCue == "budget-column:预算")
        #expect(try Self.status("860万元", in: built).statusCue == "budget-page:部门预算")
        for surface in ["6个", "32所", "1850人"] { #expect(try Self.status(surface, in: built).status == .achieved) }
    }

    /// A final-accounts note: what was received and spent is achieved, also under a heading that
    /// would read as a plan's; the year's budget it compares with (年初预算) is planned.
    @Test func aFinalAccountsNoteIsAchieved() throws {
        let built = Self.build(
            title: [],
            body: [
                "现将我单位2023年度部门决算说明如下：",
                "一、收入支出决算总体情况",
                "2023年度收入总计9800万元，年初预算为9500万元，增长3.2%。",
                "二、项目支出安排",
                "学校运转经费1200万元，占支出合计的12.2%。",
            ])
        for surface in ["9800万元", "3.2%", "1200万元", "12.2%"] {
            let fact = try Self.status(surface, in: built)
            #expect(fact.status == .achieved, "\(surface): \(fact.statusCue)")
        }
        #expect(try Self.status("9500万元", in: built).status == .planned)
    }

    /// A news item's sentence that mentions a budget makes no budget page: its figures keep what
    /// their words say (去年…支出 achieved).
    @Test func aNewsItemMentioningABudgetIsNoBudgetPage() throws {
        let built = Self.build(
            title: ["全县教育工作会议召开"],
            body: [
                "会议透露，今年全县教育经费预算投入3.5亿元，比上年增长8%。",
                "去年全县一般公共预算教育支出3.2亿元。",
            ])
        #expect(built.profile.budget == nil)
        #expect(try Self.status("3.2亿元", in: built).status == .achieved)
    }

    /// A budget note printed from a PDF, without a title and with its first page cut (fq11, a school's
    /// 2023 部门预算 on a disclosure platform): its structure words (支出总预算, 收支总预算,
    /// 一般公共预算拨款, 上年结转, 基本支出) make it a budget page, dated by the year before them,
    /// and its sums, shares and changes are the budget's, planned, as is last year's balance carried
    /// into it (上年结转结余: the budget year's income, not last year's figure).
    @Test func aBudgetNotesStructureMakesItABudgetPage() throws {
        let built = Self.build(
            title: [],
            body: [
                "5",
                "(一)教育支出类科目 5,806,105.16 元,占支出总预算",
                "82.27%,同比增加 3,520,772.45 元,增长 154.06%。",
                "2023 年财政拨款收支总预算 7,057,486.18 元。收入包",
                "括:一般公共预算拨款 7,034,418.94 元、上年结转结余",
                "23,067.24 元;支出包括:教育支出 5,806,105.16 元。",
                "其中:基本支出 7,034,418.94 元,项目支出 0元。",
            ])
        let page = try #require(built.profile.budget)
        #expect(page.kind == .budget && page.year == 2023 && page.rule == "budget-structure")
        for surface in ["5,806,105.16 元", "3,520,772.45 元", "154.06%", "7,057,486.18 元", "23,067.24 元"] {
            let fact = try Self.status(surface, in: built)
            #expect(fact.status == .planned && fact.yearFrom == 2023, "\(surface): \(fact.statusCue)")
        }
    }

    /// A final-accounts table printed one cell a line, its caption cut away: its headers and totals
    /// (收入总计, 一般公共预算财政拨款, 单位：万元) head a budget and an account alike, and the
    /// columns it names (执行数, 决算数) lean to the accounts, so its cells are achieved.
    @Test func anAccountsTablesStructureMakesItAFinalPage() throws {
        let built = Self.build(
            title: [],
            body: [
                "单位：万元 |", "项目 |", "金额 |", "一般公共预算财政拨款 |", "1200.50 |", "收入总计 |", "1300.20 |",
                "支出总计 |", "1250.00 |", "执行数 |", "决算数 |",
            ])
        let page = try #require(built.profile.budget)
        #expect(page.kind == .final && page.rule == "final-structure")
        #expect(try Self.status("1300.20", in: built).status == .achieved)
    }

    /// Two budget words in a work summary's sentence are no budget table: fewer than
    /// `structureMinimum` different structure words leave the page as it was.
    @Test func aFewBudgetWordsInASummaryMakeNoBudgetPage() {
        let built = Self.build(
            title: ["县教育局2023年工作总结"],
            body: ["严格控制三公经费，压减一般性支出，全年基本支出控制在500万元以内。", "全年投入资金1500万元。"])
        #expect(built.profile.budget == nil)
    }
}
