import EduwhCore
import Normalize

/// Kinds of sentence, by their grammar, whose year mention does not date the figures after it, or
/// dates them otherwise than the nearest-mention rules say (issue 24):
/// - the figure a change starts from (覆盖率由25%提高到86%; 从74人增加到83人) is of the change's base
///   year when the sentence names one (较2016年, 由2005年的…), else of a year the text does not say
///   (`scope:change-start`);
/// - a clause that speaks of the present (目前，…; 现阶段…) is not dated by a past year named before it
///   in its sentence or paragraph: it takes the section's or the report's year, or none (`scope:present`);
/// - a year of an institution's history (1999年因…搬迁到现址; 学校于2004年秋季迁入新址; 2000年落成…)
///   dates its own clause only (`isEventYear`);
/// - a year inside a document's name (根据《…2014——2018年…实施方案》) dates no figure of a later clause
///   (`isInTitle`);
/// - the end of a named plan period (“十三五”末…达到100%) is its last year (`scope:plan-end`).
extension FactBuilder {
    /// The years of a figure once its sentence's kind is heard, with the rule that says so; nil when
    /// no kind above applies. `sentenceYears` are all the usable year mentions of the sentence
    /// (comparison bases included), `year` what the nearest-mention rules and `refinedYear` gave.
    static func sentenceKindYear(
        _ year: (from: Int?, to: Int?, source: ContextSource), own: (mention: YearMention, source: ContextSource)?,
        quantity: QuantityMention, sentenceYears: [YearMention], clause: Range<Int>, sentence: Range<Int>,
        scalars: [Unicode.Scalar], scope: SectionScope.State, profile: DocumentProfile
    ) -> (from: Int?, to: Int?, source: ContextSource, rule: String)? {
        if let mark = changeStartMark(quantity, clause: clause, in: scalars),
            !sentenceYears.contains(where: { $0.offset > mark && $0.offset < quantity.offset })
        {
            let base = sentenceYears.last { mention in
                mention.offset < quantity.offset && mention.from != nil
                    && (isComparedWith(mention, in: scalars) || leadsComparison(mention, in: scalars)
                        || isChangeStart(mention, quantity: quantity.offset, in: scalars))
            }
            if let base, let from = base.from {
                return (from, base.to ?? from, .clause, "scope:change-start")
            }
            return (nil, nil, .none, "noyear:scope:change-start (the figure a change starts from, 由A提高到B, has no year)")
        }
        if let own, own.source == .clause || own.source == .sentence,
            speaksOfPresent(after: max(own.mention.offset, sentence.lowerBound), before: quantity.offset, in: scalars)
        {
            let now = factYear(nil, scope: scope, profile: profile)
            if now.from == nil { return (nil, nil, .none, "noyear:scope:present (目前: the present, no year said)") }
            return (now.from, now.to, now.source, now.source == .section ? "scope:section" : "")
        }
        if let own, own.source == .clause || own.source == .sentence, own.mention.kind == .planPeriod,
            let end = own.mention.to, year.to == end, endsPlanPeriod(own.mention, in: scalars)
        {
            return (end, end, own.source, "scope:plan-end")
        }
        return nil
    }

    /// A figure's years from its own mention (`own`) through the kinds of sentence: `factYear`, then
    /// `refinedYear` (since, before, recent years, 分别), then `sentenceKindYear` (a change's start, the
    /// present, a plan's end), then a plan for the next N years (三年内, 用五年时间, 今后五年: `durations`),
    /// which runs from the section's or the report's year unless the clause or sentence names one. The
    /// rule is the kind's id, if one decided.
    static func kindYear(
        _ own: (mention: YearMention, source: ContextSource)?, quantity: QuantityMention,
        among quantities: [QuantityMention], years: (sentence: [YearMention], candidates: [YearMention]),
        durations: [(end: Int, years: Int)], clause: Range<Int>, sentence: Range<Int>, scalars: [Unicode.Scalar],
        scope: SectionScope.State, profile: DocumentProfile
    ) -> (from: Int?, to: Int?, source: ContextSource, rule: String) {
        var year = refinedYear(
            factYear(own, scope: scope, profile: profile), own: own, quantity: quantity, among: quantities,
            sentenceYears: years.candidates, sentence: sentence, scalars: scalars, scope: scope, profile: profile)
        var rule = ""
        if let kind = sentenceKindYear(
            year, own: own, quantity: quantity, sentenceYears: years.sentence, clause: clause, sentence: sentence,
            scalars: scalars, scope: scope, profile: profile)
        {
            (year, rule) = ((kind.from, kind.to, kind.source), kind.rule)
        }
        let quantityEnd = quantity.offset + quantity.surface.unicodeScalars.count
        if year.source != .clause, year.source != .sentence,
            let span = durations.last(where: { $0.end <= quantityEnd })?.years,
            let base = scope.year.map({ $0.count == 1 ? $0.lowerBound : $0.upperBound }) ?? profile.referenceYear,
            factYears.contains(base + span - 1)
        {
            return (base, base + span - 1, scope.year != nil ? .section : .document, "")
        }
        return (year.from, year.to, year.source, rule)
    }

