import EduwhCore
import Normalize

/// Maps one quantity to the indicator it measures, from the signal words around it.
///
/// 0. After a general classifier (个, 项, 大 …) the words right after the number name what is
///    counted (三个基金, 15个重点研究课题): the highest priority among them wins.
/// 1. Signal words in the quantity's clause whose indicator accepts the quantity's unit: the
///    highest priority wins, then the nearest word (a word after the quantity counts as farther).
/// 2. Otherwise the nearest such word earlier in the sentence.
/// 3. Otherwise the indicator the dictionary names for the unit (所 → schools_count, 台 → equipment).
/// 4. Otherwise `unknown`.
///
/// ```swift
/// let q = QuantityMention(surface: "374名", value: 374, unit: "名", qualifier: .exact, offset: 14, rule: "t")
/// IndicatorMapper.standard.indicator(for: q, inLine: "两年来,我区共向全国公开招聘教师374名").code // "teachers_recruited"
/// ```
public struct IndicatorMapper: Sendable {
    /// What decided a quantity's indicator.
    public struct Choice: Sendable, Hashable {
        /// Indicator code, or `unknown`.
        public var code: String
        /// Lineage: `code:signal` (clause), `code:signal@sentence`, `unit:所`, `none`, or a grammar
        /// rule `g-id:noun/verb` (the counted noun and the governing verb it read).
        public var rule: String

        public init(code: String, rule: String) {
            self.code = code
            self.rule = rule
        }

        /// Whether the signal word that decided stands after the quantity (its source named later:
        /// 投入1800万元(其中中央资金1200万元)).
        public var signalAfter = false

        /// Whether a rule of the quantity grammar (rules/facts/grammar.tsv, ids `g-…`) decided.
        public var isGrammar: Bool { rule.hasPrefix("g-") }
    }

    /// Code of the row schema.sql preloads for quantities no indicator fits.
    public static let unknownCode = "unknown"
    /// A signal word after the quantity counts this many scalars farther than one before it.
    public static let followingPenalty = 3
    /// Units that only count things (三个, 两项, 三大): the noun after them says what is counted.
    public static let classifierUnits: Set<String> = ["个", "项", "大", "种", "类", "条", "批", "家"]
    /// How far after a classifier the counted noun's signal word may start, in scalars.
    public static let countedNounWindow = 12

    public static let standard = IndicatorMapper(dictionary: .standard, grammar: .standard)

    public let dictionary: IndicatorDictionary
    /// The grammar that reads the counted noun and the governing verb; when one of its rows fits,
    /// it decides over the signal words (nil: signal words only).
    public let grammar: QuantityGrammar?
    private let signals: WordTrie
    private let fallback: [String: Int]
    /// Per indicator (by index): priority, rate flag and units, read for every candidate of
    /// every quantity without copying the whole `Indicator` (its strings and arrays).
    private let priorities: [Int]
    private let rates: [Bool]
    /// Every unit some indicator accepts, numbered; `accepted[indicator * unitIDs.count + id]`
    /// says whether the indicator accepts the unit, without hashing the unit's string for every
    /// candidate (the mapper's own samples 0.42% -> 0.31% of a load).
    private let unitIDs: [String: Int]
    private let accepted: [Bool]
    /// Index of `growth_rate`, whose words of change also lead to levels (提高到95%).
    private let growthIndex: Int?

    public init(dictionary: IndicatorDictionary, grammar: QuantityGrammar? = nil) {
        self.dictionary = dictionary
        self.grammar = grammar
        var words: [String: [Int]] = [:]
        var fallback: [String: Int] = [:]
        for (index, indicator) in dictionary.indicators.enumerated() {
            for signal in indicator.signals { words[signal, default: []].append(index) }
            for unit in indicator.fallbackUnits where fallback[unit] == nil { fallback[unit] = index }
        }
        signals = WordTrie(words)
        self.fallback = fallback
        priorities = dictionary.indicators.map(\.priority)
        rates = dictionary.indicators.map(\.isRate)
        var unitIDs: [String: Int] = [:]
        for unit in dictionary.indicators.flatMap(\.units).sorted() where unitIDs[unit] == nil {
            unitIDs[unit] = unitIDs.count
        }
        var accepted = [Bool](repeating: false, count: dictionary.indicators.count * unitIDs.count)
        for (index, indicator) in dictionary.indicators.enumerated() {
            for unit in indicator.units { accepted[index * unitIDs.count + unitIDs[unit]!] = true }
        }
        self.unitIDs = unitIDs
        self.accepted = accepted
        growthIndex = dictionary.indicators.firstIndex { $0.code == "growth_rate" }
    }

    /// The signal words in `sentence` of the line `scalars`, for `indicator(for:scalars:sentence:signals:)`
    /// when several quantities stand in one sentence.
    public func signalMatches(in scalars: [Unicode.Scalar], sentence: Sentence) -> [WordTrie.Match] {
        signals.matches(in: scalars, range: sentence.range)
    }

