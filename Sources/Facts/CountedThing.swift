import EduwhCore
import Normalize

/// What a number counts, read without a lexicon of whole nouns: the noun phrase the number counts
/// (after its measure word: 2栋教学楼; else before the number: 示范学校3所, 在校生12000人, over
/// fillers: 学校总数达86所), backed off to the class of the word it ENDS with (…校/…园 = school,
/// …生/…童 = pupil, …师 = teacher, …楼/…舍 = building), the class of its measure word, of the
/// nearest verb before it, of the sentence's subject and of the section heading's words, all from
/// `rules/facts/counted-classes.tsv`. A noun never seen in training (教学综合楼, 寄宿制学校) still
/// names its class: the learned indicator chooser (`IndicatorFeatures`) reads these as features.
///
/// ```swift
/// let line = "新建寄宿制学校3所".scalarArray
/// let q = QuantityMention(surface: "3所", value: 3, unit: "所", qualifier: .exact, offset: 7, rule: "t")
/// CountedThing.standard.read(q, scalars: line, sentence: 0..<line.count).nounClass  // "school"
/// ```
public struct CountedThing: Sendable {
    /// What was read around one quantity.
    public struct Reading: Sendable, Hashable {
        /// The word the counted phrase ends with (学校), its class (school), and whether the phrase
        /// stands after the measure word (`a`) or before the number (`b`).
        public var noun: String?
        public var nounClass: String?
        public var side: String?
        public var measureClass: String?
        public var verbClass: String?
        /// The class of the nearest verb after the number in its clause.
        public var verbAfter: String?
        /// The class of the verb opening the next clause of the sentence (投资8.74亿元,购置图书: buy).
        public var verbNext: String?
        public var subjectClass: String?
    }

    /// Nouns and verbs, each word reversed: the longest word a phrase ends with is the longest
    /// match at the start of the reversed phrase.
    let nouns: WordTrie
    let verbs: WordTrie
    let classes: [String]
    let measures: [String: String]
    /// How far the counted phrase and the subject are read, in scalars.
    public static let window = 8
    /// How far into the next clause its opening verb is looked for, in scalars.
    public static let nextWindow = 6
    /// Scalars that end a phrase.
    static let stops = ScalarSet("，,、。；;：:！!？?（）()【】[]《》“”\"「」 　\t0123456789".unicodeScalars)

    /// What may stand between a table row's label and its bare number: blanks, a column header's year.
    static let headerFillers = ScalarSet("0123456789年度 　-－.".unicodeScalars)

    public static let standard = RuleTable.shipped(
        "rules/facts/counted-classes.tsv", in: EmbeddedFiles.files, required: ["kind", "class", "words"],
        CountedThing.init(table:))

    public init(table: RuleTable) throws(RuleTableError) {
        var classes: [String] = []
        var nouns: [String: [Int]] = [:]
        var verbs: [String: [Int]] = [:]
        var measures: [String: String] = [:]
        for row in table.rows {
            let words = row["words"].split(separator: "|").map(String.init)
            switch row["kind"] {
            case "measure":
                for word in words where measures[word] == nil { measures[word] = row["class"] }
                continue
            case "noun", "verb": break
            default:
                throw RuleTableError(file: table.name, line: row.line, reason: "kind must be noun, verb or measure")
            }
            classes.append(row["class"])
            for word in words {
                let reversed = String(String.UnicodeScalarView(word.unicodeScalars.reversed()))
                if row["kind"] == "noun" {
                    if nouns[reversed] == nil { nouns[reversed] = [classes.count - 1] }
                } else if verbs[reversed] == nil {
                    verbs[reversed] = [classes.count - 1]
                }
            }
        }
        self.classes = classes
        self.nouns = WordTrie(nouns)
        self.verbs = WordTrie(verbs)
        self.measures = measures
    }

    /// The longest word of `trie` that `text[range]` ends with: (its start, class). The tries hold
    /// the words reversed, so this is the longest match at `range`'s end in `text.reversed`.
    func ending(_ trie: WordTrie, _ text: Text, _ range: Range<Int>) -> (Int, String)? {
        guard !range.isEmpty else { return nil }
        let count = text.reversed.count
        guard let match = trie.longest(in: text.reversed, at: count - range.upperBound, end: count - range.lowerBound)
        else { return nil }
        return (range.upperBound - match.length, classes[match.payload[0]])
    }

    /// The counted thing, measure, verb and subject of `quantity` standing in `sentence` of `scalars`.
    public func read(_ quantity: QuantityMention, scalars: [Unicode.Scalar], sentence: Range<Int>) -> Reading {
        read(quantity, in: Text(scalars, sentence: sentence), line: sentence)
    }

    /// `read` on a sentence's `Text` (made once for all its figures), `sentence` its range in the line.
    func read(_ quantity: QuantityMention, in text: Text, line sentence: Range<Int>) -> Reading {
        let first = min(max(quantity.offset, sentence.lowerBound), sentence.upperBound)
        let end = min(first + quantity.surface.unicodeScalars.count, sentence.upperBound)
        return read(quantity, text: text, start: text.position(of: first), end: text.position(of: end))
    }

