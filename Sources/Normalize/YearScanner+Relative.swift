import EduwhCore

/// Plan periods (十三五, 第十三个五年) and relative years (去年, 近三年, 一年来): the forms
/// `YearScanner.match` tries last, resolved against the document's reference year downstream.
extension YearScanner {
    // MARK: - Plan periods

    func planPeriod(_ line: ScalarLine, at i: Int) -> FoundYear? {
        guard rules.starts(line[i], NormalizeRules.flagPlanPeriod), let candidates = rules.planPeriods[line[i]] else {
            return nil
        }
        for rule in candidates where line.matches(rule.surface, at: i) {
            let end = i + rule.surface.count
            let next = line.at(end)
            if ScalarClass.isChineseNumeral(next) || ScalarClass.isArabicDigit(next) { continue }
            if line.matches("普法".scalarValues, at: end) { continue }
            if rule.needsQuoteOrCue {
                let prev = line.at(i - 1)
                // “十五” "十五" ‘十五’ 「十五」 『十五』: quotes of either script.
                let quoted = prev == 0x201C || prev == 0x22 || prev == 0x2018 || prev == 0x300C || prev == 0x300E
                let cued = planCues.contains { line.matches($0, at: end) } || next == 0x201D || next == 0x300F
                if !(quoted || cued) { continue }
                // 十五所, 十五人: a number with a unit is not a plan period.
                if rules.unit(in: line, at: end) != nil { continue }
            }
            return FoundYear(start: i, end: end, kind: .planPeriod, from: rule.from, to: rule.to, rule: rule.id)
        }
        return nil
    }

    // MARK: - Relative years

    /// The N of a pattern at `i`: a small Chinese or Arabic number.
    private func patternNumber(_ line: ScalarLine, at i: Int) -> (Int, Int)? {
        // Up to 60: 改革开放三十年来, 建校六十年来 count back as far as 两年来.
        if let reading = NumeralParser.chinese(line, at: i), !reading.fuzzy, !reading.hasDecimal, reading.value >= 1,
            reading.value <= 60
        {
            return (Int(reading.value), reading.end)
        }
        if let (value, end) = smallNumber(line, at: i, in: 1...60) { return (value, end) }
        return nil
    }

    /// False when `pattern`'s second element is a literal that is not the scalar after `i`.
    @inline(__always)
    private static func secondLiteralFits(_ pattern: [NormalizeRules.PatternElement], _ line: ScalarLine, at i: Int)
        -> Bool
    {
        guard pattern.count > 1, case .literal(let v) = pattern[1] else { return true }
        return line.at(i + 1) == v
    }

    private func matchPattern(
        _ rule: NormalizeRules.RelativeRule, _ line: ScalarLine, at i: Int, number: (Int, Int)? = nil
    ) -> (end: Int, n: Int)? {
        var j = i
        var n = 0
        for element in rule.pattern {
            switch element {
            case .literal(let v):
                guard line.at(j) == v else { return nil }
                j += 1
            case .number:
                if j == i, let (value, end) = number {
                    n = value
                    j = end
                    continue
                }
                guard let (value, end) = patternNumber(line, at: j) else { return nil }
                n = value
                j = end
            }
        }
        return (j, n)
    }

    private func relativeFound(_ rule: NormalizeRules.RelativeRule, _ i: Int, _ end: Int, _ n: Int) -> FoundYear {
        FoundYear(
            start: i, end: end, kind: .relative, rule: rule.id, anchor: rule.anchor,
            fromOffset: rule.from, toOffset: rule.to, span: n)
    }

