import EduwhCore
import Normalize

extension FactBuilder {
    typealias FactYears = (from: Int?, to: Int?, source: ContextSource)

    /// A figure's status and cue, and its years once a plan horizon is heard (`scoped`): the cue
    /// words' status (`StatusCues`), settled by the report's kind and section (`settledStatus`), by
    /// a budget page's year, columns and carry-over (`budgeted`, `carriedOver`),
    /// by deadlines and plan periods (`scoped`), by the total it is a part of (`partStatus`, the
    /// total among the line's `figures` before it, the last of which is this one: its rules' status
    /// is set there), then by the learned chooser (`modelledStatus`); with the features the chooser
    /// read (kept only when `recordsFeatures`).
    func status(
        of quantity: QuantityMention, in sentence: (index: Int?, sentence: Sentence), clause: Range<Int>,
        years: FactYears, own: (mention: YearMention, source: ContextSource)?, topic: PlanTopic?,
        readings: inout SentenceReadings, indicator: String, profile: DocumentProfile, scope: SectionScope.State,
        figures: inout [EarlierFigure]
    ) -> (FactYears, (FactStatus, String), [String]) {
        let scalars = readings.scalars
        let carried = carriedOver(
            (years.from, years.to), of: quantity, clause: clause, scalars: scalars, budget: profile.budget)
        var years: FactYears = (carried.from, carried.to, years.source)
        let words = Self.carriedIntent(
            readings.status(of: quantity, in: sentence), in: sentence, readings: &readings, year: years.from,
            profile: profile, scope: scope)
        var settled = Self.settledStatus(
            words, of: quantity, clause: clause, scalars: scalars, year: years.from, profile: profile, scope: scope)
        let before = clause.lowerBound..<max(clause.lowerBound, min(quantity.offset, scalars.count))
        let sentenceStart = min(sentence.sentence.range.lowerBound, before.lowerBound)
        settled = Self.budgeted(
            settled, words: words, of: quantity, year: years.from, before: (scalars, before, sentenceStart),
            budget: profile.budget, pages: budgets)
        (years, settled) = Self.scoped(
            year: years, status: settled, own: own, topic: topic, quantity: quantity, clause: clause, scalars: scalars,
            profile: profile, scope: scope)
        let earlier = figures.dropLast().map { ($0.offset, $0.unit) }
        let total = Self.totalIndex(of: quantity, sentence: sentence.sentence.range, in: scalars, among: earlier)
        settled = Self.partStatus(settled, words: words, total: total.flatMap { figures[$0].status })
        if !figures.isEmpty { figures[figures.count - 1].status = settled }
        let features = modelledStatus(
            &settled, words: words, of: quantity, in: sentence, clause: clause, readings: &readings,
            year: (years.from, years.source), indicator: indicator, profile: profile, scope: scope)
        return (years, settled, features)
    }

    /// Settles `status` (the rules' status and cue) by the learned chooser (`statusModel`) and
    /// returns the features it read (kept only when `recordsFeatures`). The features are computed
    /// only when they are recorded or the policy may change the rules' status; `words` is what the
    /// cue words alone said (`StatusCues.status`).
    func modelledStatus(
        _ status: inout (FactStatus, String), words: (FactStatus, String), of quantity: QuantityMention,
        in sentence: (index: Int?, sentence: Sentence), clause: Range<Int>, readings: inout SentenceReadings,
        year: (from: Int?, source: ContextSource), indicator: String, profile: DocumentProfile,
        scope: SectionScope.State
    ) -> [String] {
        let rules = status
        // The line's previous figure, whether or not the chooser reads this one (training and loads agree).
        let previous = readings.previousStatus
        readings.previousStatus = rules.0
        let useModel = statusModel.map { $0.mayChange(rules.0) } ?? false
        guard useModel || recordsFeatures else { return [] }
        var context = StatusFeatures.Context(
            scalars: readings.scalars, sentence: sentence.sentence.range, clause: clause, offset: quantity.offset,
            length: quantity.surface.unicodeScalars.count, unit: quantity.unit, words: words, rules: rules,
            reportKind: profile.kind, isPlanKind: Self.planKinds.contains(profile.kind), section: scope,
            year: year.from, yearSource: year.source, reference: profile.referenceYear, indicator: indicator)
        context.cues = readings.cueMatches(in: sentence)
        if let index = sentence.index, index > 0, index - 1 < readings.sentences.count {
            context.previousCues = readings.cueMatches(in: (index - 1, readings.sentences[index - 1]))
            if index > 1 { context.firstCues = readings.cueMatches(in: (0, readings.sentences[0])) }
        }
        context.previous = previous
        context.document = profile.statusContext
        context.published = profile.publishedYear
        if let from = profile.periodFrom, let to = profile.periodTo { context.period = from...max(from, to) }
        context.line = readings.lineLeaning()
        let features = recordsFeatures ? StatusFeatures.features(context) : []
        if useModel, let statusModel { status = statusModel.status(context) }
        return features
    }
}

