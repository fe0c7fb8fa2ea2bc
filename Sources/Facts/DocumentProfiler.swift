import EduwhCore
import Normalize

/// Derives a document's profile for `dim_document`: kind of report, speaker or office, reference
/// year and period covered, and region. Kinds and speaker words are data
/// (`rules/facts/report-kinds.tsv`, `rules/facts/speakers.tsv`).
///
/// ```swift
/// let profile = DocumentProfiler.standard.profile(document, referenceYear: nil, years: years, places: places)
/// profile.kind    // "述职报告"
/// profile.speaker // "邓伟强"
/// ```
public struct DocumentProfiler: Sendable {
    /// One row of `report-kinds.tsv`.
    struct KindRule: Sendable {
        enum Region: String, Sendable { case title, opening, body }
        var id: String
        var kind: String
        var region: Region
        var words: [String]
    }

    /// How many body lines count as the opening of a report.
    public static let openingLines = 5
    /// The kind of report when no rule fits.
    public static let otherKind = "其他"

    let kindRules: [KindRule]
    let offices: [String]
    let roles: [String]
    let appointments: [String]
    /// `offices` and `roles` as scalars, computed once (the scans below run on every report).
    let officeScalars: [[Unicode.Scalar]]
    let roleScalars: [[Unicode.Scalar]]
    /// How far before a role an appointment word (担任) may stand, in scalars.
    public static let appointmentWindow = 6

    public static let standard: DocumentProfiler = {
        do {
            let kinds = try RuleTable(
                name: "rules/facts/report-kinds.tsv", text: EmbeddedFiles.files["rules/facts/report-kinds.tsv"] ?? "",
                required: ["id", "kind", "region", "words"])
            let speakers = try RuleTable(
                name: "rules/facts/speakers.tsv", text: EmbeddedFiles.files["rules/facts/speakers.tsv"] ?? "",
                required: ["id", "kind", "words"])
            return try DocumentProfiler(kinds: kinds, speakers: speakers)
        } catch {
            fatalError("built-in profile rules are invalid: \(error)")
        }
    }()

    public init(kinds: RuleTable, speakers: RuleTable) throws(RuleTableError) {
        var rules: [KindRule] = []
        for row in kinds.rows {
            guard let region = KindRule.Region(rawValue: row["region"]) else {
                throw RuleTableError(file: kinds.name, line: row.line, reason: "region must be title, opening or body")
            }
            rules.append(
                KindRule(
                    id: row["id"], kind: row["kind"], region: region,
                    words: row["words"].split(separator: "|").map(String.init)))
        }
        kindRules = rules
        var offices: [String] = []
        var roles: [String] = []
        var appointments: [String] = []
        for row in speakers.rows {
            let words = row["words"].split(separator: "|").map(String.init)
            switch row["kind"] {
            case "office": offices += words
            case "role": roles += words
            case "appointment": appointments += words
            default:
                throw RuleTableError(
                    file: speakers.name, line: row.line, reason: "kind must be office, role or appointment")
            }
        }
        self.offices = offices.sorted { $0.count > $1.count }
        self.roles = roles.sorted { $0.count > $1.count }
        self.appointments = appointments
        officeScalars = self.offices.map { Array($0.unicodeScalars) }
        roleScalars = self.roles.map { Array($0.unicodeScalars) }
    }

    /// The profile of `document`, given its year and place mentions.
    /// `frame` (when given) says how far the reference year can be trusted: a year that is only
    /// the latest one the text mentions is not the period the report covers.
    public func profile(
        _ document: CleanDocument, referenceYear: Int?, years: [Located<YearMention>],
        places: [Located<PlaceMention>], frame: DocumentTimeFrame? = nil
    ) -> DocumentProfile {
        let titleLines = document.lines.filter { $0.label == .title }
        let bodyLines = document.bodyLines
        let opening = Array(bodyLines.prefix(Self.openingLines))
        let textNumbers = Set((titleLines + bodyLines).map(\.number))
        let period = self.period(
            titleLines: titleLines, opening: opening, years: years.filter { textNumbers.contains($0.line) },
            referenceYear: referenceYear, frame: frame)
        return DocumentProfile(
            kind: kind(
                title: titleLines.map(\.text) + [document.title ?? ""], opening: opening.map(\.text),
                body: bodyLines.map(\.text)),
            speaker: speaker(titleLines: titleLines, opening: opening, title: document.title),
            referenceYear: referenceYear, periodFrom: period?.from, periodTo: period?.to,
            adcode: region(titleLines: titleLines, opening: opening, places: places, lines: document.lines))
    }

