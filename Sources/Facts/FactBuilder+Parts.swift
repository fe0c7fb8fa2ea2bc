import EduwhCore

extension FactBuilder {
    /// A figure before the one being read in its line: where it stands, its unit, its indicator and,
    /// once settled, the rules' status (before the learned chooser), for the parts of a total.
    typealias EarlierFigure = (
        offset: Int, unit: String, choice: IndicatorMapper.Choice, status: (FactStatus, String)?
    )

    /// The indicator a part of a total takes: after 其中 (新建学校9所，其中：A区4所，B县4所) a
    /// figure in the total's unit whose own clause names nothing it counts (its indicator came from
    /// another clause, its unit alone, or nothing) counts what the total counts.
    static func partOf(
        _ quantity: QuantityMention, choice: IndicatorMapper.Choice, sentence: Range<Int>, in scalars: [Unicode.Scalar],
        after chosen: [EarlierFigure]
    ) -> IndicatorMapper.Choice? {
        let weak = choice.rule.hasSuffix("@sentence") || choice.rule.hasPrefix("unit:") || choice.rule == "none"
        guard weak,
            let index = totalIndex(
                of: quantity, sentence: sentence, in: scalars, among: chosen.map { ($0.offset, $0.unit) })
        else { return nil }
        let total = chosen[index]
        guard total.choice.code != IndicatorMapper.unknownCode else { return nil }
        return IndicatorMapper.Choice(code: total.choice.code, rule: total.choice.rule + "@part")
    }

    /// The total a figure is a part of: the last figure in its unit before the 其中 that stands
    /// before it in its sentence (建成后将新增3.2万个学位，其中赤坎区3505个、霞山区3705个 → 3.2万个),
    /// as an index into `earlier` (the sentence's and line's figures before it, in order); nil when
    /// the figure follows no 其中 or no figure of its unit stands before the 其中.
    static func totalIndex(
        of quantity: QuantityMention, sentence: Range<Int>, in scalars: [Unicode.Scalar],
        among earlier: [(offset: Int, unit: String)]
    ) -> Int? {
        guard !quantity.unit.isEmpty, quantity.offset <= scalars.count else { return nil }
        let from = max(0, sentence.lowerBound)
        guard
            let mark = (from..<max(from, quantity.offset - 1)).last(where: {
                scalars[$0] == "其" && scalars[$0 + 1] == "中"
            })
        else { return nil }
        return earlier.lastIndex { $0.offset < mark && $0.unit == quantity.unit }
    }

    /// The status a part of a total takes (rule `part-of:`): a figure after 其中 whose own words say
    /// nothing of when, or only 新增, 达到, 完成 (`weakAttainment`), takes the status its total's own
    /// words gave (建成后将新增3.2万个学位，其中赤坎区3505个… → planned, cue `part-of:将`). Only a
    /// total's word counts (a word, or its own total's): a status from the report's kind or a section
    /// reaches the part by the same road.
    static func partStatus(
        _ settled: (FactStatus, String), words: (FactStatus, String), total: (FactStatus, String)?
    ) -> (FactStatus, String) {
        guard let total, total.0 != .unknown, total.0 != settled.0,
            words.0 == .unknown || words.0 == .achieved && weakAttainment.contains(words.1)
        else { return settled }
        let cueClass = StatusFeatures.cueClass(total.1)
        guard cueClass == "word" || cueClass == "weak-word" || cueClass == partPrefix else { return settled }
        let cue = total.1.hasPrefix(partPrefix) ? total.1 : partPrefix + total.1
        return (total.0, cue)
    }

    /// The prefix of the cue `partStatus` gives (and its cue class, `StatusFeatures.cueClass`).
    static let partPrefix = "part-of:"

