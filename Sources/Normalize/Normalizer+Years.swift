import EduwhCore

extension Normalizer {
    /// Year mentions in one line; relative years (今年, 去年, 两年来) and dates without a year
    /// resolve against `referenceYear` when given.
    ///
    /// ```swift
    /// Normalizer.standard.years(in: "今年暑期就能竣工", referenceYear: 2012).first?.from // 2012
    /// ```
    public func years(in line: String, referenceYear: Int?) -> [YearMention] {
        years(in: line, frame: DocumentTimeFrame(referenceYear: referenceYear), lineNumber: nil)
    }

    /// Year mentions in line `lineNumber` of a document whose time frame is `frame`: relative
    /// years use the reference year, the reviewed period and the year of the section the line
    /// stands in (全年 under "2011年工作回顾" is 2011).
    ///
    /// ```swift
    /// let frame = Normalizer.standard.timeFrame(of: document)
    /// Normalizer.standard.years(in: "两年来,我区共招聘教师374名", frame: frame, lineNumber: 21).first?.from // 2007
    /// ```
    public func years(in line: String, frame: DocumentTimeFrame, lineNumber: Int?) -> [YearMention] {
        years(in: yearScan(of: line), frame: frame, lineNumber: lineNumber)
    }

    /// Reads a line's document numbers and years once (`YearScannedLine`): a document's time
    /// frame, year mentions and quantities all start from this reading.
    public func yearScan(of line: String) -> YearScannedLine {
        var context = LineContext(line)
        context.markDocumentNumbersAndAddresses()
        let found = YearScanner.standard.scan(&context)
        return YearScannedLine(text: line, context: context, found: found)
    }

    /// Year mentions of a line already read by `yearScan(of:)` (see `years(in:frame:lineNumber:)`).
    public func years(in scanned: YearScannedLine, frame: DocumentTimeFrame, lineNumber: Int?) -> [YearMention] {
        let found = scanned.found
        let line = scanned.context.line
        // A sentence that opens with a year and a comma (2022年，全市…) gives the year the rest
        // of the paragraph speaks of, until another such sentence: its 上年 is the year before.
        var topicYear: Int? = nil
        // An explicit year earlier in the same sentence (2012年全县…，比上年增长) is the year its 上年
        // and 全年 count from; a deadline (到2015年) is not.
        var clauseYear: Int? = nil
        var clauseYearEnd = 0
        // The clause year opens or closes a span since it (自2007年…, 2012年以来): a run of years
        // (连续四年, 过去6年) after it does not end there.
        var clauseYearSince = false
        // 2022年教育局年度工作总结范本_年,…按照年初: a site's page title gives no year to the sentence.
        var siteTitle: Bool? = nil
        func isSiteTitle() -> Bool {
            if let known = siteTitle { return known }
            let answer = Self.isSiteTitle(line)
            siteTitle = answer
            return answer
        }
        // 105年底 without 民國 is a ROC year only where the document counts ROC years.
        let kept = frame.rocEra ? found : found.filter { !$0.rule.hasPrefix(YearScanner.taiwanYearRule) }
        return kept.map { year in
            let dates = !Self.undatingYearRules.contains(year.rule)
            if dates, year.anchor == nil, year.kind == .year, let y = year.from, year.to == y,
                YearMention.opensParagraph(start: year.start, end: year.end, scalarAt: line.at)
            {
                topicYear = y
            }
            if clauseYear != nil, (clauseYearEnd..<year.start).contains(where: { Self.isSentenceEnd(line[$0]) }) {
                clauseYear = nil
            }
            var sentenceYear = topicYear
            if year.anchor == .section, !year.needsYear, let y = clauseYear, !isSiteTitle() { sentenceYear = y }
            // 2018年本科生2516人，…连续三年: a run of years tied to its sentence's year ends in that year.
            if year.anchor == .back {
                sentenceYear = !clauseYearSince && !isSiteTitle() ? clauseYear : nil
            }
            if dates, year.anchor == nil, year.kind == .year || year.kind == .date, let y = year.from, year.to == y,
                !Self.deadlineLeads.contains(line.at(year.start - 1))
            {
                clauseYear = y
                clauseYearEnd = year.end
                clauseYearSince = Self.opensSince(line, yearAt: year.start) || Self.closesSince(line, yearEnd: year.end)
            }
            let (from, to, basis) = frame.resolve(year, line: lineNumber, sentenceYear: sentenceYear)
            // A relative year or a date without one names what it counted from: ry-this-year@ref-title.
            return YearMention(
                surface: line.text(year.start..<year.end), kind: year.kind, from: from, to: to,
                offset: line.rawOffset(year.start), rule: basis.map { year.rule + "@" + $0 } ?? year.rule)
        }
    }

