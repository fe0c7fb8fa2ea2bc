import EduwhCore
import Normalize

/// The region a report is about: the places it names most as its subject, the level it speaks as
/// (我县, 全市, 全国) and the short names of the regions it speaks from (全港, 本澳).
extension DocumentProfiler {
    // MARK: - Region

    /// The most salient resolved place: title mentions count 3, opening lines 2, others 1, and a
    /// division named at least twice (a title mention counts twice) also gains the score of the
    /// divisions containing it (乳源县 named twice in a report that names 广东省 five times is still a
    /// report about 乳源县; a city named once in passing is not, nor a county named once in the
    /// opening: 海南藏族自治州共和县青海湖民族寄宿制学校校长 in a 青海 feature, gd84; 绥阳县 once in a
    /// 贵州 news piece, fw10); ties go to the more specific division, then the earlier mention.
    /// None when the best scores under `minimumRegionScore`.
    /// The score a place needs to be the report's region (one mention in the opening, or two in the body).
    static let minimumRegionScore = 2
    /// How often a division must be named (a title mention counts twice) to gain the scores of the
    /// divisions containing it.
    static let minimumLiftMentions = 2

    /// With `lines`, a place that names an organisation, a destination, an honour's giver, a news
    /// dateline, a venue, a donor, a place left out, one item of a list or an example (四平河南商会,
    /// 赴杭州学习, 被评为湖北省…先进单位, 本报昆明2月24日电, 在拉萨举行, 深圳市国税局对口支援, 不含厦门市,
    /// 丘北、广南2个县, 比如，四川达州市通川区…) does not vote; a document's name does
    /// (《乳源县中小学校长管理暂行办法》 is the county's own).
    public func region(
        titleLines: [LabeledLine], opening: [LabeledLine], places: [Located<PlaceMention>],
        lines: [LabeledLine] = [], speakingCounts: [Int]? = nil
    ) -> String? {
        regionChoice(
            titleLines: titleLines, opening: opening, places: places, lines: lines, speakingCounts: speakingCounts
        ).adcode
    }

