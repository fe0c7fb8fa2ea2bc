import EduwhCore
import Normalize

/// Kinds of sentence whose figure's year is not simply the year mention nearest to it:
/// - a span since a year (2014年以来，…累计投入15.79亿元) runs to the section's or the report's own
///   year; when the text names neither, its end is unknown and the figure keeps no year;
/// - a year a state held before (2007年前，两村都有完全小学; 对2018年以前通过认定的2379个县) dates
///   no figure unless it is a deadline still ahead of the report;
/// - a figure of an unnamed run of recent years (近年来累计投入近7亿元) is no figure of the year its
///   paragraph, section or report names;
/// - figures listed after 分别 under a span of as many years (2002-2004年…分别为A、B、C) take
///   the span's years one by one;
/// - a start year with a duration (从2014年开始，经过五年努力，… / 2019年起用三年时间) names the
///   span 2014–2018 / 2019–2021 (`YearChooser.derivedSpan`).
/// (A year an institution was founded in, 成立于1957年, is no candidate at all: `isFoundingYear`.)
extension FactBuilder {
    /// The fact's years after the kinds above; `year` is what the nearest-mention rules gave,
    /// `own` the mention it came from, `sentenceYears` the usable year mentions of the sentence.
    static func refinedYear(
        _ year: (from: Int?, to: Int?, source: ContextSource), own: (mention: YearMention, source: ContextSource)?,
        quantity: QuantityMention, among quantities: [QuantityMention], sentenceYears: [YearMention],
        sentence: Range<Int>, scalars: [Unicode.Scalar], scope: SectionScope.State, profile: DocumentProfile
    ) -> (from: Int?, to: Int?, source: ContextSource) {
        let none: (Int?, Int?, ContextSource) = (nil, nil, .none)
        if let listed = respectively(quantity, among: quantities, years: sentenceYears, sentence: sentence, in: scalars)
        {
            return (listed, listed, .clause)
        }
        if let own, let single = yearBeforeNamedPlan(own, years: sentenceYears, in: scalars), let y = single.from {
            return (y, y, .sentence)
        }
        let reference = scope.year?.upperBound ?? [profile.referenceYear, profile.periodFrom].compactMap { $0 }.max()
        // 从2014年开始，经过五年努力，…: the start year and the duration name the figure's span.
        if let own, own.source == .clause || own.source == .sentence,
            let span = YearChooser.derivedSpan(own.mention, in: scalars, sentenceEnd: sentence.upperBound, latest: nil)
        {
            return (span.years.lowerBound, span.years.upperBound, own.source)
        }
        if let own {
            if since(own.mention, in: scalars) {
                // 2014年以来: to the section's or the report's year when later; to the year itself in a
                // report of that year; unknown when the text names no end (the since year alone made
                // itself the latest year named). The report's year only when its text says it (the
                // report's period: a date line, title or own words), not a year it merely names most
                // (`since-stated-end`: 2011年以來 in a Q&A naming 2017 elsewhere, fm11; 2019年以来 ft26).
                guard let from = own.mention.from else { return none }
                if let end = scope.year?.upperBound ?? profile.periodTo, end > from, factYears.contains(end) {
                    return (year.from, end, year.source)
                }
                return profile.periodTo == from ? (from, from, year.source) : none
            }
            // 2007年前，…: the time before a year already past; a deadline ahead (2025年前，…) stays.
            if isBefore(own.mention, in: scalars), let deadline = own.mention.to,
                reference.map({ deadline <= $0 }) ?? false
            {
                return none
            }
        }
        // 近年来累计投入…: the figure's own span has no year; a year from outside its sentence does not date it.
        let inSentence = own.map { $0.mention.offset >= sentence.lowerBound } ?? false
        if !inSentence, year.from != nil, namesVaguePeriod(before: quantity.offset, sentence: sentence, in: scalars) {
            return none
        }
        return year
    }

