import EduwhCore
import Normalize

/// Maps a document's quantities to indicators, years and regions: the Facts stage.
///
/// For every quantity in a title or body line: its indicator (`IndicatorMapper`), whether it is
/// planned or achieved (`StatusCues`), its year (a year in the same clause, else an earlier clause of
/// the same sentence, else the document's period or reference year; none when the nearest year is blanked
/// or unresolved, 20xx年) and its region (a resolved place in
/// the same clause, else the sentence, else the document's region; places that merely contain the
/// document's region, such as its province, and places inside 《》 names do not count).
///
/// ```swift
/// let facts = FactBuilder.standard.build(document)
/// facts.facts.first?.indicator // "funding_investment"
/// ```
public struct FactBuilder: Sendable {
    public static let standard = FactBuilder()
    /// Years a fact may carry (the span of `dim_year`); other year mentions are not used for facts.
    public static let factYears = YearSpan.known

    public let normalizer: Normalizer
    public let mapper: IndicatorMapper
    public let cues: StatusCues
    public let profiler: DocumentProfiler
    public let sections: SectionScope
    public let governors: Governors
    /// Finds the pages that present a budget or final accounts.
    public let budgets: BudgetPages
    /// The learned indicator chooser and its policy (nil: the dictionary and grammar alone).
    public let model: IndicatorModel?
    /// Whether each fact keeps the features the model reads (for training it).
    public let recordsFeatures: Bool
    /// The learned year gate (nil: the rules' years stand).
    public let yearGate: YearGate?
    /// The learned status chooser and its policy (nil: the status rules alone).
    public let statusModel: StatusModel?
    /// The learned region gate (nil: the rules' regions stand).
    public let regionGate: RegionGate?
    /// The learned year chooser (nil: the rules' years stand).
    public let yearChooser: YearChooser?
    /// Whether a table's cells are read with their column header and row label (`TableScope`).
    public let tableScope: Bool

    public init(
        normalizer: Normalizer = .standard, mapper: IndicatorMapper = .standard, cues: StatusCues = .standard,
        profiler: DocumentProfiler = .standard, sections: SectionScope = .standard, governors: Governors = .standard,
        model: IndicatorModel? = .standard, recordsFeatures: Bool = false, yearGate: YearGate? = .standard,
        statusModel: StatusModel? = .standard, regionGate: RegionGate? = .standard,
        yearChooser: YearChooser? = .standard, budgets: BudgetPages = .standard, tableScope: Bool = true
    ) {
        (self.model, self.yearChooser, self.tableScope) = (model, yearChooser, tableScope)
        self.regionGate = regionGate
        self.yearGate = yearGate
        self.statusModel = statusModel
        self.recordsFeatures = recordsFeatures
        self.normalizer = normalizer
        self.mapper = mapper
        self.cues = cues
        self.profiler = profiler
        self.sections = sections
        self.governors = governors
        self.budgets = budgets
    }