    /// The report's region (`region(titleLines:opening:places:lines:speakingCounts:)`) with the id
    /// of the rule that chose it or left it empty (`RegionRule`), for `--explain`.
    public func regionChoice(
        titleLines: [LabeledLine], opening: [LabeledLine], places: [Located<PlaceMention>],
        lines: [LabeledLine] = [], speakingCounts: [Int]? = nil
    ) -> (adcode: String?, rule: String) {
        let specificity = Self.specificity
        let titleNumbers = Set(titleLines.map(\.number))
        let openingNumbers = Set(opening.map(\.number))
        var own: [String: (score: Int, first: Int)] = [:]
        var mentions: [String: Int] = [:]  // a title mention counts twice (`minimumLiftMentions`)
        // On a glossed line (國(guó)稅局) the words around a place are read with the glosses out.
        var unglossed: [Int: (scalars: [Unicode.Scalar], kept: [Int]?)] = [:]
        let placeLines = Set(places.map(\.line))
        for line in lines where placeLines.contains(line.number) {
            unglossed[line.number] = PlaceResolver.unglossedLine(line.text)
        }
        let texts = unglossed.mapValues(\.scalars)
        let moved = places.map { located in
            guard let line = unglossed[located.line] else { return located }
            return Located(line: located.line, mention: PlaceResolver.moved(located.mention, onto: line))
        }
        let lineMentions = Dictionary(grouping: moved, by: \.line).mapValues { $0.map(\.mention) }
        let named = moved.filter { located in
            guard let scalars = texts[located.line] else { return true }
            return !FactBuilder.isNameOrDestination(located.mention, in: scalars)
                && !Self.isHonour(located.mention, in: scalars)
        }
        // A line naming three or more places lists them (海南、辽宁、陕西…共7个省份) and votes for none, nor
        // does an item of a shorter list (排除丘北县、广南县: any place across a 、) or an example (比如，…通川区).
        let byLine = Dictionary(grouping: named, by: \.line)
        let listLines = Set(byLine.filter { Set($0.value.map(\.mention.surface)).count >= 3 }.keys)
        let places = named.filter { located in
            guard let scalars = texts[located.line] else { return true }
            return !FactBuilder.isListed(located.mention, among: lineMentions[located.line] ?? [], in: scalars)
                && !FactBuilder.isExample(located.mention, in: scalars)
        }
        for (index, located) in places.enumerated()
        where located.mention.status == .resolved && !listLines.contains(located.line) {
            guard let adcode = located.mention.adcode else { continue }
            let weight = titleNumbers.contains(located.line) ? 3 : openingNumbers.contains(located.line) ? 2 : 1
            let previous = own[adcode] ?? (0, index)
            own[adcode] = (previous.score + weight, previous.first)
            mentions[adcode, default: 0] += weight == 3 ? 2 : 1
        }
        func ancestors(_ adcode: String) -> [String] {
            switch specificity(adcode) {
            case 2: return [String(adcode.prefix(4)) + "00000000", String(adcode.prefix(2)) + "0000000000"]
            case 1: return [String(adcode.prefix(2)) + "0000000000"]
            default: return []
            }
        }
        let scores = own.map { adcode, value in
            (
                adcode: adcode,
                score: value.score
                    + ((mentions[adcode] ?? 0) >= Self.minimumLiftMentions
                        ? ancestors(adcode).compactMap { own[$0]?.score }.reduce(0, +) : 0),
                first: value.first
            )
        }
        let best = scores.max { a, b in
            if a.score != b.score { return a.score < b.score }
            if specificity(a.adcode) != specificity(b.adcode) { return specificity(a.adcode) < specificity(b.adcode) }
            return a.first > b.first
        }
        // A place named once in the body, in passing (one of seven provinces a national report
        // lists), is not what the report is about: the report's region is named in its title or
        // opening, or more than once.
        // The places the title names (with no title line, the first line of the text stands for it).
        let heads = titleNumbers.isEmpty ? Set(opening.prefix(1).map(\.number)) : titleNumbers
        let titled = places.filter { heads.contains($0.line) && $0.mention.status == .resolved }
        // A report that speaks as the country (全国有2717个县…) more than as any province, city or
        // county, and whose title names no place of its own, gives national figures: a city it names
        // (新华社南昌3月26日电) is no region of them.
        let speakers = cues.speakers(lines)
        let counts = speakingCounts ?? Self.speakingCounts(lines)
        if speakers.nation >= Self.minimumSpeakingCount, speakers.nation > counts.max() ?? 0, titled.isEmpty {
            return (nil, RegionRule.national)
        }
        guard let best, best.score >= Self.minimumRegionScore else {
            return Self.fallbackRegion(
                named: Array(own.keys), best: best, shortName: speakers.region, counts: counts, lines: lines,
                heads: titleNumbers.union(openingNumbers))
        }
        if let tie = Self.tiedChoice(best, scores: scores, own: own, titled: titled, places: moved) { return tie }
        // A city the title names is the report's when the county it names most is one of the city's
        // (武威2021年新建哪些学校? … 凉州区…古浪县…天祝县…): a city's report lists its counties.
        var chosen = best.adcode
        var rule = RegionRule.named
        if specificity(chosen) == 2, !titled.contains(where: { $0.mention.adcode == chosen }),
            let city = titled.compactMap(\.mention.adcode).first(where: {
                specificity($0) == 1 && FactBuilder.contains($0, chosen)
            })
        {
            (chosen, rule) = (city, RegionRule.titleCity)
        }
        // A division the title names is the report's own, whatever level it speaks as (宁德…全省第二).
        let isTitled = titled.contains { $0.mention.adcode == chosen }
        return Self.levelled((chosen, rule), scores: scores, counts: counts, places: places, titled: isTitled)
    }