    /// Rules of year mentions that date nothing: the time frame, the sentence's year and Facts pass them
    /// by (a year glued to a word without 年 is most often a site's label: 2022副区长在…发言).
    public static let undatingYearRules: Set<String> = [
        YearScanner.gluedYearRule, YearScanner.chineseBareYearRule,
    ]

    /// Words that make a line a site's page title (context-words.tsv, site-title), and their first scalars.
    private static let siteTitleWords = NormalizeRules.standard.words("site-title")
    private static let siteTitleFirsts = siteTitleWords.map { $0[0] }  // a handful: an array beats hashing

    /// The line is a site's page title: 2022年教育局年度工作总结范本, …(通用5篇).
    static func isSiteTitle(_ line: ScalarLine) -> Bool {
        for k in 0..<line.count where siteTitleFirsts.contains(line[k]) {
            if siteTitleWords.contains(where: { line.matches($0, at: k) }) { return true }
        }
        return false
    }

    /// 。！？；: the end of a sentence.
    static func isSentenceEnd(_ v: UInt32) -> Bool {
        v == 0x3002 || v == 0xFF01 || v == 0xFF1F || v == 0xFF1B || v == 0x21 || v == 0x3F || v == 0x3B
    }

    /// A plan's span in brackets (规划(2016-2020), 计划(20232025)) names the plan, not the report's year.
    static let spanRules: Set<String> = ["y-bracketed-span", "y-squashed-span"]

    /// 到 至 前 (到2015年): a year after these is a deadline, not the year a sentence speaks of.
    static let deadlineLeads: Set<UInt32> = [0x5230, 0x81F3, 0x524D, 0x4E89, 0x4E8E]

    /// The year a document speaks from, when its text makes it clear (see `DocumentTimeFrame`).
    public func referenceYear(of document: CleanDocument) -> Int? {
        timeFrame(of: document).referenceYear
    }

    /// The year or years a document reports on (2007-2008年…述职报告 → 2007...2008), when stated.
    public func referencePeriod(of document: CleanDocument) -> ClosedRange<Int>? {
        timeFrame(of: document).reviewPeriod
    }

    /// Infers the document's time frame from its title and body lines (never from site metadata).
    public func timeFrame(of document: CleanDocument) -> DocumentTimeFrame {
        timeFrame(of: document, scanned: document.lines.map { $0.label.isKept ? yearScan(of: $0.text) : nil })
    }

    /// The time frame of a document whose lines were read by `yearScan(of:)`: `scanned` is
    /// parallel to `document.lines`, with a reading for every title and body line.
    public func timeFrame(of document: CleanDocument, scanned: [YearScannedLine?]) -> DocumentTimeFrame {
        guard let chooser = ReferenceYearChooser.standard else {
            return readTimeFrame(of: document, scanned: scanned).frame
        }
        var (frame, candidates) = readTimeFrame(of: document, scanned: scanned)
        let chosen = chooser.choose(candidates)
        if chosen != candidates.rules {
            frame.referenceYear = candidates.years[chosen]
            frame.referenceSource = frame.referenceYear == nil ? nil : frame.referenceSource ?? .reviewedOrLatestYear
            frame.referenceChosen = true
            frame.referenceRule = frame.referenceYear == nil ? nil : "ref-chooser"
        }
        return frame
    }

    /// The candidates for a document's reference year, with the rules' choice (what the learned
    /// chooser reads; `eduwh train-reference-years` trains it on them).
    public func referenceCandidates(of document: CleanDocument) -> ReferenceCandidates {
        readTimeFrame(
            of: document, scanned: document.lines.map { $0.label.isKept ? yearScan(of: $0.text) : nil }
        ).candidates
    }

