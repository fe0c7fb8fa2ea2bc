import EduwhCore
import Normalize

/// What a number counts, read from the grammar of its sentence rather than the nearest keyword.
///
/// For each quantity it finds (a) the unit kind (count, money, area, km2, percent), (b) the NOUN it
/// counts — the head noun right after the measure word (3所学校, 24个教学班) or the noun the number
/// stands after (新建学校3所, 全县共有中小学86所, 危房286平方米, 教师培训3000人次) — (c) the VERB
/// that governs it (the nearest verb of `rules/facts/grammar-words.tsv` before the noun or number in
/// its clause, else earlier in its sentence: 将改造建设城区初中4所,城区小学8所), and (d) for an
/// amount, the purpose it is spent on (投入80万元用于购置多媒体设备). The first row of
/// `rules/facts/grammar.tsv` that fits (noun class, verb class, unit kind) names the indicator;
/// when none fits, the signal-word mapping decides (`IndicatorMapper`).
///
/// ```swift
/// let line = "今年新建教学楼2栋".scalarArray
/// let q = QuantityMention(surface: "2栋", value: 2, unit: "栋", qualifier: .exact, offset: 7, rule: "t")
/// QuantityGrammar.standard.choice(for: q, scalars: line, sentence: 0..<line.count, keyword: "dilapidated_buildings")?.code
/// // "construction_projects"
/// ```
public struct QuantityGrammar: Sendable {
    /// A word of the grammar's lexicon.
    struct Entry: Sendable {
        enum Kind: String, Sendable { case noun, verb, purpose }
        var kind: Kind
        var wordClass: String
    }

    /// One row of `rules/facts/grammar.tsv`.
    struct Rule: Sendable {
        var id: String
        var nouns: Set<String>
        var verbs: Set<String>
        var units: Set<String>
        var replaces: Set<String>
        var indicator: String

        func fits(_ pattern: Set<String>, _ value: String?) -> Bool {
            pattern.contains("*") || pattern.contains(value ?? "-")
        }
    }

    /// What the grammar read around one quantity.
    public struct Reading: Sendable, Hashable {
        public var unitKind: String
        public var noun: String?
        public var nounClass: String?
        public var verb: String?
        public var verbClass: String?
    }

    /// How far after the measure word the counted noun may start, in scalars (3所义务教育阶段学校).
    public static let nounWindow = 8
    /// How far a noun may stand before the number, over filler words only (学校总数达86所).
    public static let fillerWindow = 4
    /// Noun classes an amount may stand after as what it is (教师月工资5000元, 人均纯收入8600元).
    static let amountSubjects: Set<String> = ["pay", "income", "budget_item", "grant"]
    /// Verb classes that may follow the noun they govern (6所学校被评为…, 将6所村小改为教学点).
    static let predicateClasses: Set<String> = ["honour", "win", "reinforce", "merge", "convert"]
    /// How far after an amount its purpose word may start (投入80万元为农村中小学校配备电脑).
    public static let purposeWindow = 12
    /// Scalars that may stand between a noun and the number it is counted by (共, 达, 为 …).
    static let fillers = ScalarSet("共达到为有计约近总数已了是至各分别增加逾超过仅只计划年均再累新 　".unicodeScalars)
    /// Prepositions and conjunctions: a noun beyond one is not the one the measure word counts
    /// (30名干部到学校…).
    static let linkers = ScalarSet("到去赴向在给为对由从把被将让使于与和及或并".unicodeScalars)
    /// Scalars that end a noun phrase or a clause.
    static let phraseEnds = ScalarSet("，,、。；;：:！!？?（）()【】[]《》“”\"'「」 　\t".unicodeScalars)
    static let clauseEnds = ScalarSet("，,；;：:。！!？?（(".unicodeScalars)

    /// The shipped tables: `rules/facts/grammar-words.tsv` and `rules/facts/grammar.tsv`.
    public static let shippedTables: (words: RuleTable, rules: RuleTable) = (
        RuleTable.shipped(
            "rules/facts/grammar-words.tsv", in: EmbeddedFiles.files, required: ["class", "kind", "words"]
        ) { $0 },
        RuleTable.shipped(
            "rules/facts/grammar.tsv", in: EmbeddedFiles.files,
            required: ["id", "noun", "verb", "units", "replaces", "indicator"]
        ) { $0 }
    )