    /// The region of a report that names no division often enough (`best` scores under
    /// `minimumRegionScore`; `named` are the divisions it names at all; `shortName` the region whose
    /// short name it speaks from, and how often), with the rule's id.
    static func fallbackRegion(
        named: [String], best: (adcode: String, score: Int, first: Int)?, shortName: (adcode: String, count: Int)?,
        counts: [Int], lines: [LabeledLine], heads: Set<Int>
    ) -> (adcode: String?, rule: String) {
        // A report that names no division but speaks from a region by its short name (全港, 本澳).
        if let own = shortName, own.count >= Self.minimumSpeakingCount {
            return (own.adcode, RegionRule.shortName)
        }
        // A report that speaks as a county (我县) and names one county, once (in a signature, the
        // name of its own rule, 宜川教育): that county is its own.
        if let only = Self.onlyNamed(named, counts: counts) { return (only, RegionRule.onlyNamed) }
        // Else the bureau the page names as its source or issuer (来源：深圳市教育局).
        if let source = Self.sourceRegion(lines) { return (source, RegionRule.sourceLine) }
        // Else the one division its bare stems name (黎川一中, 徐汇中学), when nothing else names one;
        // a report speaking as a county that names no county may call its own by its bare stem.
        let speaksAsCounty = Self.speakingLevel(counts) == 2 && named.allSatisfy { Self.specificity($0) < 2 }
        if named.isEmpty || speaksAsCounty,
            let weak = Self.weakStemRegion(lines, heads: heads, speaksAsCounty: speaksAsCounty)
        {
            return (weak, RegionRule.weakStem)
        }
        return (nil, best.map { RegionRule.weak + " (best \($0.adcode) score \($0.score))" } ?? RegionRule.unnamed)
    }

    /// The region of a report whose best division (`best`, its title names it not) shares its score
    /// with another that neither contains nor lies in it (a province's bulletin whose table names its
    /// cities twice each, 德州市…莱芜市): the division containing them all when the report names it
    /// (`named`), else none; nil when no other ties (the best stands).
    static func tiedRegion(
        _ best: (adcode: String, score: Int, first: Int), scores: [(adcode: String, score: Int, first: Int)],
        titled: [Located<PlaceMention>], named: Set<String>
    ) -> (adcode: String?, rule: String)? {
        guard !titled.contains(where: { $0.mention.adcode == best.adcode }) else { return nil }
        let tied = scores.filter {
            $0.score == best.score && $0.adcode != best.adcode && !FactBuilder.contains($0.adcode, best.adcode)
                && !FactBuilder.contains(best.adcode, $0.adcode)
        }
        guard !tied.isEmpty else { return nil }
        let all = [best.adcode] + tied.map(\.adcode)
        let containing = [String(best.adcode.prefix(4)) + "00000000", String(best.adcode.prefix(2)) + "0000000000"]
        let parent = containing.first { parent in all.allSatisfy { $0 == parent || FactBuilder.contains(parent, $0) } }
        if let parent, named.contains(parent) { return (parent, RegionRule.tiedParent) }
        return (nil, RegionRule.tied)
    }

    /// The region of a report whose best division ties with others (`tiedRegion`), or leads them only
    /// by a peer containing it (`rawTiedRegion`); nil when it stands. The division containing the tied
    /// peers may be named anywhere in the text (`places`), also in a name that does not vote
    /// (山东省“全面改薄”信息管理平台 is the province's own platform, fx21).
    static func tiedChoice(
        _ best: (adcode: String, score: Int, first: Int), scores: [(adcode: String, score: Int, first: Int)],
        own: [String: (score: Int, first: Int)], titled: [Located<PlaceMention>], places: [Located<PlaceMention>]
    ) -> (adcode: String?, rule: String)? {
        let mentioned = Set(own.keys).union(
            places.compactMap { $0.mention.status == .resolved ? $0.mention.adcode : nil })
        return tiedRegion(best, scores: scores, titled: titled, named: mentioned)
            ?? rawTiedRegion(best, own: own, titled: titled, named: mentioned)
    }

