import EduwhCore
import Normalize

/// What a paragraph's plan horizon says about the figures after it: a deadline (到2015年，…;
/// 在2015年前，…) or a named plan period (“十二五”规划, 十二五期间) earlier in the paragraph scopes
/// the targets that follow it and name no year of their own.
extension FactBuilder {
    /// A year mention that frames the figures after it in its paragraph.
    public struct PlanTopic: Sendable, Hashable {
        /// nextYear: 明年, 下年度 (its year, when the report's is known, in from/to).
        public enum Kind: Sendable, Hashable { case deadline, planPeriod, nextYear }
        public var from: Int?
        public var to: Int?
        public var kind: Kind
        /// The mention's text (到2015年 → 2015年, 十二五), named in the fact's status cue.
        public var surface: String
    }

    /// Words right before a year that make it a deadline (到2015年, 至2015年).
    static let deadlineBefore: Set<Unicode.Scalar> = ["到", "至"]
    /// Relative years that point to the year after the report's (明年度 is read as 明年).
    static let nextYearWords: Set<String> = ["明年", "下年度", "下一年度", "来年", "明年度"]

    /// What may stand right before a deadline's 到/至: a clause's start.
    static let clauseOpeners: Set<Unicode.Scalar> = ["，", ",", "。", "；", ";", "：", ":", "、", " ", "\u{3000}", "（", "("]
    /// Words of intent a deadline's 到 may follow (力争到2015年, 计划到2020年).
    static let intentScalars = ["力争", "争取", "计划", "预计", "确保", "目标", "将", "要", "拟", "在", "并"]
        .map { Array($0.unicodeScalars) }
    /// Words after a plan period that make it the plan a paragraph speaks of (十二五规划, 十二五期间,
    /// 2011—2015年发展规划), as opposed to a passing name (十二五开局之年).
    static let planPeriodAfter = ["规划", "期间", "时期", "末", "计划", "发展规划", "教育规划", "事业发展", "内"]
        .map { Array($0.unicodeScalars) }

    /// Whether `year` is a deadline: 到2015年, 至2015年底 (not 截至2015年), 2015年前, 在2015年底前.
    static func isDeadline(_ year: YearMention, in scalars: [Unicode.Scalar]) -> Bool {
        guard year.kind == .year || year.kind == .date, year.from != nil else { return false }
        let start = year.offset
        if start > 0, start <= scalars.count, deadlineBefore.contains(scalars[start - 1]) {
            // 到 opens its clause or follows a word of intent (力争到2015年); after a verb it
            // says what a figure rose to (提高到2015学年的95%), and 截至 dates a count.
            let mark = start - 1
            if mark == 0 || clauseOpeners.contains(scalars[mark - 1]) { return true }
            return intentScalars.contains { ends($0, at: mark, in: scalars) }
        }
        let end = start + year.surface.unicodeScalars.count
        var index = end
        // 2015年前, 2015年底前, 2015年末前
        if index < scalars.count, scalars[index] == "底" || scalars[index] == "末" { index += 1 }
        return index < scalars.count && scalars[index] == "前"
    }

    /// Whether a plan period or range names the plan its paragraph is about (十二五规划, 十二五期间).
    static func namesPlan(_ year: YearMention, in scalars: [Unicode.Scalar]) -> Bool {
        guard year.kind == .planPeriod || year.kind == .range, let from = year.from, let to = year.to, from < to else {
            return false
        }
        var index = year.offset + year.surface.unicodeScalars.count
        // Quotes and 年 between the period and its noun (“十二五”规划, 2011—2015年规划).
        while index < scalars.count, "”\"’」』年".unicodeScalars.contains(scalars[index]) { index += 1 }
        return planPeriodAfter.contains { starts($0, at: index, in: scalars) } && !isProjectLabel(year, in: scalars)
    }

