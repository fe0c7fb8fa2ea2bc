import EduwhCore

/// The features the line model (`LineModel`) reads, each with a name as the weights table
/// (`rules/clean/line-model.tsv`) writes it and an index into a weight vector.
///
/// Every feature is binary and describes a KIND of line, not a site's words: the label and rule
/// the rules gave it and the rule's table (`group=10-navigation`), its zone in the report, its
/// length, punctuation and character mix, structural shapes (a date alone, a list heading, a
/// URL), its position, its neighbours' labels, whether it repeats elsewhere in the file and how
/// much of the report's title it holds. A few are paired with the rules' label
/// (`label*zone=T*body`) so the model can learn where a label is unreliable.
///
/// ```swift
/// let space = LineFeatureSpace(ruleIDs: ["tail-residue", "body-line"])
/// space.names[space.index(.zone, 0)]  // "zone=head"
/// space.ruleFeature["tail-residue"]   // the index of "rule=tail-residue"
/// ```
struct LineFeatureSpace: Sendable {
    /// A family of one-hot values; `*` families pair the rules' label with another value.
    enum Family: Int, CaseIterable, Sendable {
        case bias, label, group, zone, labelZone, length, labelLength, punct, endsSentence, labelEnds
        case digits, latin, cjk, flag, labelFlag, paragraph, fromStart, fromEnd, relative
        case prevLabel, nextLabel, labelPrev, labelNext, prevGroup, nextGroup, repeated, labelRepeated
        case title, labelTitle, paragraphDistance, segmentSize, glued
        // Page-level: where the line sits against the rules' body block (`LineFeatures+Page`).
        case block, labelBlock, noiseNeighbours, labelNoiseNeighbours, copy, labelCopy
        case template, labelTemplate, pageHas, pageHasBlock

        var name: String {
            switch self {
            case .bias: "bias"
            case .label: "label"
            case .group: "group"
            case .zone: "zone"
            case .labelZone: "label*zone"
            case .length: "len"
            case .labelLength: "label*len"
            case .punct: "punct"
            case .endsSentence: "ends-sentence"
            case .labelEnds: "label*ends-sentence"
            case .digits: "digits"
            case .latin: "latin"
            case .cjk: "cjk"
            case .flag: "shape"
            case .labelFlag: "label*shape"
            case .paragraph: "paragraph"
            case .fromStart: "from-start"
            case .fromEnd: "from-end"
            case .relative: "relative"
            case .prevLabel: "prev-label"
            case .nextLabel: "next-label"
            case .labelPrev: "label*prev-label"
            case .labelNext: "label*next-label"
            case .prevGroup: "prev-group"
            case .nextGroup: "next-group"
            case .repeated: "repeated"
            case .labelRepeated: "label*repeated"
            case .title: "title"
            case .labelTitle: "label*title"
            case .paragraphDistance: "paragraph-distance"
            case .segmentSize: "segment-lines"
            case .glued: "glued"
            case .block: "block"
            case .labelBlock: "label*block"
            case .noiseNeighbours: "noise-neighbours"
            case .labelNoiseNeighbours: "label*noise-neighbours"
            case .copy: "copy"
            case .labelCopy: "label*copy"
            case .template: "template-shape"
            case .labelTemplate: "label*template-shape"
            case .pageHas: "page-has"
            case .pageHasBlock: "page-has*block"
            }
        }
    }