    /// The unit key a quantity is matched by: its unit, or `大` for an N大 group (三大).
    static func unitKey(_ quantity: QuantityMention) -> String {
        if quantity.unit.isEmpty, quantity.surface.hasSuffix("大") { return "大" }
        return quantity.unit
    }

    /// The indicator of `quantity`, found in `line` (the quantity's offset is in its scalars).
    public func indicator(for quantity: QuantityMention, inLine line: String) -> Choice {
        let scalars = line.simplifiedScalars
        let sentences = Sentence.split(scalars)
        let sentence = sentences.first { $0.range.contains(quantity.offset) } ?? sentences.last
        guard let sentence else { return fallbackChoice(for: quantity) }
        return indicator(for: quantity, scalars: scalars, sentence: sentence)
    }

    /// The indicator of `quantity` standing in `sentence` of the line `scalars`; `signals` are
    /// the sentence's `signalMatches` and `words` its `grammarMatches`, when the caller has them
    /// already. The grammar's reading (counted noun, governing verb, unit kind) decides when one of
    /// its rules fits; the signal words otherwise.
    public func indicator(
        for quantity: QuantityMention, scalars: [Unicode.Scalar], sentence: Sentence,
        signals found: [WordTrie.Match]? = nil, words: [WordTrie.Match]? = nil
    ) -> Choice {
        indicatorAndReading(for: quantity, scalars: scalars, sentence: sentence, signals: found, words: words).choice
    }

    /// `indicator(for:scalars:sentence:signals:words:)` and the grammar's reading of the quantity
    /// (nil without a grammar), so that a later reader (the learned chooser) need not read it again.
    public func indicatorAndReading(
        for quantity: QuantityMention, scalars: [Unicode.Scalar], sentence: Sentence,
        signals found: [WordTrie.Match]? = nil, words: [WordTrie.Match]? = nil
    ) -> (choice: Choice, reading: QuantityGrammar.Reading?) {
        let keyword = keywordIndicator(for: quantity, scalars: scalars, sentence: sentence, signals: found)
        guard let grammar else { return (keyword, nil) }
        let reading = grammar.read(quantity, scalars: scalars, sentence: sentence.range, words: words)
        return (grammar.choice(for: quantity, reading: reading, keyword: keyword) ?? keyword, reading)
    }

    /// The grammar's words in `sentence` (empty without a grammar), found once for the quantities
    /// standing in it.
    public func grammarMatches(in scalars: [Unicode.Scalar], sentence: Sentence) -> [WordTrie.Match] {
        grammar?.words(in: scalars, sentence: sentence.range) ?? []
    }

    /// The indicator the signal words (rules/facts/indicators.tsv) give `quantity`.
    public func keywordIndicator(
        for quantity: QuantityMention, scalars: [Unicode.Scalar], sentence: Sentence,
        signals found: [WordTrie.Match]? = nil
    ) -> Choice {
        let unit = Self.unitKey(quantity)
        let start = quantity.offset
        let end = start + quantity.surface.unicodeScalars.count
        let clause = sentence.clauses[sentence.clauseIndex(containing: start)]
        // Candidates keep their word's range; only the chosen one becomes a string.
        var bestClause: (priority: Int, distance: Int, indicator: Int, word: Range<Int>)?
        var bestSentence: (distance: Int, priority: Int, indicator: Int, word: Range<Int>)?
        var bestCounted: (priority: Int, distance: Int, indicator: Int, word: Range<Int>)?
        let isClassifier = Self.classifierUnits.contains(unit)
        // No indicator accepts a unit outside the table: only the fallback can choose then.
        guard let unitID = unitIDs[unit] else { return fallbackChoice(for: quantity) }
        let percentAbove100 = unit == "percent" && max(quantity.value ?? 0, quantity.upperValue ?? 0) > 100
        func accepts(_ index: Int) -> Bool {
            accepted[index * unitIDs.count + unitID] && !(rates[index] && percentAbove100)
        }
        let isPercent = unit == "percent" || unit == "百分点"
        let words = Self.outside(
            start..<end, found ?? signalMatches(in: scalars, sentence: sentence), sentence: sentence.range
        ) { signals.matches(in: scalars, range: $0) }
        for match in words {
            guard match.end <= start || match.start >= end else { continue }
            // 多 right after a number or its measure word is "more than" (3成多, 30多人), no word of change.
            if match.end == match.start + 1, scalars[match.start] == "多",
                Self.isCountEnd(before: match.start, scalars)
            {
                continue
            }
            if isClassifier, match.start >= end, match.start - end <= Self.countedNounWindow,
                match.end <= clause.upperBound
            {
                for index in match.payload where accepts(index) {
                    let priority = priorities[index]
                    let distance = match.start - end
                    if bestCounted == nil || priority > bestCounted!.priority
                        || (priority == bestCounted!.priority && distance < bestCounted!.distance)
                    {
                        bestCounted = (priority, distance, index, match.start..<match.end)
                    }
                }
            }
            let distance = match.end <= start ? start - match.end : (match.start - end) * Self.followingPenalty + 1
            let inClause = match.start >= clause.lowerBound && match.end <= clause.upperBound
            for index in match.payload where accepts(index) {
                // 从25%提高到55%: both figures are levels of a measure, not a growth.
                if index == growthIndex, isPercent,
                    Self.marksLevel(match, start: start, end: end, clause: clause, scalars)
                {
                    continue
                }
                let priority = priorities[index]
                if inClause {
                    if bestClause == nil || priority > bestClause!.priority
                        || (priority == bestClause!.priority && distance < bestClause!.distance)
                    {
                        bestClause = (priority, distance, index, match.start..<match.end)
                    }
                } else if match.end <= start,
                    bestSentence == nil || distance < bestSentence!.distance
                        || (distance == bestSentence!.distance && priority > bestSentence!.priority)
                {
                    bestSentence = (distance, priority, index, match.start..<match.end)
                }
            }
        }
        func choice(_ indicator: Int, _ word: Range<Int>, _ suffix: String) -> Choice {
            let code = dictionary.indicators[indicator].code
            var choice = Choice(code: code, rule: "\(code):\(String(scalars: scalars[word]))\(suffix)")
            choice.signalAfter = word.lowerBound >= end
            return choice
        }
        if let best = bestCounted { return choice(best.indicator, best.word, "@counted") }
        if let best = bestClause { return choice(best.indicator, best.word, "") }
        if let best = bestSentence {
            // A percent whose clause names a rate or share of its own (配备率达到95%, 占总投资的70%)
            // measures that one, not what another clause of the sentence names.
            if isPercent, let own = Self.ownRate(in: scalars, from: clause.lowerBound, to: start) {
                return Choice(code: Self.unknownCode, rule: "own-rate:\(own)")
            }
            return choice(best.indicator, best.word, "@sentence")
        }
        return fallbackChoice(for: quantity)
    }

