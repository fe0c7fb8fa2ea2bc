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