    /// The year mentions a fact may take: the nearest decides, and one whose year the text hides
    /// or leaves open (20xx年, 今年 with no reference year) leaves the fact without a year.
    static func usableYears(_ years: [YearMention], in scalars: [Unicode.Scalar]) -> [YearMention] {
        years.filter {
            ($0.from == nil
                || ($0.from.map(factYears.contains) == true && $0.to.map(factYears.contains) != false))
                && !isProjectLabel($0, in: scalars) && !isFoundingYear($0, in: scalars)
        }
    }
}

/// What the figures of one line read once per sentence: its text and its status cue and governor
/// words, found when a figure of the sentence first asks and kept for its other figures (keys:
/// the sentence's index, -1 for a figure outside every sentence, read in the whole line).
struct SentenceReadings {
    /// The line's scalars (simplified script), and the tables that read them.
    let scalars: [Unicode.Scalar]
    let cues: StatusCues
    let governors: Governors
    /// The line's sentences (for the status chooser's look at the sentences before a figure's).
    var sentences: [Sentence] = []
    /// The status the rules gave the line's previous figure (read by the status chooser).
    var previousStatus: FactStatus?
    var texts: [Int: String] = [:]
    var cueWords: [Int: WordTrie.Occurrences] = [:]
    /// The sentences' cue words as lists (`cueMatches`), for the status chooser.
    var cueMatchLists: [Int: [WordTrie.Match]] = [:]
    /// How many of the line's sentences hold a word of intent and of the past (`lineLeaning`).
    var leaning: (sentences: Int, planned: Int, achieved: Int)?
    var governorWords: [Int: Governors.Words] = [:]
    /// The sentences' year mentions and cue words, for the learned year chooser.
    var yearMarks: [Int: YearChooser.SentenceMarks] = [:]
    /// The sentences as `CountedThing` reads them, and the classes the line's section heading names.
    var countedTexts: [Int: CountedThing.Text] = [:]
    var headingTopics: (heading: String, topics: [String])?

    /// The sentence as `CountedThing` reads it (`CountedThing.Text`), made once for all its figures.
    mutating func countedText(of sentence: (index: Int?, range: Range<Int>)) -> CountedThing.Text {
        let key = sentence.index ?? -1
        if let text = countedTexts[key] { return text }
        let text = CountedThing.Text(scalars, sentence: sentence.range)
        countedTexts[key] = text
        return text
    }

    /// `CountedThing.topics` of `heading`, found once per line.
    mutating func topics(of heading: String?) -> [String]? {
        guard let heading else { return nil }
        if let found = headingTopics, found.heading == heading { return found.topics }
        let topics = CountedThing.standard.topics(Array(heading.unicodeScalars))
        headingTopics = (heading, topics)
        return topics
    }

    /// The sentence's text (`Sentence.split(_:texts: false)` left it empty).
    mutating func text(of sentence: (index: Int?, sentence: Sentence)) -> String {
        guard let index = sentence.index else { return sentence.sentence.text }
        if let text = texts[index] { return text }
        let text = String(scalars: scalars[sentence.sentence.range])
        texts[index] = text
        return text
    }

    /// `StatusCues.status(of:scalars:sentence:words:)` with the sentence's cue words kept.
    mutating func status(
        of quantity: QuantityMention, in sentence: (index: Int?, sentence: Sentence)
    ) -> (FactStatus, String) {
        let key = sentence.index ?? -1
        let words = cueWords[key] ?? cues.words(in: scalars, sentence: sentence.sentence)
        cueWords[key] = words
        return cues.status(of: quantity, scalars: scalars, sentence: sentence.sentence, words: words)
    }

    /// `Governors.governed(_:at:in:sentence:words:)` with the sentence's governor words kept.
    mutating func governed(
        _ code: String, at offset: Int, in sentence: (index: Int?, sentence: Sentence)
    ) -> IndicatorMapper.Choice? {
        let key = sentence.index ?? -1
        var words = governorWords[key] ?? governors.words()
        defer { governorWords[key] = words }
        return governors.governed(code, at: offset, in: scalars, sentence: sentence.sentence.range, words: &words)
    }
}