    // MARK: - The figure a change starts from

    /// The offset of the 由 or 从 that opens a change the figure starts (覆盖率由25%提高到86%, 师资从74人
    /// 增加到了83人, 由年人均中部2.8万元、西部3.1万元分别提高到…): 由/从 shortly before the figure in its
    /// clause and a word of change to a new value (提高到, 增至, 降至 …) shortly after it; nil otherwise.
    static func changeStartMark(_ quantity: QuantityMention, clause: Range<Int>, in scalars: [Unicode.Scalar]) -> Int? {
        let start = quantity.offset
        let end = start + quantity.surface.unicodeScalars.count
        guard start <= scalars.count, end <= scalars.count else { return nil }
        let lower = max(clause.lowerBound, start - changeReach)
        guard lower < start,
            let mark = (lower..<start).last(where: { scalars[$0] == "由" || scalars[$0] == "从" }),
            mark + 1 < scalars.count, !notChangeAfter.contains(scalars[mark + 1]),
            mark == 0 || !notChangeBefore.contains(scalars[mark - 1])
        else { return nil }
        var index = end
        let upper = min(scalars.count, end + changeReach)
        while index < upper {
            if clauseBreaks.contains(scalars[index]) { return nil }
            if changeToWords.contains(where: { starts($0, at: index, in: scalars) }) { return mark }
            index += 1
        }
        return nil
    }

    /// How far 由/从 may stand before the figure, and the word of change after it, in scalars.
    static let changeReach = 20
    /// What after 由/从 makes it no start of a change: 由于, 由此, 从而, 从事, 从来, 从中, 从严, 从小, 从不.
    static let notChangeAfter = Set("于此而事来中严小不".unicodeScalars)
    /// What before 由/从 makes it part of another word: 自由, 理由, 经由, 服从, 听从, 自从.
    static let notChangeBefore = Set("自理经服听".unicodeScalars)
    /// Words of change to a new value: what the figure before them changed into.
    static let changeToWords = [
        "提高到", "提高至", "提高为", "增加到", "增加至", "增至", "增长到", "增长至", "上升到", "上升至", "上升为",
        "提升到", "提升至", "提升为", "下降到", "下降至", "下降为", "降到", "降至", "降为", "降低到", "降低至",
        "减少到", "减少至", "减至", "减为", "扩大到", "扩大至", "缩小到", "缩小至", "发展到", "发展至",
    ].map { Array($0.unicodeScalars) }

    /// Whether 比 or 较 leads a year as the base of a comparison, right before it or before a plan's
    /// end it names (比2015年, 较“十五”末的2004年, 比上年).
    static func leadsComparison(_ year: YearMention, in scalars: [Unicode.Scalar]) -> Bool {
        var k = year.offset - 1
        let lower = max(0, year.offset - comparisonLeadReach)
        while k >= lower, k < scalars.count {
            let c = scalars[k]
            if c == "比" || c == "较" { return k == 0 || !notComparisonBefore.contains(scalars[k - 1]) }
            // Only a plan's name, its end and 的 between (“十五”末的): 比例2015年…, 较好完成2015年… are no bases.
            if !comparisonBetween.contains(c) { return false }
            k -= 1
        }
        return false
    }

    /// How far back 比/较 may stand before the year it compares with (较“十五”末的2004年), in scalars.
    static let comparisonLeadReach = 8
    /// What before 比 makes it part of another word: 占比2019年底达到30%, 对比, 无比, 类比.
    static let notComparisonBefore = Set("占对无类".unicodeScalars)
    /// What may stand between 比/较 and the year it compares with.
    static let comparisonBetween = Set("“”\"‘’「」一二三四五六七八九十末期的".unicodeScalars)

    // MARK: - The present

    /// Whether a word of the present (目前, 当前, 现阶段, 现在) stands between `start` and `end`: the
    /// figure after it is of the report's present, not of a year named before it.
    static func speaksOfPresent(after start: Int, before end: Int, in scalars: [Unicode.Scalar]) -> Bool {
        let upper = min(end, scalars.count)
        guard start < upper else { return false }
        for k in start..<upper where scalars[k] == "目" || scalars[k] == "当" || scalars[k] == "现" {
            guard let word = presentWords.first(where: { starts($0, at: k, in: scalars) }), k + word.count <= upper
            else { continue }
            // 表现在, 体现在, 出现在, 实现在: 现在 inside another word.
            if word == nowScalars, k > 0, notNowBefore.contains(scalars[k - 1]) { continue }
            return true
        }
        return false
    }