    /// Guards shared by relative expressions: 全年级, 以上年龄, 三年内 are not relative years.
    private func relativeAllowed(_ line: ScalarLine, start i: Int, end: Int) -> Bool {
        let next = line.at(end)
        if next == Self.ji || next == 0x8F7B || next == 0x9F84 || next == 0x7EAA { return false }  // 级 轻 龄 纪
        let prev = line.at(i - 1)
        let first = line[i]
        if first == Self.nian || first == 0x6765 || first == 0x524D {  // 年内, 来年, 前年
            if ScalarClass.isChineseNumeral(prev) || ScalarClass.isArabicDigit(prev) || ScalarClass.isPlaceholder(prev)
            {
                return false
            }
            if prev == Self.xue || prev == Self.nian || prev == 0x5F53 || prev == 0x5468 || prev == 0x534A
                || prev == 0x672C
            {
                return false
            }  // 学 年 当 周 半 本
        }
        if first == 0x4E0A, prev == 0x4EE5 { return false }  // 以上年…
        // 2012年上半年, 2017年第四季度: part of the year before it
        if first == 0x4E0A || first == 0x4E0B || first == 0x7B2C, prev == Self.nian { return false }
        if ScalarClass.isChineseNumeral(first), ScalarClass.isChineseNumeral(prev) { return false }
        return true
    }

    func relativeLiteralFirst(_ line: ScalarLine, at i: Int) -> FoundYear? {
        guard rules.starts(line[i], NormalizeRules.flagRelative),
            let candidates = rules.relativeRules(startingWith: line[i])
        else { return nil }
        for k in candidates.indices {
            // Most candidates differ from the line at their second literal: compare it before copying
            // the rule and matching its whole pattern (this runs at every 年, 今, 上 … of a line).
            guard Self.secondLiteralFits(candidates[k].pattern, line, at: i) else { continue }
            let rule = candidates[k]
            guard let (end, n) = matchPattern(rule, line, at: i) else { continue }
            guard relativeAllowed(line, start: i, end: end) else { continue }
            // 每天4元、全年800元, 全年按200天计算: 全年 before its figure or 按 states a rate per year, no year.
            if rule.id == Self.wholeYearRule, isAnnualRate(line, at: end) { continue }
            var found = relativeFound(rule, i, end, n)
            // 今年3月1日, 去年8月: one year with its month is one date, resolved like the year.
            if rule.anchor == .reference, rule.from == rule.to, line.at(end - 1) == Self.nian,
                !rule.pattern.contains(.number),
                let dateEnd = monthDay(line, at: end)
            {
                found.end = dateEnd
                found.kind = .date
            }
            return found
        }
        return nil
    }

    static let wholeYearRule = "ry-quannian"

    /// True when a figure (after at most one space) follows at `k`, or 按 and a count of days within a short
    /// phrase: 全年 there is the length of a rate (全年 600元, 全年按200天计算, 全年按照在校时间200天计), not the year
    /// a sentence speaks of. 全年按照…标准拨付 (the whole year, by a standard) is still the year.
    private func isAnnualRate(_ line: ScalarLine, at k: Int) -> Bool {
        let m = ScalarClass.isSpace(line.at(k)) ? k + 1 : k
        guard line.at(m) == 0x6309 else { return ScalarClass.isArabicDigit(line.at(m)) }  // 按
        var j = m + 1
        while j < min(line.count, m + 16) {
            if ScalarClass.isArabicDigit(line.at(j - 1)), line.at(j) == 0x5929 { return true }  // N天
            if "，,。；;".unicodeScalars.contains(where: { $0.value == line.at(j) }) { return false }
            j += 1
        }
        return false
    }

    func relativeNumberFirst(_ line: ScalarLine, at i: Int) -> FoundYear? {
        // Every pattern here starts with N: read the number once, then its words.
        guard let (n0, numberEnd) = patternNumber(line, at: i),
            rules.starts(line.at(numberEnd), NormalizeRules.flagRelativeRest)
        else { return nil }
        for rule in rules.relativeNumberFirst {
            guard let (end, n) = matchPattern(rule, line, at: i, number: (n0, numberEnd)) else { continue }
            guard relativeAllowed(line, start: i, end: end) else { continue }
            return relativeFound(rule, i, end, n)
        }
        return nil
    }
}
