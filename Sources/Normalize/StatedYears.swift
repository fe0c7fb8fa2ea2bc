import EduwhCore

/// The years a text states as its own, kept apart from the years it only mentions: what 今年, 全年,
/// 去年 and a date without a year (5月20日) resolve against when no date line or plan heading gives the
/// year. A year is stated by the report's title (2015年工作总结, 2015-2016学年…: a two-year school year
/// by its first year), a year heading (一、2015年工作回顾), a reviewed period (现将2015年…汇报如下) or the
/// text's own words (2015年是…, 在过去的2015年里, 召开2019年…会议, 在2015年全县教育工作会议上, 2012年我们将…; `context-words.tsv`
/// roles `own-year-lead`, `own-year-follower` and `own-year-clause`). A comparison's base (比2010年), a history (始建于1958年),
/// a horizon (到2020年), a completion date (预计2016年9月) or a since-year (2008年以来) states nothing:
/// a text that names only such years leaves its relative years empty (`no-ref`), as the gold does.
///
/// ```swift
/// var stated = StatedYears()
/// stated.note(2015, rule: StatedYears.titleRule)
/// stated.latest?.rule  // "ref-title"
/// ```
struct StatedYears {
    /// The rule that first stated each year.
    private(set) var rules: [Int: String] = [:]
    /// Years that open a sentence or clause as its topic (2017年，县政协组织…: `Normalizer.statesWhen`).
    var opening: Set<Int> = []
    /// The text speaks of its present year (今年, 本年度, 年内, 全年, 年底: `Normalizer.namesPresentYear`).
    var speaksOfPresent = false

    /// The title names the year (2015年工作总结).
    static let titleRule = "ref-title"
    /// A year heading or lead-in names it (一、2015年主要工作, 2015年全县…情况是:).
    static let headingRule = "ref-heading"
    /// The text's own words name it as its present (2015年是…, 在过去的2015年里, 召开2019年…会议).
    static let ownWordsRule = "ref-own-words"
    /// No year is stated, but the latest year named is the text's dominant one (`LatestYearVotes.dominant`).
    static let dominantRule = "ref-dominant-year"
    /// No year is stated, but the text names one year only, as a sentence's topic, and speaks of its present
    /// (`sole(named:)`).
    static let soleRule = "ref-sole-year"
    /// The text names its present as a plan period's last or first year (今年是“十二五”收官之年 → 2015).
    static let planStageRule = "ref-plan-stage"

    /// Notes that `rule` states `year` (the first rule to state a year names it).
    mutating func note(_ year: Int, rule: String) {
        if rules[year] == nil { rules[year] = rule }
    }

    /// The year the text works in when it names no other (`ref-sole-year`): the text speaks of its present year
    /// (今年, 年内), it names `named` years in all (deadlines and bases included) and that one year opens a
    /// sentence or clause as its topic (2021年，全县教育事业…; 获悉，2023年东昌府区将…). A sole year named only as a
    /// base, a since-year, a founding or a deadline (比1949年, 自2010年, 成立于1957年, 到2020年) is no year the
    /// text works in; nor is one a text names without a word of its present (a history, a profile).
    func sole(named: Int) -> Int? {
        guard speaksOfPresent, named == 1, opening.count == 1 else { return nil }
        return opening.first
    }

    /// The latest stated year and the rule that stated it.
    var latest: (year: Int, rule: String)? {
        rules.max { $0.key < $1.key }.map { (year: $0.key, rule: $0.value) }
    }

    /// Words right before a year that state it as the text's own (过去的, 召开).
    static let leads = NormalizeRules.standard.words("own-year-lead")
    /// Words right after a year that state it as the text's own (是: 2015年是…).
    static let followers = NormalizeRules.standard.words("own-year-follower")

    /// Whether the text's own words around the year at `start..<end` state it as its present.
    static func ownWords(_ line: ScalarLine, start: Int, end: Int) -> Bool {
        var after = end
        while after < line.count, ScalarClass.isSpace(line[after]) { after += 1 }
        if followers.contains(where: { line.matches($0, at: after) }) { return true }
        var before = start
        while before > 0, ScalarClass.isSpace(line[before - 1]) { before -= 1 }
        if leads.contains(where: { line.matches($0, endingAt: before) }) { return true }
        // The year of a meeting the text reports from (在2015至2016学年全市教育系统会议上获悉), or of the
        // work it plans (2012年我们将进一步完善…).
        var k = end
        while k < line.count, k - end < meetingReach, !ScalarClass.isClauseBreak(line[k]) {
            if meetings.contains(where: { line.matches($0, at: k) }) { return true }
            k += 1
        }
        return false
    }

