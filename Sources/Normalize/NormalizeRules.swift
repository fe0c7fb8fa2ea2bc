import EduwhCore

/// The Normalize stage's rule tables (`rules/normalize/*.tsv`), parsed into lookup structures.
///
/// Every table is data: units and measure words, magnitudes, qualifier words, fixed phrases,
/// relative year expressions, plan periods, name contexts and time-frame cues.
///
/// ```swift
/// let rules = try NormalizeRules(files: EmbeddedFiles.files)
/// rules.units[0x6240]?.first?.unit // "所"
/// ```
struct NormalizeRules: Sendable {
    /// What kind of thing a unit measures.
    enum UnitKind: String, Sendable {
        case money, area, percent, count, duration, group, tier, multiple, block, score, division
    }

    struct UnitRule: Sendable {
        var id: String
        var surface: [UInt32]
        var unit: String
        var factor: Double
        var kind: UnitKind
        var article: Bool
    }

    struct MagnitudeRule: Sendable {
        var id: String
        var surface: [UInt32]
        var factor: Double
    }

    enum QualifierPosition: String, Sendable {
        case before
        case afterNumber = "after-number"
        case afterUnit = "after-unit"
        case clause
    }

    struct QualifierRule: Sendable {
        var id: String
        var surface: [UInt32]
        var position: QualifierPosition
        var qualifier: Qualifier
    }

    enum RelativeAnchor: String, Sendable {
        case reference, review, section, back, forward, ago
    }

    /// One element of a relative-year pattern: a literal scalar or the number N.
    enum PatternElement: Sendable, Equatable {
        case literal(UInt32)
        case number
    }

    struct RelativeRule: Sendable {
        var id: String
        var pattern: [PatternElement]
        var anchor: RelativeAnchor
        var from: Int
        var to: Int
    }

    struct PlanPeriodRule: Sendable {
        var id: String
        var surface: [UInt32]
        var from: Int
        var to: Int
        var needsQuoteOrCue: Bool
    }

    struct NameContextRule: Sendable {
        var id: String
        var before: Bool
        var word: [UInt32]
        /// Units it applies to; empty = any; [""] = a bare number with no unit.
        var units: Set<String>
    }

    enum CueRole: String, Sendable { case review, plan, target, statistic }

    struct YearCueRule: Sendable {
        var id: String
        var role: CueRole
        var before: Bool
        var word: [UInt32]
    }

    /// Units by first scalar, longest surface first.
    var units: [UInt32: [UnitRule]] = [:]
    /// Magnitudes by first scalar, longest first.
    var magnitudes: [UInt32: [MagnitudeRule]] = [:]
    var qualifiersBefore: [QualifierRule] = []
    var qualifiersAfterNumber: [QualifierRule] = []
    var qualifiersAfterUnit: [QualifierRule] = []
    var clauseQualifiers: [QualifierRule] = []
    /// Fixed phrases by first scalar, longest first.
    var fixedPhrases: [UInt32: [(id: String, phrase: [UInt32])]] = [:]
    /// Relative patterns starting with a literal, by that scalar, longest first.
    var relativeByFirst: [UInt32: [RelativeRule]] = [:]
    /// `relativeByFirst` indexed by scalar (BMP): slot 0 is none, else an index into `relativeLists`.
    /// Frequent characters start relative words (这一年, 同年, 半年来): a lookup without hashing.
    private(set) var relativeSlots = [UInt16](repeating: 0, count: 0x10000)
    private(set) var relativeLists: [[RelativeRule]] = [[]]
    /// Relative patterns starting with N.
    var relativeNumberFirst: [RelativeRule] = []
    var planPeriods: [UInt32: [PlanPeriodRule]] = [:]
    var nameContextsBefore: [NameContextRule] = []
    /// The last scalars of `nameContextsBefore`'s words: a number after none of them has no name
    /// context before it (most numbers), and the rules need not be tried one by one.
    private(set) var nameContextBeforeEnds = ScalarSet([])
    var nameContextsAfter: [NameContextRule] = []
    var yearCues: [YearCueRule] = []
    /// Word lists from `context-words.tsv`, by role (duration-cue, label-lead, contact …).
    var contextWords: [String: [[UInt32]]] = [:]
    /// The one-character words of each role, for quick membership tests.
    var contextChars: [String: Set<UInt32>] = [:]
    /// Per-scalar flags (BMP only) saying which tables have an entry starting with that scalar,
    /// so that scanners skip the dictionary lookups for the ~all characters that start nothing.
    private(set) var firstFlags = [UInt8](repeating: 0, count: 0x10000)

