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
    let cues: DocumentCues
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

    public init(kinds: RuleTable, speakers: RuleTable, cues: DocumentCues = .standard) throws(RuleTableError) {
        self.cues = cues
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
        // A site's page label (…工作总结范文) names the site's year, not the report's: it still tells
        // the kind of report and its place.
        let periodTitles = titleLines.filter { !cues.isSiteTitle($0.text) }
        let bodyLines = document.bodyLines
        let opening = Array(bodyLines.prefix(Self.openingLines))
        let textNumbers = Set((periodTitles + bodyLines).map(\.number))
        let period = self.period(
            titleLines: periodTitles, opening: opening, years: years.filter { textNumbers.contains($0.line) },
            referenceYear: referenceYear, frame: frame)
        // The places each line speaks as, counted once for the region and the region chooser.
        let counts = Self.speakingCounts(document.lines)
        let region = regionChoice(
            titleLines: titleLines, opening: opening, places: places, lines: document.lines, speakingCounts: counts)
        var profile = DocumentProfile(
            kind: kind(
                title: titleLines.map(\.text) + [document.title ?? ""], opening: opening.map(\.text),
                body: bodyLines.map(\.text)),
            speaker: speaker(titleLines: titleLines, opening: opening, title: document.title),
            referenceYear: referenceYear, periodFrom: period?.from, periodTo: period?.to,
            adcode: region.adcode)
        profile.regionRule = region.rule
        profile.speakingLevel = Self.speakingLevel(counts)
        return profile
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
    /// account in the opening (就2021年度履行教育职责情况…自查) or a first sentence dating the event it
    /// reports (`datesReportedEvent`), else the reviewed period, else the reference year when a date line,
    /// plan heading or the text's own words state it (`referencePeriod`). None when the only year is the
    /// latest one the text happens to mention: a guess is worse than no year.
    func period(
        titleLines: [LabeledLine], opening: [LabeledLine], years: [Located<YearMention>], referenceYear: Int?,
        frame: DocumentTimeFrame? = nil
    ) -> (from: Int, to: Int, rule: String)? {
        let titleNumbers = Set(titleLines.map(\.number))
        // The opening's first characters, line by line: a span named deep in a long first paragraph
        // (…从2002年至2012年10年间…) is a comparison, not the report's period.
        var openingReach: [Int: Int] = [:]
        var consumed = 0
        for line in Self.openingSentences(opening) {
            openingReach[line.number] = Self.openingCharacters - consumed
            consumed += line.text.unicodeScalars.count
        }
        // 今年是“十二五”收官之年 (`ref-plan-year`): the plan period names the present's stage, not the report's span.
        let stage = frame?.referenceRule == "ref-plan-year" ? frame?.referenceYear : nil
        let early = years.filter { located in
            if let stage, located.mention.kind == .planPeriod,
                located.mention.from == stage || located.mention.to == stage
            {
                return false
            }
            return titleNumbers.contains(located.line)
                || (openingReach[located.line].map { located.mention.offset < $0 } ?? false)
        }
        // A decade (上世纪90年代, 八十年代初) names history the report looks back on, never its own period.
        func isSpan(_ located: Located<YearMention>) -> Bool {
            (located.mention.kind == .range || located.mention.kind == .planPeriod) && located.mention.from != nil
                && located.mention.to != nil && !located.mention.surface.contains("年代")
        }
        // A span the title names (“十三五”期间…汇报) is the report's.
        if let span = early.first(where: { titleNumbers.contains($0.line) && isSpan($0) }) {
            return (span.mention.from!, span.mention.to!, "")
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
            return (year.mention.from!, year.mention.to ?? year.mention.from!, "")
        }
        if let heading = openingHeadingYear(opening, years: years, texts: texts) {
            return (heading.from, heading.to, "")
        }
        if let span = openingSpan(early, texts: texts) { return (span.from, span.to, "") }
        // Not a span inside a document's name (《加快推进教育现代化实施方案(2018—2022年)》).
        if let span = early.first(where: {
            isSpan($0) && !Self.isInsideName($0.mention.offset, in: texts[$0.line] ?? [])
        }) {
            return (span.mention.from!, span.mention.to!, "")
        }
        let firstLine = opening.first?.number
        if let year = early.first(where: { located in
            let kind = located.mention.kind
            guard kind == .year || kind == .date, let from = located.mention.from, located.mention.to == from,
                let text = texts[located.line]
            else { return false }
            let end = located.mention.offset + located.mention.surface.unicodeScalars.count
            // A report whose first sentence gives the date its figures stand at (现将截至2015年8月底…
            // 进展情况通报如下) reports that year.
            let asOf =
                located.line == firstLine
                && Self.asOfScalars.contains {
                    FactBuilder.ends($0, at: located.mention.offset, in: text)
                }
            // A report whose first sentence dates the event it gives account of (督导组于2006年4月12日至17日
            // 对…进行专项督查; 对2017年2月底…进行了汇总。现将有关情况通报如下) reports that year.
            let event = located.line == firstLine && Self.datesReportedEvent(located.mention, in: text)
            guard kind == .year || asOf || event else { return false }
            let account =
                asOf || event || located.mention.surface.hasSuffix("年度")
                || (end < text.count && text[end - 1] == "年"
                    && Self.accountWords.contains { FactBuilder.starts($0, at: end, in: text) })
            // A report that opens with a year as its topic (2019年，全国…) gives account of that year;
            // not one that opens with an event (2012年我校投入…).
            let opens =
                located.line == firstLine && located.mention.offset == 0 && Self.isTopic(end: end, in: text)
            return (account || opens) && !Self.isInsideName(located.mention.offset, in: text)
        }) {
            let event =
                year.line == firstLine
                && texts[year.line].map { Self.datesReportedEvent(year.mention, in: $0) } ?? false
            return (year.mention.from!, year.mention.to ?? year.mention.from!, event ? Self.eventDateRule : "")
        }
        return referencePeriod(referenceYear, years: years, frame: frame)
    }

    /// The year of an opening line that reads as the report's own heading though Clean kept it as
    /// body (2017年…学校质量年度报告, 某县2019年教育工作总结: short, no sentence stop, ending in a word
    /// of a report's kind, no comma): dated as a title is. Not a site's page label (范文, 精选 …), a
    /// year inside a document's name, nor a time the line's words happened in (于2017年…).
    func openingHeadingYear(
        _ opening: [LabeledLine], years: [Located<YearMention>], texts: [Int: [Unicode.Scalar]]
    ) -> (from: Int, to: Int)? {
        for line in opening where line.text.unicodeScalars.count <= Self.headingLimit {
            var trimmed = Substring(line.text)
            while trimmed.last?.isWhitespace == true { trimmed = trimmed.dropLast() }
            let text = String(trimmed)
            guard Self.reportWords.contains(where: text.hasSuffix), !cues.isSiteTitle(text),
                !text.unicodeScalars.contains(where: Self.clauseStops.contains),
                let year = years.first(where: { located in
                    let scalars = texts[line.number] ?? []
                    let offset = located.mention.offset
                    let lead: Unicode.Scalar = offset > 0 && offset <= scalars.count ? scalars[offset - 1] : " "
                    return located.line == line.number && located.mention.kind == .year
                        && located.mention.from != nil && !Self.isInsideName(offset, in: scalars)
                        && !["于", "在", "从", "自"].contains(lead)
                }),
                let from = year.mention.from
            else { continue }
            return (from, year.mention.to ?? from)
        }
        return nil
    }

    /// Marks of a sentence's clauses: a heading has none.
    static let clauseStops: Set<Unicode.Scalar> = ["，", ",", "。", "；", ";", "！", "？"]
    /// Longest opening line read as a heading, in scalars.
    static let headingLimit = 40
    /// Words a report's heading ends with.
    static let reportWords = ["报告", "總結", "总结", "汇报", "匯報", "報告", "工作计划", "工作要点", "述职报告"]

    /// The span a report's title or opening opens with a start year and a duration (从2014年开始，
    /// 经过五年努力，使… → 2014–2018; 2019年起，用三年时间… → 2019–2021): the period its figures
    /// cover. The year must open its line or sentence (not 《2014年…方案》, nor 2006年起实施… deep in
    /// a list of events). A since-year alone (2012年以来，…) is not one: a report dated 2019 that opens
    /// with it gives its present figures as of 2019, not 2012–2019.
    func openingSpan(_ early: [Located<YearMention>], texts: [Int: [Unicode.Scalar]]) -> (from: Int, to: Int)? {
        for located in early {
            let mention = located.mention
            guard mention.kind == .year, let text = texts[located.line], mention.offset <= text.count else { continue }
            let lead = (0..<mention.offset).last { !["从", "自", " ", "\u{3000}"].contains(text[$0]) }
            guard lead.map({ ["。", "；", "：", ":"].contains(text[$0]) }) ?? true,
                !Self.isInsideName(mention.offset, in: text),
                let span = YearChooser.derivedSpan(mention, in: text, sentenceEnd: text.count, latest: nil)
            else { continue }
            return (span.years.lowerBound, span.years.upperBound)
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

    /// Words before a date that make it the date figures stand at (截至2015年8月底).
    static let asOfScalars = ["截至", "截止", "截止到", "截至到"].map { Array($0.unicodeScalars) }

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
}
