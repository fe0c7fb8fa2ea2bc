import EduwhCore
import Normalize

/// The features a learned indicator chooser reads for one quantity (`IndicatorModel`), computed
/// from what the Facts stage already found for it: its unit, unit kind and qualifier, the
/// dictionary's choice and the kind of cue behind it, the grammar's counted noun and governing
/// verb, the characters of its phrase before the number and after the unit (up to the nearest
/// punctuation), the section's status and the report's kind. Nothing here re-reads the sentence.
///
/// ```swift
/// let line = "全县共有小学45所".scalarArray
/// let q = QuantityMention(surface: "45所", value: 45, unit: "所", qualifier: .exact, offset: 6, rule: "t")
/// IndicatorFeatures.phrase(before: q.offset, in: line, from: 0)  // "全县共有小学"
/// ```
public enum IndicatorFeatures {
    /// How many scalars of the phrase before the number and after the unit are read.
    public static let window = 8
    /// Scalars that end the phrase the context features read.
    static let stops: Set<Unicode.Scalar> = Set("，,、。；;：:！!？?（）()【】[]《》“”\"「」 　\t".unicodeScalars)

    /// Everything the features of one quantity are made from.
    public struct Context {
        public var quantity: QuantityMention
        public var scalars: [Unicode.Scalar]
        public var sentence: Range<Int>
        public var choice: IndicatorMapper.Choice
        public var reading: QuantityGrammar.Reading?
        public var reportKind: String
        public var section: FactStatus?
        /// The dictionary's signal words found in the sentence (`IndicatorMapper.signalMatches`)
        /// and the indicator codes each names.
        public var signals: [(range: Range<Int>, codes: [String])] = []

        public init(
            quantity: QuantityMention, scalars: [Unicode.Scalar], sentence: Range<Int>,
            choice: IndicatorMapper.Choice, reading: QuantityGrammar.Reading?, reportKind: String,
            section: FactStatus?
        ) {
            self.quantity = quantity
            self.scalars = scalars
            self.sentence = sentence
            self.choice = choice
            self.reading = reading
            self.reportKind = reportKind
            self.section = section
        }
    }

    /// What kind of cue decided a dictionary choice: counted (the noun after a classifier),
    /// clause, sentence, unit, none, grammar, governor, compared (a comparison's base), part (其中)
    /// or own-rate.
    public static func cueKind(_ rule: String) -> String {
        if rule.hasSuffix("@compared") { return "compared" }
        if rule.hasSuffix("@part") { return "part" }
        if rule.hasPrefix("g-") { return "grammar" }
        if rule.hasPrefix("govern-") { return "governor" }
        if rule.hasPrefix("unit:") { return "unit" }
        if rule.hasPrefix("own-rate:") { return "own-rate" }
        if rule == "none" { return "none" }
        if rule.hasSuffix("@counted") { return "counted" }
        if rule.hasSuffix("@sentence") { return "sentence" }
        return "clause"
    }

    /// The signal word behind a dictionary choice (`code:word`, `code:word@sentence`), if any.
    static func cueWord(_ rule: String) -> String? {
        guard let colon = rule.firstIndex(of: ":") else { return nil }
        let word = rule[rule.index(after: colon)...].prefix { $0 != "@" && $0 != "/" }
        return word.isEmpty ? nil : String(word)
    }

    /// The phrase right before `offset` (back to the nearest punctuation, at most `window`
    /// scalars, not before `from`), digits written as 0.
    public static func phrase(before offset: Int, in scalars: [Unicode.Scalar], from: Int) -> String {
        var start = min(offset, scalars.count)
        while start > max(from, 0), start > offset - window, !stops.contains(scalars[start - 1]) { start -= 1 }
        return folded(scalars[start..<min(offset, scalars.count)])
    }

    /// The phrase right after `end` (up to the nearest punctuation, at most `window` scalars,
    /// not beyond `to`), digits written as 0.
    public static func phrase(after end: Int, in scalars: [Unicode.Scalar], to: Int) -> String {
        let upper = min(to, scalars.count)
        var stop = min(end, upper)
        while stop < upper, stop < end + window, !stops.contains(scalars[stop]) { stop += 1 }
        return folded(scalars[min(end, stop)..<stop])
    }