    static let flagRelative: UInt8 = 1
    static let flagFixedPhrase: UInt8 = 2
    static let flagPlanPeriod: UInt8 = 4
    static let flagUnit: UInt8 = 8
    static let flagMagnitude: UInt8 = 16
    /// A scalar that can start a year mention other than a relative word (digits, numerals, x, 年).
    static let flagYearStart: UInt8 = 32
    /// A scalar that can start a quantity (digits, numerals, x, 某, %).
    static let flagQuantityStart: UInt8 = 64
    /// A scalar that follows N in a relative pattern that starts with N (N年来: 年).
    static let flagRelativeRest: UInt8 = 128

    /// True when some table of `flag` has an entry starting with `v`.
    @inline(__always)
    func starts(_ v: UInt32, _ flag: UInt8) -> Bool {
        v < 0x10000 ? firstFlags[Int(v)] & flag != 0 : false
    }

    /// The tables shipped in `rules/normalize/`; a broken table stops the program with `file:line: reason`.
    static let standard: NormalizeRules = {
        do {
            return try NormalizeRules(files: EmbeddedFiles.files)
        } catch {
            fatalError("\(error)")
        }
    }()

    init(files: [String: String]) throws(RuleTableError) {
        try loadQuantityTables(files)
        try loadYearTables(files)
        setFirstFlags()
    }

    /// The table `rules/normalize/NAME` with its required columns.
    private static func table(_ name: String, _ required: [String], in files: [String: String]) throws(RuleTableError)
        -> RuleTable
    {
        let path = "rules/normalize/\(name)"
        guard let text = files[path] else { throw RuleTableError(file: path, line: 0, reason: "missing rule table") }
        return try RuleTable(name: path, text: text, required: required)
    }

    /// A number column of a row, or an error naming the row.
    private static func number(_ row: RuleTable.Row, _ column: String, in table: RuleTable) throws(RuleTableError)
        -> Double
    {
        guard let value = Double(row[column]) else {
            throw RuleTableError(file: table.name, line: row.line, reason: "\(column) '\(row[column])' is not a number")
        }
        return value
    }

    /// units, magnitudes, qualifiers and fixed phrases.
    private mutating func loadQuantityTables(_ files: [String: String]) throws(RuleTableError) {
        func table(_ name: String, _ required: [String]) throws(RuleTableError) -> RuleTable {
            try Self.table(name, required, in: files)
        }
        func number(_ row: RuleTable.Row, _ column: String, in table: RuleTable) throws(RuleTableError) -> Double {
            try Self.number(row, column, in: table)
        }
        let unitTable = try table("units.tsv", ["id", "surface", "unit", "factor", "kind", "article"])
        for row in unitTable.rows {
            guard let kind = UnitKind(rawValue: row["kind"]) else {
                throw RuleTableError(file: unitTable.name, line: row.line, reason: "unknown kind '\(row["kind"])'")
            }
            let rule = UnitRule(
                id: row["id"], surface: row["surface"].scalarValues, unit: row["unit"],
                factor: try number(row, "factor", in: unitTable), kind: kind, article: row["article"] == "1")
            units[rule.surface[0], default: []].append(rule)
        }
        for key in units.keys { units[key]?.sort { $0.surface.count > $1.surface.count } }

        let magnitudeTable = try table("magnitudes.tsv", ["id", "surface", "factor"])
        for row in magnitudeTable.rows {
            let rule = MagnitudeRule(
                id: row["id"], surface: row["surface"].scalarValues,
                factor: try number(row, "factor", in: magnitudeTable))
            magnitudes[rule.surface[0], default: []].append(rule)
        }
        for key in magnitudes.keys { magnitudes[key]?.sort { $0.surface.count > $1.surface.count } }

        let qualifierTable = try table("qualifiers.tsv", ["id", "surface", "position", "qualifier"])
        for row in qualifierTable.rows {
            guard let position = QualifierPosition(rawValue: row["position"]),
                let qualifier = Qualifier(rawValue: row["qualifier"])
            else {
                throw RuleTableError(file: qualifierTable.name, line: row.line, reason: "unknown position or qualifier")
            }
            let rule = QualifierRule(
                id: row["id"], surface: row["surface"].scalarValues, position: position, qualifier: qualifier)
            switch position {
            case .before: qualifiersBefore.append(rule)
            case .afterNumber: qualifiersAfterNumber.append(rule)
            case .afterUnit: qualifiersAfterUnit.append(rule)
            case .clause: clauseQualifiers.append(rule)
            }
        }
        qualifiersBefore.sort { $0.surface.count > $1.surface.count }
        qualifiersAfterNumber.sort { $0.surface.count > $1.surface.count }
        qualifiersAfterUnit.sort { $0.surface.count > $1.surface.count }

        let phraseTable = try table("fixed-phrases.tsv", ["id", "phrase"])
        for row in phraseTable.rows {
            let phrase = row["phrase"].scalarValues
            guard !phrase.isEmpty else { continue }
            fixedPhrases[phrase[0], default: []].append((row["id"], phrase))
        }
        for key in fixedPhrases.keys { fixedPhrases[key]?.sort { $0.phrase.count > $1.phrase.count } }
    }