    // MARK: - Kind

    /// The kind of report: the first rule whose words occur in its region.
    public func kind(title: [String], opening: [String], body: [String]) -> String {
        for rule in kindRules {
            let texts: [String]
            switch rule.region {
            case .title: texts = title
            case .opening: texts = opening
            case .body: texts = body
            }
            if texts.contains(where: { text in rule.words.contains { text.includes($0) } }) { return rule.kind }
        }
        return Self.otherKind
    }

    // MARK: - Speaker

    /// A name line right after the title (邓伟强), an office opening the title (区政府关于…), or
    /// a post the report speaks as (县委书记).
    public func speaker(titleLines: [LabeledLine], opening: [LabeledLine], title: String?) -> String? {
        for line in opening.prefix(3) {
            if let name = nameAfterRole(line.text) { return name }
            if isNameLine(line.text) { return line.text.filter { !$0.isWhitespace } }
        }
        for text in titleLines.map(\.text) + [title ?? ""] {
            if let office = office(in: text) { return office }
        }
        for text in titleLines.map(\.text) + [title ?? ""] {
            if let role = roles.first(where: { text.includes($0) }) { return role }
        }
        for line in opening {
            if let role = appointedRole(in: line.text) { return role }
        }
        return nil
    }

    /// A role named right after an appointment word (担任中共县委书记 → 县委书记).
    func appointedRole(in text: String) -> String? {
        let scalars = text.simplifiedScalars
        for start in scalars.indices {
            for (index, word) in roleScalars.enumerated() {
                guard start + word.count <= scalars.count, scalars[start] == word[0],
                    scalars[start..<start + word.count].elementsEqual(word)
                else { continue }
                let before = String(scalars: scalars[max(0, start - Self.appointmentWindow)..<start])
                if appointments.contains(where: { before.includes($0) }) { return roles[index] }
            }
        }
        return nil
    }

    /// The name in a line of office and name (县教育局局长　王某某 → 王某某): two or three
    /// space-separated words, the last a name, the one before it ending in a role word.
    func nameAfterRole(_ text: String) -> String? {
        // Two or three words need a space between them: most lines have none.
        guard text.unicodeScalars.contains(where: \.isWhiteSpace) else { return nil }
        let words = text.split { $0.isWhitespace }.map(String.init)
        guard (2...3).contains(words.count), let name = words.last, isNameLine(name),
            let office = words.dropLast().last, roles.contains(where: { office.hasSuffix($0) })
        else { return nil }
        return name
    }

    /// 2–4 Chinese characters and nothing else (spaces allowed between them).
    func isNameLine(_ text: String) -> Bool {
        var count = 0
        for scalar in text.unicodeScalars where !scalar.isWhiteSpace {
            count += 1
            // Stops at the fifth character or the first that is not a Chinese one.
            guard count <= 4, scalar.properties.isIdeographic else { return false }
        }
        return count >= 2
    }

    /// The title's leading office (区政府, 靖江市教育局) when it ends within the first 12 characters.
    func office(in title: String) -> String? {
        let scalars = title.simplifiedScalars
        var best: Int?
        for word in officeScalars {
            guard word.count <= scalars.count else { continue }
            for start in 0...(scalars.count - word.count)
            where start + word.count <= 12 && scalars[start..<start + word.count].elementsEqual(word) {
                best = max(best ?? 0, start + word.count)
                break
            }
        }
        guard let end = best else { return nil }
        let prefix = String(scalars: scalars[0..<end])
        guard prefix.unicodeScalars.allSatisfy({ $0.properties.isIdeographic }) else { return nil }
        return prefix
    }

