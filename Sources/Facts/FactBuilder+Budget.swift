import EduwhCore
import Normalize

extension FactBuilder {
    /// The status of a figure on a page that presents a budget or final accounts (`BudgetPages`),
    /// given the status the words, section and report kind settled on (`status`) and what the words
    /// alone said (`words`). Only money, percent and bare figures (a table's cells) are a budget's
    /// figures; counts (编制85人, 12个处室) keep their status. `before` is the figure's clause up to it
    /// (and where its sentence starts: 比上年增加860万元，增长7.4% compares both).
    /// - the column it stands in decides first: the budget's (年初预算为…, 预算数) is planned
    ///   (`budget-column:预算`), the accounts' (决算数, 执行数, 实际支出) achieved (`final-column:决算数`);
    /// - else on a budget page a figure of the budget year, or of no year, is planned
    ///   (`budget-page:部门预算`) unless a word of intent or of the past already decided; one of an
    ///   earlier year (2023年…) or a word of the past (上年结转, 已) is achieved (`budget-base:2024`);
    ///   a comparison with the year before (比上年增加) speaks of the budget year, and so does last
    ///   year's balance carried into the budget (上年结转结余, `carry-over`);
    /// - else on a final-accounts page it is achieved (`final-page:决算`) unless a word of intent
    ///   marks it, whatever its section heading says.
    static func budgeted(
        _ status: (FactStatus, String), words: (FactStatus, String), of quantity: QuantityMention, year: Int?,
        before: (scalars: [Unicode.Scalar], range: Range<Int>, sentenceStart: Int), budget: BudgetPage?,
        pages: BudgetPages
    ) -> (FactStatus, String) {
        guard let budget, budgetUnits.contains(quantity.unit) else { return status }
        if let column = pages.column(in: before.scalars, from: before.range.lowerBound, to: before.range.upperBound) {
            return (column.kind == .budget ? .planned : .achieved, column.rule + ":" + column.word)
        }
        switch budget.kind {
        case .final:
            if words.0 == .planned || status.0 == .achieved { return status }
            return (.achieved, budget.rule + ":" + budget.word)
        case .budget:
            if words.0 == .planned { return status }
            if let from = year, let budgetYear = budget.year, from < budgetYear {
                return status.0 == .achieved ? status : (.achieved, "budget-base:\(budgetYear)")
            }
            if words.0 == .achieved, pastCues.contains(words.1),
                pages.carryOver(in: before.scalars, range: before.sentenceStart..<before.range.upperBound) == nil
            {
                // 比上年增加… is the budget year's change; 上年结转, 去年支出 are last year's.
                let compared = before.scalars[before.sentenceStart..<before.range.upperBound].contains {
                    BudgetPages.comparisonMarks.contains($0)
                }
                if !(compared && budgetRelativeCues.contains(words.1)) { return status }
            }
            return (.planned, budget.rule + ":" + budget.word)
        }
    }

    /// The year of a money, percent or bare figure (a table's cell) that its text leaves without
    /// one, on a budget or accounts page whose own year the text gives (its title's, its notes' or its
    /// table caption's: 111年度經費來源及支出對照表 dates the cells under it) and the report's year does
    /// not (that one the year chooser has already offered, and a gate may have doubted): the page's
    /// year, with `budget-year:` and the page's rule id as its lineage.
    static func budgetYear(of quantity: QuantityMention, profile: DocumentProfile) -> (year: Int, rule: String)? {
        guard profile.referenceYear == nil, let budget = profile.budget, let year = budget.year,
            budgetUnits.contains(quantity.unit)
        else { return nil }
        return (year, "budget-year:" + budget.rule)
    }

    /// The years of a figure on a budget page that its clause dates to the year before the budget's
    /// by the budget's carry-over (上年结转结余, 上年结余: BudgetPages.carryOver): the budget year, as
    /// the page lists that balance among the budget year's income (fq11, fq30, fy08); else `years`.
    func carriedOver(
        _ years: (from: Int?, to: Int?), of quantity: QuantityMention, clause: Range<Int>, scalars: [Unicode.Scalar],
        budget: BudgetPage?
    ) -> (from: Int?, to: Int?) {
        guard let budget, budget.kind == .budget, let year = budget.year, years.from == year - 1,
            years.to == year - 1, Self.budgetUnits.contains(quantity.unit),
            budgets.carryOver(in: scalars, range: clause) != nil
        else { return years }
        return (year, year)
    }

    /// Units of a budget's figures: money, shares and changes, and a table's bare cells (单位：万元).
    static let budgetUnits: Set<String> = ["yuan", "percent", ""]

    /// Words of the past that, after a comparison mark on a budget page, say what the figure is
    /// compared with (比上年增加) rather than when it is.
    static let budgetRelativeCues: Set<String> = ["上年", "去年", "过去", "以来"]
}