    /// relative years, plan periods, name contexts, year cues and context words.
    private mutating func loadYearTables(_ files: [String: String]) throws(RuleTableError) {
        func table(_ name: String, _ required: [String]) throws(RuleTableError) -> RuleTable {
            try Self.table(name, required, in: files)
        }
        func number(_ row: RuleTable.Row, _ column: String, in table: RuleTable) throws(RuleTableError) -> Double {
            try Self.number(row, column, in: table)
        }
        let relativeTable = try table("relative-years.tsv", ["id", "pattern", "anchor", "from", "to"])
        for row in relativeTable.rows {
            guard let anchor = RelativeAnchor(rawValue: row["anchor"]) else {
                throw RuleTableError(
                    file: relativeTable.name, line: row.line, reason: "unknown anchor '\(row["anchor"])'")
            }
            let pattern: [PatternElement] = row["pattern"].unicodeScalars.map {
                $0 == "N" ? .number : .literal($0.value)
            }
            let rule = RelativeRule(
                id: row["id"], pattern: pattern, anchor: anchor,
                from: Int(try number(row, "from", in: relativeTable)), to: Int(try number(row, "to", in: relativeTable))
            )
            if case .literal(let first) = pattern[0] {
                relativeByFirst[first, default: []].append(rule)
            } else {
                relativeNumberFirst.append(rule)
            }
        }
        for key in relativeByFirst.keys {
            // Longest first; at equal length a literal pattern (过去一年) beats one with N (过去N年).
            relativeByFirst[key]?.sort {
                let a = $0.pattern.count * 2 + ($0.pattern.contains(.number) ? 0 : 1)
                let b = $1.pattern.count * 2 + ($1.pattern.contains(.number) ? 0 : 1)
                return a > b
            }
        }
        relativeNumberFirst.sort { $0.pattern.count > $1.pattern.count }
        for (key, list) in relativeByFirst where key < 0x10000 {
            relativeSlots[Int(key)] = UInt16(relativeLists.count)
            relativeLists.append(list)
        }

        let planTable = try table("plan-periods.tsv", ["id", "surface", "from", "to", "guard"])
        for row in planTable.rows {
            let rule = PlanPeriodRule(
                id: row["id"], surface: row["surface"].scalarValues,
                from: Int(try number(row, "from", in: planTable)), to: Int(try number(row, "to", in: planTable)),
                needsQuoteOrCue: row["guard"] == "quoted-or-cue")
            planPeriods[rule.surface[0], default: []].append(rule)
        }
        for key in planPeriods.keys { planPeriods[key]?.sort { $0.surface.count > $1.surface.count } }

        let contextTable = try table("name-contexts.tsv", ["id", "side", "word", "units"])
        for row in contextTable.rows {
            // * = any unit; none = a bare number with no unit (之一 ranks, 之10億元 is a sum).
            let units: Set<String> =
                switch row["units"] {
                case "*": []
                case "none": [""]
                default: Set(row["units"].split(separator: "|").map(String.init))
                }
            let rule = NameContextRule(
                id: row["id"], before: row["side"] == "before", word: row["word"].scalarValues, units: units)
            guard !rule.word.isEmpty else {
                throw RuleTableError(file: contextTable.name, line: row.line, reason: "a name context needs a word")
            }
            if rule.before { nameContextsBefore.append(rule) } else { nameContextsAfter.append(rule) }
        }
        nameContextBeforeEnds = ScalarSet(nameContextsBefore.compactMap { $0.word.last.flatMap(Unicode.Scalar.init) })

        let cueTable = try table("year-cues.tsv", ["id", "role", "side", "word"])
        for row in cueTable.rows {
            guard let role = CueRole(rawValue: row["role"]) else {
                throw RuleTableError(file: cueTable.name, line: row.line, reason: "unknown role '\(row["role"])'")
            }
            yearCues.append(
                YearCueRule(id: row["id"], role: role, before: row["side"] == "before", word: row["word"].scalarValues))
        }
        let wordTable = try table("context-words.tsv", ["id", "role", "word"])
        for row in wordTable.rows {
            let word = row["word"].scalarValues
            guard !word.isEmpty else { continue }
            contextWords[row["role"], default: []].append(word)
            if word.count == 1 { contextChars[row["role"], default: []].insert(word[0]) }
        }
    }

