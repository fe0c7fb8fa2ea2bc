import EduwhCore

/// When a document speaks from and what period it reports on, inferred from its own text; used to
/// resolve relative years (今年, 去年, 两年来, 全年) and dates written without a year (3月8日).
///
/// The reference year comes, in order of trust, from a date line under the title or at the end
/// ((2009年5月13日)), from a plan heading (2012年工作打算), or from the latest explicit year the
/// text mentions that is not a deadline (在2015年前); a school or fiscal year (2013至2014学年) votes
/// with its first year, and a year that opens a span since it (自2011年始) does not vote
/// (`referenceRule` names the rule). The reviewed period comes from review cues
/// (2011年工作回顾, 2007-2008年…述职报告, 现将本人2007至2008年…). Site metadata (a scraper's
/// repost date) is never used.
///
/// ```swift
/// let frame = Normalizer.standard.timeFrame(of: document)
/// frame.referenceYear  // 2009
/// frame.reviewPeriod   // 2007...2008
/// ```
public struct DocumentTimeFrame: Sendable, Hashable {
    /// The year the document speaks from (今年); nil when its text does not make it clear.
    public var referenceYear: Int?
    /// The year or years the document reports on (过去的一年, 两年来), when stated.
    public var reviewPeriod: ClosedRange<Int>?
    /// Sections that start with a year heading (一、2011年工作回顾 → 2011 from that line on).
    public var sections: [Section]
    /// Where the reference year came from.
    public var referenceSource: ReferenceSource?
    /// The document counts years of the Republic of China (民國99年, 99學年度): its two-digit
    /// years (99年9月1日) are ROC years too (2010), not 1999. Two ROC years written with a word of time
    /// (109年度, 自102年度起) in traditional script count too: a Taiwanese text that writes no 民國 and no 新臺幣.
    public var rocEra = false
    /// The learned chooser (`ReferenceYearChooser`) overruled the rules' reference year.
    public var referenceChosen = false
    /// The rule that gave the reference year, for lineage and `--explain`: `ref-dateline`,
    /// `ref-plan-heading`, `ref-review-period`, `ref-latest-year`, `ref-range-start` (the latest year
    /// named is a range's start: 2013至2014学年…今年 → 2013), `ref-chooser`; nil with no reference year.
    public var referenceRule: String?

    /// What the reference year was read from; it decides whether "两年来" ends with the
    /// reference year (a year-end summary) or the year before it (a speech early in the new year).
    public enum ReferenceSource: String, Sendable, Hashable {
        /// A date line under the title or at the end: (2009年5月13日).
        case dateLine
        /// A plan heading: 2012年工作打算.
        case planHeading
        /// The reviewed year itself, or the latest year the text mentions.
        case reviewedOrLatestYear
    }

    /// A run of lines under a year heading.
    public struct Section: Sendable, Hashable {
        /// 1-based raw line number of the heading.
        public var line: Int
        public var year: Int

        /// A section starting at raw line `line` about `year`.
        public init(line: Int, year: Int) {
            self.line = line
            self.year = year
        }
    }

    /// A frame with the given years; `Normalizer.timeFrame(of:)` infers one from a document.
    public init(
        referenceYear: Int? = nil, reviewPeriod: ClosedRange<Int>? = nil, sections: [Section] = [],
        referenceSource: ReferenceSource? = nil
    ) {
        self.referenceYear = referenceYear
        self.reviewPeriod = reviewPeriod
        self.sections = sections
        self.referenceSource = referenceSource
    }

    /// The year of the section `line` stands in, if any.
    public func sectionYear(atLine line: Int?) -> Int? {
        guard let line else { return nil }
        var year: Int? = nil
        for section in sections where section.line <= line { year = section.year }
        return year
    }

    /// The single reviewed year (过去的一年): the review period when it is one year, else the year
    /// before the reference year.
    var reviewYear: Int? {
        if let period = reviewPeriod, period.lowerBound == period.upperBound { return period.lowerBound }
        return referenceYear.map { $0 - 1 }
    }

