import EduwhCore

/// Finds place names in a document's title and body lines and resolves them to divisions of
/// `data/adcodes.csv`, using the rest of the document as context.
///
/// - Official names and short forms (海珠区, 乳源县 for 乳源瑶族自治县, 增城市 for 增城区) are found
///   on their own.
/// - A city followed by one of its counties (四平市铁东区) is one mention of the county.
/// - Bare stems (海珠, 增城, 铁东) are places only when the document names the same division or
///   its city elsewhere; province and city stems (广东, 四平) stand alone unless they are ordinary
///   words too (朝阳, 大同: see `needs-context` in `rules/normalize/places.tsv`).
/// - A name several divisions bear (铁东区: 鞍山 and 四平) is decided by the other places of the
///   document (四平, 吉林省); when they do not decide, it is `.ambiguous` with every candidate.
/// - x区, **市, 某县 are `.placeholder`.
///
/// ```swift
/// let lines = [LabeledLine(number: 1, text: "铁东区教育局工作汇报", label: .title, rule: "t", document: 1),
///              LabeledLine(number: 2, text: "四平市委高度重视", label: .body, rule: "b", document: 1)]
/// PlaceResolver.standard.places(in: lines).first?.mention.adcode // "220302000000"
/// ```
public struct PlaceResolver: Sendable {
    /// Resolution thresholds, in one place.
    public struct Settings: Sendable, Hashable {
        /// Support a bare county stem needs (3: its own division or its city is named elsewhere).
        public var stemSupport = 3
        /// Support a bare stem followed by an institution word needs (4: the same division).
        public var institutionSupport = 4
        /// Support a `needs-context` name needs.
        public var contextSupport = 3
        /// Support a two-character official name (兴县 in 科教兴县) needs.
        public var shortNameSupport = 3

        public init() {}
    }

    public let gazetteer: PlaceGazetteer
    public let settings: Settings

    /// The resolver over `DivisionTable.standard`.
    public static let standard = PlaceResolver(gazetteer: .standard)

    public init(gazetteer: PlaceGazetteer, settings: Settings = Settings()) {
        self.gazetteer = gazetteer
        self.settings = settings
    }

    /// A place name found in the scan, before context decides it.
    struct Found {
        var line: Int
        var offset: Int
        var surface: String
        /// Division indices.
        var candidates: [Int]
        var form: PlaceGazetteer.Form
        var rule: String
        var isPlaceholder = false
        /// Needs this much support from the document to count as a place (0: stands alone).
        var requiredSupport = 0
        var resolved: Int?
        var decidedByContext = false
        /// A weak mention the document supports enough to keep, even if it stays ambiguous.
        var supported = false
        /// A county's bare stem followed by an own-name word (宜川教育): the report's own county when
        /// it speaks as one.
        var ownName = false
    }

    // MARK: - Public API

    /// Place mentions in the title and body lines of one document, each resolved with the whole
    /// document as context. Metadata and noise lines are skipped.
    public func places(in lines: [LabeledLine]) -> [Located<PlaceMention>] {
        var found: [Found] = []
        for line in lines where line.label.isKept {
            found += scan(line.text, line: line.number)
        }
        // A report that speaks as a county (我县, 全县) and calls a county by its bare stem with an
        // own-name word (宜川教育事业, 对镇安教育) speaks of itself: that stem needs no other support.
        if found.contains(where: \.ownName), Self.speaksAsCounty(lines) {
            for index in found.indices where found[index].ownName && found[index].candidates.count == 1 {
                found[index].requiredSupport = 0
                found[index].rule = "p-stem-own"
            }
        }
        decide(&found)
        return found.compactMap(mention)
    }