    /// Whether a single year opens a span up to now: 2014年以来, 自2015年以来, 自2010年来; after 自 or 从 also a
    /// month (自2012年8月启动以来) and a clause that names other figures before its 以来 (自2011年教育部会同财政部等15个
    /// 部门启动实施了…计划以来: fu35, ga08; the kind on six hosts: fa12, fg16, fo25, fu35, fw13, ga08).
    static func since(_ year: YearMention, in scalars: [Unicode.Scalar]) -> Bool {
        let lead: Unicode.Scalar = year.offset > 0 && year.offset <= scalars.count ? scalars[year.offset - 1] : " "
        let opened = lead == "自" || lead == "从" || lead == "從"
        guard year.kind == .year || (opened && year.kind == .date), let from = year.from, year.to == from else {
            return false
        }
        var index = year.offset + year.surface.unicodeScalars.count
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\u{3000}" { index += 1 }
        // 来 alone only after 自/从 (自2010年来): 2014年来我校 is someone who came.
        // 从2011年至今: a span up to now as 以来 is.
        return starts(sinceScalars, at: index, in: scalars) || starts(untilNowScalars, at: index, in: scalars)
            || (opened && index < scalars.count && scalars[index] == "来")
            || closesWithSince(from: index, in: scalars, opened: opened)
    }

    /// Whether the clause a year opens ends in 以来 (2008年我县启动实施校舍安全工程以来，…): the year starts a span
    /// up to now as 2008年以来 does. Only a short clause with no other digit counts, unless 自 or 从 opened the span
    /// (`opened`): then the clause may be longer and name other figures.
    static func closesWithSince(from start: Int, in scalars: [Unicode.Scalar], opened: Bool = false) -> Bool {
        var index = start
        while index < min(scalars.count, start + (opened ? openedSinceReach : 30)) {
            let c = scalars[index]
            if clauseBreaks.contains(c) { return false }
            if !opened, ("0"..."9").contains(c) || c == "年" { return false }
            if starts(sinceScalars, at: index, in: scalars) {
                let next: Unicode.Scalar = index + 2 < scalars.count ? scalars[index + 2] : "。"
                return clauseBreaks.contains(next)
            }
            index += 1
        }
        return false
    }

    static let untilNowScalars = Array("至今".unicodeScalars)

    /// How far after a year opened by 自 or 从 its clause's 以来 may stand, in scalars.
    static let openedSinceReach = 60

    static let clauseBreaks = Set("，,。；;：:！？!?".unicodeScalars)

    /// Whether a year is the bound a state held before: 2007年前，… / 2018年以前 / 2015年底前，
    /// not 2015年前后 (about 2015), 2015年前夕, nor 2015年前三季度 (its first three quarters).
    static func isBefore(_ year: YearMention, in scalars: [Unicode.Scalar]) -> Bool {
        guard year.kind == .year || year.kind == .date, year.from != nil else { return false }
        var index = year.offset + year.surface.unicodeScalars.count
        if index < scalars.count, scalars[index] == "底" || scalars[index] == "末" { index += 1 }
        if index + 1 < scalars.count, scalars[index] == "以", scalars[index + 1] == "前" { return true }
        guard index < scalars.count, scalars[index] == "前" else { return false }
        let next: Unicode.Scalar = index + 1 < scalars.count ? scalars[index + 1] : "。"
        return !notBeforeAfter.contains(next) && !("0"..."9").contains(next)
    }

    /// What after 年前 makes it no bound: 前后 (about), 前夕 (the eve), 前期, 前半年, 前N (the first N).
    static let notBeforeAfter = Set("后夕期半几两一二三四五六七八九十".unicodeScalars)

    /// Words of an unnamed run of recent years (近年来, 多年来): vague, no years row (FORMAT).
    static let vaguePeriods = ["近年来", "近几年", "近些年", "多年来", "几年来", "历年来", "这些年"]
        .map { Array($0.unicodeScalars) }