    public static let standard = QuantityGrammar(words: shippedTables.words, rules: shippedTables.rules)

    let entries: [Entry]
    let lexicon: WordTrie
    let rules: [Rule]
    /// The rows as bit sets, for `choice`: which rows name a unit, which accept a noun class, a verb
    /// class or a signal code. A quantity is tried only against rows of its unit or unit kind (the
    /// whole table per quantity was a tenth of a load's CPU), and the first row that fits is the
    /// lowest bit of the sets' intersection: the quantity's own few words are hashed once instead
    /// of every row's cells (row by row, the cells' string sets were half the grammar's time).
    let selector: RuleSelector

    public init(words: RuleTable, rules: RuleTable) {
        var entries: [Entry] = []
        var byWord: [String: [Int]] = [:]
        for row in words.rows {
            let kind = Entry.Kind(rawValue: row["kind"]) ?? .verb
            entries.append(Entry(kind: kind, wordClass: row["class"]))
            for word in row["words"].split(separator: "|") where byWord[String(word)] == nil {
                byWord[String(word)] = [entries.count - 1]
            }
        }
        self.entries = entries
        lexicon = WordTrie(byWord)
        func set(_ cell: String) -> Set<String> { Set(cell.split(separator: "|").map(String.init)) }
        self.rules = rules.rows.map { row in
            Rule(
                id: row["id"], nouns: set(row["noun"]), verbs: set(row["verb"]), units: set(row["units"]),
                replaces: set(row["replaces"]), indicator: row["indicator"])
        }
        selector = RuleSelector(self.rules)
    }

    /// The unit kind of a quantity: money, area, km2 (a region's land, never a school's), percent or count.
    static func unitKind(_ quantity: QuantityMention) -> String {
        switch quantity.unit {
        case "yuan": return "money"
        case "percent", "百分点": return "percent"
        case "m2", "mu":
            let surface = quantity.surface
            if surface.includes("平方公里") || surface.includes("平方千米") || surface.includes("km") { return "km2" }
            return "area"
        default: return "count"
        }
    }

    /// The indicator the grammar gives `quantity` (standing in `sentence` of `scalars`) when the
    /// signal words chose `keyword`, or nil when no row of the grammar fits.
    /// `words` are the sentence's `words(in:sentence:)` when the caller has them already (found
    /// once per sentence, not once per quantity).
    public func choice(
        for quantity: QuantityMention, scalars: [Unicode.Scalar], sentence: Range<Int>,
        keyword: IndicatorMapper.Choice, words: [WordTrie.Match]? = nil
    ) -> IndicatorMapper.Choice? {
        let reading = read(quantity, scalars: scalars, sentence: sentence, words: words)
        return choice(for: quantity, reading: reading, keyword: keyword)
    }

    /// `choice(for:scalars:sentence:keyword:words:)` given the quantity's `read` already made.
    public func choice(
        for quantity: QuantityMention, reading: Reading, keyword: IndicatorMapper.Choice
    ) -> IndicatorMapper.Choice? {
        let unit = IndicatorMapper.unitKey(quantity)
        let after = keyword.signalAfter ? keyword.code + "@after" : nil
        // The first row (in table order) of the quantity's unit kind or unit whose noun, verb and
        // replaced signal fit (`Rule.fits`).
        guard
            let index = selector.first(
                units: (reading.unitKind, unit), noun: reading.nounClass ?? "-", verb: reading.verbClass ?? "-",
                replaces: (keyword.code, after))
        else { return nil }
        let rule = rules[index]
        // `-`: the reading is one the grammar leaves to the signal words.
        guard rule.indicator != "-", !rule.indicator.isEmpty else { return nil }
        return IndicatorMapper.Choice(
            code: rule.indicator, rule: "\(rule.id):\(reading.noun ?? "-")/\(reading.verb ?? "-")")
    }