    /// Words in the clause after a year that make it the year the text meets or plans in (…工作会议上, 我们将).
    static let meetings = NormalizeRules.standard.words("own-year-clause")
    /// How far after a year a meeting word may stand, in scalars.
    static let meetingReach = 24
}

extension Normalizer {
    /// The rules' frame (`rulesFrame`: a date line, a plan heading, the latest year named) with its reference year
    /// then taken from the years the text states (`statedFrame`); `named` counts the years the text names.
    static func chosenFrame(
        dateLine: Int?, plans: [Int], reviews: [ClosedRange<Int>], votes: LatestYearVotes, stated: StatedYears,
        named: Int, sections: [DocumentTimeFrame.Section]
    ) -> DocumentTimeFrame {
        let frame = rulesFrame(
            dateLine: dateLine, plans: plans, review: reviews.first, latest: votes.latest, sections: sections)
        return statedFrame(frame, votes: votes, stated: stated, review: reviews.first, named: named)
    }

    /// The rules' frame with its reference year taken from the years the text states (`StatedYears`):
    /// when the rules fell back on the latest year named (`ref-latest-year`, `ref-range-start`) or the
    /// reviewed period, the latest stated year (the reviewed period's end among them) is the reference
    /// year; with none stated, the latest year named when it dominates the text (`ref-dominant-year`), else the
    /// reference year is empty (its relative years and facts say `no-ref`).
    static func statedFrame(
        _ frame: DocumentTimeFrame, votes: LatestYearVotes, stated: StatedYears, review: ClosedRange<Int>?,
        named: Int = 0
    ) -> DocumentTimeFrame {
        var frame = frame
        frame.referenceRule = votes.rule(for: frame)
        // 今年是“十二五”收官之年 in a text that writes no year: the plan's stage alone names the present.
        if frame.referenceSource == nil, let own = stated.latest, own.rule == StatedYears.planStageRule {
            frame.referenceYear = own.year
            frame.referenceSource = .reviewedOrLatestYear
            frame.referenceRule = own.rule
            return frame
        }
        guard frame.referenceSource == .reviewedOrLatestYear else { return frame }
        var stated = stated
        if let review { stated.note(review.upperBound, rule: "ref-review-period") }
        var chosen = frame
        if let own = stated.latest {
            chosen.referenceYear = own.year
            chosen.referenceRule = own.rule
        } else if let dominant = votes.dominant {
            chosen.referenceYear = dominant
            chosen.referenceRule = StatedYears.dominantRule
        } else if let sole = stated.sole(named: named) {
            chosen.referenceYear = sole
            chosen.referenceRule = StatedYears.soleRule
        } else {
            chosen.referenceYear = nil
            chosen.referenceSource = nil
            chosen.referenceRule = nil
        }
        return chosen
    }
}

extension Normalizer {
    /// Notes the year `found` (`from`–`to`) when the line states it as the text's own (`StatedYears`): in a
    /// title, a year heading or lead-in, or the text's own words. Dates, long spans (2016-2020年) and
    /// since-years (自2008年, 2008年以来) state nothing; a deadline or comparison was left out before.
    func noteStated(
        _ found: FoundYear, role: NormalizeRules.CueRole?, span: ClosedRange<Int>, in line: ScalarLine,
        isTitle: Bool, stated: inout StatedYears
    ) {
        let (from, to) = (span.lowerBound, span.upperBound)
        if role != .target, Self.statesWhen(found, in: line) { stated.opening.insert(to) }
        guard role != .target, found.kind == .year || (found.kind == .range && to == from + 1),
            !Self.opensSince(line, yearAt: found.start), !Self.closesSince(line, yearEnd: found.end)
        else { return }
        // A school or fiscal year (2015-2016学年) speaks from its first year, as the latest-year votes do.
        if isTitle {
            stated.note(from, rule: StatedYears.titleRule)
        } else if Self.isNumberedHeading(line, yearAt: found.start) || Self.isLeadIn(line, yearAt: found.start) {
            stated.note(from, rule: StatedYears.headingRule)
        } else if StatedYears.ownWords(line, start: found.start, end: found.end) {
            stated.note(from, rule: StatedYears.ownWordsRule)
        }
    }