    /// Builds the profile, facts, year and place mentions of one clean document.
    public func build(_ document: CleanDocument) -> DocumentFacts {
        // Each line's years are read once, for the time frame, the year mentions and the quantities.
        let scanned = document.lines.map { $0.label != .noise ? normalizer.yearScan(of: $0.text) : nil }
        let frame = normalizer.timeFrame(of: document, scanned: scanned)
        let reference = frame.referenceYear
        var mentions: [Located<YearMention>] = []
        for (line, reading) in zip(document.lines, scanned) {
            guard let reading else { continue }
            for year in normalizer.years(in: reading, frame: frame, lineNumber: line.number) {
                mentions.append(Located(line: line.number, mention: year))
            }
        }
        // Every mention is stored; the facts are dated only by those that date (Normalizer.undatingYearRules).
        let years = mentions.filter { !Normalizer.undatingYearRules.contains($0.mention.rule) }
        let places = normalizer.places(in: document.lines)
        var profile = profiler.profile(document, referenceYear: reference, years: years, places: places, frame: frame)
        let yearsByLine = Dictionary(grouping: years, by: \.line)
        let lineYears = yearsByLine.mapValues { $0.map(\.mention) }
        profile.budget = budgets.page(document, years: lineYears, referenceYear: reference)
        if yearGate != nil || yearChooser != nil || recordsFeatures {
            profile.yearContext = YearGate.documentFeatures(document, frame: frame, years: years, profile: profile)
            profile.titleYear = YearChooser.titleYear(document, years: years)
            profile.yearChoiceBase = yearChooser?.documentBase(profile.yearContext) ?? [:]
        }
        if statusModel != nil || recordsFeatures {
            profile.statusContext = StatusFeatures.documentFeatures(
                document, cues: cues, referenceYear: reference, budget: profile.budget)
            profile.publishedYear = StatusFeatures.publishedYear(document.metadata.publishedAt)
        }
        let placesByLine = Dictionary(grouping: places.filter { $0.mention.status == .resolved }, by: \.line)
        var scopes = sections.states(document.lines, years: lineYears)
        if yearChooser != nil || recordsFeatures {
            YearChooser.carryPrevious(&scopes, document.lines, yearsByLine)
            YearChooser.carryTopics(&scopes, document.lines, yearsByLine, sections: sections, latest: reference)
        }
        var facts: [Fact] = []
        // Each table cell's column header and row label (kept lines only: a table's rows are body).
        let tables =
            tableScope
            ? TableScope.cells(document.lines.filter { $0.label.isKept }.map { ($0.number, $0.text) }) : [:]
        // The column years of the table being read (from its header row), for its number cells.
        var columnYears: [Int]?
        // The start of a sentence the previous body line left open (no 。！？； at its end).
        var open: OpenSentence?
        // A deadline or named plan that a line ending in a colon opened for the list items under it.
        var listTopic: PlanTopic?
        for (index, (line, reading)) in zip(document.lines, scanned).enumerated() where line.label.isKept {
            var quantities =
                reading.map { normalizer.quantities(in: $0, standalone: line.rule == LabeledLine.asTextRule) } ?? []
            var lineYears = (yearsByLine[line.number] ?? []).map(\.mention)
            if let header = normalizer.tableColumnYears(in: line.text) {
                columnYears = header
            } else if !quantities.isEmpty, quantities.allSatisfy(Normalizer.isTableCell) {
                // Cell i of a row stands under header year i: as if that year were written beside it.
                if let columns = columnYears, columns.count == quantities.count {
                    lineYears += zip(quantities, columns).map { cell, year in
                        // Just before the cell, so the nearest-year rule (a year before the figure first) picks it.
                        YearMention(
                            surface: String(year), kind: .year, from: year, to: year, offset: max(0, cell.offset - 1),
                            rule: "table-column")
                    }
                }
            } else {
                columnYears = nil
            }
            let linePlaces = (placesByLine[line.number] ?? []).map(\.mention)
            let tableRow = columnYears != nil
            defer {
                // Table rows and headings (一、基本情况) leave no sentence open.
                open =
                    line.label == .body && !tableRow
                    ? Self.openSentence(of: line, quantities: quantities, years: lineYears, places: linePlaces) : nil
                if open != nil, sections.heading(in: line.text) != nil { open = nil }
                listTopic = Self.listTopic(after: line, years: lineYears, carried: listTopic)
            }
            guard !quantities.isEmpty else { continue }
            if let cells = tables[line.number] {
                quantities = cellFacts(
                    quantities, cells: cells, line: line, years: lineYears, frame: frame, profile: profile,
                    scope: scopes[index], into: &facts)
                if quantities.isEmpty { continue }
            }
            if let head = open, line.label == .body, !tableRow {
                // The line goes on with a sentence the line before it left open (…比上年 / 的xxx元增长):
                // its figures are read with that sentence's start in front of them.
                self.facts(
                    quantities, continuing: head, line: line, years: lineYears, places: linePlaces,
                    profile: profile, scope: scopes[index], inherited: head.topic ?? listTopic, into: &facts)
            } else {
                self.facts(
                    quantities, line: line, years: lineYears, places: linePlaces, profile: profile,
                    scope: scopes[index], inherited: listTopic, into: &facts)
            }
        }
        gateRegions(&facts, document: document, places: places, profile: profile)
        Self.nameReferenceRule(&facts, frame: frame)
        namePeriodRule(&facts, document: document, years: years, frame: frame, profile: profile)
        return DocumentFacts(document: document, profile: profile, facts: facts, years: mentions, places: places)
    }

    /// A figure dated by the report's own year says which rule gave that year (ref-dateline, ref-range-start…).
    static func nameReferenceRule(_ facts: inout [Fact], frame: DocumentTimeFrame) {
        guard let rule = frame.referenceRule, let year = frame.referenceYear else { return }
        for i in facts.indices
        where facts[i].yearSource == .document && facts[i].yearRule.isEmpty && facts[i].yearTo == year {
            facts[i].yearRule = rule
        }
    }