    /// Whether a plan period labels a kind of project (“十二五”规划课题, 十三五重点课题): a name,
    /// not the years of the figure beside it.
    static func isProjectLabel(_ year: YearMention, in scalars: [Unicode.Scalar]) -> Bool {
        guard year.kind == .planPeriod else { return false }
        var index = year.offset + year.surface.unicodeScalars.count
        while index < scalars.count, "”\"’」』".unicodeScalars.contains(scalars[index]) { index += 1 }
        let upper = min(scalars.count, index + projectLabelReach + 2)
        return index < upper && String(scalars: scalars[index..<upper]).includes("课题")
    }

    /// How far after a plan period 课题 may stand for the period to label a project (规划重点课题).
    static let projectLabelReach = 4

    /// The last deadline or named plan period before `start` in the paragraph (the line), if any.
    static func planTopic(_ years: [YearMention], before start: Int, in scalars: [Unicode.Scalar]) -> PlanTopic? {
        for year in years.reversed() where year.offset + year.surface.unicodeScalars.count <= start {
            if year.kind == .relative, nextYearWords.contains(year.surface) {
                return PlanTopic(from: year.from, to: year.to, kind: .nextYear, surface: year.surface)
            }
            guard let from = year.from else { continue }
            if isDeadline(year, in: scalars) {
                return PlanTopic(from: year.to ?? from, to: year.to ?? from, kind: .deadline, surface: year.surface)
            }
            if namesPlan(year, in: scalars), let to = year.to {
                return PlanTopic(from: from, to: to, kind: .planPeriod, surface: year.surface)
            }
        }
        return nil
    }

    /// A figure's own year: the nearest in its clause, else its sentence (`candidates`); else the
    /// year its paragraph opened with (2022年，全市…。…上线率达到68.7%), counted as its sentence's;
    /// with none, the deadline or named plan earlier in the paragraph (`paragraph`), or the one the
    /// line before handed on (`inherited`), for `scoped` to weigh.
    static func ownYear(
        _ candidates: [YearMention], paragraph: [YearMention], of quantity: QuantityMention, clause: Range<Int>,
        sentence: Range<Int>, in scalars: [Unicode.Scalar], inherited: PlanTopic?
    ) -> (year: (mention: YearMention, source: ContextSource)?, topic: PlanTopic?) {
        // A year after the figure in another clause of its sentence dates that clause's event, not the
        // figure (…达94.8%，比2015年提高1.8个百分点(2016年开始统计); 现有学生580人，…说明2018年…):
        // scope rule `scope:no-later-clause`; the figure looks to its paragraph, section and report.
        if let year = nearest(candidates, to: quantity.offset, clause: clause, sentence: sentence, offset: \.offset),
            year.source != .sentence || year.mention.offset < quantity.offset
        {
            return (year, nil)
        }
        if let opening = paragraphYear(paragraph, before: sentence.lowerBound, in: scalars) {
            return ((opening, .sentence), nil)
        }
        return (nil, planTopic(paragraph, before: sentence.lowerBound, in: scalars) ?? inherited)
    }