    /// Place mentions in plain text lines (line numbers from 1), all taken as body text.
    public func places(inText text: String) -> [Located<PlaceMention>] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
            LabeledLine(
                number: $0.offset + 1, text: String($0.element), label: .body, rule: LabeledLine.asTextRule, document: 1
            )
        }
        return places(in: lines)
    }

    // MARK: - Scan

    func scan(_ text: String, line: Int) -> [Found] {
        // Names are matched on the text folded to simplified script (花蓮縣 reads as 花莲县) with its
        // pinyin glosses taken out (濟(jì)寧市 reads as 济宁市); offsets and surfaces stay the raw line's.
        let full = text.scalarArray
        let kept = Self.unglossed(full)
        let raw = kept.map { $0.map { full[$0] } } ?? full
        let scalars = Self.folded(raw)
        func rawOffset(_ index: Int) -> Int { kept.map { index < $0.count ? $0[index] : full.count } ?? index }
        func rawSurface(_ range: Range<Int>) -> String {
            guard let kept, !range.isEmpty else { return String(scalars: raw[range]) }
            return String(scalars: full[kept[range.lowerBound]...kept[range.upperBound - 1]])
        }
        let vocabulary = gazetteer.vocabulary
        var found: [Found] = []
        var index = 0
        while index < scalars.count {
            if let placeholder = placeholder(in: scalars, at: index) {
                found.append(
                    Found(
                        line: line, offset: rawOffset(index), surface: rawSurface(index..<index + placeholder),
                        candidates: [], form: .full, rule: "p-placeholder", isPlaceholder: true))
                index += placeholder
                continue
            }
            // No place starts inside a common word (其中江北区: 江北区, not 中江).
            guard !vocabulary.endsWord(scalars, at: index), let match = gazetteer.longestMatch(in: scalars, at: index)
            else {
                index += 1
                continue
            }
            // 澳门皇冠体育 as a hijacked page's publisher names a casino, not Macau.
            if vocabulary.opensBrand(scalars, at: index) {
                index += match.length
                continue
            }
            let surface = String(scalars: scalars[index..<index + match.length])
            let surfaceRaw = rawSurface(index..<index + match.length)
            let form = match.candidates.first?.form ?? .stem
            var candidates = match.candidates.map(\.division)
            var required = 0
            var ownName = false
            let divisions = gazetteer.table.divisions
            if form == .full, surface.unicodeScalars.count == 2, !vocabulary.needsContext(surface),
                case let rest = String(
                    scalars: scalars[(index + match.length)..<min(scalars.count, index + match.length + 6)]),
                Self.countyBodies.contains(where: { rest.begins(with: $0) })
                    || (!(index > 0 && Self.isHan(scalars[index - 1]))
                        && Self.governmentWords.contains(where: { rest.begins(with: $0) }))
            {
                // A two-character county named with its government is that county: 成县县委 always,
                // —南县校安办 when no character before it could make a word with its first (形成县委).
                required = 0
            } else if vocabulary.needsContext(surface) {
                // Ordinary words (朝阳) need support.
                required = settings.contextSupport
            } else if form == .full && surface.unicodeScalars.count <= 2 {
                // So do two-character names (兴县 in 科教兴县).
                required = settings.shortNameSupport
            } else if form == .stem {
                let rest = String(
                    scalars: scalars[(index + match.length)..<min(scalars.count, index + match.length + 4)])
                if vocabulary.personWords.contains(where: { rest.begins(with: $0) }) {
                    index += match.length
                    continue
                }
                let upper = candidates.filter { divisions[$0].level != .county }
                if upper.isEmpty {
                    required =
                        vocabulary.institutionWords.contains(where: { rest.begins(with: $0) })
                        ? settings.institutionSupport : settings.stemSupport
                    ownName = vocabulary.ownWords.contains(where: { rest.begins(with: $0) })
                } else {
                    candidates = upper
                    // A city's or province's bare stem opening a school's name (黄山保障房小学, 南平中学,
                    // 河南商会) names the school, not the region: only when the document names that place.
                    if Self.opensName(scalars, after: index + match.length, words: vocabulary.institutionWords) {
                        required = settings.institutionSupport
                    }
                }
            }
            let rule: String
            switch form {
            case .full: rule = "p-full"
            case .short: rule = "p-short"
            case .swapped: rule = "p-swapped-suffix"
            case .stem: rule = "p-stem"
            }
            found.append(
                Found(
                    line: line, offset: rawOffset(index), surface: surfaceRaw, candidates: reduceToAncestor(candidates),
                    form: form, rule: rule, requiredSupport: required, ownName: ownName))
            index += match.length
        }
        return mergeCityCounty(found)
    }

    /// The raw index of each scalar left when a line's pinyin glosses (濟(jì)寧市) are taken out
    /// (`ScalarLine.glosses`); nil when it has none.
    static func unglossed(_ raw: [Unicode.Scalar]) -> [Int]? {
        guard raw.contains("("), let glosses = ScalarLine.glosses(in: raw.map(\.value)) else { return nil }
        var kept: [Int] = []
        kept.reserveCapacity(raw.count)
        var next = 0
        for gloss in glosses {
            kept += next..<gloss.lowerBound
            next = gloss.upperBound
        }
        kept += next..<raw.count
        return kept
    }

    /// A line's scalars folded to simplified script with its pinyin glosses taken out (國(guó)稅局對(duì)口支援
    /// reads as 国税局对口支援), and the raw index of each (nil when the line has no glosses): with
    /// `moved(_:onto:)`, the words around a place are read as the scan read the place.
    ///
    /// ```swift
    /// let line = PlaceResolver.unglossedLine("其中深圳市國(guó)稅局對(duì)口支援")  // 其中深圳市国税局对口支援
    /// ```
    public static func unglossedLine(_ text: String) -> (scalars: [Unicode.Scalar], kept: [Int]?) {
        let full = text.scalarArray
        guard let kept = unglossed(full) else { return (folded(full), nil) }
        return (folded(kept.map { full[$0] }), kept)
    }

    /// A place found on a raw line moved onto the line's unglossed scalars (`unglossedLine`).
    public static func moved(
        _ mention: PlaceMention, onto line: (scalars: [Unicode.Scalar], kept: [Int]?)
    ) -> PlaceMention {
        guard let kept = line.kept else { return mention }
        let rawEnd = mention.offset + mention.surface.unicodeScalars.count
        let start = kept.firstIndex { $0 >= mention.offset } ?? line.scalars.count
        let end = max(start, kept.firstIndex { $0 >= rawEnd } ?? line.scalars.count)
        var moved = mention
        moved.offset = start
        moved.surface = String(scalars: line.scalars[start..<end])
        return moved
    }

    /// Whether a report speaks as a county or district: 我县, 全县, 本县, 我区, 全区, 本区 in its kept lines.
    static func speaksAsCounty(_ lines: [LabeledLine]) -> Bool {
        lines.contains { line in
            guard line.label.isKept else { return false }
            var previous: Unicode.Scalar = " "
            for scalar in line.text.unicodeScalars {
                if scalar == "县" || scalar == "縣" || scalar == "区" || scalar == "區",
                    previous == "我" || previous == "全" || previous == "本"
                {
                    return true
                }
                previous = scalar
            }
            return false
        }
    }

    /// Whether an institution word follows `end` (增城中学, 河南商会), or a school word within a few
    /// name characters (黄山保障房小学), with no punctuation, digit or space between.
    /// A place speaking of itself as a whole (莆田全市中小学, 襄阳各中小学) opens no school's name.
    static func opensName(_ scalars: [Unicode.Scalar], after end: Int, words: [String]) -> Bool {
        let next = String(scalars: scalars[min(end, scalars.count)..<min(scalars.count, end + 4)])
        if words.contains(where: { next.begins(with: $0) }) { return true }
        if wholeWords.contains(where: { next.begins(with: $0) }) { return false }
        var start = end
        while start < min(scalars.count, end + Self.nameWindow) {
            let rest = String(scalars: scalars[start..<min(scalars.count, start + 4)])
            if schoolWords.contains(where: { rest.begins(with: $0) }) { return true }
            guard isHan(scalars[start]) else { return false }
            start += 1
        }
        return false
    }

    /// Words after a place's name that speak of the whole place (全市, 各) rather than name a school in it.
    static let wholeWords = ["全市", "全县", "全区", "全省", "全州", "全旗", "各", "城乡", "市区", "城区"]

    /// The words that end a school's name, however many name characters stand before them.
    static let schoolWords = ["小学", "中学", "学校", "幼儿园", "初中", "高中", "职中", "中专"]

    /// How many characters may stand between a stem and the institution word of its name.
    static let nameWindow = 4

    /// The scalars folded to simplified script, one for one (the general fold of Normalize plus
    /// the division-name characters of `rules/normalize/places-script.tsv`).
    static func folded(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        let table = foldTable
        var out = scalars
        for (index, scalar) in scalars.enumerated() where scalar.value >= 0x3400 && scalar.value < 0x10000 {
            let target = table[Int(scalar.value)]
            if target != 0, let folded = Unicode.Scalar(UInt32(target)) { out[index] = folded }
        }
        return out
    }

    static let foldTable: [UInt16] = RuleTable.shipped(
        "rules/normalize/places-script.tsv", in: EmbeddedFiles.files, required: ["traditional", "simplified"]
    ) { rules in
        var table = TraditionalFold.table
        try TraditionalFold.add(rules, to: &table, keepingExisting: true)
        return table
    }

    /// Words after a county's name that make it the county's government or bureau speaking.
    static let governmentWords = ["人民政府", "教育局", "教体局", "教育体育局", "财政局", "校安办", "教研室"]
    /// The county's own bodies written with its suffix doubled (成县县委): no word ends in 县县.
    static let countyBodies = ["县委", "县政府", "县人民政府", "县人大", "县教育", "县财政"]

    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }

    /// Length of a placeholder name (x区, **市, 某县) at `index`, or nil.
    func placeholder(in scalars: [Unicode.Scalar], at index: Int) -> Int? {
        let vocabulary = gazetteer.vocabulary
        guard vocabulary.placeholderMarks.contains(scalars[index]) else { return nil }
        if index > 0 {
            let previous = scalars[index - 1]
            if previous.isASCII, previous.properties.isAlphabetic || ("0"..."9").contains(previous) { return nil }
            if vocabulary.placeholderMarks.contains(previous) { return nil }
        }
        var end = index
        while end < scalars.count, end - index < 4, vocabulary.placeholderMarks.contains(scalars[end]) { end += 1 }
        guard end < scalars.count, vocabulary.placeholderSuffixes.contains(scalars[end]) else { return nil }
        return end + 1 - index
    }

    /// Joins a city (or province) directly followed by one of its divisions: 四平市铁东区.
    func mergeCityCounty(_ found: [Found]) -> [Found] {
        var merged: [Found] = []
        for item in found {
            if var last = merged.last, !last.isPlaceholder, !item.isPlaceholder,
                last.offset + last.surface.unicodeScalars.count == item.offset
            {
                let inside = item.candidates.filter { child in last.candidates.contains { isAncestor($0, of: child) } }
                if !inside.isEmpty {
                    last.surface += item.surface
                    last.candidates = inside
                    last.form = .full
                    last.rule = "p-city-county"
                    last.requiredSupport = 0
                    merged[merged.count - 1] = last
                    continue
                }
            }
            merged.append(item)
        }
        return merged
    }

    // MARK: - Context

    /// Decides every mention: unique ones resolve, ambiguous ones go by the other places of the
    /// document, weak ones (bare stems, ordinary words) stay only with enough support.
    func decide(_ found: inout [Found]) {
        for index in found.indices where found[index].candidates.count == 1 && found[index].requiredSupport == 0 {
            found[index].resolved = found[index].candidates[0]
        }
        for _ in 0..<2 {
            // Support is counted per distinct division, so a long document costs mentions × divisions.
            var anchors: [Int: Int] = [:]
            var pending: [Int: Int] = [:]
            for item in found where !item.isPlaceholder {
                if let resolved = item.resolved {
                    anchors[resolved, default: 0] += 1
                } else if item.requiredSupport == 0 {
                    for candidate in item.candidates { pending[candidate, default: 0] += 1 }
                }
            }
            var weights: [Int64: Int] = [:]
            for index in found.indices where !found[index].isPlaceholder && found[index].resolved == nil {
                let item = found[index]
                var scores: [Int] = []
                var best = 0
                for candidate in item.candidates {
                    var score = 0
                    for (anchor, count) in anchors {
                        let key = Int64(candidate) << 32 | Int64(anchor)
                        let weight = weights[key] ?? self.weight(candidate, anchor)
                        weights[key] = weight
                        score += weight * count
                        if weight > best { best = weight }
                    }
                    // An undecided official name (铁东区) supports its own bare stem (铁东), not itself.
                    let others = (pending[candidate] ?? 0) - (item.requiredSupport == 0 ? 1 : 0)
                    if others > 0 {
                        score += others
                        best = max(best, 4)
                    }
                    scores.append(score)
                }
                guard best >= item.requiredSupport else { continue }
                found[index].supported = true
                let top = scores.max() ?? 0
                let winners = item.candidates.indices.filter { scores[$0] == top }
                if top > 0, winners.count == 1 {
                    found[index].resolved = item.candidates[winners[0]]
                    found[index].decidedByContext = item.candidates.count > 1
                }
            }
        }
    }

    /// How strongly a mention of `anchor` supports `candidate`: 4 same division, 3 parent or child,
    /// 2 same city or province ancestor, 1 same province, 0 unrelated.
    func weight(_ candidate: Int, _ anchor: Int) -> Int {
        if candidate == anchor { return 4 }
        // The table's numbers for the divisions' codes (`DivisionTable.Kin`): equal numbers, equal adcodes.
        let a = gazetteer.table.kin[candidate]
        let b = gazetteer.table.kin[anchor]
        if a.parent == b.code || b.parent == a.code { return 3 }
        if a.province == b.province {
            if a.city == b.city { return 2 }
            if b.level == .province || a.level == .province { return 2 }
            return 1
        }
        return 0
    }

    /// Whether division `ancestor` contains division `child`.
    func isAncestor(_ ancestor: Int, of child: Int) -> Bool {
        let divisions = gazetteer.table.divisions
        let a = divisions[ancestor]
        let c = divisions[child]
        guard a.adcode != c.adcode else { return false }
        switch a.level {
        case .province: return c.provinceCode == a.adcode
        case .city: return c.level == .county && c.cityCode == a.adcode
        case .county: return false
        }
    }

    /// When one candidate contains all the others (吉林: the province and its city), only it.
    func reduceToAncestor(_ candidates: [Int]) -> [Int] {
        guard candidates.count > 1 else { return candidates }
        let divisions = gazetteer.table.divisions
        for candidate in candidates
        where candidates.allSatisfy({
            $0 == candidate || isAncestor(candidate, of: $0) || divisions[$0].adcode == divisions[candidate].adcode
        }) {
            return [candidate]
        }
        return candidates
    }

    // MARK: - Output

    func mention(_ item: Found) -> Located<PlaceMention>? {
        let divisions = gazetteer.table.divisions
        if item.isPlaceholder {
            return Located(
                line: item.line,
                mention: PlaceMention(
                    surface: item.surface, adcode: nil, name: nil, status: .placeholder,
                    candidates: [], offset: item.offset, rule: item.rule))
        }
        if let resolved = item.resolved {
            let division = divisions[resolved]
            return Located(
                line: item.line,
                mention: PlaceMention(
                    surface: item.surface, adcode: division.adcode, name: division.name,
                    status: .resolved, candidates: item.candidates.map { divisions[$0].adcode },
                    offset: item.offset, rule: item.decidedByContext ? item.rule + "+context" : item.rule))
        }
        guard item.requiredSupport == 0 || item.supported else { return nil }
        return Located(
            line: item.line,
            mention: PlaceMention(
                surface: item.surface, adcode: nil, name: nil, status: .ambiguous,
                candidates: item.candidates.map { divisions[$0].adcode },
                offset: item.offset, rule: item.rule))
    }
}