    /// The region of a report whose best division (`best`) leads only by the score of a division
    /// containing it, while naming itself no more often than two or more others that neither contain
    /// nor lie in it (`own`: the scores before containing divisions add theirs): a province's table
    /// of its cities where one row's old name resolves to a district of another row's city (莱芜市 →
    /// 济南市's 莱芜区, fx21) is still a table of peers, read as `tiedRegion` reads equal scores. The
    /// division lifting it must be one of the peers itself (named as often, at their level); `named`
    /// are the divisions the text names anywhere (the containing one is the report's when named).
    static func rawTiedRegion(
        _ best: (adcode: String, score: Int, first: Int), own: [String: (score: Int, first: Int)],
        titled: [Located<PlaceMention>], named: Set<String>
    ) -> (adcode: String?, rule: String)? {
        guard let raw = own[best.adcode]?.score, raw < best.score else { return nil }
        let scores = own.map { (adcode: $0.key, score: $0.value.score, first: $0.value.first) }
        let peers = scores.filter {
            $0.score == raw && $0.adcode != best.adcode && !FactBuilder.contains($0.adcode, best.adcode)
                && !FactBuilder.contains(best.adcode, $0.adcode)
        }
        // The division lifting it is one of the peers (a row of the same table, named as often), not
        // a county report's city named in passing.
        let lifted = own.contains { adcode, value in
            adcode != best.adcode && FactBuilder.contains(adcode, best.adcode) && value.score >= raw
                && peers.contains { specificity($0.adcode) == specificity(adcode) }
        }
        guard peers.count >= 2, lifted else { return nil }
        return tiedRegion(
            (best.adcode, raw, best.first), scores: scores, titled: titled, named: named)
    }

    /// The region `chosen` moved to the level the report speaks as (`counts`), if it speaks as one:
    /// the division of a finer level it names most or only, none when it names none; the division
    /// containing `chosen` at a coarser level (`coarser`) unless the title names `chosen` (`titled`).
    static func levelled(
        _ chosen: (adcode: String, rule: String), scores: [(adcode: String, score: Int, first: Int)], counts: [Int],
        places: [Located<PlaceMention>], titled: Bool
    ) -> (adcode: String?, rule: String) {
        let (chosen, rule) = chosen
        // A report that speaks as a county (我县, 全县) whose county is not named (blanked: **县) is
        // not its province's: its figures would be filed under the province.
        // An autonomous region's 全区 and a municipality's 全市 (天津市…全市) are the province itself.
        let province = String(chosen.prefix(2))
        if let level = speakingLevel(counts), level > specificity(chosen),
            !(specificity(chosen) == 0
                && ((level == 2 && autonomousRegions.contains(province))
                    || (level == 1 && municipalities.contains(province)))),
            // A Taiwan city that was a county (桃園縣 → 桃园市) still calls itself 本縣 in older text.
            !(level == 2 && specificity(chosen) == 1 && province == taiwan)
        {
            // The division of that level the report names most, if it names one often enough.
            let own = scores.filter { specificity($0.adcode) == level && $0.score >= minimumRegionScore }
            if let top = own.max(by: { $0.score != $1.score ? $0.score < $1.score : $0.first > $1.first }) {
                return (top.adcode, RegionRule.speakingLevel)
            }
            // Else the one of that level it names, when it lies in the region chosen (乳源 once in a
            // report that names 广东 and says 我县).
            guard let only = onlyNamed(scores.map(\.adcode), counts: counts),
                only == chosen || FactBuilder.contains(chosen, only)
            else { return (nil, RegionRule.unnamedLevel) }
            return (only, RegionRule.speakingLevel)
        }
        // A report that speaks as a city (我市, 全市) but names one of its counties most (兴隆县 more
        // than 承德市): a city's report on its parts. Its figures are the city's, named or not.
        if !titled, let level = speakingLevel(counts), let coarser = coarser(chosen, level: level, places: places) {
            return (coarser, RegionRule.speakingCoarser)
        }
        return (chosen, rule)
    }