    // MARK: - Period

    /// The period the report covers: a range or plan period in the title or opening lines, else a
    /// year in the title (not one inside a document's name, 根据《2022年…方案》), else a year of
    /// account in the opening (就2021年度履行教育职责情况…自查), else the reviewed period, else the
    /// reference year when a date line or plan heading states it. None when the only year is the
    /// latest one the text happens to mention: a guess is worse than no year.
    func period(
        titleLines: [LabeledLine], opening: [LabeledLine], years: [Located<YearMention>], referenceYear: Int?,
        frame: DocumentTimeFrame? = nil
    ) -> (from: Int, to: Int)? {
        let titleNumbers = Set(titleLines.map(\.number))
        let openingNumbers = Set(Self.openingSentences(opening).map(\.number))
        let early = years.filter { titleNumbers.contains($0.line) || openingNumbers.contains($0.line) }
        func isSpan(_ located: Located<YearMention>) -> Bool {
            (located.mention.kind == .range || located.mention.kind == .planPeriod) && located.mention.from != nil
                && located.mention.to != nil
        }
        // A span the title names (“十三五”期间…汇报) is the report's.
        if let span = early.first(where: { titleNumbers.contains($0.line) && isSpan($0) }) {
            return (span.mention.from!, span.mention.to!)
        }
        let texts = Dictionary(
            (titleLines + opening).map { ($0.number, $0.text.simplifiedScalars) }, uniquingKeysWith: { a, _ in a })
        let titleYear = years.first { located in
            guard titleNumbers.contains(located.line), located.mention.kind == .year, located.mention.from != nil else {
                return false
            }
            return !Self.isInsideName(located.mention.offset, in: texts[located.line] ?? [])
        }
        if let year = titleYear {
            // A title year later than a full date the report's text carries by two years or more was
            // written by the site that copied it (南县校安工程2024年工作总结 … 二0一一年元月八日):
            // the text does not say which year it is, so none.
            let dateLines = Set(
                titleLines.map(\.number) + opening.filter { $0.text.unicodeScalars.count <= 24 }.map(\.number))
            if Self.contradictsDate(year.mention.from!, years: years.filter { dateLines.contains($0.line) }) {
                return nil
            }
            // The title's year beats a span the opening names in passing (2021年是“十四五”开局之年).
            return (year.mention.from!, year.mention.to ?? year.mention.from!)
        }
        // Not a span inside a document's name (《加快推进教育现代化实施方案(2018—2022年)》).
        if let span = early.first(where: {
            isSpan($0) && !Self.isInsideName($0.mention.offset, in: texts[$0.line] ?? [])
        }) {
            return (span.mention.from!, span.mention.to!)
        }
        let firstLine = opening.first?.number
        if let year = early.first(where: { located in
            guard located.mention.kind == .year, located.mention.from != nil, let text = texts[located.line] else {
                return false
            }
            let end = located.mention.offset + located.mention.surface.unicodeScalars.count
            let account =
                located.mention.surface.hasSuffix("年度")
                || (end < text.count && text[end - 1] == "年"
                    && Self.accountWords.contains { FactBuilder.starts($0, at: end, in: text) })
            // A report that opens with a year as its topic (2019年，全国…) gives account of that year;
            // not one that opens with an event (2012年我校投入…).
            let opens =
                located.line == firstLine && located.mention.offset == 0 && Self.isTopic(end: end, in: text)
            return (account || opens) && !Self.isInsideName(located.mention.offset, in: text)
        }) {
            return (year.mention.from!, year.mention.to ?? year.mention.from!)
        }
        guard let frame else { return referenceYear.map { ($0, $0) } }
        if let review = frame.reviewPeriod { return (review.lowerBound, review.upperBound) }
        guard let reference = referenceYear else { return nil }
        if frame.referenceSource == .dateLine || frame.referenceSource == .planHeading { return (reference, reference) }
        // Only the latest year named: the report's own when it speaks of 今年/全年 (words that count
        // from the year it speaks in), or names no other year, at least twice.
        if years.contains(where: {
            $0.mention.kind == .relative && Self.currentYearWords.contains(where: $0.mention.surface.contains)
        }) {
            return (reference, reference)
        }
        let named = years.filter { ($0.mention.kind == .year || $0.mention.kind == .date) && $0.mention.from != nil }
        if named.count >= 2, named.allSatisfy({ $0.mention.from == reference && $0.mention.to == reference }) {
            return (reference, reference)
        }
        return nil
    }