    /// The year and status of a figure once its paragraph's plan horizon is heard:
    /// - a figure whose own year is a deadline later than the report's (or section's) year is a
    ///   target (到2015年，…达到95%), unless a word of the past stands before it in its clause;
    /// - a figure with no year of its own after a deadline in its paragraph takes the deadline's
    ///   year and is a target, on the same terms (在2015年前，…将达到省定标准。即：小学不超过24个班);
    /// - a planned figure with no year of its own after a named plan period in its paragraph
    ///   takes the period (…“十二五”规划。…将改造建设城区初中4所).
    static func scoped(
        year: (from: Int?, to: Int?, source: ContextSource), status: (FactStatus, String),
        own: (mention: YearMention, source: ContextSource)?, topic: PlanTopic?, quantity: QuantityMention,
        clause: Range<Int>, scalars: [Unicode.Scalar], profile: DocumentProfile, scope: SectionScope.State
    ) -> (year: (from: Int?, to: Int?, source: ContextSource), status: (FactStatus, String)) {
        // Later than what? The section's last year (到2015年 in 一、“十二五”回顾 is its end, not a
        // target), else the report's; when the text says neither, a deadline may be past (到2015年
        // in a plan for 2016–2020 reviews the last one): no guess.
        // A plan's own period (十三五规划 → from 2016) outweighs a reference year read from the years
        // it names.
        let reference =
            scope.year?.upperBound ?? [profile.referenceYear, profile.periodFrom].compactMap { $0 }.max()
        func isAhead(_ deadline: Int) -> Bool { reference.map { deadline > $0 } ?? false }
        let said = String(
            scalars: scalars[clause.lowerBound..<max(clause.lowerBound, min(quantity.offset, scalars.count))])
        let past = pastCues.contains { said.includes($0) }
        if let own, own.source == .clause || own.source == .sentence, let deadline = own.mention.to,
            isDeadline(own.mention, in: scalars), isAhead(deadline), !past
        {
            return (year, (.planned, "deadline:" + own.mention.surface))
        }
        guard let topic, year.source != .clause, year.source != .sentence else { return (year, status) }
        switch topic.kind {
        case .deadline:
            guard let to = topic.to, isAhead(to), !past, status.0 != .achieved || !isOwnWord(status.1) else {
                return (year, status)
            }
            return ((topic.from, topic.to, .sentence), (.planned, "deadline:" + topic.surface))
        case .nextYear:
            // 明年编列…；安心餐券补助1.8亿元，则可提供…: next year's figures, one sentence after another.
            guard !past, status.0 != .achieved || !isOwnWord(status.1) else { return (year, status) }
            let years = topic.from != nil ? (topic.from, topic.to, ContextSource.sentence) : year
            return (years, (.planned, "next-year:" + topic.surface))
        case .planPeriod:
            guard status.0 == .planned, year.source != .section else { return (year, status) }
            // The cue names the plan the years came from (将@plan:十二五), for --explain and lineage.
            return ((topic.from, topic.to, .sentence), (.planned, status.1 + "@plan:" + topic.surface))
        }
    }

    static let sinceScalars = Array("以来".unicodeScalars)

    /// Whether a status cue is a word of the figure's own text (共有, 建成) rather than its section's
    /// or report's default (section:回顾, kind:工作总结) or a weak word of attainment (达到, 新增).
    static func isOwnWord(_ cue: String) -> Bool {
        !cue.isEmpty && !cue.hasPrefix("section") && !cue.hasPrefix("kind:") && !weakAttainment.contains(cue)
    }

    /// Words of change or attainment that say what a clause's subject does, not when.
    static let weakAttainment: Set<String> = ["完成", "实现", "达到", "达", "新增", "通过", "达成"]
}

extension FactBuilder {
    /// The plan horizon a line hands to the lines after it: a line ending in a colon that states a
    /// deadline or plan (到2015年，全区要实现以下目标：) opens a list; its numbered items ((1) 1. ①)
    /// carry it; any other line ends it.
    static func listTopic(after line: LabeledLine, years: [YearMention], carried: PlanTopic?) -> PlanTopic? {
        guard line.label == .body else { return carried }
        // Only a line ending in a colon is read whole; folding leaves spaces and colons as they are.
        guard let end = line.text.unicodeScalars.last(where: { !$0.properties.isWhitespace }) else { return carried }
        if end == "：" || end == ":" {
            let scalars = line.text.simplifiedScalars
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
            return planTopic(years, before: last + 1, in: scalars)
        }
        guard carried != nil else { return nil }
        return isListItem(line.text.simplifiedPrefix(8)) ? carried : nil
    }

    /// Whether a line opens with an item marker below the top level: (1) 1. 1、 ① 一是.
    static func isListItem(_ scalars: [Unicode.Scalar]) -> Bool {
        guard let first = scalars.first else { return false }
        if ("\u{2460}"..."\u{2473}").contains(first) { return true }  // ① … ⑳
        if scalars.count > 2, "一二三四五六七八九十".unicodeScalars.contains(first), scalars[1] == "是" { return true }
        return SectionScope.ordinal(Array(scalars.prefix(8))).0 == 2
    }
}