    static func folded(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var text = String.UnicodeScalarView()
        for scalar in scalars { text.append(("0"..."9").contains(scalar) ? "0" : scalar) }
        return String(text)
    }

    /// The features of one quantity, as `name=value` strings.
    public static func features(_ context: Context) -> [String] {
        let quantity = context.quantity
        let unit = IndicatorMapper.unitKey(quantity)
        let kind = QuantityGrammar.unitKind(quantity)
        let code = context.choice.code
        let cue = cueKind(context.choice.rule)
        var features = [
            "bias", "u=\(unit)", "uk=\(kind)", "q=\(quantity.qualifier.rawValue)", "d=\(code)", "dk=\(cue)",
            "d&dk=\(code)&\(cue)", "d&u=\(code)&\(unit)", "rk=\(context.reportKind)",
            "sec=\(context.section?.rawValue ?? "-")",
        ]
        if let word = cueWord(context.choice.rule), cue != "grammar" { features.append("dw=\(word)") }
        if let reading = context.reading {
            if let noun = reading.noun { features.append("n=\(noun)") }
            let nounClass = reading.nounClass ?? "-"
            let verbClass = reading.verbClass ?? "-"
            features += ["nc=\(nounClass)", "vc=\(verbClass)", "nc&vc=\(nounClass)&\(verbClass)", "nc&uk=\(nounClass)&\(kind)"]
            if let verb = reading.verb { features.append("v=\(verb)") }
        }
        let start = quantity.offset
        let end = start + quantity.surface.unicodeScalars.count
        let before = Array(phrase(before: start, in: context.scalars, from: context.sentence.lowerBound).unicodeScalars)
        let after = Array(phrase(after: end, in: context.scalars, to: context.sentence.upperBound).unicodeScalars)
        grams(before, "L", into: &features)
        grams(after, "R", into: &features)
        // The scalars touching the number: what stands right before it and right after its unit.
        features.append("L0=" + String(scalars: before.suffix(2)))
        features.append("R0=" + String(scalars: after.prefix(2)))
        signalFeatures(context, start: start, end: end, unitKind: kind, into: &features)
        if before.isEmpty { features.append("L=empty") }
        if after.isEmpty { features.append("R=empty") }
        return features
    }

    /// The indicators the sentence's signal words name, by where the word stands: in the
    /// quantity's clause before it (`sc<`) or after it (`sc>`), or earlier in the sentence (`ss<`),
    /// and the signal words of the clause themselves (`sw=`).
    static func signalFeatures(
        _ context: Context, start: Int, end: Int, unitKind: String, into features: inout [String]
    ) {
        let scalars = context.scalars
        var clauseStart = start
        while clauseStart > context.sentence.lowerBound, !QuantityGrammar.clauseEnds.contains(scalars[clauseStart - 1]) {
            clauseStart -= 1
        }
        var clauseEnd = min(end, scalars.count)
        while clauseEnd < min(context.sentence.upperBound, scalars.count),
            !QuantityGrammar.clauseEnds.contains(scalars[clauseEnd])
        {
            clauseEnd += 1
        }
        var seen = Set<String>()
        for (range, codes) in context.signals where range.upperBound <= start || range.lowerBound >= end {
            let place: String
            if range.lowerBound >= clauseStart, range.upperBound <= start {
                place = "sc<"
            } else if range.lowerBound >= end, range.upperBound <= clauseEnd {
                place = "sc>"
            } else if range.upperBound <= start {
                place = "ss<"
            } else {
                continue
            }
            if place != "ss<" { seen.insert("sw=" + String(scalars: scalars[range])) }
            for code in codes {
                seen.insert("\(place)=\(code)")
                seen.insert("\(place)=\(code)&\(unitKind)")
            }
        }
        features += seen.sorted()
    }

    /// Character unigrams and bigrams of `scalars`, prefixed by `side`.
    static func grams(_ scalars: [Unicode.Scalar], _ side: String, into features: inout [String]) {
        for (index, scalar) in scalars.enumerated() {
            features.append("\(side)1=\(Character(scalar))")
            if index + 1 < scalars.count {
                features.append("\(side)2=\(Character(scalar))\(Character(scalars[index + 1]))")
            }
        }
    }
}
