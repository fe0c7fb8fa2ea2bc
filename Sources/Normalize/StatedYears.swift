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

    /// The title names the year (2015年工作总结).
    static let titleRule = "ref-title"
    /// A year heading or lead-in names it (一、2015年主要工作, 2015年全县…情况是:).
    static let headingRule = "ref-heading"
    /// The text's own words name it as its present (2015年是…, 在过去的2015年里, 召开2019年…会议).
    static let ownWordsRule = "ref-own-words"
    /// No year is stated, but the latest year named is the text's dominant one (`LatestYearVotes.dominant`).
    static let dominantRule = "ref-dominant-year"

    /// Notes that `rule` states `year` (the first rule to state a year names it).
    mutating func note(_ year: Int, rule: String) {
        if rules[year] == nil { rules[year] = rule }
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
    /// The rules' frame with its reference year taken from the years the text states (`StatedYears`):
    /// when the rules fell back on the latest year named (`ref-latest-year`, `ref-range-start`) or the
    /// reviewed period, the latest stated year (the reviewed period's end among them) is the reference
    /// year; with none stated, the latest year named when it dominates the text (`ref-dominant-year`), else the
    /// reference year is empty (its relative years and facts say `no-ref`).
    static func statedFrame(
        _ frame: DocumentTimeFrame, votes: LatestYearVotes, stated: StatedYears, review: ClosedRange<Int>?
    ) -> DocumentTimeFrame {
        var frame = frame
        frame.referenceRule = votes.rule(for: frame)
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

    /// True when 以来 follows the year (2008年以来): a span up to now, not the year the text speaks in.
    static func closesSince(_ line: ScalarLine, yearEnd end: Int) -> Bool {
        var k = end
        while k < line.count, ScalarClass.isSpace(line[k]) { k += 1 }
        return line.matches(sinceWord, at: k)
    }
}