extension FactBuilder {
    /// Whether `year` is the base of a comparison (比上年, 较2018年, 较“十五”末的2004年, 同…): for a
    /// figure before it (上线率达到68.7%，较上年提高…) always, for one after it unless that figure is the
    /// base's own (比2010年的16021.6万元).
    static func isComparisonBase(_ year: YearMention, before offset: Int, in scalars: [Unicode.Scalar]) -> Bool {
        if isComparedWith(year, in: scalars) || isMultipleBase(year, in: scalars) { return true }
        if isChangeStart(year, quantity: offset, in: scalars) { return true }
        guard year.offset > 0, year.offset <= scalars.count,
            scalars[year.offset - 1] == "同" || leadsComparison(year, in: scalars)
        else { return false }
        if year.offset > offset { return true }
        let end = year.offset + year.surface.unicodeScalars.count
        guard end < offset, offset <= scalars.count else { return false }
        // 比2010年的16021.6万元: the base's own figure stays the base year's; any later figure is the
        // change or the current state (较上年无变化，共安排团组0个), not the base year's.
        return !isBaseValue(year, at: offset, in: scalars)
    }

    /// Whether the words right before `offset` make the figure a comparison with the figure before
    /// it: 比上年的, 较去年, 比2010年增加, 同比增长 (at most a few words back, within the sentence).
    static func isComparison(before offset: Int, in scalars: [Unicode.Scalar], after start: Int) -> Bool {
        let from = max(start, offset - 12)
        guard from < offset, offset <= scalars.count else { return false }
        guard let mark = (from..<offset).last(where: { scalars[$0] == "比" || scalars[$0] == "较" }) else { return false }
        // Nothing but a year, 上年/去年/同期, 的 and a word of change between the mark and the figure.
        return offset - mark - 1 <= 10 && !scalars[(mark + 1)..<offset].contains { $0 == "，" || $0 == "," || $0 == "、" }
    }

    /// Whether `year` is the base a multiple is taken of: 是2007年的3.7倍, 为2010年的两倍 (the figures
    /// around it are of the later year the sentence compares with it, not of 2007).
    static func isMultipleBase(_ year: YearMention, in scalars: [Unicode.Scalar]) -> Bool {
        guard year.kind == .year, year.offset >= 0 else { return false }
        var k = year.offset + year.surface.unicodeScalars.count
        guard k < scalars.count, scalars[k] == "的" else { return false }
        k += 1
        let start = k
        while k < scalars.count, k - start <= 8, multipleDigits.contains(scalars[k]) { k += 1 }
        return k > start && k < scalars.count && scalars[k] == "倍"
    }

    /// Digits, a decimal point and Chinese numerals of a multiple (3.7倍, 两倍, 一点五倍).
    static let multipleDigits = Set("0123456789.点一二两三四五六七八九十百".unicodeScalars)

    /// The choice of a figure compared with the one before it in its sentence (生均公用经费1200元，
    /// 比上年的1100元增加100元): the base and the change measure what that figure does (`@compared`).
    static func compared(
        _ quantity: QuantityMention, _ choice: IndicatorMapper.Choice,
        after previous: (sentence: Int?, unit: String, choice: IndicatorMapper.Choice)?,
        in sentence: (index: Int?, range: Range<Int>), _ scalars: [Unicode.Scalar]
    ) -> IndicatorMapper.Choice {
        guard let before = previous, before.sentence == sentence.index, before.unit == quantity.unit,
            !quantity.unit.isEmpty, before.choice.code != IndicatorMapper.unknownCode, quantity.unit != "percent",
            isComparison(before: quantity.offset, in: scalars, after: sentence.range.lowerBound)
        else { return choice }
        return IndicatorMapper.Choice(code: before.choice.code, rule: before.choice.rule + "@compared")
    }
}