    /// The signal words of a sentence that stand outside the figure at `figure`: `matches` as
    /// they are, unless a word runs across one of the figure's ends. The sentence's longest-match
    /// scan can read the figure's measure word into a word (3000名教师 as 名教师, 5名校长 as 名校长,
    /// 24个班级 as 个班): then the words before and after the figure are read again, each side on its
    /// own (教师, 校长, 班级), so that what a number counts is never hidden by its own measure word.
    static func outside(
        _ figure: Range<Int>, _ matches: [WordTrie.Match], sentence: Range<Int>,
        rescan: (Range<Int>) -> [WordTrie.Match]
    ) -> [WordTrie.Match] {
        let straddles = matches.contains { match in
            (match.start < figure.lowerBound && match.end > figure.lowerBound)
                || (match.start < figure.upperBound && match.end > figure.upperBound)
        }
        guard straddles else { return matches }
        let before = sentence.lowerBound..<max(sentence.lowerBound, min(figure.lowerBound, sentence.upperBound))
        let after = min(max(figure.upperBound, sentence.lowerBound), sentence.upperBound)..<sentence.upperBound
        return (before.isEmpty ? [] : rescan(before)) + (after.isEmpty ? [] : rescan(after))
    }

    /// Scalars a number or its measure word may end with (3成多, 六十多, 30多人).
    static let countEnds: Set<Unicode.Scalar> = Set("0123456789一二三四五六七八九十百千万亿两成倍".unicodeScalars)

    /// Whether the scalar before `index` ends a number or its measure word.
    static func isCountEnd(before index: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        index > 0 && countEnds.contains(scalars[index - 1])
    }

    /// Words that name a rate or a share: a percent's clause holding one names its own measure.
    static let rateWords: [String] = ["率", "占", "比重"]

    /// The rate or share word in `scalars[from..<to]`, if any.
    static func ownRate(in scalars: [Unicode.Scalar], from: Int, to: Int) -> String? {
        guard from < to, to <= scalars.count else { return nil }
        let said = String(scalars: scalars[from..<to])
        return rateWords.first { said.includes($0) }
    }

    /// Whether a word of change marks a level rather than a growth for the figure at `start..<end`:
    /// the figure it leads to (提高到95%) or the one it starts from (从25%提高到…).
    static func marksLevel(
        _ word: WordTrie.Match, start: Int, end: Int, clause: Range<Int>, _ scalars: [Unicode.Scalar]
    ) -> Bool {
        guard word.end < scalars.count, ["至", "到"].contains(scalars[word.end]) else { return false }
        if word.end <= start { return true }
        guard word.start >= end, word.end <= clause.upperBound else { return false }
        return (clause.lowerBound..<start).contains { ["从", "由"].contains(scalars[$0]) }
    }

    private func fallbackChoice(for quantity: QuantityMention) -> Choice {
        let unit = Self.unitKey(quantity)
        if let index = fallback[unit] {
            return Choice(code: dictionary.indicators[index].code, rule: "unit:\(unit)")
        }
        return Choice(code: Self.unknownCode, rule: "none")
    }
}
