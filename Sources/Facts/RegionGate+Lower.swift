import EduwhCore
import Normalize

/// The finer division a fact's region may be lowered to (issue 24, wrong level): a city's or a
/// province's figure whose report is one of its counties' (合肥市东林小学隶属于合肥市包河区 files the
/// school's figures under 包河区, a city named in the school's name notwithstanding). The chooser's
/// `lower:` model reads where the text names that division (title, opening, a 隶属/位于 clause or its
/// own bureau), how often against the region it would replace, how many other divisions inside that
/// region the text names and the level the report speaks as; the division stands in for the rules'
/// region only when that model beats keeping it by its margin (`@lower`).
///
/// ```swift
/// // 合肥市东林小学隶属于合肥市包河区 … 合肥市东林小学现有学生320人:
/// // a 合肥市 fact's candidate is 包河区 with ["lc:cx", "lco", "lcd:1", …]
/// ```
extension RegionGate {
    /// A finer division for a region, with the features that say how much the text makes it its own.
    public struct LowerCandidate: Sendable, Hashable {
        public var adcode: String
        public var features: [String]
    }

    /// The prefix of the recorded feature that carries a fact's lower candidate to the trainer
    /// (`=lower:340111000000`); `RegionExample` takes it out of the features it learns from.
    public static let lowerMark = "=lower:"