    /// Whether the sentence names an unnamed run of recent years before the figure.
    static func namesVaguePeriod(before offset: Int, sentence: Range<Int>, in scalars: [Unicode.Scalar]) -> Bool {
        let end = min(offset, scalars.count)
        guard sentence.lowerBound < end else { return false }
        for k in sentence.lowerBound..<end
        where scalars[k] == "年" || scalars[k] == "近" || scalars[k] == "多"
            || scalars[k] == "几" || scalars[k] == "历" || scalars[k] == "这"
        {
            if vaguePeriods.contains(where: { starts($0, at: k, in: scalars) && k + $0.count <= end }) { return true }
        }
        return false
    }

    /// The year of a figure listed after 分别 under a span of as many years as the list has
    /// figures (2002-2004年的教育经费支出分别为13595万元、13563万元、16620万元: 2002, 2003, 2004);
    /// nil otherwise. The list runs from 分别 to the next 分别 or the sentence's end.
    static func respectively(
        _ quantity: QuantityMention, among quantities: [QuantityMention], years: [YearMention], sentence: Range<Int>,
        in scalars: [Unicode.Scalar]
    ) -> Int? {
        let upper = min(sentence.upperBound, scalars.count)
        let offset = quantity.offset
        guard offset < upper, offset > sentence.lowerBound,
            let mark = (sentence.lowerBound..<offset).last(where: { starts(respectivelyScalars, at: $0, in: scalars) }),
            let (span, listYears) = listedYears(years, before: mark, sentence: sentence, in: scalars)
        else { return nil }
        // Only when 分别 follows the span or the list before it directly: 甲县、乙县分别投入… lists places, not years.
        let lastBefore = quantities.last { $0.offset > span.offset && $0.offset < mark }
        let from0 =
            lastBefore.map { $0.offset + $0.surface.unicodeScalars.count } ?? span.offset
            + span.surface.unicodeScalars.count
        if (from0..<mark).contains(where: { listJoiners.contains(scalars[$0]) }) { return nil }
        let next = (mark + 2..<upper).first { starts(respectivelyScalars, at: $0, in: scalars) } ?? upper
        var listed = quantities.filter { $0.offset > mark && $0.offset < next }
        if listed.count != listYears.count, let first = listed.first {
            // The list ends with its clause (分别为A、B和C，2013年…比2011年增加了46%).
            let end = (first.offset..<next).first { clauseBreaks.contains(scalars[$0]) } ?? next
            listed = listed.filter { $0.offset < end }
        }
        guard listed.count == listYears.count, let index = listed.firstIndex(where: { $0.offset == offset }) else {
            return nil
        }
        return listYears[index]
    }

    /// The years a list after 分别 (at `mark`) runs over: a span (2002-2004年, 近三年) or single years
    /// joined by 、/和/及 (2018年、2019年、2020年), with the mention that ends them.
    static func listedYears(
        _ years: [YearMention], before mark: Int, sentence: Range<Int>, in scalars: [Unicode.Scalar]
    ) -> (YearMention, [Int])? {
        let before = years.filter { $0.offset >= sentence.lowerBound && $0.offset < mark && $0.kind != .planPeriod }
        var spanYears: (YearMention, [Int])?
        if let span = before.last(where: { ($0.from ?? 0) < ($0.to ?? 0) }), let from = span.from, let to = span.to {
            spanYears = (span, Array(from...to))
        }
        // 2018年、2019年、2020年: single years, each joined to the next by one joiner.
        guard let last = before.last, last.kind == .year, let year = last.from, last.to == year else {
            return spanYears
        }
        var run = [last]
        for mention in before.dropLast().reversed() {
            guard mention.kind == .year, let y = mention.from, mention.to == y else { break }
            let gap = mention.offset + mention.surface.unicodeScalars.count
            guard gap < run[0].offset, run[0].offset - gap <= 2,
                scalars[gap..<run[0].offset].allSatisfy({ listJoiners.contains($0) || $0 == " " })
            else { break }
            run.insert(mention, at: 0)
        }
        return run.count >= 2 ? (last, run.compactMap(\.from)) : spanYears
    }