    /// The labels in weight order.
    static let labels: [LineLabel] = [.title, .metadata, .body, .noise]
    static let labelNames = labels.map(\.rawValue)
    /// Neighbour labels: the four, and none at a report's edge.
    static let neighbourNames = labelNames + ["none"]
    /// Where a rule id comes from: a line rule table's name (`10-navigation`), a split cue, the
    /// labeller's structure, or a user's table.
    static let groupNames: [String] = {
        let tables = CleanRules.standard.lineRules.map { LineFeatureSpace.tableName($0.origin) }
        var seen = Set<String>()
        return tables.filter { seen.insert($0).inserted } + ["cue", "structural", "user"]
    }()
    static let groupIndex: [String: Int] = Dictionary(
        groupNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    static let zoneNames = ["head", "body", "tail"]
    static let lengthNames = ["1-4", "5-9", "10-19", "20-39", "40-79", "80-159", "160+"]
    static let punctNames = ["0", "1", "2-3", "4+"]
    static let shareNames = ["0", "<0.1", "<0.3", "<0.6", ">=0.6"]
    static let positionNames = ["0", "1", "2", "3-5", "6+"]
    static let relativeNames = ["<0.2", "<0.4", "<0.6", "<0.8", ">=0.8"]
    static let titleNames = ["no-title", "none", "some", "most", "holds-title", "long"]
    static let distanceNames = ["0", "1", "2", "3-5", "6+", "no-paragraph"]
    static let sizeNames = ["1-5", "6-15", "16-40", "41+"]
    /// Where a line sits against its report's body block (the first to the last line the rules
    /// kept as body), and how far outside it.
    static let blockNames = [
        "inside", "before-1", "before-2", "before-3-5", "before-6+", "after-1", "after-2", "after-3-5", "after-6+",
        "no-body",
    ]
    /// The coarse side of `blockNames` (paired with a page's rule groups).
    static let blockSideNames = ["inside", "before", "after", "no-body"]
    /// How many of the two lines before and the two after the rules labelled N.
    static let noiseNeighbourNames = ["0", "1", "2", "3", "4"]
    /// Whether the line's text stands elsewhere in the file, and whether this is its first copy,
    /// or a copy of the report's first title.
    static let copyNames = ["once", "first-of-copies", "later-copy", "copy-of-title"]
    /// Yes/no shapes of the line (`ShapeFlag`).
    static let flagNames = ShapeFlag.allCases.map(\.name)

    /// Binary shapes of a line.
    enum ShapeFlag: Int, CaseIterable, Sendable {
        case url, atSign, longDigits, dateOnly, listHeading, personName, organisation, fieldValue
        case bracketed, dash, indented, pipes, keywordRepeats, tableRow, documentNumber, colonEnd
        case bullet, pieceMarker, copyright, blankedFigure

        var name: String {
            switch self {
            case .url: "url"
            case .atSign: "at-sign"
            case .longDigits: "long-digits"
            case .dateOnly: "date-only"
            case .listHeading: "list-heading"
            case .personName: "person-name"
            case .organisation: "organisation"
            case .fieldValue: "field-value"
            case .bracketed: "bracketed"
            case .dash: "dash"
            case .indented: "indented"
            case .pipes: "pipes"
            case .keywordRepeats: "keyword-repeats"
            case .tableRow: "table-row"
            case .documentNumber: "document-number"
            case .colonEnd: "colon-end"
            case .bullet: "bullet"
            case .pieceMarker: "piece-marker"
            case .copyright: "copyright-sign"
            case .blankedFigure: "blanked-figure"
            }
        }
    }

    static func values(of family: Family) -> [String] {
        func paired(_ other: [String]) -> [String] { labelNames.flatMap { l in other.map { "\(l)*\($0)" } } }
        switch family {
        case .bias: return ["1"]
        case .label: return labelNames
        case .group, .prevGroup, .nextGroup: return groupNames
        case .zone: return zoneNames
        case .labelZone: return paired(zoneNames)
        case .length: return lengthNames
        case .labelLength: return paired(lengthNames)
        case .punct: return punctNames
        case .endsSentence, .paragraph, .repeated, .glued: return ["no", "yes"]
        case .labelEnds, .labelRepeated: return paired(["no", "yes"])
        case .digits, .latin, .cjk: return shareNames
        case .flag: return flagNames
        case .labelFlag: return paired(flagNames)
        case .fromStart, .fromEnd: return positionNames
        case .relative: return relativeNames
        case .prevLabel, .nextLabel: return neighbourNames
        case .labelPrev, .labelNext: return paired(neighbourNames)
        case .title: return titleNames
        case .labelTitle: return paired(titleNames)
        case .paragraphDistance: return distanceNames
        case .segmentSize: return sizeNames
        case .block: return blockNames
        case .labelBlock: return paired(blockNames)
        case .noiseNeighbours: return noiseNeighbourNames
        case .labelNoiseNeighbours: return paired(noiseNeighbourNames)
        case .copy: return copyNames
        case .labelCopy: return paired(copyNames)
        case .template: return ["no", "yes"]
        case .labelTemplate: return paired(["no", "yes"])
        case .pageHas: return groupNames
        case .pageHasBlock: return groupNames.flatMap { g in blockSideNames.map { "\(g)*\($0)" } }
        }
    }

    /// The first index of each family.
    private static let bases: [Int] = {
        var next = 0
        return Family.allCases.map { family in
            defer { next += values(of: family).count }
            return next
        }
    }()
    private static let fixedNames: [String] = Family.allCases.flatMap { family in
        values(of: family).map { "\(family.name)=\($0)" }
    }

    /// The families that carry the rules' own decision on a line: its label, its rule's table,
    /// and every pair with its label (a model blind to the rules leaves them and `rule=ID` out).
    static let rulesOwnFamilies: Set<Family> = [
        .label, .group, .labelZone, .labelLength, .labelEnds, .labelFlag, .labelPrev, .labelNext, .labelRepeated,
        .labelTitle, .labelBlock, .labelNoiseNeighbours, .labelCopy, .labelTemplate,
    ]
    /// Per fixed feature index: whether its family is one of `rulesOwnFamilies`.
    private static let rulesOwnFixed: [Bool] = Family.allCases.flatMap { family in
        values(of: family).map { _ in rulesOwnFamilies.contains(family) }
    }

    /// Whether feature `index` says what the rules decided about the line itself (see
    /// `rulesOwnFamilies`; every `rule=ID`).
    func isRulesOwn(_ index: Int32) -> Bool {
        let i = Int(index)
        return i < Self.rulesOwnFixed.count ? Self.rulesOwnFixed[i] : ruleRange.contains(i)
    }

    /// Every feature's name, by index: the fixed families, then one `rule=ID` per rule id.
    let names: [String]
    /// The indexes of the `rule=ID` features.
    let ruleRange: Range<Int>
    /// The index of `rule=ID` for each rule id the space knows.
    let ruleFeature: [String: Int32]

    /// The index of `text=AB` for each pair of ideographs the space knows (in a short line).
    let textFeature: [UInt64: Int32]

    /// A space with the fixed families, one feature per rule id in `ruleIDs` and one per
    /// two-ideograph word in `words` (`下载`, `举报`).
    init(ruleIDs: some Sequence<String>, words: some Sequence<String> = []) {
        var names = Self.fixedNames
        var ruleFeature: [String: Int32] = [:]
        for id in ruleIDs where ruleFeature[id] == nil {
            ruleFeature[id] = Int32(names.count)
            names.append("rule=\(id)")
        }
        ruleRange = Self.fixedNames.count..<names.count
        var textFeature: [UInt64: Int32] = [:]
        for word in words {
            let scalars = Array(word.unicodeScalars)
            guard scalars.count == 2 else { continue }
            let key = Self.pair(scalars[0], scalars[1])
            guard textFeature[key] == nil else { continue }
            textFeature[key] = Int32(names.count)
            names.append("text=\(word)")
        }
        self.names = names
        self.ruleFeature = ruleFeature
        self.textFeature = textFeature
    }

    /// The key of two adjacent scalars.
    static func pair(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> UInt64 { UInt64(a.value) << 32 | UInt64(b.value) }

    /// The two-ideograph words of `text` (each once).
    static func ideographPairs(_ text: String) -> Set<UInt64> {
        var out = Set<UInt64>()
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            let ideograph = (0x4E00...0x9FFF).contains(scalar.value)
            if ideograph, let p = previous { out.insert(pair(p, scalar)) }
            previous = ideograph ? scalar : nil
        }
        return out
    }

    /// The index of value `value` of `family`.
    func index(_ family: Family, _ value: Int) -> Int32 {
        Int32(Self.bases[family.rawValue] + value)
    }

    /// The index of the pair (rules' label `label`, value `value` of a `*` family of `width` values).
    func index(_ family: Family, label: Int, _ value: Int, width: Int) -> Int32 {
        Int32(Self.bases[family.rawValue] + label * width + value)
    }

    /// `10-navigation` for a rule whose origin is `rules/clean/10-navigation.tsv:12`; `user` for
    /// any table outside the shipped ones.
    static func tableName(_ origin: String) -> String {
        guard origin.hasPrefix("rules/clean/") else { return "user" }
        let file = origin.dropFirst("rules/clean/".count).prefix { $0 != ":" }
        return file.hasSuffix(".tsv") ? String(file.dropLast(4)) : String(file)
    }

    /// The bucket of `value` among ascending upper bounds (`bounds.count` is the last bucket).
    static func bucket(_ value: Int, upTo bounds: [Int]) -> Int {
        bounds.firstIndex { value <= $0 } ?? bounds.count
    }

    /// The bucket of a share 0–1: 0, <0.1, <0.3, <0.6, ≥0.6.
    static func shareBucket(_ count: Int, of total: Int) -> Int {
        guard count > 0, total > 0 else { return 0 }
        let share = Double(count) / Double(total)
        return share < 0.1 ? 1 : share < 0.3 ? 2 : share < 0.6 ? 3 : 4
    }
}