    /// Whether a comma follows `end`, past any decoration glyphs (2019年，/ 2019年◈★，).
    static func isTopic(end: Int, in text: [Unicode.Scalar]) -> Bool {
        var index = end
        while index < text.count,
            text[index].properties.isWhitespace || symbolCategories.contains(text[index].properties.generalCategory)
        {
            index += 1
        }
        return index < text.count && (text[index] == "，" || text[index] == ",")
    }

    static let symbolCategories: Set<Unicode.GeneralCategory> = [.otherSymbol, .mathSymbol, .modifierSymbol]

    /// Whether a full date in `years` (those of the title lines and short date lines: a signature,
    /// 2011年1月8日; not a date the narrative names) is two years or more before `titleYear`.
    static func contradictsDate(_ titleYear: Int, years: [Located<YearMention>]) -> Bool {
        years.contains { located in
            guard located.mention.kind == .date, let year = located.mention.from,
                located.mention.surface.unicodeScalars.contains("月")
            else { return false }
            return titleYear - year >= 2
        }
    }

    /// Whether a place names who gave an honour (被评为湖北省“…先进单位”, 荣获全国…奖): the giver,
    /// not the region the report is about.
    static func isHonour(_ place: PlaceMention, in scalars: [Unicode.Scalar]) -> Bool {
        honourScalars.contains { FactBuilder.ends($0, at: place.offset, in: scalars) }
    }

    static let honourWords = ["评为", "荣获", "授予", "命名为", "评定为", "获得"]
    static let honourScalars = honourWords.map { Array($0.unicodeScalars) }

    /// The opening's first lines: three, or as many as its first 120 characters take when the text
    /// is hard-wrapped into short lines (我县…就 / 2021 年度履行教育职责情况… is still its first sentence).
    static func openingSentences(_ opening: [LabeledLine]) -> ArraySlice<LabeledLine> {
        var characters = 0
        var count = 0
        for line in opening where count < 3 || characters < openingCharacters {
            characters += line.text.unicodeScalars.count
            count += 1
        }
        return opening.prefix(count)
    }

    static let openingCharacters = 120

    /// Words after 年 that make a year the period a report gives account of (2021年度, 2017年上半年).
    static let accountWords = ["度", "上半年", "下半年", "全年"].map { Array($0.unicodeScalars) }

    /// Relative years that count from the year a report speaks in.
    static let currentYearWords = ["今年", "本年", "全年", "年内", "上半年", "下半年"]

    /// Whether `offset` stands inside 《…》, or after a 《 the line does not close (a name that
    /// runs on to the next line).
    static func isInsideName(_ offset: Int, in scalars: [Unicode.Scalar]) -> Bool {
        guard offset <= scalars.count else { return false }
        let before = scalars[..<offset]
        guard let open = before.lastIndex(of: "《") else { return false }
        return !before[open...].contains("》")
    }

    // MARK: - Region

    /// The most salient resolved place: title mentions count 3, opening lines 2, others 1, and a
    /// division scoring at least 2 also gains the score of the divisions containing it (乳源县 named
    /// twice in a report that names 广东省 five times is still a report about 乳源县; a city named
    /// once in passing is not); ties go to the more specific division, then the earlier mention.
    /// None when the best scores under `minimumRegionScore`.
    /// The score a place needs to be the report's region (one mention in the opening, or two in the body).
    static let minimumRegionScore = 2