    /// The grammar's rows as bit sets (bit i: row i), one per unit, noun class, verb class and
    /// replaced signal the table names; `*` cells go into the `any` sets.
    struct RuleSelector: Sendable {
        /// 64-bit words per set.
        let width: Int
        /// Flat storage: set k is `bits[k * width ..< (k + 1) * width]`; set 0 is empty.
        let bits: [UInt64]
        let units: [String: Int]
        let nouns: [String: Int]
        let verbs: [String: Int]
        let replaces: [String: Int]
        let anyNoun: Int
        let anyVerb: Int
        let anyReplaces: Int

        init(_ rules: [Rule]) {
            let width = max(1, (rules.count + 63) / 64)
            // Set 0 stays empty; 1, 2 and 3 are the rows whose noun, verb or replaces cell is `*`.
            var bits = [UInt64](repeating: 0, count: width * 4)
            func add(_ set: Int, _ row: Int) { bits[set * width + row / 64] |= 1 << UInt64(row % 64) }
            func sets(_ cells: KeyPath<Rule, Set<String>>, star: Int?) -> [String: Int] {
                var ids: [String: Int] = [:]
                for (row, rule) in rules.enumerated() {
                    for value in rule[keyPath: cells] {
                        if value == "*", let star {
                            add(star, row)
                            continue
                        }
                        let set = ids[value] ?? bits.count / width
                        if ids[value] == nil {
                            ids[value] = set
                            bits += [UInt64](repeating: 0, count: width)
                        }
                        add(set, row)
                    }
                }
                return ids
            }
            (anyNoun, anyVerb, anyReplaces) = (1, 2, 3)
            self.width = width
            // A unit cell's `*` is a unit like any other: no quantity's unit or kind is `*`.
            units = sets(\.units, star: nil)
            nouns = sets(\.nouns, star: 1)
            verbs = sets(\.verbs, star: 2)
            replaces = sets(\.replaces, star: 3)
            self.bits = bits
        }

        /// The lowest row in the union of `units`' sets that accepts `noun`, `verb` and one of
        /// `replaces`.
        func first(
            units unitNames: (String, String), noun: String, verb: String, replaces codes: (String, String?)
        ) -> Int? {
            // Set 0 is empty: a name the table does not mention selects no row.
            let unit = (units[unitNames.0] ?? 0, units[unitNames.1] ?? 0)
            guard unit != (0, 0) else { return nil }
            let noun = nouns[noun] ?? 0
            let verb = verbs[verb] ?? 0
            let code = (replaces[codes.0] ?? 0, codes.1.flatMap { replaces[$0] } ?? 0)
            return bits.withUnsafeBufferPointer { bits in
                for word in 0..<width {
                    func at(_ set: Int) -> UInt64 { bits[set * width + word] }
                    let fits =
                        (at(unit.0) | at(unit.1)) & (at(anyNoun) | at(noun)) & (at(anyVerb) | at(verb))
                        & (at(anyReplaces) | at(code.0) | at(code.1))
                    if fits != 0 { return word * 64 + fits.trailingZeroBitCount }
                }
                return nil
            }
        }
    }

    /// The words of the grammar's lexicon in `sentence` of `scalars`, for `choice` and `read` when
    /// several quantities stand in one sentence.
    public func words(in scalars: [Unicode.Scalar], sentence: Range<Int>) -> [WordTrie.Match] {
        lexicon.matches(in: scalars, range: sentence)
    }

