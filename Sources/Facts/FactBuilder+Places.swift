import EduwhCore
import Normalize

/// Which places a figure may be about: not one inside a document's name, an organisation's name,
/// a trip's destination or a place left out.
extension FactBuilder {
    /// The places of a line a figure may be about: not one inside a document's name (《吉林省…标准》),
    /// an organisation's name (四平河南商会), a trip's destination (赴杭州学习), a list of places or a
    /// rule's issuer, nor one that merely contains the report's `region` (its province).
    static func figurePlaces(
        _ places: [PlaceMention], in scalars: [Unicode.Scalar], region: String?
    ) -> [PlaceMention] {
        let quoted = quotedRanges(scalars)
        return places.filter { place in
            if quoted.contains(where: { $0.contains(place.offset) }) { return false }
            if isNameOrDestination(place, in: scalars) || isListed(place, among: places, in: scalars) { return false }
            guard let adcode = place.adcode, let region else { return true }
            return !contains(adcode, region)
        }
    }

    /// Whether a place names an organisation (四平河南商会, 河南大学), a destination (赴杭州学习,
    /// 前往上海考察), a quoted title (“遵义市文明单位”, 凤冈县“平安校园”: `isQuotedName`), a news dateline
    /// or a venue (本报昆明2月24日电, 在拉萨举行: `isDatelineOrVenue`), a donor (深圳市国税局对口支援:
    /// `isDonor`), a neighbour (东邻洛江区马甲镇: `isNeighbour`) or a place left out (不含厦门市)
    /// rather than the region a figure is about.
    static func isNameOrDestination(_ place: PlaceMention, in scalars: [Unicode.Scalar]) -> Bool {
        let end = place.offset + place.surface.unicodeScalars.count
        // The organisation word may follow a second place (四平河南商会).
        if organisationScalars.contains(where: {
            starts($0, at: end, in: scalars) || starts($0, at: end + 2, in: scalars)
        }) {
            return true
        }
        if isSchoolName(place, end: end, in: scalars) || isQuotedName(place, end: end, in: scalars)
            || isCompanyName(place, end: end, in: scalars) || isDatelineOrVenue(place, in: scalars)
            || isDonor(place, in: scalars) || isNeighbour(place, in: scalars)
        {
            return true
        }
        return precedingScalars.contains { ends($0, at: place.offset, in: scalars) }
    }

    /// Whether a place is one item of a list of places (分赴美国、广州、杭州等地, 在海珠、荔湾两区): a
    /// figure about several places is about none of them alone.
    /// (Another place must stand across the 、: 地址、渭源县… uses 、 as a colon.)
    static func isListed(_ place: PlaceMention, among places: [PlaceMention], in scalars: [Unicode.Scalar]) -> Bool {
        let end = place.offset + place.surface.unicodeScalars.count
        let before = place.offset > 0 && place.offset <= scalars.count ? scalars[place.offset - 1] : " "
        let after = end < scalars.count ? scalars[end] : " "
        return places.contains { other in
            let otherEnd = other.offset + other.surface.unicodeScalars.count
            return (before == "、" && otherEnd == place.offset - 1) || (after == "、" && other.offset == end + 1)
        }
    }

    /// The region of a figure: the place nearest to it in its clause (one before it preferred), else
    /// its sentence, else the report's `region`. A clause naming several places before the figure
    /// gives it the report's region when that holds them all, else none, unless the figure is its
    /// place's own item of a breakdown list (`isListItem`: 其中赤坎区3505个、霞山区3705个, `scalars`
    /// the line's text).
    /// `figureRegion(_:of:clause:sentence:region:why:scalars:)` with the report's region and its rule.
    static func figureRegion(
        _ places: [PlaceMention], of quantity: QuantityMention, clause: Range<Int>, sentence: Range<Int>,
        profile: DocumentProfile, scalars: [Unicode.Scalar] = []
    ) -> (adcode: String?, source: ContextSource, rule: String) {
        figureRegion(
            places, of: quantity, clause: clause, sentence: sentence, region: profile.adcode, why: profile.regionRule,
            scalars: scalars)
    }