    static let nowScalars = Array("现在".unicodeScalars)
    static let presentWords = ["目前", "当前", "现阶段", "现在"].map { Array($0.unicodeScalars) }
    static let notNowBefore = Set("表体出实展发".unicodeScalars)

    // MARK: - History, titles, plan ends

    /// Whether a year is one of an institution's history: its clause says the school moved, was
    /// finished, renamed, merged or honoured (1999年因小峡电站修建搬迁到现址, 2000年落成二号教学楼,
    /// 1998年被评为…, 出生于上世纪六十年代). It dates its own clause, not the figures after it.
    static func isEventYear(_ year: YearMention, in scalars: [Unicode.Scalar]) -> Bool {
        guard year.kind == .year || year.kind == .date, year.from != nil else { return false }
        // 出生于上世纪六十年代, 诞生于1950年: a birth.
        if year.offset >= 2, year.offset <= scalars.count, scalars[year.offset - 1] == "于",
            scalars[year.offset - 2] == "生"
        {
            return true
        }
        let start = year.offset + year.surface.unicodeScalars.count
        let upper = min(scalars.count, start + eventReach)
        var index = start
        while index < upper, !clauseBreaks.contains(scalars[index]) {
            if eventWords.contains(where: { starts($0, at: index, in: scalars) }) { return true }
            index += 1
        }
        return false
    }

    /// How far after the year its history word may stand, in scalars (1999年因小峡电站修建搬迁).
    static let eventReach = 14
    static let eventWords = [
        "落成", "迁入", "迁至", "迁到", "搬迁", "迁建", "更名", "改名", "合并", "成立", "建校", "创办", "创建",
        "始建", "挂牌", "被评为", "被授予", "被命名", "被确定为", "被列为", "出生", "诞生",
    ].map { Array($0.unicodeScalars) }

    /// Whether the figure at `offset` is the base's own value: 比2010年的16021.6万元, 比“十一五”期间的12.02亿元,
    /// 较108年度之10亿元 (only a plan's bound, quotes and spaces between the year and 的/之).
    static func isBaseValue(_ year: YearMention, at offset: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var index = year.offset + year.surface.unicodeScalars.count
        while index < offset, index < scalars.count, baseValueBetween.contains(scalars[index]) { index += 1 }
        guard index < offset, index < scalars.count, scalars[index] == "的" || scalars[index] == "之" else {
            return false
        }
        index += 1
        // Spaces, or the head of a number read as two (10亿|6,466万元, xxxxx.|xx 元).
        while index < offset, index < scalars.count, baseValueHead.contains(scalars[index]) { index += 1 }
        return index == offset
    }

    static let baseValueBetween = Set("”\"’」』 期间末度".unicodeScalars)
    static let baseValueHead = Set(" \u{3000}0123456789xX.,亿万千百".unicodeScalars)

    /// Whether a year stands inside a document's name (《…2014——2018年…实施方案》): an open 《 before it
    /// in its sentence with no 》 between.
    static func isInTitle(_ year: YearMention, in scalars: [Unicode.Scalar]) -> Bool {
        var k = year.offset - 1
        let lower = max(0, year.offset - titleReach)
        while k >= lower, k < scalars.count {
            let c = scalars[k]
            if c == "《" { return true }
            if c == "》" || c == "。" || c == "；" { return false }
            k -= 1
        }
        return false
    }

    /// How far back a document name's opening 《 may stand, in scalars.
    static let titleReach = 30

    /// Whether a plan period names its end: “十三五”末, 十二五期末, “十三五”收官.
    static func endsPlanPeriod(_ period: YearMention, in scalars: [Unicode.Scalar]) -> Bool {
        var index = period.offset + period.surface.unicodeScalars.count
        while index < scalars.count, "”\"’」』".unicodeScalars.contains(scalars[index]) { index += 1 }
        return planEndWords.contains { starts($0, at: index, in: scalars) }
    }

    static let planEndWords = ["末", "期末", "收官"].map { Array($0.unicodeScalars) }

    /// The year mentions of the figure's sentence it may take: not the base of a comparison; a year
    /// inside a document's name or of an institution's history only in the figure's own clause
    /// (《周口市2022年…指标体系》确定的9大项 is the document's; …》，2016年项目总计10项 is not).
    static func candidateYears(
        _ years: [YearMention], for quantity: QuantityMention, clause: Range<Int>, in scalars: [Unicode.Scalar]
    ) -> [YearMention] {
        years.filter {
            !isComparisonBase($0, before: quantity.offset, in: scalars)
                && (clause.contains($0.offset) || (!isInTitle($0, in: scalars) && !isEventYear($0, in: scalars)))
        }
    }
}