    static let respectivelyScalars = Array("分别".unicodeScalars)
    /// Words that join the subjects of a list (甲县、乙县和丙县).
    static let listJoiners: Set<Unicode.Scalar> = ["、", "和", "及", "与"]

    /// Whether a year is the one an institution was founded in (成立于1957年, 始建于1982年, 创办于…):
    /// the figures of its sentence (占地面积5780平方米) describe it now, not that year.
    static func isFoundingYear(_ year: YearMention, in scalars: [Unicode.Scalar]) -> Bool {
        guard year.kind == .year || year.kind == .date else { return false }
        var k = year.offset - 1
        while k >= 0, k < scalars.count, scalars[k] == " " || scalars[k] == "\u{3000}" { k -= 1 }
        guard k >= 1, k < scalars.count, scalars[k] == "于" else { return false }
        if foundingVerbs.contains(scalars[k - 1]) { return true }
        // 于1993年建校, 于 1975 年创办: the same founding with the verb after the year.
        var end = year.offset + year.surface.unicodeScalars.count
        while end < scalars.count, scalars[end] == " " || scalars[end] == "\u{3000}" { end += 1 }
        return foundingWords.contains { starts($0, at: end, in: scalars) }
    }

    /// Founding words after 于 and a year (于1993年建校).
    static let foundingWords = ["建校", "建园", "成立", "创办", "创建", "创立", "始建"].map { Array($0.unicodeScalars) }

    /// The verbs before 于 that found an institution: 成立于, (始/创/兴)建于, 创办于, 创立于, 组建于.
    static let foundingVerbs: Set<Unicode.Scalar> = ["立", "建", "办"]

    /// Whether a year is what something is compared with: 与2010年相比, 和上年比较, 同2015年相比.
    static func isComparedWith(_ year: YearMention, in scalars: [Unicode.Scalar]) -> Bool {
        let start = year.offset
        let end = start + year.surface.unicodeScalars.count
        guard start > 0, start <= scalars.count, comparedLeads.contains(scalars[start - 1]) else { return false }
        var index = end
        if index < scalars.count, scalars[index] == "的" || scalars[index] == "度" { index += 1 }
        if starts(comparedScalars, at: index, in: scalars) || starts(comparingScalars, at: index, in: scalars) {
            return true
        }
        // 与上年持平, 和2015年相等, 同上年基本持平: the base of an unchanged figure.
        if starts(basicallyScalars, at: index, in: scalars) { index += basicallyScalars.count }
        return sameAsWords.contains { starts($0, at: index, in: scalars) }
    }

    static let comparedLeads: Set<Unicode.Scalar> = ["与", "和", "同", "跟"]
    static let comparedScalars = Array("相比".unicodeScalars)
    static let comparingScalars = Array("比较".unicodeScalars)
    static let basicallyScalars = Array("基本".unicodeScalars)
    /// What follows a compared year when the figure did not change: 持平, 相等, 相当, 一致.
    static let sameAsWords = ["持平", "相等", "相当", "一致"].map { Array($0.unicodeScalars) }

    /// Whether a year is the starting point of a change (由2000年的26%上升至50.64%, 从2015年的
    /// 25.15%提升至…): the base of every figure of its sentence but the one right after it.
    static func isChangeStart(_ year: YearMention, quantity offset: Int, in scalars: [Unicode.Scalar]) -> Bool {
        let start = year.offset
        let end = start + year.surface.unicodeScalars.count
        guard year.kind == .year, start > 0, end < scalars.count, scalars[end] == "的",
            scalars[start - 1] == "由" || scalars[start - 1] == "从"
        else { return false }
        return offset < start || offset > end + 1
    }