    /// The noun, verb and unit kind around `quantity`; `words` as in `choice`.
    public func read(
        _ quantity: QuantityMention, scalars: [Unicode.Scalar], sentence: Range<Int>, words: [WordTrie.Match]? = nil
    ) -> Reading {
        let start = min(max(quantity.offset, sentence.lowerBound), sentence.upperBound)
        let end = min(start + quantity.surface.unicodeScalars.count, sentence.upperBound)
        var clauseStart = start
        while clauseStart > sentence.lowerBound, !Self.clauseEnds.contains(scalars[clauseStart - 1]) {
            clauseStart -= 1
        }
        let tokens = words ?? lexicon.matches(in: scalars, range: sentence)
        let kind = Self.unitKind(quantity)
        var reading = Reading(unitKind: kind)
        func word(_ match: WordTrie.Match) -> String { String(scalars: scalars[match.start..<match.end]) }
        func entry(_ match: WordTrie.Match) -> Entry { entries[match.payload[0]] }
        // (b) the counted noun: after the measure word, else before the number.
        var nounStart = start
        if kind == "money" {
            // What the money is: the noun phrase right after it (118万元远程教育设备配套款), else
            // the purpose it is spent on.
            if let purpose = nounAfter(end, tokens: tokens, scalars: scalars)
                ?? purposeNoun(after: end, tokens: tokens, scalars: scalars, sentence: sentence)
            {
                (reading.noun, reading.nounClass) = (word(purpose), entry(purpose).wordClass)
            } else if let subject = nounBefore(start, tokens: tokens, scalars: scalars, from: clauseStart)?.noun,
                Self.amountSubjects.contains(entry(subject).wordClass)
            {
                // An amount a clause says a pay, a budget or an income is (农民人均纯收入达到5500元).
                (reading.noun, reading.nounClass) = (word(subject), entry(subject).wordClass)
                nounStart = subject.start
            }
        } else if kind != "percent" {
            let before = nounBefore(start, tokens: tokens, scalars: scalars, from: clauseStart)
            let after = nounAfter(end, tokens: tokens, scalars: scalars)
            // A noun right after the measure word is what it counts (学前班22个建设项目); else a
            // noun right before the number (教师30名到学校…); else a noun a little after the measure
            // word (3所义务教育阶段学校), else one over fillers before the number (学校总数达86所).
            let afterAtOnce = tokens.contains { $0.start == end && entries[$0.payload[0]].kind == .noun }
            if let noun = before?.noun, noun.end == start, !afterAtOnce {
                (reading.noun, reading.nounClass) = (word(noun), entry(noun).wordClass)
                nounStart = noun.start
            } else if let noun = after {
                (reading.noun, reading.nounClass) = (word(noun), entry(noun).wordClass)
                // A verb of honour, repair, closing or conversion right after the counted noun is
                // its predicate (3所学校被评为…, 6栋教学楼的加固, 将6所村小改为教学点).
                // A building's construction stands after it too (20所学校食堂建设: the canteens are built).
                if let next = tokens.first(where: { $0.start >= noun.end }), next.start - noun.end <= 4,
                    Self.predicateClasses.contains(entry(next).wordClass)
                        || (entry(next).wordClass == "build" && entry(noun).wordClass == "building"),
                    !(noun.end..<next.start).contains(where: { Self.phraseEnds.contains(scalars[$0]) })
                {
                    // The schools get the building (20所学校食堂建设): a building is built at each.
                    let built = entry(next).wordClass == "build"
                    (reading.verb, reading.verbClass) = (word(next), built ? "built_at" : entry(next).wordClass)
                }
            } else if let (noun, verb) = before {
                if let noun {
                    (reading.noun, reading.nounClass) = (word(noun), entry(noun).wordClass)
                    nounStart = noun.start
                }
                if let verb { (reading.verb, reading.verbClass) = (word(verb), Self.verbClass(entry(verb))) }
            }
        }
        // (c) the governing verb: nearest before the noun (or number) in the clause, else in the sentence.
        if reading.verb == nil {
            let verbs = tokens.filter {
                $0.end <= nounStart && entry($0).kind != .noun && entry($0).wordClass != "other"
            }
            var verb = verbs.last { $0.start >= clauseStart }
            // A list shares its verb (将改造建设城区初中4所,城区小学8所): an earlier clause's verb
            // governs this noun when its own object is a noun of the same class.
            if verb == nil, let nounClass = reading.nounClass, let earlier = verbs.last,
                tokens.contains(where: {
                    $0.start >= earlier.end && $0.end <= clauseStart && entry($0).kind == .noun
                        && entry($0).wordClass == nounClass
                        && !(earlier.end..<$0.start).contains { Self.clauseEnds.contains(scalars[$0]) }
                })
            {
                verb = earlier
            }
            if let verb { (reading.verb, reading.verbClass) = (word(verb), Self.verbClass(entry(verb))) }
        }
        return reading
    }

