import EduwhCore
import Normalize

/// The region of a report that names no division the resolver trusts, from a school's name that
/// opens with a county's bare stem or two-character name the document confirms nowhere else in its
/// title or opening (徐汇中学, 泾县中学2021年…预算, 吴江桃源中心幼儿园简介): corpus/README, a school takes the division
/// of its own name. Bare stems are ordinary words often enough (资源, 新建, 同仁) that only a name
/// opening its line (after a year at most) and reaching a school word within a few characters
/// counts; the learned region chooser judges the region by its rule (`dr:docregion-weak-stem`).
/// A two-character county name (高县, 新县) the text names twice as a county, not inside a word or a
/// slogan, counts too: a county's news re-post often calls it so and names no other division.
extension DocumentProfiler {
    /// A resolver that needs no support for bare stems and two-character names (ordinary words
    /// like 朝阳 still need it).
    static let weakResolver: PlaceResolver = {
        var settings = PlaceResolver.Settings()
        (settings.stemSupport, settings.institutionSupport, settings.shortNameSupport) = (0, 0, 0)
        return PlaceResolver(gazetteer: .standard, settings: settings)
    }()

    /// The one division whose unsupported stem opens a school's name in the report's heads (its
    /// title and opening lines, `heads`: the school is the report's subject, not one it names in
    /// passing), nil when none does or several do (a division and one containing it count as
    /// one: the finer stands).
    /// A two-character county name (高县, 新縣) the kept lines name at least `repeatedCountyCount`
    /// times as a county, not inside a word (代县长, 新县城, 提高县域) or a slogan (科教兴县战略), counts
    /// too: a county's news or summary calls itself so all along.
    /// With `speaksAsCounty` (我县, 全县 at least twice), a county's bare stem the kept lines name at
    /// least `repeatedStemCount` times as its own (黎川一中…黎川二中, 宁化教育…宁化籍: `standsAsOwnName`)
    /// counts too: a county's own report calls itself by its stem.
    /// A title opening with the county's stem and a document word (凤庆年鉴2017, 宁化教育2020年工作总结)
    /// names it too.
    static func weakStemRegion(_ lines: [LabeledLine], heads: Set<Int>, speaksAsCounty: Bool = false) -> String? {
        let titleNumbers = Set(lines.filter { $0.label == .title }.map(\.number))
        // Head lines for a school's name; other kept lines only where they may hold a county's 县
        // (all kept lines when the report speaks as a county: its stem may stand anywhere).
        let kept = lines.filter {
            $0.label.isKept
                && (speaksAsCounty || heads.contains($0.number) || $0.text.contains("县") || $0.text.contains("縣"))
        }
        guard !kept.isEmpty else { return nil }
        let texts = Dictionary(kept.map { ($0.number, $0.text) }, uniquingKeysWith: { a, _ in a })
        var named: Set<String> = []
        var counties: [String: Int] = [:]
        var stems: [String: Int] = [:]
        var scalarsByLine: [Int: [Unicode.Scalar]] = [:]
        for located in weakResolver.places(in: kept) {
            let mention = located.mention
            // Only the names the strict resolver leaves unsupported: bare stems, two-character names.
            let twoCharacter = mention.rule.hasPrefix("p-full") && mention.surface.count == 2
            guard mention.status == .resolved, let adcode = mention.adcode,
                mention.rule.hasPrefix("p-stem") || twoCharacter
            else { continue }
            let scalars = FactBuilder.cached(&scalarsByLine, located.line) {
                texts[located.line]?.simplifiedScalars ?? []
            }
            if heads.contains(located.line), opensSchoolName(mention, in: scalars) {
                named.insert(adcode)
            } else if twoCharacter, standsAsCounty(mention, in: scalars) {
                counties[adcode, default: 0] += 1
            } else if speaksAsCounty, mention.rule.hasPrefix("p-stem"), mention.candidates.count == 1,
                specificity(adcode) == 2
            {
                if titleNumbers.contains(located.line), opensTitle(mention, in: scalars) {
                    named.insert(adcode)
                } else if standsAsOwnName(mention, in: scalars) {
                    stems[adcode, default: 0] += 1
                }
            }
        }
        named.formUnion(counties.filter { $0.value >= repeatedCountyCount }.keys)
        named.formUnion(stems.filter { $0.value >= repeatedStemCount }.keys)
        let finest = named.filter { adcode in !named.contains { FactBuilder.contains(adcode, $0) } }
        return finest.count == 1 ? finest.first : nil
    }

    /// How often a two-character county name must stand as a county for a report that names no
    /// other division to be that county's.
    static let repeatedCountyCount = 2
    /// How often a report speaking as a county must call a county by its bare stem for it to be that county's.
    static let repeatedStemCount = 2

