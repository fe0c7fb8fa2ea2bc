/// The years a text names that vote for its reference year when no date line or plan heading
/// gives it: the latest vote wins. A school or fiscal year (2013至2014学年) votes with its first
/// year (`ref-range-start`), a year that opens a span since it (自2011年始) does not vote.
///
/// ```swift
/// var votes = LatestYearVotes()
/// votes.add(2014)
/// votes.latest  // 2014
/// ```
struct LatestYearVotes {
    /// Every vote, in text order.
    private(set) var years: [Int] = []
    /// Years that voted as a two-year range's start, and years that voted as years of their own.
    private var rangeStarts: Set<Int> = []
    private var plain: Set<Int> = []

    /// The latest year voted for.
    var latest: Int? { years.max() }

    /// A vote for `year` as a year of its own.
    mutating func add(_ year: Int) {
        years.append(year)
        plain.insert(year)
    }

    /// A vote of a plain year or range with no cue: nothing for a year after 自/从/由 (自2011年始), the
    /// first year for a two-year range, else its last.
    mutating func addUncued(_ found: FoundYear, from: Int, to: Int, in line: ScalarLine) {
        if found.kind == .year, Normalizer.opensSince(line, yearAt: found.start) { return }
        guard found.kind == .range, to == from + 1 else { return add(to) }
        years.append(from)
        rangeStarts.insert(from)
    }

    /// The latest year voted for when it is the text's dominant year: named at least twice and no other year
    /// more often (全县共有学校486所… under 2022年, its only year, three times). A report that names its year
    /// that often speaks in it; a latest year named once among others (a completion date, a history's end)
    /// is only mentioned.
    var dominant: Int? {
        guard let latest else { return nil }
        var counts: [Int: Int] = [:]
        for year in years { counts[year, default: 0] += 1 }
        let own = counts[latest] ?? 0
        return own >= 2 && counts.values.allSatisfy { $0 <= own } ? latest : nil
    }

    /// The rule that names a latest-year reference: `ref-range-start` when only a range's start voted for it.
    func rule(for frame: DocumentTimeFrame) -> String? {
        guard frame.referenceRule == "ref-latest-year", let year = frame.referenceYear, rangeStarts.contains(year),
            !plain.contains(year), frame.reviewPeriod?.upperBound != year
        else { return frame.referenceRule }
        return "ref-range-start"
    }
}