    /// `rule` says why: with an empty region, the clause names several places
    /// (`RegionRule.severalPlaces`), else the rule that left the report's region empty (`why`); with
    /// the report's region, the rule that chose it (`why`, docregion-named…); empty for a nearby place.
    static func figureRegion(
        _ places: [PlaceMention], of quantity: QuantityMention, clause: Range<Int>, sentence: Range<Int>,
        region: String?, why: String = "", scalars: [Unicode.Scalar] = []
    ) -> (adcode: String?, source: ContextSource, rule: String) {
        let place = nearest(places, to: quantity.offset, clause: clause, sentence: sentence, offset: \.offset)
        if let place, place.source == .clause,
            let several = severalPlaces(places, before: quantity.offset, clause: clause),
            !isListItem(place.mention, of: quantity, among: places, in: scalars)
        {
            // 凉州区…小学、古浪县…小学、天祝县…幼儿园6所学校: a count over several places is no one place's.
            guard let region, several.allSatisfy({ contains(region, $0) }) else {
                return (nil, .none, RegionRule.severalPlaces)
            }
            return (region, .document, RegionRule.severalHeld)
        }
        if let place { return (place.mention.adcode, place.source, "") }
        return region.map { ($0, .document, why) } ?? (nil, .none, why)
    }

    /// The divisions a figure's clause names before it when there are several and none holds
    /// another (凉州区祁连路小学、古浪县城关第四小学、天祝县…幼儿园6所学校): the figure counts them
    /// together, it is no one of theirs. Nil when the clause names one division (or one and its parts).
    static func severalPlaces(_ places: [PlaceMention], before offset: Int, clause: Range<Int>) -> [String]? {
        var named: [String] = []
        for place in places where clause.contains(place.offset) && place.offset < offset {
            guard let adcode = place.adcode, !named.contains(adcode) else { continue }
            named.append(adcode)
        }
        guard named.count >= 2 else { return nil }
        let independent = named.filter { adcode in !named.contains { contains($0, adcode) } }
        return independent.count >= 2 ? named : nil
    }

    /// Whether `place` and the figure after it are one item of a breakdown list, each place with its
    /// own figure (其中赤坎区3505个、霞山区3705个…; 古田縣(104.9%)、蕉城區(103.5%)…; 新城區項目13個、回民區項目8個):
    /// the figure follows the place within `listItemReach` characters with no separator between, and
    /// a digit stands between the place before it and this one (the item before had its own figure).
    /// A count after a list of named places (凉州区…小学、古浪县…小学、天祝县…幼儿园6所学校) is no item's:
    /// no figure stands between its places.
    static func isListItem(
        _ place: PlaceMention, of quantity: QuantityMention, among places: [PlaceMention], in scalars: [Unicode.Scalar]
    ) -> Bool {
        let end = place.offset + place.surface.unicodeScalars.count
        guard end <= quantity.offset, quantity.offset - end <= listItemReach, quantity.offset <= scalars.count,
            !scalars[end..<quantity.offset].contains(where: listItemBreaks.contains)
        else { return false }
        let previous = places.map { $0.offset + $0.surface.unicodeScalars.count }.filter { $0 <= place.offset }.max()
        guard let previous else { return false }
        return scalars[previous..<place.offset].contains { ("0"..."9").contains($0) || ("０"..."９").contains($0) }
    }

    /// How far a list item's figure may stand after its place (新城區項目13個: a short noun between).
    static let listItemReach = 4
    /// What ends a list item before its figure.
    static let listItemBreaks: Set<Unicode.Scalar> = ["、", "，", ",", "；", ";", "。", "：", ":"]

    /// Words before a place that make it the issuer of a rule the text follows (符合广东省…要求,
    /// 按照省…规定), not the region a figure is about.
    static let issuerWords = ["符合", "按照", "根据", "依据", "依照", "对照", "达到"]
    static let issuerScalars = issuerWords.map { Array($0.unicodeScalars) }

    /// Whether a place written without its division suffix opens a school's, a street's or a street
    /// office's name (大安国小, 西湖国中, 象山中学, 中山路, 桃园办事处): the school stands there, the figure is not the
    /// division's. A name with its suffix (文山区, 象山县) is left alone: 象山县中小学 are the county's.
    static func isSchoolName(_ place: PlaceMention, end: Int, in scalars: [Unicode.Scalar]) -> Bool {
        guard let last = place.surface.simplifiedScalars.last, !divisionSuffixes.contains(last) else { return false }
        return schoolNameScalars.contains { starts($0, at: end, in: scalars) }
    }