    /// `read` on a sentence's `Text`, the quantity at `start..<end` of its scalars.
    func read(_ quantity: QuantityMention, text: Text, start: Int, end: Int) -> Reading {
        let scalars = text.scalars
        var reading = Reading()
        let sentence = 0..<scalars.count
        let unit = IndicatorMapper.unitKey(quantity)
        reading.measureClass = measures[unit]
        var clauseStart = start
        while clauseStart > sentence.lowerBound, !QuantityGrammar.clauseEnds.contains(scalars[clauseStart - 1]) {
            clauseStart -= 1
        }
        // After the measure word: the phrase up to a stop, a linker or 的; the rightmost word of a
        // class in it is its head (12所学校食堂: the canteens).
        var phraseStart = start
        if reading.measureClass != nil {
            var stop = end
            while stop < min(sentence.upperBound, end + Self.window), !Self.stops.contains(scalars[stop]),
                !QuantityGrammar.linkers.contains(scalars[stop]), scalars[stop] != "的"
            {
                stop += 1
            }
            for last in stride(from: stop, to: end, by: -1) {
                if let (wordStart, nounClass) = ending(nouns, text, end..<last) {
                    reading.noun = String(scalars: scalars[wordStart..<last])
                    (reading.nounClass, reading.side) = (nounClass, "a")
                    break
                }
            }
        }
        if reading.nounClass == nil {
            // Before the number, over fillers (共, 达, 为 …): the phrase ends with its head.
            var last = start
            while last > clauseStart, start - last < QuantityGrammar.fillerWindow,
                QuantityGrammar.fillers.contains(scalars[last - 1])
            {
                last -= 1
            }
            // A bare number (a table cell read after its row label and column header: 在校生 2009
            // 10282) counts what the label ends with, over the header's year and blanks.
            if quantity.unit.isEmpty {
                while last > clauseStart, start - last < Self.window, Self.headerFillers.contains(scalars[last - 1]) {
                    last -= 1
                }
            }
            if let (wordStart, nounClass) = ending(nouns, text, max(clauseStart, last - Self.window)..<last) {
                reading.noun = String(scalars: scalars[wordStart..<last])
                (reading.nounClass, reading.side) = (nounClass, "b")
                phraseStart = wordStart
            }
        }
        // The nearest verb before the counted phrase (or the number) in its clause.
        var position = phraseStart
        while position > clauseStart, reading.verbClass == nil {
            reading.verbClass = ending(verbs, text, max(clauseStart, position - 4)..<position)?.1
            position -= 1
        }
        // The nearest verb after the number in its clause (投资4千多元添置…, 280名学生参加…).
        var next = end + 1
        while next <= min(sentence.upperBound, end + Self.window), reading.verbAfter == nil,
            !QuantityGrammar.clauseEnds.contains(scalars[next - 1])
        {
            reading.verbAfter = ending(verbs, text, end..<next)?.1
            next += 1
        }
        reading.verbNext = verbOpening(text, after: end)
        reading.subjectClass = subject(text, before: start)
        return reading
    }

    /// The class of the first verb that ends within `nextWindow` scalars of the start of the clause
    /// after the one holding `end` (投资8.74亿元,购置图书 → buy; 投入40万元,用于购置设备 → buy), if
    /// the sentence goes on.
    func verbOpening(_ text: Text, after end: Int) -> String? {
        let scalars = text.scalars
        var close = end
        while close < scalars.count, !QuantityGrammar.clauseEnds.contains(scalars[close]) { close += 1 }
        let start = close + 1
        guard start < scalars.count else { return nil }
        for stop in (start + 1)...min(start + Self.nextWindow, scalars.count) {
            if let (_, verbClass) = ending(verbs, text, start..<stop) { return verbClass }
        }
        return nil
    }

    /// The class of the sentence's subject: the last word of a class in its opening phrase (up to
    /// the first verb or stop), when that phrase ends before the number.
    func subject(_ text: Text, before limit: Int) -> String? {
        let (scalars, sentence) = (text.scalars, 0..<text.scalars.count)
        let upper = min(limit, sentence.lowerBound + Self.window)
        var stop = sentence.lowerBound
        while stop < upper, !Self.stops.contains(scalars[stop]) {
            if let (verbStart, _) = ending(verbs, text, sentence.lowerBound..<(stop + 1)) {
                stop = verbStart
                break
            }
            stop += 1
        }
        for last in stride(from: stop, to: sentence.lowerBound, by: -1) {
            if let (_, nounClass) = ending(nouns, text, sentence.lowerBound..<last) { return nounClass }
        }
        return nil
    }

    /// The classes of the words a section heading names (its topic), in order, without repeats.
    public func topics(_ heading: [Unicode.Scalar]) -> [String] {
        let text = Text(heading, sentence: heading.indices, glosses: false)
        var found: [String] = []
        for last in stride(from: heading.count, to: 0, by: -1) {
            if let (_, nounClass) = ending(nouns, text, max(0, last - 4)..<last), !found.contains(nounClass) {
                found.append(nounClass)
            }
        }
        return found
    }

    /// A letter of pinyin: ASCII lower case or a Latin letter with a tone mark.
    static func isPinyin(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || (0xC0..<0x250).contains(scalar.value)
    }
}