    /// Marks which scalars start an entry of each table.
    private mutating func setFirstFlags() {
        var firstFlags = self.firstFlags
        func flag(_ keys: some Sequence<UInt32>, _ value: UInt8) {
            for key in keys where key < 0x10000 { firstFlags[Int(key)] |= value }
        }
        flag(relativeByFirst.keys, Self.flagRelative)
        flag(fixedPhrases.keys, Self.flagFixedPhrase)
        flag(planPeriods.keys, Self.flagPlanPeriod)
        flag(units.keys, Self.flagUnit)
        flag(magnitudes.keys, Self.flagMagnitude)
        flag(
            relativeNumberFirst.compactMap { rule in
                guard rule.pattern.count > 1, case .literal(let v) = rule.pattern[1] else { return nil }
                return v
            }, Self.flagRelativeRest)
        for v in UInt32(0)..<0x10000 {
            let numeric =
                ScalarClass.isArabicDigit(v) || ScalarClass.isChineseNumeral(v) || ScalarClass.isPlaceholder(v)
            if numeric || v == 0x5E74 || YearScanner.extraStarts.contains(v) || YearScanner.isReignStart(v) {
                firstFlags[Int(v)] |= Self.flagYearStart
            }
            let blank = v == 0x28 || v == 0xFF08  // () 个: a blanked figure of a form
            if numeric || blank || v == 0x67D0 || v == 0x25 || v == 0xFF05 || v == 0x4FE9 || v == 0x5006 {
                firstFlags[Int(v)] |= Self.flagQuantityStart
            }
        }
        self.firstFlags = firstFlags
    }

    /// The relative patterns starting with `v`, longest first, or nil.
    @inline(__always)
    func relativeRules(startingWith v: UInt32) -> [RelativeRule]? {
        guard v < 0x10000 else { return relativeByFirst[v] }
        let slot = Int(relativeSlots[Int(v)])
        return slot == 0 ? nil : relativeLists[slot]
    }

    /// The words of a `context-words.tsv` role.
    func words(_ role: String) -> [[UInt32]] { contextWords[role] ?? [] }

    /// The one-character words of a `context-words.tsv` role.
    func chars(_ role: String) -> Set<UInt32> { contextChars[role] ?? [] }

    /// The longest unit standing at `i`.
    @inline(__always)
    func unit(in line: ScalarLine, at i: Int) -> UnitRule? {
        guard i < line.count, starts(line[i], Self.flagUnit), let candidates = units[line[i]] else { return nil }
        for rule in candidates where line.matches(rule.surface, at: i) { return rule }
        return nil
    }

    /// The longest magnitude standing at `i`.
    @inline(__always)
    func magnitude(in line: ScalarLine, at i: Int) -> MagnitudeRule? {
        guard i < line.count, starts(line[i], Self.flagMagnitude), let candidates = magnitudes[line[i]] else {
            return nil
        }
        for rule in candidates where line.matches(rule.surface, at: i) { return rule }
        return nil
    }
}