    /// The rules' time frame and the evidence of every year the document names.
    func readTimeFrame(of document: CleanDocument, scanned: [YearScannedLine?]) -> (
        frame: DocumentTimeFrame, candidates: ReferenceCandidates
    ) {
        let rules = NormalizeRules.standard
        var evidence: [Int: ReferenceYearEvidence] = [:]
        var ordinal = -1
        var dateLineYear: Int? = nil
        var planYears: [Int] = []
        var reviewPeriods: [ClosedRange<Int>] = []
        var votes = LatestYearVotes()
        var stated = StatedYears()
        var sections: [DocumentTimeFrame.Section] = []
        var rocEra = false
        var cuedTaiwanYears = 0
        // A line opens at most one section, its first: a title that names the year reviewed and
        // the year planned (2021年工作总结和2022年工作计划) is followed by the review, and the
        // plan part gets a section of its own where it starts (二、2022年工作计划).
        func openSection(at line: Int, year: Int) {
            if sections.last?.line != line { sections.append(.init(line: line, year: year)) }
        }
        for (index, labeled) in document.lines.enumerated() where labeled.label.isKept {
            let reading = scanned[index] ?? yearScan(of: labeled.text)
            let line = reading.context.line
            ordinal += 1
            let isTitle = labeled.label == .title
            // 2022年教育局年度工作总结范本: a site's page title names a year of its own, not the report's.
            let siteTitle = reading.found.contains { $0.anchor == nil } && Self.isSiteTitle(line)
            if !rocEra, Self.namesTaiwanCurrency(line) { rocEra = true }
            Self.notePresent(reading.found, in: line, siteTitle: siteTitle, stated: &stated)
            for found in reading.found where found.anchor == nil {
                if found.rule.hasPrefix("y-roc") { rocEra = true }
                // 102年度, 自105至107年: ROC years with a word of time, in traditional script.
                if YearScanner.isCuedTaiwanYear(found), line.raw != nil { cuedTaiwanYears += 1 }
                if found.rule.hasPrefix(YearScanner.taiwanYearRule) { continue }
                // 2022副区长在…发言: a year glued before a title is a site's label too.
                if siteTitle || found.rule == "y-bare-year" || Self.spanRules.contains(found.rule) { continue }
                if Self.undatingYearRules.contains(found.rule) { continue }
                // 上世纪80年代, 20世纪: a decade or century is history the report looks back on.
                if found.rule == "y-decade" || found.rule == "y-century" { continue }
                guard found.kind == .year || found.kind == .range || found.kind == .date, let from = found.from,
                    let to = found.to
                else { continue }
                func note(_ role: String) { evidence[to, default: .init()].add(role: role, ordinal: ordinal) }
                if let place = Self.sentencePlace(line, yearAt: found.start) {
                    evidence[to, default: .init()].mark(role: place)
                }
                if isTitle { note("title") }
                if found.kind == .date { note("date") }
                if found.kind == .range { note("rangeEnd") }
                if found.kind == .date, dateLineYear == nil, isDateLine(line, found) {
                    dateLineYear = from
                    note("dateLine")
                }
                let role = cue(for: found, in: line, rules: rules)
                noteStated(found, role: role?.0, span: from...to, in: line, isTitle: isTitle, stated: &stated)
                switch role {
                case .some((.target, _)):
                    note("target")
                    continue
                case .some((.statistic, _)):
                    note("statistic")
                case .some((.review, let heading)):
                    note(heading ? "review-heading" : "review")
                    reviewPeriods.append(from...to)
                    if heading { openSection(at: labeled.number, year: to) }
                case .some((.plan, let heading)):
                    note(heading ? "plan-heading" : "plan")
                    planYears.append(to)
                    if heading { openSection(at: labeled.number, year: to) }
                case .none:
                    // A numbered heading that opens with a year (一、2021年主要工作) starts a section
                    // about that year, whatever words follow.
                    // So does a line that opens with a year and ends with a colon (2021 年全县…情况是:):
                    // the lines after it list that year's figures.
                    if Self.isNumberedHeading(line, yearAt: found.start) || Self.isLeadIn(line, yearAt: found.start) {
                        openSection(at: labeled.number, year: to)
                        note("heading")
                    }
                    // A short line with a bare year and no cue (上一篇 2022年11月4日) is more often
                    // site furniture than report text: it does not vote for the latest year.
                    if line.count < Self.shortLine {
                        note("short")
                        continue
                    }
                    note("plain")
                    votes.addUncued(found, from: from, to: to, in: line)
                    continue
                }
                votes.add(to)
            }
        }
        var frame = Self.chosenFrame(
            dateLine: dateLineYear, plans: planYears, reviews: reviewPeriods, votes: votes, stated: stated,
            named: evidence.count, sections: sections)
        frame.rocEra = rocEra || cuedTaiwanYears >= 2
        let candidates = ReferenceCandidates(
            evidence: evidence, rules: frame.referenceYear, source: frame.referenceSource, keptLines: ordinal + 1,
            published: document.metadata.publishedYear)
        return (frame, candidates)
    }