extension SentenceReadings {
    /// How many of the line's sentences hold a word of intent and of the past (`StatusCues.leaning`),
    /// counted once per line.
    mutating func lineLeaning() -> (sentences: Int, planned: Int, achieved: Int) {
        if let leaning { return leaning }
        var counts = (sentences: sentences.count, planned: 0, achieved: 0)
        for (index, sentence) in sentences.enumerated() {
            let lean = cues.leaning(of: cueMatches(in: (index, sentence)), in: scalars)
            if lean.planned { counts.planned += 1 }
            if lean.achieved { counts.achieved += 1 }
        }
        leaning = counts
        return counts
    }

    /// The sentence's status cue words (`StatusCues.words`), left to right, found once per sentence.
    mutating func cueMatches(in sentence: (index: Int?, sentence: Sentence)) -> [WordTrie.Match] {
        let key = sentence.index ?? -1
        if let matches = cueMatchLists[key] { return matches }
        let words = cueWords[key] ?? cues.words(in: scalars, sentence: sentence.sentence)
        cueWords[key] = words
        let range = sentence.sentence.range
        let matches = range.upperBound <= scalars.count && words.covers(range) ? words.matches(in: range) : []
        cueMatchLists[key] = matches
        return matches
    }
}

extension FactBuilder {
    /// A sentence of intent scopes the figures of the sentence after it in the line that say nothing
    /// of when themselves (会议透露，今年将投入…。新建校舍2万平方米，新增学位5000个: planned, cue
    /// `intent-sentence:将`): a figure with no cue word, or only a word of change or attainment (新增,
    /// 达到, 完成), in a sentence with no word of the past, right after a sentence that holds a word
    /// of intent and none of the past. Not in a section of results, nor for a year before the report's.
    static func carriedIntent(
        _ words: (FactStatus, String), in sentence: (index: Int?, sentence: Sentence),
        readings: inout SentenceReadings, year: Int?, profile: DocumentProfile, scope: SectionScope.State
    ) -> (FactStatus, String) {
        guard words.0 == .unknown || words.0 == .achieved && weakAttainment.contains(words.1),
            scope.status != .achieved, let index = sentence.index, index > 0, index - 1 < readings.sentences.count
        else { return words }
        if let year, let reference = profile.referenceYear, year < reference { return words }
        let own = readings.cueMatches(in: sentence)
        guard !readings.cues.leaning(of: own, in: readings.scalars).achieved else { return words }
        let previous = readings.cueMatches(in: (index - 1, readings.sentences[index - 1]))
        guard let cue = readings.cues.intent(of: previous, in: readings.scalars), intentCarriers.contains(cue) else {
            return words
        }
        return (.planned, "intent-sentence:" + cue)
    }

    /// Words of intent that scope the next sentence (`carriedIntent`): will, plan, mean to, expect,
    /// strive. Not 目标, 要, 确保, 启动, 规划 (a goal's name, a demand, a plan's content: dev pages
    /// read with the shipped table, 7 figures wrong of 13 carried by them).
    static let intentCarriers: Set<String> = [
        "将", "计划", "拟", "拟将", "预计", "将要", "即将", "打算", "准备", "力争", "争取", "年内", "明年",
    ]
}
