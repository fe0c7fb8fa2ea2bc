import EduwhCore

extension FactBuilder {
    /// The indicator a part of a total takes: after 其中 (新建学校9所，其中：A区4所，B县4所) a
    /// figure in the total's unit whose own clause names nothing it counts (its indicator came from
    /// another clause, its unit alone, or nothing) counts what the total counts.
    static func partOf(
        _ quantity: QuantityMention, choice: IndicatorMapper.Choice, sentence: Range<Int>, in scalars: [Unicode.Scalar],
        after chosen: [(offset: Int, unit: String, choice: IndicatorMapper.Choice)]
    ) -> IndicatorMapper.Choice? {
        let weak = choice.rule.hasSuffix("@sentence") || choice.rule.hasPrefix("unit:") || choice.rule == "none"
        guard weak, !quantity.unit.isEmpty, quantity.offset <= scalars.count else { return nil }
        let from = max(0, sentence.lowerBound)
        guard
            let mark = (from..<max(from, quantity.offset - 1)).last(where: {
                scalars[$0] == "其" && scalars[$0 + 1] == "中"
            }),
            let total = chosen.last(where: { $0.offset < mark && $0.unit == quantity.unit }),
            total.choice.code != IndicatorMapper.unknownCode
        else { return nil }
        return IndicatorMapper.Choice(code: total.choice.code, rule: total.choice.rule + "@part")
    }

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