    /// The rules' frame, in their order of trust: a date line's year, a plan heading's, else the
    /// later of the reviewed period's end and the latest year the text names.
    static func rulesFrame(
        dateLine: Int?, plans: [Int], review: ClosedRange<Int>?, latest: Int?, sections: [DocumentTimeFrame.Section]
    ) -> DocumentTimeFrame {
        if let year = dateLine {
            var frame = DocumentTimeFrame(
                referenceYear: year, reviewPeriod: review, sections: sections, referenceSource: .dateLine)
            frame.referenceRule = "ref-dateline"
            return frame
        }
        if let year = plans.max() {
            var frame = DocumentTimeFrame(
                referenceYear: year, reviewPeriod: review, sections: sections, referenceSource: .planHeading)
            frame.referenceRule = "ref-plan-heading"
            return frame
        }
        let year = [review?.upperBound, latest].compactMap { $0 }.max()
        var frame = DocumentTimeFrame(
            referenceYear: year, reviewPeriod: review, sections: sections,
            referenceSource: year == nil ? nil : .reviewedOrLatestYear)
        if let year { frame.referenceRule = year == review?.upperBound ? "ref-review-period" : "ref-latest-year" }
        return frame
    }

    /// True when a year opens a span after 自, 从, 從, 由 or 自从 (自2011年始, 从1985年设立教师节到今天).
    static func opensSince(_ line: ScalarLine, yearAt start: Int) -> Bool {
        var k = start - 1
        while k >= 0, ScalarClass.isSpace(line[k]) { k -= 1 }
        guard k >= 0 else { return false }
        return line[k] == 0x81EA || line[k] == 0x4ECE || line[k] == 0x5F9E || line[k] == 0x7531
    }

    private static let taiwanCurrency = "新台币".scalarValues

    /// The line prices something in New Taiwan dollars (新臺幣, 新台幣): the document is Taiwanese
    /// and counts years of the Republic of China.
    static func namesTaiwanCurrency(_ line: ScalarLine) -> Bool {
        // Written in traditional script (新臺幣): a line that folded nothing cannot name it.
        guard line.raw != nil else { return false }
        for k in 0..<line.count where line[k] == 0x65B0 && line.matches(taiwanCurrency, at: k) { return true }
        return false
    }

    /// Where a year stands in its sentence, a role the reference-year chooser reads: `from` after
    /// 自/从/由/在, where it starts or bases a span (自2011年始, 在2006年基础上); `opens` at the start
    /// of a line, sentence or clause, where it is the sentence's topic (2014年，全市…); else nil.
    static func sentencePlace(_ line: ScalarLine, yearAt start: Int) -> String? {
        var k = start - 1
        while k >= 0, ScalarClass.isSpace(line[k]) { k -= 1 }
        guard k >= 0 else { return "opens" }
        switch line[k] {
        case 0x81EA, 0x4ECE, 0x5F9E, 0x7531, 0x5728: return "from"
        case 0x3002, 0xFF0C, 0x2C, 0xFF1B, 0x3B, 0xFF1A, 0x3A, 0x3001, 0xFF01, 0xFF1F: return "opens"
        default: return nil
        }
    }

    /// True when the year opens the line (after spaces) and the line ends with a colon: the line
    /// introduces figures of that year (2021 年全县学校生均预算内教育事业费支出情况是:).
    static func isLeadIn(_ line: ScalarLine, yearAt start: Int) -> Bool {
        var i = 0
        while i < start, ScalarClass.isSpace(line[i]) { i += 1 }
        guard i == start else { return false }
        var last = line.count - 1
        while last > start, ScalarClass.isSpace(line[last]) { last -= 1 }
        return line.at(last) == 0x3A || line.at(last) == 0xFF1A
    }

    /// True when the line is short and `start` follows nothing but an ordinal marker: 一、 (二)
    /// （三） 1、 2. 第四、 — the shape of a section heading (一、2021年主要工作).
    static func isNumberedHeading(_ line: ScalarLine, yearAt start: Int) -> Bool {
        guard line.count <= 24, start >= 2 else { return false }
        let chineseDigits: Set<UInt32> = Set("一二三四五六七八九十".unicodeScalars.map(\.value))
        func isDigit(_ v: UInt32) -> Bool { chineseDigits.contains(v) || (0x30...0x39).contains(v) }
        var i = 0
        while i < start, line[i] == 0x20 || line[i] == 0x3000 { i += 1 }
        let open: Set<UInt32> = [0x28, 0xFF08]
        let close: Set<UInt32> = [0x29, 0xFF09]
        let stop: Set<UInt32> = [0x3001, 0x2E, 0xFF0E]
        if i < start, open.contains(line[i]) {
            i += 1
            let digitsStart = i
            while i < start, isDigit(line[i]) { i += 1 }
            guard i > digitsStart, i < start, close.contains(line[i]) else { return false }
            i += 1
        } else {
            if i < start, line[i] == 0x7B2C { i += 1 }  // 第
            let digitsStart = i
            while i < start, isDigit(line[i]) { i += 1 }
            guard i > digitsStart, i < start, stop.contains(line[i]) else { return false }
            i += 1
        }
        while i < start, line[i] == 0x20 || line[i] == 0x3000 { i += 1 }
        return i == start
    }