    /// The city containing county `adcode` when a report speaking as a city (`level` 1) names
    /// `adcode` most: nil for any other level (a city's report that says 全省 ranks itself in its
    /// province, or a spun page wrote 全省 for 全市), for a county-level city (兴宁市, or 增城区
    /// written 增城市: 我市 is its own) and in the four municipalities.
    static func coarser(_ adcode: String, level: Int, places: [Located<PlaceMention>]) -> String? {
        let province = String(adcode.prefix(2))
        guard level == 1, specificity(adcode) == 2, !municipalities.contains(province) else { return nil }
        let table = DivisionTable.standard
        if table.division(adcode: adcode)?.name.hasSuffix("市") == true { return nil }
        let surfaces = places.filter { $0.mention.adcode == adcode }.map(\.mention.surface)
        if surfaces.contains(where: { $0.hasSuffix("市") }) { return nil }
        let city = String(adcode.prefix(4)) + "00000000"
        return table.division(adcode: city) == nil ? nil : city
    }

    /// 0 for a province, 1 for a city, 2 for a county or district.
    static func specificity(_ adcode: String) -> Int {
        adcode.hasSuffix("0000000000") ? 0 : adcode.hasSuffix("00000000") ? 1 : 2
    }

    /// The one division of the level a report speaks as (我县 → a county) among the divisions it
    /// names (`named`), when it names no other of that level: 英山县 named once in a report that
    /// says 我县. A report that speaks so only once must name nothing else but the divisions
    /// containing that one. Nil when the report names none or several of that level.
    static func onlyNamed(_ named: [String], counts: [Int]) -> String? {
        guard let top = counts.max(), top >= 1, let level = counts.lastIndex(of: top) else { return nil }
        let candidates = named.filter { specificity($0) == level }
        guard candidates.count == 1, let only = candidates.first else { return nil }
        if top < minimumSpeakingCount, !named.allSatisfy({ $0 == only || FactBuilder.contains($0, only) }) {
            return nil
        }
        return only
    }

    /// Provinces that are cities (北京, 天津, 上海, 重庆): their 全市 may be the province's or the city's code.
    static let municipalities: Set<String> = ["11", "12", "31", "50"]

    /// Taiwan's province code: its cities (桃园市) are counties' heirs and its counties (澎湖县) city-level.
    static let taiwan = "71"

    /// Provinces that are autonomous regions: their own 全区 is the province.
    static let autonomousRegions: Set<String> = ["15", "45", "54", "64", "65"]

    /// The level a report speaks as, from its most frequent 我/全/本 + 省/市/县/区 (0 province, 1
    /// city, 2 county or district), when it uses them at least twice.
    static func speakingLevel(_ counts: [Int]) -> Int? {
        guard let top = counts.max(), top >= minimumSpeakingCount, let level = counts.lastIndex(of: top) else {
            return nil
        }
        return level
    }

