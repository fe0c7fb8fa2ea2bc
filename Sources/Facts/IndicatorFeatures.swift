import EduwhCore
import Normalize

/// The features a learned indicator chooser reads for one quantity (`IndicatorModel`), computed
/// from what the Facts stage already found for it: its unit, unit kind and qualifier, the
/// dictionary's choice and the kind of cue behind it, the grammar's counted noun and governing
/// verb, the characters of its phrase before the number and after the unit (up to the nearest
/// punctuation; the two touching the number as a pair), the section's status and the report's
/// kind. Nothing here re-reads the sentence.
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
    static let stops = ScalarSet("，,、。；;：:！!？?（）()【】[]《》“”\"「」 　\t".unicodeScalars)

    /// Everything the features of one quantity are made from.
    public struct Context {
        public var quantity: QuantityMention
        public var scalars: [Unicode.Scalar]
        public var sentence: Range<Int>
        public var choice: IndicatorMapper.Choice
        public var reading: QuantityGrammar.Reading?
        public var reportKind: String
        public var section: FactStatus?
        /// The text of the section heading in force, if any (its topic: `CountedThing.topics`).
        public var heading: String?
        /// The dictionary's signal words found in the sentence (`IndicatorMapper.signalMatches`)
        /// and the indicator codes each names.
        public var signals: [(range: Range<Int>, codes: [String])] = []
        /// The sentence as `CountedThing` reads it, if made already (once per sentence); else made here.
        public var text: CountedThing.Text?
        /// The classes the heading names (`CountedThing.topics`), if found already (once per line).
        public var topics: [String]?
        /// What the page presents, when it is a budget or final accounts (`BudgetPages`: `budget`, `final`).
        public var budgetPage: String?

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
        // Byte tests (every mark is ASCII): asked for every quantity.
        let bytes = rule.utf8
        func prefix(_ mark: StaticString) -> Bool {
            mark.withUTF8Buffer { bytes.starts(with: $0) }
        }
        func suffix(_ mark: StaticString) -> Bool {
            mark.withUTF8Buffer { $0.count <= bytes.count && bytes.suffix($0.count).elementsEqual($0) }
        }
        if suffix("@compared") { return "compared" }
        if suffix("@part") { return "part" }
        if prefix("g-") { return "grammar" }
        if prefix("govern-") { return "governor" }
        if prefix("unit:") { return "unit" }
        if prefix("own-rate:") { return "own-rate" }
        if bytes.elementsEqual("none".utf8) { return "none" }
        if suffix("@counted") { return "counted" }
        if suffix("@sentence") { return "sentence" }
        return "clause"
    }

    /// The signal word behind a dictionary choice (`code:word`, `code:word@sentence`), if any.
    static func cueWord(_ rule: String) -> Substring? {
        // Found on bytes (the marks are ASCII): asked for every quantity.
        let bytes = rule.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let start = bytes.index(after: colon)
        let end = bytes[start...].firstIndex { $0 == UInt8(ascii: "@") || $0 == UInt8(ascii: "/") } ?? bytes.endIndex
        return start == end ? nil : rule[start..<end]
    }

    /// The phrase right before `offset` (back to the nearest punctuation, at most `window`
    /// scalars, not before `from`), digits written as 0.
    public static func phrase(before offset: Int, in scalars: [Unicode.Scalar], from: Int) -> String {
        String(scalars: phraseScalars(before: offset, in: scalars, from: from))
    }

    /// The phrase right after `end` (up to the nearest punctuation, at most `window` scalars,
    /// not beyond `to`), digits written as 0.
    public static func phrase(after end: Int, in scalars: [Unicode.Scalar], to: Int) -> String {
        String(scalars: phraseScalars(after: end, in: scalars, to: to))
    }

    static func phraseScalars(before offset: Int, in scalars: [Unicode.Scalar], from: Int) -> [Unicode.Scalar] {
        var start = min(offset, scalars.count)
        while start > max(from, 0), start > offset - window, !stops.contains(scalars[start - 1]) { start -= 1 }
        return folded(scalars[start..<min(offset, scalars.count)])
    }

    static func phraseScalars(after end: Int, in scalars: [Unicode.Scalar], to: Int) -> [Unicode.Scalar] {
        let upper = min(to, scalars.count)
        var stop = min(end, upper)
        while stop < upper, stop < end + window, !stops.contains(scalars[stop]) { stop += 1 }
        return folded(scalars[min(end, stop)..<stop])
    }

    static func folded(_ scalars: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
        scalars.map { ("0"..."9").contains($0) ? "0" : $0 }
    }

    /// Where features go: as strings (for training and the table) or as hashes (for a load).
    protocol Sink {
        mutating func add(_ name: String, _ value: ArraySlice<Unicode.Scalar>)
        mutating func add(_ name: String, text value: some StringProtocol)
        /// The feature `name` + `first` + `&` + `second`.
        mutating func add(_ name: String, _ first: String, and second: String)
    }

    /// Collects features as `name=value` strings.
    struct Strings: Sink {
        var features: [String] = []
        mutating func add(_ name: String, _ value: ArraySlice<Unicode.Scalar>) {
            features.append(name + String(scalars: value))
        }
        mutating func add(_ name: String, text value: some StringProtocol) { features.append(name + value) }
        mutating func add(_ name: String, _ first: String, and second: String) {
            features.append(name + first + "&" + second)
        }
    }

    /// Collects features as `hash(name=value)` without making their strings.
    struct Hashes: Sink {
        var hashes: [UInt64] = []
        mutating func add(_ name: String, _ value: ArraySlice<Unicode.Scalar>) {
            var hash = IndicatorFeatures.nameHash(name)
            for scalar in value { hash = (hash ^ UInt64(scalar.value)) &* 0x100_0000_01b3 }
            hashes.append(hash)
        }
        mutating func add(_ name: String, text value: some StringProtocol) {
            var hash = IndicatorFeatures.nameHash(name)
            IndicatorFeatures.mix(&hash, value)
            hashes.append(hash)
        }
        mutating func add(_ name: String, _ first: String, and second: String) {
            var hash = IndicatorFeatures.nameHash(name)
            IndicatorFeatures.mix(&hash, first)
            hash = (hash ^ UInt64(UInt8(ascii: "&"))) &* 0x100_0000_01b3
            IndicatorFeatures.mix(&hash, second)
            hashes.append(hash)
        }
    }

    /// `hash(name.unicodeScalars)` of a feature's name, read as bytes: every name is ASCII, whose
    /// bytes are its scalar values (a load hashes some hundred names per quantity).
    static func nameHash(_ name: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    /// Goes on with FNV-1a `hash` over the scalar values of `text`, decoded from its UTF-8 bytes
    /// in place: iterating `unicodeScalars` cost several times as much, and a load hashes a few
    /// dozen values (codes, cue words, report kinds) for each figure and each chooser.
    @inline(__always)
    static func mix(_ hash: inout UInt64, _ text: some StringProtocol) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var index = 0
            while index < bytes.count {
                let lead = UInt32(bytes[index])
                var value: UInt32
                var length: Int
                if lead < 0x80 {
                    (value, length) = (lead, 1)
                } else if lead < 0xE0 {
                    (value, length) = (lead & 0x1F, 2)
                } else if lead < 0xF0 {
                    (value, length) = (lead & 0x0F, 3)
                } else {
                    (value, length) = (lead & 0x07, 4)
                }
                // A Swift string is valid UTF-8: the continuation bytes are there.
                for next in 1..<length { value = value << 6 | UInt32(bytes[index + next] & 0x3F) }
                hash = (hash ^ UInt64(value)) &* 0x100_0000_01b3
                index += length
            }
        }
        if done == nil {
            for scalar in text.unicodeScalars { hash = (hash ^ UInt64(scalar.value)) &* 0x100_0000_01b3 }
        }
    }

    /// FNV-1a over a feature's scalar values: what the model's weights are looked up by.
    public static func hash(_ scalars: some Sequence<Unicode.Scalar>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for scalar in scalars { hash = (hash ^ UInt64(scalar.value)) &* 0x100_0000_01b3 }
        return hash
    }

    /// The features of one quantity, as `name=value` strings, without repeats.
    public static func features(_ context: Context) -> [String] {
        var sink = Strings()
        collect(context, into: &sink)
        return Array(Set(sink.features)).sorted()
    }

    /// The hashes of `features(context)`, sorted, without repeats.
    public static func hashes(_ context: Context) -> [UInt64] {
        var sink = Hashes()
        sink.hashes.reserveCapacity(128)
        collect(context, into: &sink)
        sink.hashes.sort()
        // Repeats dropped in place.
        var kept = 0
        for index in sink.hashes.indices where kept == 0 || sink.hashes[kept - 1] != sink.hashes[index] {
            sink.hashes[kept] = sink.hashes[index]
            kept += 1
        }
        sink.hashes.removeLast(sink.hashes.count - kept)
        return sink.hashes
    }

    static func collect(_ context: Context, into sink: inout some Sink) {
        let quantity = context.quantity
        let unit = IndicatorMapper.unitKey(quantity)
        let kind = QuantityGrammar.unitKind(quantity)
        let code = context.choice.code
        let cue = cueKind(context.choice.rule)
        func add(_ name: String, _ value: String) { sink.add(name, text: value) }
        add("bias", "")
        add("u=", unit)
        add("uk=", kind)
        add("q=", quantity.qualifier.rawValue)
        add("d=", code)
        add("dk=", cue)
        sink.add("d&dk=", code, and: cue)
        sink.add("d&u=", code, and: unit)
        add("rk=", context.reportKind)
        add("sec=", context.section?.rawValue ?? "-")
        // A budget's or accounts' page (部门预算, 三公经费, 部门决算): its money is the budget's.
        let page = context.budgetPage ?? "-"
        add("bp=", page)
        sink.add("bp&uk=", page, and: kind)
        if cue != "grammar", let word = cueWord(context.choice.rule) { sink.add("dw=", text: word) }
        if let reading = context.reading {
            if let noun = reading.noun { add("n=", noun) }
            let nounClass = reading.nounClass ?? "-"
            let verbClass = reading.verbClass ?? "-"
            add("nc=", nounClass)
            add("vc=", verbClass)
            sink.add("nc&vc=", nounClass, and: verbClass)
            sink.add("nc&uk=", nounClass, and: kind)
            if let verb = reading.verb { add("v=", verb) }
        }
        let start = quantity.offset
        let end = start + quantity.surface.unicodeScalars.count
        // The phrases are read without pinyin glosses (学(xué)校 is 学校), as `CountedThing` reads.
        let first = min(max(start, context.sentence.lowerBound), context.sentence.upperBound)
        let text = context.text ?? CountedThing.Text(context.scalars, sentence: context.sentence)
        let textStart = text.position(of: first)
        let textEnd = text.position(of: min(end, context.sentence.upperBound))
        let before = phraseScalars(before: textStart, in: text.scalars, from: 0)
        let after = phraseScalars(after: textEnd, in: text.scalars, to: text.scalars.count)
        grams(before, "L", into: &sink)
        grams(after, "R", into: &sink)
        // The scalars touching the number: what stands right before it and right after its unit.
        sink.add("L0=", before.suffix(2))
        sink.add("R0=", after.prefix(2))
        signalFeatures(context, start: start, end: end, unitKind: kind, into: &sink)
        countedFeatures(
            context, CountedThing.standard.read(quantity, text: text, start: textStart, end: textEnd), unitKind: kind,
            into: &sink)
        if before.isEmpty { add("L=empty", "") }
        if after.isEmpty { add("R=empty", "") }
    }

    /// The indicators the sentence's signal words name, by where the word stands: in the
    /// quantity's clause before it (`sc<`) or after it (`sc>`), or earlier in the sentence (`ss<`),
    /// and the signal words of the clause themselves (`sw=`).
    static func signalFeatures(
        _ context: Context, start: Int, end: Int, unitKind: String, into sink: inout some Sink
    ) {
        let scalars = context.scalars
        var clauseStart = start
        while clauseStart > context.sentence.lowerBound,
            !QuantityGrammar.clauseEnds.contains(scalars[clauseStart - 1])
        {
            clauseStart -= 1
        }
        var clauseEnd = min(end, scalars.count)
        while clauseEnd < min(context.sentence.upperBound, scalars.count),
            !QuantityGrammar.clauseEnds.contains(scalars[clauseEnd])
        {
            clauseEnd += 1
        }
        for (range, codes) in context.signals where range.upperBound <= start || range.lowerBound >= end {
            let place: String
            if range.lowerBound >= clauseStart, range.upperBound <= start {
                place = "sc<="
            } else if range.lowerBound >= end, range.upperBound <= clauseEnd {
                place = "sc>="
            } else if range.upperBound <= start {
                place = "ss<="
            } else {
                continue
            }
            if place != "ss<=" { sink.add("sw=", scalars[range]) }
            for code in codes {
                sink.add(place, text: code)
                sink.add(place, code, and: unitKind)
            }
        }
    }

    /// Character unigrams of `scalars`, prefixed by `side`. (Their bigrams, `L2=`/`R2=`, were
    /// features until 2026-12-06: without them the chooser scored as well or better on 10 site
    /// folds and on the held-out slices fk and fl, from a table 22% smaller; see the header of
    /// rules/facts/indicator-model.tsv.)
    static func grams(_ scalars: [Unicode.Scalar], _ side: String, into sink: inout some Sink) {
        let one = side + "1="
        for index in scalars.indices { sink.add(one, scalars[index...index]) }
    }

    /// What the number counts, backed off to classes (`CountedThing`): the class of the counted
    /// phrase's head (`hc=`, with the unit kind, the measure word's class and the verb's), the
    /// word itself (`hw=`), the measure word's class (`mc=`), the nearest verb's before (`vk=`) and
    /// after it (`va=`), the verb opening the next clause (`vn=`: 投资8.74亿元,购置图书…), the
    /// sentence subject's (`sj=`) and the classes the section heading names (`ht=`).
    static func countedFeatures(
        _ context: Context, _ reading: CountedThing.Reading, unitKind: String, into sink: inout some Sink
    ) {
        let noun = reading.nounClass ?? "-"
        let measure = reading.measureClass ?? "-"
        let verb = reading.verbClass ?? "-"
        sink.add("hc=", text: noun)
        sink.add("hc&uk=", noun, and: unitKind)
        sink.add("hc&mc=", noun, and: measure)
        sink.add("hc&vk=", noun, and: verb)
        if let word = reading.noun { sink.add("hw=", text: word) }
        sink.add("mc=", text: measure)
        sink.add("vk=", text: verb)
        sink.add("va=", text: reading.verbAfter ?? "-")
        sink.add("vn=", text: reading.verbNext ?? "-")
        sink.add("va&uk=", reading.verbAfter ?? "-", and: unitKind)
        sink.add("vk&uk=", verb, and: unitKind)
        sink.add("vn&uk=", reading.verbNext ?? "-", and: unitKind)
        sink.add("sj=", text: reading.subjectClass ?? "-")
        if let heading = context.heading {
            for topic in context.topics ?? CountedThing.standard.topics(Array(heading.unicodeScalars)) {
                sink.add("ht=", text: topic)
            }
        }
    }
}