    /// Lines shorter than this (in scalars) do not vote for the latest-year reference.
    static let shortLine = 16

    /// A line that is only a date, maybe in brackets ((2009年5月13日)), or a short signature line
    /// ending with a full date (X县人民政府(2015年5月16日)): the day a speech was given.
    private func isDateLine(_ line: ScalarLine, _ found: FoundYear) -> Bool {
        var rest = 0
        var after = 0
        for k in 0..<line.count where k < found.start || k >= found.end {
            let v = line[k]
            if ScalarClass.isSpace(v) || v == 0x28 || v == 0x29 || v == 0xFF08 || v == 0xFF09 || v == 0x3002 {
                continue
            }
            rest += 1
            if k >= found.end { after += 1 }
        }
        if rest <= 1 { return true }
        let fullDate = found.rule == "y-date" || found.rule == "y-chinese-date" || found.rule == "y-iso-date"
        let lastScalar = line.at(found.end - 1)
        let hasDay = lastScalar == 0x65E5 || lastScalar == 0x53F7 || found.rule == "y-iso-date"
        guard fullDate && hasDay && after == 0 && rest <= 12 else { return false }
        // The text before the date is a signature: an organisation (…政府, …教育局) or a bracket.
        var k = found.start - 1
        while k >= 0, ScalarClass.isSpace(line[k]) { k -= 1 }
        guard k >= 0 else { return false }
        return NormalizeRules.standard.chars("signature-end").contains(line[k])
    }

    /// The time-frame role of an explicit year (target, review or plan), and whether the cue
    /// stands right after it like a section heading (2011年工作回顾).
    private func cue(for found: FoundYear, in line: ScalarLine, rules: NormalizeRules) -> (
        NormalizeRules.CueRole, Bool
    )? {
        for cue in rules.yearCues where cue.role == .statistic {
            if cue.before ? line.matches(cue.word, endingAt: found.start) : line.matches(cue.word, at: found.end) {
                return nil
            }
        }
        for cue in rules.yearCues where cue.role == .target {
            if cue.before ? line.matches(cue.word, endingAt: found.start) : line.matches(cue.word, at: found.end) {
                return (.target, false)
            }
            // 计划于2020年9月, 力争在2015年: 于 or 在 between the cue and the year.
            if cue.before, line.at(found.start - 1) == 0x4E8E || line.at(found.start - 1) == 0x5728,
                line.matches(cue.word, endingAt: found.start - 1)
            {
                return (.target, false)
            }
        }
        var clauseEnd = found.end
        while clauseEnd < line.count, clauseEnd - found.end < 40, !ScalarClass.isClauseBreak(line[clauseEnd]) {
            clauseEnd += 1
        }
        var clauseStart = found.start
        while clauseStart > 0, found.start - clauseStart < 12, !ScalarClass.isClauseBreak(line[clauseStart - 1]) {
            clauseStart -= 1
        }
        // A cue right after the year names it, whatever comes later in the clause: in
        // 2021年工作总结和2022年工作计划 the first year is reviewed, not planned.
        for role in [NormalizeRules.CueRole.plan, .review] {
            for cue in rules.yearCues where cue.role == role && !cue.before && line.matches(cue.word, at: found.end) {
                return (role, true)
            }
        }
        for role in [NormalizeRules.CueRole.plan, .review] {
            for cue in rules.yearCues where cue.role == role {
                if cue.before {
                    var k = clauseStart
                    while k + cue.word.count <= found.start {
                        if line.matches(cue.word, at: k) { return (role, false) }
                        k += 1
                    }
                } else {
                    if line.matches(cue.word, at: found.end) { return (role, true) }
                    var k = found.end
                    while k + cue.word.count <= clauseEnd {
                        if line.matches(cue.word, at: k) { return (role, false) }
                        k += 1
                    }
                }
            }
        }
        return nil
    }
}

/// One line whose document numbers (〔2011〕3号), web addresses and years have been read: the
/// first step of a line's time frame, year mentions and quantities alike, done once per line
/// (`Normalizer.yearScan(of:)`) instead of once for each of them.
public struct YearScannedLine: Sendable {
    /// The line's text.
    public let text: String
    /// The line with those spans claimed.
    let context: LineContext
    /// The years read, in line order.
    let found: [FoundYear]
}