    /// How often a report uses 我/全/本 + 省, 市 and 县/区 (縣/區 in traditional script) (indexed by level).
    ///
    /// Read from the lines' UTF-8 bytes: all seven characters are three bytes long, and a lead
    /// byte never stands inside another character, so six bytes spell the pair exactly where the
    /// text has it (decoding every kept line to scalars was most of the time).
    static func speakingCounts(_ lines: [LabeledLine]) -> [Int] {
        var counts = [0, 0, 0]
        for line in lines where line.label.isKept {
            var text = line.text
            text.withUTF8 { bytes in
                guard bytes.count >= 6 else { return }
                for i in 0...(bytes.count - 6) where bytes[i] == 0xE6 || bytes[i] == 0xE5 {
                    // 我 E6 88 91, 全 E5 85 A8, 本 E6 9C AC
                    let (a, b, c) = (bytes[i], bytes[i + 1], bytes[i + 2])
                    guard
                        (a == 0xE6 && b == 0x88 && c == 0x91) || (a == 0xE5 && b == 0x85 && c == 0xA8)
                            || (a == 0xE6 && b == 0x9C && c == 0xAC)
                    else { continue }
                    // 省 E7 9C 81, 市 E5 B8 82, 县 E5 8E BF, 区 E5 8C BA; traditional 縣 E7 B8 A3, 區 E5 8D 80
                    switch (bytes[i + 3], bytes[i + 4], bytes[i + 5]) {
                    case (0xE7, 0x9C, 0x81): counts[0] += 1
                    case (0xE5, 0xB8, 0x82): counts[1] += 1
                    case (0xE5, 0x8E, 0xBF), (0xE5, 0x8C, 0xBA), (0xE7, 0xB8, 0xA3), (0xE5, 0x8D, 0x80): counts[2] += 1
                    default: break
                    }
                }
            }
        }
        return counts
    }

    /// How often a report must speak as a level or a region for it to count.
    static let minimumSpeakingCount = 2

    /// The division of the bureau the report's own text names as its source or issuer on a line of
    /// its own (资料来源：深圳市教育局, 來源／新竹縣政府 kept as body or title): a report that names no
    /// place of its own is that bureau's. A site's metadata or chrome line (a 来源/发布机构 M line, a
    /// breadcrumb) is no source of a region (corpus/README: region from the text only). Nil when no
    /// such line names a division right after its cue and before a government word, or two lines
    /// name different ones.
    static func sourceRegion(_ lines: [LabeledLine]) -> String? {
        var found: String?
        for line in lines
        where line.label.isKept && line.text.utf8.count <= 240 && sourceCues.contains(where: { line.text.includes($0) })
        {
            let scalars = line.text.simplifiedScalars
            guard let cue = sourceCueScalars.lazy.compactMap({ position(of: $0, in: scalars) }).first else { continue }
            let rest = scalars[(cue.lowerBound + cue.count)...].drop { sourceSeparators.contains($0) }
            guard let place = PlaceResolver.standard.places(inText: String(scalars: Array(rest.prefix(24)))).first,
                place.mention.offset == 0, place.mention.status == .resolved, let adcode = place.mention.adcode
            else { continue }
            let end = min(rest.startIndex + place.mention.surface.unicodeScalars.count, scalars.count)
            let tail = Array(scalars[end..<min(end + 8, scalars.count)])
            guard governmentScalars.contains(where: { position(of: $0, in: tail) != nil }) else { continue }
            if let found, found != adcode { return nil }
            found = adcode
        }
        return found
    }

    /// Where `word` first stands in `scalars`.
    static func position(of word: [Unicode.Scalar], in scalars: [Unicode.Scalar]) -> Range<Int>? {
        guard word.count <= scalars.count else { return nil }
        return (0...(scalars.count - word.count)).first { FactBuilder.starts(word, at: $0, in: scalars) }
            .map { $0..<($0 + word.count) }
    }

    /// Words that open a page's source or issuer line.
    static let sourceCues = ["来源", "來源", "发布机构", "發布機構"]
    static let sourceCueScalars = [Array("来源".unicodeScalars), Array("发布机构".unicodeScalars)]
    /// What may stand between the cue and the bureau's name.
    static let sourceSeparators: Set<Unicode.Scalar> = [":", "：", "/", "／", " ", "\u{3000}", "\t"]
    /// Words that end a bureau's name (教育局, 教育厅, 人民政府, 县政府, 教委).
    static let governmentScalars = ["局", "厅", "政府", "教委", "委员会"].map { Array($0.unicodeScalars) }
}