    private static let sinceWord = "以来".scalarValues

    /// Notes what a line says of the text's present: that it speaks of it (今年, 年内) and the year a plan's
    /// stage names it (今年是“十二五”收官之年, `ref-plan-stage`).
    static func notePresent(_ found: [FoundYear], in line: ScalarLine, stated: inout StatedYears) {
        if found.contains(where: namesPresentYear) { stated.speaksOfPresent = true }
        if let year = planStageYear(found, in: line) { stated.note(year, rule: StatedYears.planStageRule) }
    }

    /// Words after 今年是 and a plan period that make the present the plan's last year (收官, 最后一年).
    static let planStageEnds = NormalizeRules.standard.words("plan-stage-end")
    /// Words that make it the plan's first year (开局, 第一年).
    static let planStageStarts = NormalizeRules.standard.words("plan-stage-start")
    /// How far after the plan period a stage word may stand (“十二五”发展规划的收官之年), in scalars.
    static let planStageReach = 10

    /// The year the text's present is when it names it as a stage of a plan period (`ref-plan-stage`):
    /// 今年是“十二五”收官之年 → 2015, 今年是“十四五”开局之年 → 2021. `found` are the line's mentions in order.
    static func planStageYear(_ found: [FoundYear], in line: ScalarLine) -> Int? {
        for (i, present) in found.enumerated() where namesPresentYear(present) && i + 1 < found.count {
            var k = present.end
            while k < line.count, ScalarClass.isSpace(line[k]) { k += 1 }
            guard line.at(k) == 0x662F else { continue }  // 是
            let plan = found[i + 1]
            guard plan.kind == .planPeriod, plan.start > k, plan.start - k <= 3, let first = plan.from,
                let last = plan.to
            else { continue }
            var j = plan.end
            while j < line.count, j - plan.end <= planStageReach, !ScalarClass.isClauseBreak(line[j]) {
                if planStageEnds.contains(where: { line.matches($0, at: j) }) { return last }
                if planStageStarts.contains(where: { line.matches($0, at: j) }) { return first }
                j += 1
            }
        }
        return nil
    }

    /// Whether a single year says when the text acts (`StatedYears.sole(named:)`): it opens its sentence or
    /// clause as the topic (2021年，全县…; 据悉，2012年全市…). Not a year before 以来, 前, 以前, 的, nor a date: a
    /// date with its month is more often a history's (始建于1986年6月, 2018年6月开始动工) or a page's.
    static func statesWhen(_ found: FoundYear, in line: ScalarLine) -> Bool {
        guard found.kind == .year, found.from != nil, found.from == found.to, !closesSince(line, yearEnd: found.end),
            sentencePlace(line, yearAt: found.start) == "opens"
        else { return false }
        var k = found.end
        while k < line.count, ScalarClass.isSpace(line[k]) { k += 1 }
        // 前, 以前: a bound; 的: a closed year's figures the text names (2013年的基金共资助…; 今年 is not 2013).
        if line.at(k) == 0x524D || line.at(k) == 0x7684 || (line.at(k) == 0x4EE5 && line.at(k + 1) == 0x524D) {
            return false
        }
        // 2008年我县启动实施校舍安全工程以来，…: the clause it opens runs since it.
        while k < line.count, !ScalarClass.isClauseBreak(line[k]) {
            if line.matches(sinceWord, at: k) { return false }
            k += 1
        }
        return true
    }

    /// Whether a relative mention names the year the text speaks in itself (今年, 本年度, 年内, 全年, 年底), not
    /// one counted from it (去年, 明年): `StatedYears.sole(named:)` asks for one.
    static func namesPresentYear(_ found: FoundYear) -> Bool {
        (found.anchor == .reference || found.anchor == .section) && found.fromOffset == 0 && found.toOffset == 0
            && found.kind == .relative
    }

    /// True when 以来 follows the year (2008年以来): a span up to now, not the year the text speaks in.
    static func closesSince(_ line: ScalarLine, yearEnd end: Int) -> Bool {
        var k = end
        while k < line.count, ScalarClass.isSpace(line[k]) { k += 1 }
        return line.matches(sinceWord, at: k)
    }
}
