import EduwhCore

extension FactBuilder {
    /// The indicator a part of a total takes: after 其中 (新建学校9所，其中：A区4所，B县4所) a
    /// figure in the total's unit whose own clause names nothing it counts (its indicator came from
    /// another clause, its unit alone, or nothing) counts what the total counts.
    static func partOf(
        _ quantity: QuantityMention, choice: IndicatorMapper.Choice, sentence: Range<Int>, in scalars: [Unicode.Scalar],
        after chosen: [(offset: Int, unit: String, choice: IndicatorMapper.Choice)]
    ) -> IndicatorMapper.Choice? {
        let weak = choice.rule.hasSuffix("@sentence") || choice.rule.hasPrefix("unit:") || choice.rule == "none"
        guard weak, !quantity.unit.isEmpty, quantity.offset <= scalars.count else { return nil }
        let from = max(0, sentence.lowerBound)
        guard
            let mark = (from..<max(from, quantity.offset - 1)).last(where: {
                scalars[$0] == "其" && scalars[$0 + 1] == "中"
            }),
            let total = chosen.last(where: { $0.offset < mark && $0.unit == quantity.unit }),
            total.choice.code != IndicatorMapper.unknownCode
        else { return nil }
        return IndicatorMapper.Choice(code: total.choice.code, rule: total.choice.rule + "@part")
    }

    /// The year mentions a fact may take: the nearest decides, and one whose year the text hides
    /// or leaves open (20xx年, 今年 with no reference year) leaves the fact without a year.
    static func usableYears(_ years: [YearMention], in scalars: [Unicode.Scalar]) -> [YearMention] {
        years.filter {
            ($0.from == nil
                || ($0.from.map(factYears.contains) == true && $0.to.map(factYears.contains) != false))
                && !isProjectLabel($0, in: scalars)
        }
    }
}