    /// For each region of `regions` (city or province), the division inside it the document's kept
    /// lines name most (title 3, opening 2, body 1; a tie goes to the finer, then none), with its
    /// features. A region inside which the text names no division has none.
    static func lowerCandidates(
        for regions: Set<String>, document: CleanDocument, places: [Located<PlaceMention>], profile: DocumentProfile
    ) -> [String: LowerCandidate] {
        let upper = regions.filter { DocumentProfiler.specificity($0) < 2 && !$0.hasPrefix("71") }
        guard !upper.isEmpty else { return [:] }
        let labels = Dictionary(document.lines.map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
        let opening = Set(document.bodyLines.prefix(DocumentProfiler.openingLines).map(\.number))
        var scores: [String: (score: Int, first: Int, titled: Bool, own: Bool, named: Int, schools: Int)] = [:]
        var scalarsByLine: [Int: [Unicode.Scalar]] = [:]
        for (index, located) in places.enumerated() {
            guard let line = labels[located.line], line.label.isKept, located.mention.status == .resolved,
                let adcode = located.mention.adcode
            else { continue }
            let weight = line.label == .title ? 3 : opening.contains(line.number) ? 2 : 1
            let scalars = FactBuilder.cached(&scalarsByLine, line.number) { line.text.simplifiedScalars }
            let own = isOwnPlace(located.mention, in: scalars)
            var entry = scores[adcode] ?? (0, index, false, false, 0, 0)
            entry.score += weight
            entry.titled = entry.titled || line.label == .title
            entry.own = entry.own || own
            entry.named += 1
            if opensSchool(located.mention, in: scalars) { entry.schools += 1 }
            scores[adcode] = entry
        }
        var candidates: [String: LowerCandidate] = [:]
        let school = speaksAsSchool(document.lines)
        for region in upper {
            let inside = scores.filter { FactBuilder.contains(region, $0.key) }
            let ranked = inside.sorted { a, b in
                if a.value.score != b.value.score { return a.value.score > b.value.score }
                let (x, y) = (DocumentProfiler.specificity(a.key), DocumentProfiler.specificity(b.key))
                return x != y ? x > y : a.value.first < b.value.first
            }
            guard let best = ranked.first else { continue }
            if ranked.count > 1, ranked[1].value.score == best.value.score,
                DocumentProfiler.specificity(ranked[1].key) == DocumentProfiler.specificity(best.key)
            {
                continue
            }
            let own = scores[region]?.score ?? 0
            var features = [
                "lc:" + levelName(region) + levelName(best.key),
                "lcn:" + YearGate.bucket(best.value.score, [1, 2, 3, 5, 8]),
                "lcr:" + (best.value.score > own ? "gt" : best.value.score == own ? "eq" : "lt"),
                "lcd:" + YearGate.bucket(inside.count, [1, 2, 3, 5]),
            ]
            if best.value.titled { features.append("lct") }
            // The region named only in schools' names (宁波市泽民小学): the school's city, not its bureau's.
            if let named = scores[region], named.named > 0, named.schools == named.named { features.append("lcrs") }
            if best.value.schools > 0 { features.append("lccs") }
            if school { features.append("lcw:school") }
            if best.value.own { features.append("lco") }
            let level = DocumentProfiler.specificity(best.key)
            if let speaking = profile.speakingLevel {
                features.append("lcs:" + (speaking == level ? "eq" : speaking > level ? "finer" : "coarser"))
            } else {
                features.append("lcs:none")
            }
            candidates[region] = LowerCandidate(adcode: best.key, features: features)
        }
        return candidates
    }

    /// Whether a fact's figure is about several places its region holds or about the whole region,
    /// so that no finer division may take it: its clause names several of them before it
    /// (`RegionRule.severalHeld`), or its sentence speaks as a whole or over the parts
    /// (全市新建学校9所, 各县区投入资金3亿元, 我省共有…). A whole word opening a list whose items
    /// ；divides (全州现有幼儿园455所,…;特殊教育学校3所,…) covers every item up to the next full stop:
    /// `lineScalars` (the fact's line, simplified) lets the search run back to the last 。！？ before
    /// the figure.
    static func isOverParts(_ fact: Fact, lineScalars: [Unicode.Scalar] = []) -> Bool {
        if fact.regionRule == RegionRule.severalHeld { return true }
        if speaksAsWhole(fact.sentence.simplifiedScalars) { return true }
        let end = min(fact.quantity.offset, lineScalars.count)
        guard end > 0 else { return false }
        var start = end
        while start > 0, !fullStops.contains(lineScalars[start - 1]) { start -= 1 }
        return speaksAsWhole(Array(lineScalars[start..<end]))
    }

    static func speaksAsWhole(_ scalars: [Unicode.Scalar]) -> Bool {
        guard scalars.count >= 2 else { return false }
        return (0..<(scalars.count - 1)).contains { index in
            wholeFirsts.contains(scalars[index])
                && wholeWords.contains { FactBuilder.starts($0, at: index, in: scalars) }
        }
    }

    /// The marks that end a sentence for `isOverParts`' look back (；does not: it divides a list).
    static let fullStops: Set<Unicode.Scalar> = ["。", "！", "？", "!", "?"]

    /// Words that speak as a city or province as a whole or over its parts; 全区 and 全县 speak as a
    /// district or county, the finer division itself, and are not here.
    static let wholeWords = [
        "全省", "我省", "本省", "全市", "我市", "本市", "全州", "我州", "本州", "全盟", "各地", "各市", "各州", "各县", "各区",
    ].map { Array($0.unicodeScalars) }
    static let wholeFirsts: Set<Unicode.Scalar> = ["全", "我", "本", "各"]

    /// Whether the text names a place as its own: right after 隶属/位于/地处/坐落/属于 (a school's
    /// parent or address), or before its bureau or government (包河区教育局, 定兴县委).
    static func isOwnPlace(_ place: PlaceMention, in scalars: [Unicode.Scalar]) -> Bool {
        let end = place.offset + place.surface.unicodeScalars.count
        if ownAfterScalars.contains(where: { FactBuilder.starts($0, at: end, in: scalars) }) { return true }
        // 隶属于合肥市包河区: the cue may stand a few characters before the place (a city between).
        let from = max(0, place.offset - ownReach)
        return ownBeforeScalars.contains { word in
            (from...max(from, place.offset - word.count)).contains { FactBuilder.starts(word, at: $0, in: scalars) }
        }
    }

    /// Whether a place opens a school's name (宁波市泽民小学, 合肥市东林小学): a school word after at
    /// most `schoolReach` more Han characters, no punctuation between.
    static func opensSchool(_ place: PlaceMention, in scalars: [Unicode.Scalar]) -> Bool {
        let end = place.offset + place.surface.unicodeScalars.count
        var index = end
        while index < min(scalars.count, end + schoolReach), scalars[index].properties.isIdeographic {
            if schoolScalars.contains(where: { FactBuilder.starts($0, at: index, in: scalars) }) { return true }
            index += 1
        }
        return false
    }

    /// Whether a report speaks as a school at least twice (我校, 本校, 全校, 我园, 本园, 全园).
    static func speaksAsSchool(_ lines: [LabeledLine]) -> Bool {
        var count = 0
        for line in lines where line.label.isKept && (line.text.includes("校") || line.text.includes("园")) {
            // Every pair of a speaker (我 本 全) and a school (校 园) is one of `schoolSpeakerScalars`:
            // one pass over the line's pairs (a pass per word, each building an array, cost 1.7% of a load),
            // each scalar folded to simplified script as `simplifiedScalars` folds it, no array built.
            var previous: Unicode.Scalar?
            for scalar in line.text.unicodeScalars {
                let folded = String.simplified(scalar)
                if let previous, schoolSpeakerFirsts.contains(previous), schoolSpeakerSeconds.contains(folded) {
                    count += 1
                }
                previous = folded
            }
            if count >= 2 { return true }
        }
        return false
    }

    static let schoolReach = 8
    static let schoolScalars = ["小学", "中学", "幼儿园", "学校", "一中", "二中", "实验"].map { Array($0.unicodeScalars) }
    static let schoolSpeakerScalars = ["我校", "本校", "全校", "我园", "本园", "全园"].map { Array($0.unicodeScalars) }
    static let schoolSpeakerFirsts: [Unicode.Scalar] = ["我", "本", "全"]
    static let schoolSpeakerSeconds: [Unicode.Scalar] = ["校", "园"]

    /// How far before a place its 隶属/位于 cue may stand.
    static let ownReach = 6
    static let ownBeforeScalars = ["隶属", "位于", "地处", "坐落", "属于"].map { Array($0.unicodeScalars) }
    static let ownAfterScalars = ["教育局", "教体局", "教育和体育局", "教育体育局", "人民政府", "政府", "县委", "区委", "市委"]
        .map { Array($0.unicodeScalars) }
}