    /// The full year of a year written with two digits (05年, 八五年): the one nearest the
    /// document's own year and at most 20 years after it (in a 2012 report 98年 is 1998 and 15年
    /// is 2015); with no reference year, 00–40 are 2000–2040 and 41–99 are 1941–1999. Never the
    /// current date.
    func century(of yy: Int, notBefore: Int? = nil) -> Int {
        if rocEra { return 1911 + yy }
        var year: Int
        if let r = referenceYear {
            year = (r / 100) * 100 + yy
            if year > r + 20 { year -= 100 }
            if year < r - 80 { year += 100 }
        } else {
            year = yy <= 40 ? 2000 + yy : 1900 + yy
        }
        if let floor = notBefore, year < floor { year += 100 }
        return year
    }

    /// Resolves a found mention to its years and names what it counted from (its basis, for lineage and
    /// `extract --years --explain`): `sentence` (a year earlier in its sentence or paragraph), `section`
    /// (the year heading it stands under), `review` (the reviewed period), the reference year's rule
    /// (`ref-dateline`, `ref-title`, …), or `no-ref` when the text does not say its own year (left empty).
    /// `sentenceYear` is the year a sentence before it in its paragraph opens with (2022年，全市…。…较上年
    /// 提高): a section-anchored word (上年, 全年) or a date without a year after it counts from it.
    func resolve(_ found: FoundYear, line: Int?, sentenceYear: Int? = nil) -> (from: Int?, to: Int?, basis: String?) {
        if let yy = found.yearOfCentury {
            let from = century(of: yy)
            let to = found.toYearOfCentury.map { century(of: $0, notBefore: from) } ?? from
            return (from, to, nil)
        }
        guard let anchor = found.anchor else { return (found.from, found.to, nil) }
        let reference = referenceRule ?? Self.noReference
        if found.needsYear {
            if let year = sentenceYear { return (year, year, "sentence") }
            if let year = sectionYear(atLine: line) { return (year, year, "section") }
            return (referenceYear, referenceYear, reference)
        }
        switch anchor {
        case .reference:
            guard let r = referenceYear else { return (nil, nil, reference) }
            return (r + found.fromOffset, r + found.toOffset, reference)
        case .review:
            if let period = reviewPeriod, period.lowerBound == period.upperBound {
                return (period.lowerBound + found.fromOffset, period.lowerBound + found.toOffset, "review")
            }
            // A text whose dominant year is its only stated one reviews that year: its 一年来 is the year
            // it names most (fh19, fi12, fx10), not the year before it.
            if referenceRule == StatedYears.dominantRule, let r = referenceYear {
                return (r + found.fromOffset, r + found.toOffset, reference)
            }
            guard let y = reviewYear else { return (nil, nil, reference) }
            return (y + found.fromOffset, y + found.toOffset, reference)
        case .section:
            if let y = sentenceYear { return (y + found.fromOffset, y + found.toOffset, "sentence") }
            if let y = sectionYear(atLine: line) { return (y + found.fromOffset, y + found.toOffset, "section") }
            if let y = reviewPeriod.flatMap({ $0.count == 1 ? $0.lowerBound : nil }) {
                return (y + found.fromOffset, y + found.toOffset, "review")
            }
            guard let y = referenceYear else { return (nil, nil, reference) }
            return (y + found.fromOffset, y + found.toOffset, reference)
        case .back:
            let n = max(found.span, 1)
            if let y = sentenceYear { return (y - n + 1, y, "sentence") }
            if let period = reviewPeriod, period.count == n { return (period.lowerBound, period.upperBound, "review") }
            guard let r = referenceYear else { return (nil, nil, reference) }
            // A summary written in its own year counts that year in; a speech early in the next
            // year (dated, or planning the new year) counts the years before it.
            if referenceSource == .reviewedOrLatestYear { return (r - n + 1, r, reference) }
            return (r - n, r - 1, reference)
        case .ago:
            // 三年前: N years before the reference year.
            guard let r = referenceYear else { return (nil, nil, reference) }
            let n = max(found.span, 1)
            return (r - n, r - n, reference)
        case .forward:
            let n = max(found.span, 1)
            guard let r = referenceYear else { return (nil, nil, reference) }
            return (r, r + n - 1, reference)
        }
    }

    /// The basis of a relative mention left empty: the text never says its own year.
    public static let noReference = "no-ref"
}