    /// Whether a two-character name ending in 县 stands as the county (高县从2011年起, 新县投资…), not
    /// as the end of a word (代县长 an acting county head, 新县城 a new county town, 提高县域) or of a
    /// slogan (“科教兴县”, 科教兴县战略, “开放兴县、特色兴县”).
    static func standsAsCounty(_ place: PlaceMention, in scalars: [Unicode.Scalar]) -> Bool {
        let end = place.offset + place.surface.unicodeScalars.count
        guard end <= scalars.count, end >= 1, scalars[end - 1] == "县" else { return false }
        if end < scalars.count, countyWordEnds.contains(scalars[end]) { return false }
        if FactBuilder.starts(strategyScalars, at: end, in: scalars) { return false }
        // Inside quotes it is a slogan's end (“开放兴县、特色兴县”).
        let before = scalars[..<place.offset]
        guard let open = before.lastIndex(of: "“") else { return true }
        return before[open...].contains("”")
    }

    /// Characters that make 县 the first half of a word (县长, 县城, 县域, 县级, 县情) or close a slogan.
    static let countyWordEnds: Set<Unicode.Scalar> = ["长", "城", "域", "级", "情", "”", "\""]
    static let strategyScalars = Array("战略".unicodeScalars)

    /// Whether `place` begins a school's name that opens its line (no Han character before it but a
    /// year's 年: a heading, not a school named in passing) and a school word after at most
    /// `weakNameReach` name characters, none of them a town's, village's or street's (双溪桥镇中心小学 is
    /// the town's school).
    static func opensSchoolName(_ place: PlaceMention, in scalars: [Unicode.Scalar]) -> Bool {
        // The name opens its line: before it at most a year (2009年徐汇中学…), numbering or spaces.
        guard place.offset <= scalars.count,
            !scalars[..<place.offset].contains(where: { $0.properties.isIdeographic && $0 != "年" })
        else { return false }
        let end = place.offset + place.surface.unicodeScalars.count
        return schoolWordFollows(end, in: scalars)
    }

    /// Whether a county's bare stem stands as the county's own name: a school's name (黎川一中, 黎川县城
    /// 小学 within `weakNameReach`) or an own-name word right after it (宁化教育, 凤台籍, 乳源人民), not an
    /// ordinary word's first half (资源配置, 顺利通过) nor a site's name (庆云新闻网).
    static func standsAsOwnName(_ place: PlaceMention, in scalars: [Unicode.Scalar]) -> Bool {
        let end = place.offset + place.surface.unicodeScalars.count
        if ownNameScalars.contains(where: { FactBuilder.starts($0, at: end, in: scalars) }) { return true }
        return schoolWordFollows(end, in: scalars)
    }

    /// Whether a school word (中学, 小学, 一中…) starts within `weakNameReach` name characters after `end`,
    /// none of them a town's, village's or street's: the name before it is the school's.
    static func schoolWordFollows(_ end: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var index = end
        while index <= min(scalars.count - 1, end + weakNameReach) {
            if RegionGate.schoolScalars.contains(where: { FactBuilder.starts($0, at: index, in: scalars) }) {
                return true
            }
            guard scalars[index].properties.isIdeographic, !localScalars.contains(scalars[index]) else { return false }
            index += 1
        }
        return false
    }

    /// Whether a title opens with the stem (after a year at most) and a document word follows it
    /// (凤庆年鉴2017, 宁化教育工作总结): the county's own book or report.
    static func opensTitle(_ place: PlaceMention, in scalars: [Unicode.Scalar]) -> Bool {
        guard place.offset <= scalars.count,
            !scalars[..<place.offset].contains(where: { $0.properties.isIdeographic && $0 != "年" })
        else { return false }
        let end = place.offset + place.surface.unicodeScalars.count
        return titleWordScalars.contains { FactBuilder.starts($0, at: end, in: scalars) }
    }

    /// Words after a county's stem that make it the county's own (its education, people, natives).
    static let ownNameScalars = ["教育", "人民", "籍", "孩子", "学子", "全县"].map { Array($0.unicodeScalars) }
    /// Words after a title's opening stem that make the title the county's own book or report.
    static let titleWordScalars = ["年鉴", "教育", "县"].map { Array($0.unicodeScalars) }

    /// How many name characters may stand between the stem and the school word (桃源中心).
    static let weakNameReach = 4
    /// Characters that make a name a town's, village's, road's or district's own (镇, 村, 路).
    static let localScalars: Set<Unicode.Scalar> = ["镇", "乡", "村", "街", "路", "区", "县", "市", "省", "立"]
}
