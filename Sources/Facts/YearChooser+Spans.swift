import EduwhCore
import Normalize

/// A span of years a figure may refer to that no mention writes out, and the topic year a
/// paragraph opens with, carried to the lines after it: candidates of the year chooser.
///
/// ```swift
/// // 从2014年开始，经过五年努力，… → 2014...2018; 2021年以来，… (report of 2023) → 2021...2023
/// YearChooser.derivedSpan(mention, in: scalars, sentenceEnd: scalars.count, latest: 2023)
/// ```
public struct YearTopic: Sendable, Hashable {
    /// The years the topic names (its derived span when it opens one).
    public var years: ClosedRange<Int>
    /// What it looks like: its kind, whether it is a since-year or a start with a duration, a
    /// plan period's 期间, and (set where it is read) how far back it stands.
    public var features: [String]
    /// The line it opened (1-based raw number).
    public var line: Int

    public init(years: ClosedRange<Int>, features: [String], line: Int) {
        (self.years, self.features, self.line) = (years, features, line)
    }
}

extension YearChooser {
    /// The span a single year opens: from it over a duration the sentence gives after it
    /// (从2014年开始，经过五年努力 / 2019年起用三年时间 → 2014...2018 / 2019...2021), else, for a
    /// since-year (2021年以来, 自2015年起), from it to `latest` (the report's or section's year)
    /// when that is later. Nil for any other mention.
    static func derivedSpan(
        _ mention: YearMention, in scalars: [Unicode.Scalar], sentenceEnd: Int, latest: Int?
    ) -> (years: ClosedRange<Int>, feature: String)? {
        guard mention.kind == .year, let from = mention.from, mention.to == from, FactBuilder.factYears.contains(from)
        else { return nil }
        var end = mention.offset + mention.surface.unicodeScalars.count
        while end < scalars.count, scalars[end] == " " || scalars[end] == "\u{3000}" { end += 1 }
        let since = FactBuilder.since(mention, in: scalars)
        let starts = since || opensStart(at: end, in: scalars)
        guard starts else { return nil }
        let upper = min(sentenceEnd, scalars.count, end + durationReach)
        if let years = duration(in: scalars, from: end, to: upper), FactBuilder.factYears.contains(from + years - 1) {
            return (from...(from + years - 1), "span:duration")
        }
        if let latest, latest > from, FactBuilder.factYears.contains(latest) {
            return (from...latest, "span:tolatest")
        }
        return nil
    }

    /// How far after a start year a duration is looked for, in scalars.
    static let durationReach = 16

    /// Whether a start word follows a year: 2014年起 (not 起草), 2014年开始.
    static func opensStart(at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        guard index < scalars.count else { return false }
        if scalars[index] == "起" {
            let next: Unicode.Scalar = index + 1 < scalars.count ? scalars[index + 1] : "。"
            return !"草义来步".unicodeScalars.contains(next)
        }
        return FactBuilder.starts(startScalars, at: index, in: scalars)
    }

    static let startScalars = Array("开始".unicodeScalars)

    /// N of the first duration (经过五年, 用三年, 历时两年, 花3年) in `from..<to`; N from 2 to 10.
    static func duration(in scalars: [Unicode.Scalar], from: Int, to: Int) -> Int? {
        var k = from + 1
        while k + 1 < to {
            defer { k += 1 }
            guard scalars[k + 1] == "年", durationLeads.contains(scalars[k - 1]), let n = durationValue(scalars[k])
            else { continue }
            return n
        }
        return nil
    }

    /// The words before a duration's number: 经过, (利)用, 历时, 花.
    static let durationLeads: Set<Unicode.Scalar> = ["过", "用", "时", "花"]

    static func durationValue(_ scalar: Unicode.Scalar) -> Int? {
        let digits: [Unicode.Scalar: Int] = [
            "两": 2, "二": 2, "2": 2, "三": 3, "3": 3, "四": 4, "4": 4, "五": 5, "5": 5, "六": 6, "6": 6, "七": 7,
            "7": 7, "八": 8, "8": 8, "九": 9, "9": 9, "十": 10,
        ]
        return digits[scalar]
    }

    /// Farthest a year may stand from its line's start to open the line as its topic (从, 自, “十五”).
    static let topicReach = 3

    /// The topic a line opens with: its first year mention when it stands at the line's start and
    /// names a year or span facts may carry, as the span it opens (`derivedSpan`) when it opens one.
    static func topic(
        of mentions: [YearMention], line: Int, scalars text: () -> [Unicode.Scalar], latest: Int?
    ) -> YearTopic? {
        guard let first = mentions.min(by: { $0.offset < $1.offset }), first.offset <= topicReach,
            let named = names(first)
        else { return nil }
        let scalars = text()
        var features = ["t:" + first.kind.rawValue]
        var years = named
        let end = first.offset + first.surface.unicodeScalars.count
        if let span = derivedSpan(first, in: scalars, sentenceEnd: scalars.count, latest: latest) {
            (years, features) = (span.years, features + ["t:" + span.feature])
        } else if FactBuilder.since(first, in: scalars) {
            features.append("t:since")
        }
        var index = end
        while index < scalars.count, "”\"’」』".unicodeScalars.contains(scalars[index]) { index += 1 }
        if FactBuilder.starts(duringScalars, at: index, in: scalars) { features.append("t:during") }
        if index < scalars.count, scalars[index] == "，" || scalars[index] == "," { features.append("t:comma") }
        return YearTopic(years: years, features: features, line: line)
    }

    static let duringScalars = Array("期间".unicodeScalars)

    /// Sets each line's `topic`: the last topic an earlier kept body line opened with (`topic(of:)`),
    /// with how many kept lines back it stands and whether a numbered heading came between.
    static func carryTopics(
        _ scopes: inout [SectionScope.State], _ lines: [LabeledLine], _ years: [Int: [Located<YearMention>]],
        sections: SectionScope, latest: Int?
    ) {
        var carried: YearTopic?
        var back = 0
        var headed = false
        for (index, line) in lines.enumerated() where index < scopes.count && line.label.isKept {
            if var carried {
                carried.features += ["t:back" + YearGate.bucket(back, [1, 2, 4, 8])] + (headed ? ["t:head"] : [])
                scopes[index].topic = carried
            }
            guard line.label == .body else { continue }
            back += 1
            let mentions = (years[line.number] ?? []).map(\.mention)
            let text = line.text
            if let opened = topic(of: mentions, line: line.number, scalars: { text.simplifiedScalars }, latest: latest)
            {
                (carried, back, headed) = (opened, 0, false)
            } else if sections.heading(in: line.text) != nil {
                headed = true
            }
        }
    }
}