    /// The sentence's own single year before a plan period that only names a project or fund
    /// (2022年，中央财政安排“十四五”国家基础教育重大项目计划资金605亿元: 2022), not one that
    /// bounds the figure (十三五期间累计投入…, 十四五末).
    static func yearBeforeNamedPlan(
        _ own: (mention: YearMention, source: ContextSource), years: [YearMention], in scalars: [Unicode.Scalar]
    ) -> YearMention? {
        guard own.mention.kind == .planPeriod, own.source == .clause || own.source == .sentence else { return nil }
        var index = own.mention.offset + own.mention.surface.unicodeScalars.count
        while index < scalars.count, "”\"’」』".unicodeScalars.contains(scalars[index]) { index += 1 }
        if planBounds.contains(where: { starts($0, at: index, in: scalars) }) { return nil }
        return years.last { year in
            year.kind == .year && year.from != nil && year.from == year.to && year.offset < own.mention.offset
                && !isDeadline(year, in: scalars) && !isBefore(year, in: scalars)
        }
    }

    /// Words after a plan period that make it the figure's span (期间, 时期, 以来, 末, 内).
    static let planBounds = ["期间", "时期", "以来", "来", "末", "内", "年"].map { Array($0.unicodeScalars) }

    /// The plan durations of a sentence, in order: where each ends and its N (N年内, 用N年(时间),
    /// 今后N年, 未来N年, 再用N年; N from 2 to 10, in digits or Chinese). Found once per sentence:
    /// only a 年 starts the look around it.
    static func planDurations(in scalars: [Unicode.Scalar], sentence: Range<Int>) -> [(end: Int, years: Int)] {
        var found: [(end: Int, years: Int)] = []
        let upper = min(sentence.upperBound, scalars.count)
        var j = sentence.lowerBound + 1
        while j < upper {
            defer { j += 1 }
            guard scalars[j] == "年", let n = durationNumber(scalars[j - 1]) else { continue }
            let i = j - 1
            if i > sentence.lowerBound, ("0"..."9").contains(scalars[i - 1]) { continue }
            let after = j + 1 < scalars.count ? scalars[j + 1] : " "
            let before = i > 0 ? scalars[i - 1] : " "
            let before2: (Unicode.Scalar, Unicode.Scalar) = i > 1 ? (scalars[i - 2], scalars[i - 1]) : (" ", " ")
            if after == "内" || before == "用" || before2 == ("今", "后") || before2 == ("未", "来") || before2 == ("再", "用")
            {
                found.append((j + 1, n))
            }
        }
        return found
    }

    private static func durationNumber(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "两", "二", "2": 2
        case "三", "3": 3
        case "四", "4": 4
        case "五", "5": 5
        case "六", "6": 6
        case "七", "7": 7
        case "八", "8": 8
        case "九", "9": 9
        case "十": 10
        default: nil
        }
    }
}

extension FactBuilder {
    /// Which scope gave a figure its year, for `--explain` and the lineage: the year mention of its
    /// own clause before or after it (`scope:clause-before`, `scope:clause-after`), of an earlier clause
    /// of its sentence (`scope:sentence-before`; a later clause's year dates none: `scope:no-later-clause`
    /// in `ownYear`), a year that opened an earlier sentence of the paragraph (`scope:paragraph`), a year
    /// the kinds of sentence derived (a list after 分别, a start year with a duration, a since-year's end: `scope:derived`), or the section
    /// heading's (`scope:section`). A year from the report itself keeps the reference-year rule's id.
    static func scopeRule(
        own: (mention: YearMention, source: ContextSource)?, from: Int?, source: ContextSource,
        quantity: QuantityMention, sentence: Range<Int>
    ) -> String {
        switch source {
        case .section: return "scope:section"
        case .clause, .sentence:
            guard let own, own.mention.from == from, own.source == source else { return "scope:derived" }
            let side = own.mention.offset < quantity.offset ? "before" : "after"
            if own.source == .sentence, own.mention.offset < sentence.lowerBound {
                return "scope:paragraph"
            }
            return "scope:\(source.rawValue)-\(side)"
        case .document, .none: return ""
        }
    }
}