    /// The unfinished last sentence of a body line, with its year and place mentions (offsets
    /// counted from the fragment's start).
    struct OpenSentence {
        var text: [Unicode.Scalar]
        var quantities: [QuantityMention]
        var years: [YearMention]
        var places: [PlaceMention]
        /// The deadline or named plan the line stated before the fragment (在2015年前，…。即：小学…).
        var topic: PlanTopic?
    }

    /// Shortest line that may leave a sentence open, in scalars.
    static let openLineMinimum = 16
    /// Longest open fragment carried to the next line, in scalars.
    static let openSentenceLimit = 160

    /// The fragment after the line's last sentence end, when the line does not end one.
    static func openSentence(
        of line: LabeledLine, quantities: [QuantityMention], years: [YearMention],
        places: [PlaceMention]
    ) -> OpenSentence? {
        // Most lines end a sentence: they are let go before their scalars are read.
        guard let end = line.text.unicodeScalars.last(where: { !$0.properties.isWhitespace }),
            !sentenceEnds.contains(end)
        else { return nil }
        let scalars = line.text.simplifiedScalars
        // A wrapped paragraph's line is long; a short one without a stop is a heading or a label.
        guard scalars.count >= openLineMinimum, let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return nil }
        let start = max(
            scalars[...last].lastIndex(where: sentenceEnds.contains).map { $0 + 1 } ?? 0, last + 1 - openSentenceLimit)
        func shifted<M>(_ mentions: [M], _ offset: WritableKeyPath<M, Int>) -> [M] {
            mentions.filter { $0[keyPath: offset] >= start }.map {
                var m = $0
                m[keyPath: offset] -= start
                return m
            }
        }
        return OpenSentence(
            text: Array(scalars[start...last]), quantities: shifted(quantities, \.offset),
            years: shifted(years, \.offset), places: shifted(places, \.offset),
            topic: planTopic(years, before: start, in: scalars))
    }

    static let sentenceEnds: Set<Unicode.Scalar> = ["。", "！", "？", "；", "!", "?", ";", "：", ":"]

    /// The facts of a line that goes on with `head`, a sentence the line before it left open: read
    /// as one text (the head's figures only as context: 比上年 / 的1200元 compares with the figure
    /// before it), the quantities keep their own line's offsets. Appended to `found`.
    func facts(
        _ quantities: [QuantityMention], continuing head: OpenSentence, line: LabeledLine, years: [YearMention],
        places: [PlaceMention], profile: DocumentProfile, scope: SectionScope.State, inherited: PlanTopic? = nil,
        into found: inout [Fact]
    ) {
        let shift = head.text.count
        var joined = line
        joined.text = String(scalars: head.text) + line.text
        func shifted<M>(_ mentions: [M], _ offset: WritableKeyPath<M, Int>) -> [M] {
            mentions.map {
                var m = $0
                m[keyPath: offset] += shift
                return m
            }
        }
        let start = found.count
        facts(
            head.quantities + shifted(quantities, \.offset), line: joined, years: head.years + shifted(years, \.offset),
            places: head.places + shifted(places, \.offset), profile: profile, scope: scope, inherited: inherited,
            into: &found)
        found.removeSubrange(start..<(start + head.quantities.count))
        for index in start..<found.count { found[index].quantity.offset -= shift }
    }

    /// The facts of one line's quantities, given the line's year and resolved place mentions.
    public func facts(
        _ quantities: [QuantityMention], line: LabeledLine, years: [YearMention], places: [PlaceMention],
        profile: DocumentProfile, scope: SectionScope.State = .init(), inherited: PlanTopic? = nil
    ) -> [Fact] {
        var found: [Fact] = []
        facts(
            quantities, line: line, years: years, places: places, profile: profile, scope: scope,
            inherited: inherited, into: &found)
        return found
    }

    /// `facts(_:line:years:places:profile:scope:inherited:)` appended to `found` (a document's
    /// facts grow in place: a fact is a large value, and appending a line's array copied each one).
    /// A glossed line is read without its glosses (`unglossedFacts`) unless `glossFree` says it is.
    func facts(
        _ quantities: [QuantityMention], line: LabeledLine, years: [YearMention], places: [PlaceMention],
        profile: DocumentProfile, scope: SectionScope.State, inherited: PlanTopic?, glossFree: Bool = false,
        into found: inout [Fact]
    ) {
        if !glossFree,
            unglossedFacts(
                quantities, line: line, years: years, places: places, profile: profile, scope: scope,
                inherited: inherited, into: &found)
        {
            return
        }
        let scalars = line.text.simplifiedScalars
        let sentences = Sentence.split(scalars, texts: false)  // texts only where figures stand (`readings`)
        var readings = SentenceReadings(scalars: scalars, cues: cues, governors: governors, sentences: sentences)
        let regionPlaces = Self.figurePlaces(places, in: scalars, region: profile.adcode)
        let usable = Self.usableYears(years, in: scalars)
        let paragraphYears = usable.filter { !Self.isEventYear($0, in: scalars) }  // 1999年因…搬迁: no paragraph's time
        // Mentions grouped by sentence, so each quantity looks only at its own sentence's.
        let yearsBySentence = Dictionary(grouping: usable) { Sentence.index(of: $0.offset, in: sentences) ?? -1 }
        let placesBySentence = Dictionary(grouping: regionPlaces) { Sentence.index(of: $0.offset, in: sentences) ?? -1 }
        // Signal words per sentence, found once for all the quantities standing in it.
        var signalsBySentence: [Int: [WordTrie.Match]] = [:]
        var wordsBySentence: [Int: [WordTrie.Match]] = [:]
        var namedSignalsBySentence: [Int: [(range: Range<Int>, codes: [String])]] = [:]
        var durationsBySentence: [Int: [(end: Int, years: Int)]] = [:]
        // The figure before each one in its sentence, for comparisons (比上年的 X 元, 比上年增加 X 元).
        var previous: (sentence: Int?, unit: String, choice: IndicatorMapper.Choice)?
        var chosen: [EarlierFigure] = []
        for quantity in quantities {
            let sentenceIndex = Sentence.index(of: quantity.offset, in: sentences)
            let sentence =
                sentenceIndex.map { sentences[$0] }
                ?? Sentence(text: line.text, range: 0..<scalars.count, clauses: [0..<scalars.count])
            let clause = sentence.clauses[sentence.clauseIndex(containing: quantity.offset)]
            let key = sentenceIndex ?? -1
            let signals = Self.cached(&signalsBySentence, key) { mapper.signalMatches(in: scalars, sentence: sentence) }
            let words = Self.cached(&wordsBySentence, key) { mapper.grammarMatches(in: scalars, sentence: sentence) }
            let mapped = mapper.indicatorAndReading(
                for: quantity, scalars: scalars, sentence: sentence, signals: signals, words: words)
            var choice = mapped.choice
            if !choice.isGrammar {
                choice = readings.governed(choice.code, at: quantity.offset, in: (sentenceIndex, sentence)) ?? choice
            }
            choice = Self.compared(quantity, choice, after: previous, in: (sentenceIndex, sentence.range), scalars)
            choice =
                Self.partOf(quantity, choice: choice, sentence: sentence.range, in: scalars, after: chosen) ?? choice
            previous = (sentenceIndex, quantity.unit, choice)
            chosen.append((quantity.offset, quantity.unit, choice, nil))
            let named = Self.cached(&namedSignalsBySentence, sentenceIndex ?? -1) { namedSignals(signals) }
            let (learned, features) = modelled(
                choice, for: quantity, scalars: scalars, sentence: (sentenceIndex, sentence.range),
                reading: mapped.reading, signals: named, profile: profile, scope: scope, readings: &readings)
            // The base of a comparison is not the year of the change that follows it: in
            // 比上年增长12.6% or 比2010年的16021.6万元增长21.29% the growth is the current year's
            // (16021.6万元 itself, right after 2010年的, stays 2010's).
            let sentenceYears = sentenceIndex == nil ? usable : (yearsBySentence[sentenceIndex!] ?? [])
            let candidates = Self.candidateYears(sentenceYears, for: quantity, clause: clause, in: scalars)
            let (year, topic) = Self.ownYear(
                candidates, paragraph: paragraphYears, of: quantity, clause: clause, sentence: sentence.range,
                in: scalars, inherited: inherited)
            // 2014年以来, 2007年前, 近年来, 分别为 A、B、C, 由25%提高到86%, 目前…, “十三五”末, 三年内 (kindYear).
            let durations = Self.cached(&durationsBySentence, key) {
                Self.planDurations(in: scalars, sentence: sentence.range)
            }
            let kind = Self.kindYear(
                year, quantity: quantity, among: quantities, years: (sentenceYears, candidates), durations: durations,
                clause: clause, sentence: sentence.range, scalars: scalars, scope: scope, profile: profile)
            var (yearFrom, yearTo, yearSource) = (kind.from, kind.to, kind.source)
            let ((from, to, source), settled, statusFeatures) = status(
                of: quantity, in: (sentenceIndex, sentence), clause: clause, years: (yearFrom, yearTo, yearSource),
                own: year, topic: topic, readings: &readings, indicator: learned.code, profile: profile, scope: scope,
                figures: &chosen)
            // A count the plan starts from is no figure of the plan's years; the year gate may doubt the rest.
            let gated = gatedYear(
                (from, to, source), own: year, quantity: quantity, status: settled.0, profile: profile,
                readings: &readings,
                at: .init(
                    usable: usable, clause: clause, sentence: (sentenceIndex, sentence.range), scope: scope,
                    rule: kind.rule))
            (yearFrom, yearTo, yearSource) = (gated.from, gated.to, gated.source)
            var yearRule = gated.rule
            if yearFrom == nil, let budgetYear = Self.budgetYear(of: quantity, profile: profile) {
                (yearFrom, yearTo, yearSource, yearRule) = (
                    budgetYear.year, budgetYear.year, .document, budgetYear.rule
                )
            }
            let nearbyPlaces = sentenceIndex == nil ? regionPlaces : (placesBySentence[sentenceIndex!] ?? [])
            let (adcode, regionSource, regionRule) = Self.figureRegion(
                nearbyPlaces, of: quantity, clause: clause, sentence: sentence.range, profile: profile, scalars: scalars
            )
            var fact = Fact(
                line: line.number, sentence: readings.text(of: (sentenceIndex, sentence)), quantity: quantity,
                indicator: learned.code, indicatorRule: learned.rule, status: settled.0, statusCue: settled.1,
                yearFrom: yearFrom, yearTo: yearTo, yearSource: yearSource, adcode: adcode, regionSource: regionSource)
            (fact.features, fact.yearRule, fact.yearFeatures) = (features, yearRule, gated.features)
            (fact.yearCandidates, fact.regionRule, fact.statusFeatures) = (gated.candidates, regionRule, statusFeatures)
            found.append(fact)
        }
    }

    /// The years of a figure: its own clause's or sentence's year mention, else the year its
    /// section heading names (一、2011年工作回顾), else the period the report states it covers;
    /// none when the text does not say.
    static func factYear(
        _ year: (mention: YearMention, source: ContextSource)?, scope: SectionScope.State, profile: DocumentProfile
    ) -> (from: Int?, to: Int?, source: ContextSource) {
        if let year, let from = year.mention.from {
            return (from, year.mention.to ?? from, year.source)
        }
        if year == nil, let span = scope.year, factYears.contains(span.lowerBound), factYears.contains(span.upperBound)
        {
            return (span.lowerBound, span.upperBound, .section)
        }
        if year == nil, let from = profile.periodFrom, let to = profile.periodTo, factYears.contains(from),
            factYears.contains(to), from <= to
        {
            return (from, to, .document)
        }
        return (nil, nil, .none)
    }

    /// Whether the report's period is a span of years it has not reached the end of (a plan's
    /// 2021–2025 in a report whose own year, if it says one, is before 2025). A school or fiscal
    /// year (2024-2025年, two calendar years) is no plan.
    static func isRunningPlan(_ profile: DocumentProfile) -> Bool {
        guard let from = profile.periodFrom, let to = profile.periodTo, to - from >= 2 else { return false }
        return (profile.referenceYear ?? from) < to
    }

    /// The status the words gave (`words`), settled by the report's kind and the section: a plan's
    /// figures for its own year or later are planned; a figure with no word of its own takes its
    /// section's status, in a plan section 实现/达到 state targets, and a report that is no plan
    /// narrates results.
    static func settledStatus(
        _ words: (FactStatus, String), of quantity: QuantityMention, clause: Range<Int>,
        scalars: [Unicode.Scalar], year yearFrom: Int?, profile: DocumentProfile,
        scope: SectionScope.State
    ) -> (FactStatus, String) {
        var (status, cue) = words
        // A plan (工作要点, 工作计划) states targets: its figures for its own year or later are
        // planned whatever verb they carry (新增学位2700个, 达到95%以上); a figure of an
        // earlier year (2023年…) stays what its words say.
        if Self.planKinds.contains(profile.kind), status != .planned,
            let reference = profile.referenceYear, (yearFrom ?? reference) >= reference
        {
            (status, cue) = (.planned, profile.kind)
        }
        if status == .unknown, let sectionStatus = scope.status {
            // The section says what its figures are (一、2011年工作回顾 / 二、2012年工作思路).
            (status, cue) = (sectionStatus, scope.cue ?? "section")
        } else if scope.status == .planned, status == .achieved,
            case let said = String(
                scalars: scalars[clause.lowerBound..<max(clause.lowerBound, min(quantity.offset, scalars.count))]),
            !Self.pastCues.contains(where: { said.includes($0) }),
            (yearFrom ?? Int.max) >= (scope.year?.lowerBound ?? profile.referenceYear ?? Int.min)
        {
            // In a plan section 实现/达到/完成 state targets; only a word of the past (已, 累计) or
            // an earlier year keeps a figure achieved.
            (status, cue) = (.planned, scope.cue ?? "section")
        } else if status == .unknown, !Self.planKinds.contains(profile.kind) {
            // A report that is not a plan (a summary, debriefing, speech, news item) narrates
            // what was done or what is: its figures are results unless a word or a section
            // says otherwise (the field corpus: 0.52 -> 0.64 of statuses right).
            (status, cue) = (.achieved, "kind:" + profile.kind)
        }
        return (status, cue)
    }

    /// Report kinds that state plans rather than results (rules/facts/report-kinds.tsv).
    static let planKinds: Set<String> = ["工作要点", "工作计划"]

    /// Longest run-in label before a paragraph's opening year (学前教育：), in scalars.
    static let runInLabelLimit = 10

    /// Status cues that keep a figure achieved even in a plan section.
    static let pastCues: Set<String> = [
        "已", "已经", "累计", "累积", "共有", "现有", "实有", "过去", "去年", "上年", "以来",
        "近年来", "两年来", "近两年", "先后", "荣获", "获",
    ]

    /// The year the paragraph's last sentence-opening year before `start` names (2022年，全市…;
    /// 2011年由国家、省投入60%…。教育部门…累积筹措…): a year that opens a sentence is its topic,
    /// and the topic of the sentences after it that name none.
    static func paragraphYear(_ years: [YearMention], before start: Int, in scalars: [Unicode.Scalar]) -> YearMention? {
        years.last { year in
            let end = year.offset + year.surface.unicodeScalars.count
            // A year, or a span of years (2016—2018年我县…累计投入…。其中…).
            let single = year.kind == .year && year.from != nil && year.from == year.to
            let span = year.kind == .range && year.from != nil && year.to != nil
            guard single || span, end <= start, end < scalars.count else { return false }
            let opens = YearMention.opensParagraph(start: year.offset, end: end) {
                $0 >= 0 && $0 < scalars.count ? scalars[$0].value : 0
            }
            if opens { return true }
            // Opening a sentence (not a deadline: 到2015年, 在2015年前), followed by its words.
            let before = year.offset > 0 ? scalars[year.offset - 1] : "。"
            // After a run-in label (义务教育：2016—2018年我县…) the year opens the paragraph's text.
            let label = (before == "：" || before == ":") && year.offset <= runInLabelLimit
            return (["。", "！", "？", "；"].contains(before) || label) && scalars[end].properties.isIdeographic
                && scalars[end] != "前"
        }
    }

    /// The mention nearest to `offset` in the clause (one before it preferred), else in the sentence.
    static func nearest<Mention>(
        _ mentions: [Mention], to offset: Int, clause: Range<Int>, sentence: Range<Int>,
        offset position: KeyPath<Mention, Int>
    ) -> (mention: Mention, source: ContextSource)? {
        func pick(_ range: Range<Int>) -> Mention? {
            let inside = mentions.filter { range.contains($0[keyPath: position]) }
            if let before = inside.filter({ $0[keyPath: position] < offset }).max(by: {
                $0[keyPath: position] < $1[keyPath: position]
            }) {
                return before
            }
            return inside.filter { $0[keyPath: position] > offset }.min {
                $0[keyPath: position] < $1[keyPath: position]
            }
        }
        if let mention = pick(clause) { return (mention, .clause) }
        if let mention = pick(sentence) { return (mention, .sentence) }
        return nil
    }
}
