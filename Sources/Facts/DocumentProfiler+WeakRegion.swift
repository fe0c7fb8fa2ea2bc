import EduwhCore
import Normalize

/// The region of a report that names no division the resolver trusts, from a school's name that
/// opens with a county's bare stem or two-character name the document confirms nowhere else in its
/// title or opening (徐汇中学, 泾县中学2021年…预算, 吴江桃源中心幼儿园简介): corpus/README, a school takes the division
/// of its own name. Bare stems are ordinary words often enough (资源, 新建, 同仁) that only a name
/// opening its line (after a year at most) and reaching a school word within a few characters
/// counts; the learned region chooser judges the region by its rule (`dr:docregion-weak-stem`).
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
    static func weakStemRegion(_ lines: [LabeledLine], heads: Set<Int>) -> String? {
        let kept = lines.filter { $0.label.isKept && heads.contains($0.number) }
        guard !kept.isEmpty else { return nil }
        let texts = Dictionary(kept.map { ($0.number, $0.text) }, uniquingKeysWith: { a, _ in a })
        var named: Set<String> = []
        var scalarsByLine: [Int: [Unicode.Scalar]] = [:]
        for located in weakResolver.places(in: kept) {
            let mention = located.mention
            // Only the names the strict resolver leaves unsupported: bare stems, two-character names.
            guard mention.status == .resolved, let adcode = mention.adcode,
                mention.rule.hasPrefix("p-stem") || (mention.rule.hasPrefix("p-full") && mention.surface.count == 2)
            else { continue }
            let scalars = FactBuilder.cached(&scalarsByLine, located.line) {
                texts[located.line]?.simplifiedScalars ?? []
            }
            if opensSchoolName(mention, in: scalars) { named.insert(adcode) }
        }
        let finest = named.filter { adcode in !named.contains { FactBuilder.contains(adcode, $0) } }
        return finest.count == 1 ? finest.first : nil
    }

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

    /// How many name characters may stand between the stem and the school word (桃源中心).
    static let weakNameReach = 4
    /// Characters that make a name a town's, village's, road's or district's own (镇, 村, 路).
    static let localScalars: Set<Unicode.Scalar> = ["镇", "乡", "村", "街", "路", "区", "县", "市", "省", "立"]
}