    /// Whether a place written without its division suffix opens a company's or an organisation's
    /// longer name (兰州第五建筑公司, 上海兆顺投资有限公司): an organisation word within a few characters,
    /// no punctuation between. A name with its suffix (兰州市教育局和…公司) is left to `organisationWords`.
    static func isCompanyName(_ place: PlaceMention, end: Int, in scalars: [Unicode.Scalar]) -> Bool {
        // 州 ends bare city names too (兰州, 杭州): only a full division name's suffix keeps the place.
        guard let last = place.surface.simplifiedScalars.last, last == "州" || !divisionSuffixes.contains(last) else {
            return false
        }
        var index = end
        while index < min(scalars.count, end + companyReach), scalars[index].properties.isIdeographic {
            if organisationScalars.contains(where: { starts($0, at: index, in: scalars) }) { return true }
            index += 1
        }
        return false
    }

    /// How far after a bare place an organisation word may end its name.
    static let companyReach = 8

    /// The last character of a division's full name.
    static let divisionSuffixes: Set<Unicode.Scalar> = ["省", "市", "县", "区", "州", "旗", "盟", "镇", "乡"]
    /// Words that end a school's or a street's name right after a place's bare name.
    static let schoolNameWords = [
        "小学", "中学", "国小", "国中", "高中", "初中", "完小", "中心校", "中心学校", "幼儿园", "学校", "实验", "一中", "二中",
        "三中", "路", "大道", "街", "办事处", "社区",
    ]
    static let schoolNameScalars = schoolNameWords.map { Array($0.unicodeScalars) }

    /// Whether `word` stands in `scalars` from `start` / up to `end` (no String is built: this runs
    /// for every place of every report).
    static func starts(_ word: [Unicode.Scalar], at start: Int, in scalars: [Unicode.Scalar]) -> Bool {
        start >= 0 && start + word.count <= scalars.count && scalars[start..<start + word.count].elementsEqual(word)
    }

    static func ends(_ word: [Unicode.Scalar], at end: Int, in scalars: [Unicode.Scalar]) -> Bool {
        starts(word, at: end - word.count, in: scalars)
    }

    static let organisationScalars = organisationWords.map { Array($0.unicodeScalars) }
    static let destinationScalars = destinationWords.map { Array($0.unicodeScalars) }
    static let exceptScalars = exceptWords.map { Array($0.unicodeScalars) }
    /// The words that make a place no figure's when they stand right before it, joined once
    /// (the test runs for every place of every report).
    static let precedingScalars = destinationScalars + exceptScalars + issuerScalars

    /// Words that set a place apart from what is counted (全省中小学(不含厦门市)).
    static let exceptWords = ["不含", "不包括", "除", "除了"]

    /// Words after a place that make it an organisation's name; 报讯 ends a newspaper's dateline (西江都市报讯
    /// reads 江都市 where the paper's name runs on).
    static let organisationWords = [
        "商会", "同乡会", "公司", "集团", "银行", "企业", "大学", "学院", "协会", "基金会", "日报", "电视台", "报讯",
    ]
    static let destinationWords = ["赴", "前往", "远赴", "奔赴", "到访"]

    /// Scalar ranges inside 《…》 (document and plan names).
    static func quotedRanges(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var open: Int?
        for (index, scalar) in scalars.enumerated() {
            if scalar == "《" { open = index }
            if scalar == "》", let start = open {
                ranges.append(start..<index)
                open = nil
            }
        }
        return ranges
    }

    /// Whether division `outer` contains division `inner` (a province its cities, a city its counties).
    static func contains(_ outer: String, _ inner: String) -> Bool {
        guard outer != inner, outer.count == 12, inner.count == 12 else { return false }
        if outer.hasSuffix("0000000000") { return inner.hasPrefix(outer.prefix(2)) }
        if outer.hasSuffix("00000000") { return inner.hasPrefix(outer.prefix(4)) }
        return false
    }
}
