import EduwhCore

/// Labels the lines of one report (one segment of a file) once its paragraphs and split cues
/// are known. Structural rule ids it gives (beside the table rules' ids):
///
/// | id | label | line |
/// |---|---|---|
/// | `piece-marker` | T | 篇1：…述职报告 (a piece marker heads a report) |
/// | `toc-entry` | N | 第二篇：… listed in the head before the report's own marker (a table of contents) |
/// | `title-heading`, `title-subtitle` | T | the report's title lines in its head (——副标题) |
/// | `title-repeat` | N | a copy of a title the report already has |
/// | `salutation` | B | 尊敬的各位领导： |
/// | `speaker-name`, `speaker-office`, `speaker-date` | B | 邓伟强 / ××县人民政府 / (2009年5月13日) under the title |
/// | `section-heading`, `head-body` | B | other head lines once the titles are over |
/// | `body-paragraph`, `body-line` | B | lines between the first and last paragraph |
/// | `closing`, `signature` | B | 谢谢大家！ / 述职人：张华 / 二〇一二年一月 after the body |
/// | `tail-sentence` | B | a short sentence after the last paragraph |
/// | `tail-residue` | N | an unpunctuated leftover after the last paragraph |
/// | `after-end-marker` | N | anything after a paywall or related-articles heading |
struct SegmentLabeler {
    let cleaner: Cleaner
    let evaluator: LineEvaluator
    let lines: [ScannedLine]
    let segment: Range<Int>
    let paragraph: [Bool]
    let fileTitles: [String]
    /// Comparable forms of the titles given so far in this report.
    private(set) var titles: [String] = []

    init(cleaner: Cleaner, evaluator: LineEvaluator, segment: Range<Int>, paragraph: [Bool], fileTitles: [String]) {
        self.cleaner = cleaner
        self.evaluator = evaluator
        self.lines = evaluator.lines
        self.segment = segment
        self.paragraph = paragraph
        self.fileTitles = fileTitles
    }

    private var settings: CleanSettings { cleaner.settings }
    private var rules: CleanRules { cleaner.rules }

    mutating func label(document: Int) -> [LabeledLine] {
        let firstParagraph = segment.first { paragraph[$0] }
        let lastParagraph = segment.last { paragraph[$0] }
        func zone(_ i: Int) -> LineZone {
            guard let first = firstParagraph, let last = lastParagraph else { return .head }
            return i < first ? .head : (i > last ? .tail : .body)
        }
        let surnames = rules.words("surname")
        let orgSuffixes = rules.words("org-suffix")
        let signatureLeads = rules.words("signature-lead")

        // Piece markers in the head before the last one are a table of contents.
        let headEnd = firstParagraph ?? segment.upperBound
        let lastHeadMarker = (segment.lowerBound..<headEnd).last { evaluator.cue(.marker, at: $0) != nil }

        var result: [LabeledLine] = []
        var cut = false
        var headBodyBegun = false
        var titleCount = 0
        var signatureAnchor = lastParagraph ?? Int.min
        for i in segment {
            let line = lines[i]
            let z = zone(i)
            var decision: (LineLabel, String)?

            // Closing words and the signature under them stay with the report.
            if z == .tail, !cut {
                if let id = evaluator.cue(.closing, at: i)?.id {
                    decision = (.body, id)
                    signatureAnchor = i
                } else if i - signatureAnchor <= settings.signatureWindow,
                          line.isDateOnly || line.isPersonName(surnames: surnames) || line.isOrganisation(suffixes: orgSuffixes)
                            || (signatureLeads.contains { line.matchText.hasPrefix($0) } && line.shape.length <= 30) {
                    decision = (.body, "signature")
                    signatureAnchor = i
                }
            }

            // A greeting in the head opens the speech whatever else it looks like.
            if z == .head, !cut, let id = evaluator.cue(.salutation, at: i)?.id {
                decision = (.body, id)
                headBodyBegun = true
            }

            // Line rules.
            if decision == nil, let rule = evaluator.firstRule(at: i, zone: z, within: segment, zoneOf: zone) {
                decision = (rule.label, rule.id)
                if rule.scope == .rest, let first = firstParagraph, i > first { cut = true }
            } else if decision == nil, cut {
                decision = (.noise, "after-end-marker")
            }

            // Structure.
            if decision == nil {
                switch z {
                case .head:
                    if let id = evaluator.cue(.marker, at: i)?.id {
                        if let last = lastHeadMarker, i < last {
                            decision = (.noise, "toc-entry")
                        } else {
                            decision = (.title, id)
                            titles.append(line.comparable)
                            titleCount += 1
                        }
                    } else if let id = evaluator.cue(.salutation, at: i)?.id {
                        decision = (.body, id)
                        headBodyBegun = true
                    } else if isTitleCopy(line, loose: false) {
                        decision = (.noise, "title-repeat")
                    } else if line.isDateOnly {
                        decision = (.body, "speaker-date")
                        headBodyBegun = true
                    } else if line.isPersonName(surnames: surnames) {
                        decision = (.body, "speaker-name")
                        headBodyBegun = true
                    } else if titleCount > 0, line.isOrganisation(suffixes: orgSuffixes) {
                        decision = (.body, "speaker-office")
                        headBodyBegun = true
                    } else if line.isListHeading {
                        decision = (.body, "section-heading")
                        headBodyBegun = true
                    } else if !headBodyBegun, titleCount < settings.maxTitleLines,
                              line.shape.length <= settings.maxTitleLength, !line.shape.endsSentence {
                        decision = (.title, line.startsWithDash ? "title-subtitle" : "title-heading")
                        titles.append(line.comparable)
                        titleCount += 1
                    } else {
                        decision = (.body, "head-body")
                        headBodyBegun = true
                    }
                case .body:
                    if !paragraph[i], isTitleCopy(line, loose: true) {
                        decision = (.noise, "title-repeat")
                    } else {
                        decision = (.body, paragraph[i] ? "body-paragraph" : "body-line")
                    }
                case .tail:
                    if isTitleCopy(line, loose: true) {
                        decision = (.noise, "title-repeat")
                    } else if line.shape.endsSentence || line.shape.punctuation >= 1 {
                        decision = (.body, "tail-sentence")
                    } else {
                        decision = (.noise, "tail-residue")
                    }
                }
            }
            let (label, rule) = decision!
            result.append(LabeledLine(number: line.number, text: line.text, label: label, rule: rule, document: document))
        }
        return result
    }

    /// Whether a line repeats a title this report (or an earlier one) already has: equal, or,
    /// when `loose`, containing it with little else.
    private func isTitleCopy(_ line: ScannedLine, loose: Bool) -> Bool {
        let text = line.comparable
        guard !text.isEmpty else { return false }
        // In the head only this report's own titles count: glued reports may share a title.
        for title in (loose ? titles + fileTitles : titles) where !title.isEmpty {
            if text == title { return true }
            if loose, title.count >= 6, text.count <= title.count + settings.titleRepeatSlack, text.contains(title) { return true }
        }
        return false
    }
}
