import EduwhCore
import Normalize

/// Issue 24: the report's own year reaches the figures it gives no nearer year.
/// - A year the text states as its own (`StatedYears` in Normalize: its title, a year heading or lead-in,
///   its own words 2015年是…, the reviewed period's end) is the period of such figures, as a date line is.
/// - A report whose first sentence dates the event it gives account of (督导组于2006年4月12日至17日对我区…
///   进行专项督查; 我校于2020年11月6日至7日进行了…测试，下面对本次测试情况做一下汇报; 对2017年2月底…进展情况
///   进行了整理、汇总。现将有关情况通报如下) reports that year (`period-event-date`).
extension DocumentProfiler {
    /// Reference-year rules that state the year as the text's own (`StatedYears` in Normalize). Not the
    /// dominant year (`ref-dominant-year`): a year the text only names most often.
    static let statedReferenceRules: Set<String> = [
        "ref-title", "ref-heading", "ref-own-words", "ref-review-period", "ref-sole-year", "ref-plan-stage",
    ]

    /// The period a report's reference year gives when no title, opening or span does: the reviewed period,
    /// else the reference year when a date line, a plan heading or a year the text states as its own gave it,
    /// or when it is only the latest year named but the text speaks of 今年/全年 or names no other year
    /// at least twice. None otherwise: a guess is worse than no year.
    func referencePeriod(
        _ referenceYear: Int?, years: [Located<YearMention>], frame: DocumentTimeFrame?
    ) -> (from: Int, to: Int, rule: String)? {
        guard let frame else { return referenceYear.map { ($0, $0, "") } }
        if let review = frame.reviewPeriod { return (review.lowerBound, review.upperBound, "") }
        guard let reference = referenceYear else { return nil }
        if frame.referenceSource == .dateLine || frame.referenceSource == .planHeading {
            return (reference, reference, "")
        }
        // A year the text states as its own (its title, a year heading, its own words: 2015年是…) dates the
        // figures it gives no nearer year, as a date line does.
        if let rule = frame.referenceRule, Self.statedReferenceRules.contains(rule) {
            return (reference, reference, "")
        }
        // Only the latest year named: the report's own when it speaks of 今年/全年 (words that count
        // from the year it speaks in), or names no other year, at least twice.
        if years.contains(where: {
            $0.mention.kind == .relative && Self.currentYearWords.contains(where: $0.mention.surface.contains)
        }) {
            return (reference, reference, "")
        }
        let named = years.filter { ($0.mention.kind == .year || $0.mention.kind == .date) && $0.mention.from != nil }
        if named.count >= 2, named.allSatisfy({ $0.mention.from == reference && $0.mention.to == reference }) {
            return (reference, reference, "")
        }
        return nil
    }

    /// The period rule of a report whose first sentence dates the event it gives account of.
    static let eventDateRule = "period-event-date"

    /// Whether `date`, a full date of one year (2006年4月12日, 2017年2月底) in the first sentence of a report's
    /// first line, dates the event the report gives account of: its sentence goes on to the event (对…进行专项
    /// 督查, 召开…会议, 举行) or the next sentence frames the account (现将有关情况通报如下, 汇报如下). Not a
    /// founding date (始建于1958年9月), a deadline (到2020年9月), a base (比2015年), a start (自2008年3月), nor a
    /// date inside a document's name or after an earlier sentence (a history told before it).
    static func datesReportedEvent(_ date: YearMention, in text: [Unicode.Scalar]) -> Bool {
        guard date.kind == .date, let year = date.from, date.to == year, date.surface.unicodeScalars.contains("月"),
            date.offset <= text.count, !isInsideName(date.offset, in: text),
            !FactBuilder.isFoundingYear(date, in: text)
        else { return false }
        let lead: Unicode.Scalar = date.offset > 0 ? text[date.offset - 1] : "。"
        guard !eventDateBlockers.contains(lead),
            !(0..<date.offset).contains(where: { sentenceStops.contains(text[$0]) })
        else { return false }
        // The date's sentence, and the one after it (…汇总。现将有关情况通报如下).
        let start = min(text.count, date.offset + date.surface.unicodeScalars.count)
        var end = start
        var stops = 0
        while end < text.count, stops < 2 {
            if sentenceStops.contains(text[end]) { stops += 1 }
            end += 1
        }
        return (start..<end).contains { k in eventWords.contains { FactBuilder.starts($0, at: k, in: text) } }
    }

    /// Words right before a date that make it no date of the reported event (到, 至, 比, 自, 从; 截至 is `asOf`).
    static let eventDateBlockers: Set<Unicode.Scalar> = ["到", "至", "比", "自", "从", "前", "《"]
    /// Marks that end a sentence.
    static let sentenceStops: Set<Unicode.Scalar> = ["。", "！", "？", "!", "?"]
    /// Words of an event a report gives account of (进行, 开展, 召开, 举行), or of the account's frame (如下, 汇报).
    static let eventWords = ["进行", "开展", "召开", "举行", "如下", "汇报"].map { Array($0.unicodeScalars) }
}

extension DocumentProfiler {
    /// The id of the rule that read the report's period (`period(titleLines:…)`, the same lines `profile`
    /// reads) when no reference-year rule names it: `period-event-date`, else "".
    func periodRule(
        _ document: CleanDocument, years: [Located<YearMention>], frame: DocumentTimeFrame
    ) -> String {
        let titles = document.lines.filter { $0.label == .title && !cues.isSiteTitle($0.text) }
        let body = document.bodyLines
        let numbers = Set((titles + body).map(\.number))
        let period = self.period(
            titleLines: titles, opening: Array(body.prefix(Self.openingLines)),
            years: years.filter { numbers.contains($0.line) }, referenceYear: frame.referenceYear, frame: frame)
        return period?.rule ?? ""
    }
}

extension FactBuilder {
    /// A figure dated by the report's period that no reference-year rule names takes the period's rule
    /// (`period-event-date`), so its lineage and `--explain` say where the year came from.
    func namePeriodRule(
        _ facts: inout [Fact], document: CleanDocument, years: [Located<YearMention>], frame: DocumentTimeFrame,
        profile: DocumentProfile
    ) {
        guard let to = profile.periodTo,
            facts.contains(where: { $0.yearSource == .document && $0.yearRule.isEmpty && $0.yearTo == to })
        else { return }
        let rule = profiler.periodRule(document, years: years, frame: frame)
        guard !rule.isEmpty else { return }
        for i in facts.indices
        where facts[i].yearSource == .document && facts[i].yearRule.isEmpty && facts[i].yearTo == to {
            facts[i].yearRule = rule
        }
    }
}