    static func verbClass(_ entry: Entry) -> String { entry.kind == .purpose ? "buy" : entry.wordClass }

    /// The head noun of the phrase right after the measure word: nouns chained over short
    /// modifiers (3所义务教育阶段学校, 2个职业教育办班点), up to a verb, a number or punctuation.
    func nounAfter(_ end: Int, tokens: [WordTrie.Match], scalars: [Unicode.Scalar]) -> WordTrie.Match? {
        var head: WordTrie.Match?
        var from = end
        for token in tokens where token.start >= end {
            let gap = from..<token.start
            if gap.contains(where: {
                Self.phraseEnds.contains(scalars[$0]) || Self.isDigit(scalars[$0]) || Self.linkers.contains(scalars[$0])
            }) {
                break
            }
            // 的 after the counted noun ends its phrase: in 7所学校的教学楼 the number counts the
            // schools; only a standard the schools reach goes on (8所学校的合格学校建设).
            if let head, entries[head.payload[0]].wordClass != "admin_unit",
                gap.contains(where: { scalars[$0] == "的" }),
                !["standard_school", "model_school"].contains(entries[token.payload[0]].wordClass)
            {
                break
            }
            guard entries[token.payload[0]].kind == .noun else { break }
            if head == nil ? gap.count > Self.nounWindow : gap.count > 3 { break }
            head = token
            from = token.end
        }
        return head
    }

    /// The noun a number stands after (学校86所, 学校总数达86所), or the verb right before it with
    /// the noun before that (教师培训3000人次).
    func nounBefore(_ start: Int, tokens: [WordTrie.Match], scalars: [Unicode.Scalar], from clauseStart: Int)
        -> (noun: WordTrie.Match?, verb: WordTrie.Match?)?
    {
        func adjacent(_ token: WordTrie.Match, _ to: Int) -> Bool {
            token.end <= to && to - token.end <= Self.fillerWindow && token.start >= clauseStart
                && (token.end..<to).allSatisfy { Self.fillers.contains(scalars[$0]) }
        }
        guard let last = tokens.last(where: { $0.end <= start }), adjacent(last, start) else { return nil }
        let entry = entries[last.payload[0]]
        // 13班280个, 6个班180个: a word right after a number (and its classifier) belongs to
        // that number, it is no noun of this one.
        if (max(clauseStart, last.start - 2)..<last.start).contains(where: { Self.isDigit(scalars[$0]) }) { return nil }
        // 全县86所: the place before a number is where it is counted, not what.
        if entry.kind == .noun { return entry.wordClass == "admin_unit" ? nil : (last, nil) }
        guard entry.wordClass != "other", entry.wordClass != "oblique" else { return nil }
        let noun = tokens.last { $0.end <= last.start }.flatMap {
            entries[$0.payload[0]].kind == .noun && entries[$0.payload[0]].wordClass != "admin_unit"
                && last.start - $0.end <= 2 && $0.start >= clauseStart ? $0 : nil
        }
        return (noun, last)
    }

    /// What an amount is spent on: the noun right after a purpose word that follows it in its
    /// sentence (投入80万元用于购置多媒体设备), when the purpose names one thing.
    func purposeNoun(after end: Int, tokens: [WordTrie.Match], scalars: [Unicode.Scalar], sentence: Range<Int>)
        -> WordTrie.Match?
    {
        var index = tokens.firstIndex { $0.start >= end }
        var from = end
        var sawPurpose = false
        while let current = index, current < tokens.count {
            let token = tokens[current]
            let gap = from..<token.start
            // 为+beneficiary may stand before the purpose (投入80万元为农村学校配备电脑).
            if gap.count > (sawPurpose ? 6 : Self.purposeWindow)
                || gap.contains(where: { Self.phraseEnds.contains(scalars[$0]) })
            {
                return nil
            }
            let entry = entries[token.payload[0]]
            if entry.kind == .purpose {
                sawPurpose = true
            } else if sawPurpose, entry.kind == .noun {
                return token
            } else if sawPurpose || !(entry.kind == .noun || entry.wordClass == "oblique" || entry.wordClass == "build")
            {
                return nil
            }
            from = token.end
            index = current + 1
        }
        return nil
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
}
