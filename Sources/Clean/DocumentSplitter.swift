import EduwhCore

/// Finds where glued reports start inside one file, from split cues (piece markers,
/// salutations, closing and opening lines, indentation).
///
/// ```swift
/// let starts = DocumentSplitter(rules: .standard, settings: .init()).starts(evaluator, claims: claims, paragraph: paragraph)
/// starts // [0, 13, 20, 27]: indexes into `lines` where each report begins
/// ```
struct DocumentSplitter: Sendable {
    var rules: CleanRules
    var settings: CleanSettings

    /// Indexes into `lines` where each report begins (the first is always 0).
    /// `claims[i]` is the label a line rule gave line i (nil: none did); `paragraph[i]` says it
    /// is a body paragraph.
    func starts(_ evaluator: LineEvaluator, claims: [LineLabel?], paragraph: [Bool]) -> [Int] {
        let lines = evaluator.lines
        guard !lines.isEmpty else { return [] }
        let indentedCount = lines.filter(\.indented).count
        let indentIsRare = Double(indentedCount) <= settings.rareIndentShare * Double(lines.count)
        var starts = [0]
        var bodyLines = 0
        var lastParagraph: Int?
        var sawParagraph = false
        var markerSeen = false
        var paragraphsSeen = 0
        for i in lines.indices {
            if evaluator.points(.marker, at: i) > 0 {
                // A marker starts a new report once the current one has a paragraph; before
                // that (a page title over 【篇一】) it heads the first report. So does the page's
                // first marker near its top under one or two paragraphs: those are the collection's
                // intro (《幼儿园全园工作计划》是引领幼儿园发展的航标… above 篇一：《幼儿园全园工作计划》).
                let underIntro = !markerSeen && i < settings.collectionIntroWindow && paragraphsSeen <= 2
                markerSeen = true
                if sawParagraph, i > starts.last!, !underIntro {
                    starts.append(i)
                    sawParagraph = false
                }
                bodyLines = 1
                lastParagraph = nil
                continue
            }
            if claims[i] != nil { continue }
            if let last = lastParagraph, bodyLines >= settings.minLinesBeforeSplit,
                paragraph[i] || evaluator.points(.salutation, at: i) > 0
            {
                var score =
                    evaluator.points(.salutation, at: i) + evaluator.points(.opening, at: i)
                    + evaluator.points(.concluding, at: last)
                score +=
                    (last + 1..<i).filter { claims[$0] == nil }.map { evaluator.points(.closing, at: $0) }.max() ?? 0
                if indentIsRare, lines[i].indented { score += settings.indentWeight }
                if score >= settings.splitThreshold {
                    starts.append(backtrack(from: i, after: last, evaluator: evaluator, claims: claims))
                    bodyLines = 0
                    lastParagraph = nil
                    sawParagraph = false
                }
            }
            bodyLines += 1
            if paragraph[i] {
                lastParagraph = i
                sawParagraph = true
                paragraphsSeen += 1
            }
        }
        return starts
    }

    /// Moves a report's start back over title-like lines just before it (its own title).
    private func backtrack(from start: Int, after last: Int, evaluator: LineEvaluator, claims: [LineLabel?]) -> Int {
        let lines = evaluator.lines
        var begin = start
        var steps = 0
        while steps < settings.splitBacktrackLines, begin - 1 > last {
            let line = lines[begin - 1]
            let claim = claims[begin - 1]
            let titleLike =
                (claim == nil || claim == .metadata || claim == .title) && line.shape.length <= settings.maxTitleLength
                && !line.shape.endsSentence
                && line.shape.punctuation == 0 && !line.isDateOnly && evaluator.points(.closing, at: begin - 1) == 0
                && !line.isPersonName(surnames: rules.words("surname"))
            guard titleLike else { break }
            begin -= 1
            steps += 1
        }
        return begin
    }
}