    /// With `lines`, a place that names an organisation, a destination, an honour's giver or a
    /// place left out (四平河南商会, 赴杭州学习, 被评为湖北省…先进单位, 不含厦门市) does not vote; a
    /// document's name does (《乳源县中小学校长管理暂行办法》 is the county's own).
    public func region(
        titleLines: [LabeledLine], opening: [LabeledLine], places: [Located<PlaceMention>],
        lines: [LabeledLine] = []
    ) -> String? {
        let titleNumbers = Set(titleLines.map(\.number))
        let openingNumbers = Set(opening.map(\.number))
        var own: [String: (score: Int, first: Int)] = [:]
        var texts: [Int: [Unicode.Scalar]] = [:]
        let placeLines = Set(places.map(\.line))
        for line in lines where placeLines.contains(line.number) { texts[line.number] = line.text.simplifiedScalars }
        let places = places.filter { located in
            guard let scalars = texts[located.line] else { return true }
            return !FactBuilder.isNameOrDestination(located.mention, in: scalars)
                && !Self.isHonour(located.mention, in: scalars)
        }
        // A line naming three or more places lists them (海南、辽宁、陕西…共7个省份): a list votes for none.
        let listLines = Set(
            Dictionary(grouping: places, by: \.line).filter { Set($0.value.map(\.mention.surface)).count >= 3 }.keys)
        for (index, located) in places.enumerated()
        where located.mention.status == .resolved && !listLines.contains(located.line) {
            guard let adcode = located.mention.adcode else { continue }
            let weight = titleNumbers.contains(located.line) ? 3 : openingNumbers.contains(located.line) ? 2 : 1
            let previous = own[adcode] ?? (0, index)
            own[adcode] = (previous.score + weight, previous.first)
        }
        func specificity(_ adcode: String) -> Int {
            adcode.hasSuffix("0000000000") ? 0 : adcode.hasSuffix("00000000") ? 1 : 2
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
                    + (value.score >= 2 ? ancestors(adcode).compactMap { own[$0]?.score }.reduce(0, +) : 0),
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
        guard let best, best.score >= Self.minimumRegionScore else { return nil }
        // A report that speaks as a county (我县, 全县) whose county is not named (blanked: **县) is
        // not its province's: its figures would be filed under the province.
        if let level = Self.speakingLevel(lines), level > specificity(best.adcode),
            !(level == 2 && Self.autonomousRegions.contains(String(best.adcode.prefix(2)))
                && specificity(best.adcode) == 0)
        {
            // The division of that level the report names most, if it names one often enough.
            let own = scores.filter { specificity($0.adcode) == level && $0.score >= Self.minimumRegionScore }
            return own.max { $0.score != $1.score ? $0.score < $1.score : $0.first > $1.first }?.adcode
        }
        return best.adcode
    }

    /// Provinces that are autonomous regions: their own 全区 is the province.
    static let autonomousRegions: Set<String> = ["15", "45", "54", "64", "65"]

    /// The level a report speaks as, from its most frequent 我/全/本 + 省/市/县/区 (0 province, 1
    /// city, 2 county or district), when it uses them at least twice.
    static func speakingLevel(_ lines: [LabeledLine]) -> Int? {
        var counts = [0, 0, 0]
        for line in lines where line.label.isKept {
            var previous: Unicode.Scalar = " "
            for scalar in line.text.unicodeScalars {
                if previous == "我" || previous == "全" || previous == "本" {
                    switch scalar {
                    case "省": counts[0] += 1
                    case "市": counts[1] += 1
                    case "县", "区": counts[2] += 1
                    default: break
                    }
                }
                previous = scalar
            }
        }
        guard let top = counts.max(), top >= 2, let level = counts.lastIndex(of: top) else { return nil }
        return level
    }
}
