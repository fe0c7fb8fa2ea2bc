import EduwhCore
import Foundation

// MARK: - The title chooser: a scored decision over the head's title-shaped lines

extension SegmentLabeler {
    /// One head line the chooser weighs: its place in the report's labels, its score and what
    /// went into it.
    struct TitleCandidate {
        let offset: Int
        let score: Double
        let shared: Int
        let reportKind: Bool
    }

    /// Head decisions whose line may be the report's title although the walk did not make it one:
    /// text by place, a site's furniture by shape, a headline that looked unrelated.
    static let titleCandidateRules: Set<String> = [
        "head-body", "speaker-office", "section-heading", "head-chrome", "head-slogan", "unrelated-headline",
        "category-crumb",
    ]

    /// The title chooser. Every head line the walk made a title, or might have (`titleCandidateRules`),
    /// is scored by `TitleScores` over kind features: pairs of adjacent ideographs shared with the
    /// body's opening (its first three paragraphs), a report-kind word (总结, 报告, 要点, 计划, 述职 …),
    /// a link bar's separator, a collection's mark, shortness; all matched on the traditional fold.
    /// The best-scoring line is the report's title. A title line above it that scores at most
    /// `demoteAbove`, shares at most one pair with the opening and names no kind of report is the
    /// site's chrome (学校名称, 会议报道 above the report's own title); one between it
    /// and the body that scores at most `demoteBelow` and shares no pair is the page's furniture
    /// (跳转到指定楼层, 该用户从未签到). Both become N: `title-outscored`; an outscored line that states a
    /// full date (2015年2月6日星期五) is the page's date line, metadata: `title-outscored-date`.
    ///
    /// Lines that read as a title whatever their words stay: a ——subtitle or the line over one, a
    /// line with quotes or book-title marks (一场县域教育的“供给侧改革”), one ending in a colon (an
    /// addressee), a letterhead spaced out character by character, a year range in brackets, a form's
    /// blank (校长_________), and pieces of two characters (根据).
    func demoteOutscoredTitles(_ labeled: inout [LabeledLine], firstParagraph: Int?) {
        guard let first = firstParagraph, first > segment.lowerBound else { return }
        let scores = cleaner.titleScores
        var openingPairs: [UInt64] = []
        for j in (first..<segment.upperBound).filter({ paragraph[$0] }).prefix(3) {
            openingPairs += Self.wordPairs(lines[j].matchText)
        }
        let opening = Self.distinct(openingPairs)
        var candidates: [TitleCandidate] = []
        for k in 0..<(first - segment.lowerBound) {
            let decision = labeled[k]
            let line = lines[segment.lowerBound + k]
            guard decision.label == .title || Self.titleCandidateRules.contains(decision.rule),
                line.shape.length <= cleaner.settings.maxTitleLength * 3 / 2, !line.shape.endsSentence
            else { continue }
            candidates.append(titleCandidate(offset: k, line: line, opening: opening, scores: scores))
        }
        // The best line, the later one on a tie (the nearer to the body).
        guard let best = candidates.max(by: { $0.score < $1.score || ($0.score == $1.score && $0.offset < $1.offset) })
        else { return }
        promoteChosenTitle(&labeled, best, scores: scores)
        for candidate in candidates where candidate.offset != best.offset && labeled[candidate.offset].label == .title {
            let above = candidate.offset < best.offset
            let outscored =
                above
                ? best.score >= scores.strongAbove && candidate.score <= scores.demoteAbove && candidate.shared <= 1
                : best.score >= scores.strongBelow && candidate.score <= scores.demoteBelow && candidate.shared == 0
            // Title lines all the way down to a ——subtitle: a slogan title over its speech's subtitle
            // (乘势而上 奋力崛起 / 努力把…建成… / ——在…会议上的讲话).
            let joined =
                above && labeled[(candidate.offset + 1)..<best.offset].allSatisfy { $0.label == .title }
                && (candidate.offset + 1...best.offset).contains { lines[segment.lowerBound + $0].startsWithDash }
            guard outscored, !joined, !candidate.reportKind,
                !readsAsTitle(segment.lowerBound + candidate.offset, above: above)
            else { continue }
            // A line that states a full date (2015年2月6日星期五, 新聞稿 2014年2月27日) is the page's date: metadata.
            let dated = Self.statesFullDate(lines[segment.lowerBound + candidate.offset].text)
            labeled[candidate.offset].label = dated ? .metadata : .noise
            labeled[candidate.offset].rule = dated ? "title-outscored-date" : "title-outscored"
        }
    }

    /// Whether `text` holds a calendar date with year, month and day in figures (2014年2月27日, 2019-05-12).
    static func statesFullDate(_ text: String) -> Bool {
        guard text.unicodeScalars.contains(where: { ("0"..."9").contains($0) }) else { return false }
        return fullDatePattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    private static let fullDatePattern = try! NSRegularExpression(
        pattern: #"(19|20)[0-9]{2}\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*[日号]"#
            + #"|(19|20)[0-9]{2}[-/.][0-9]{1,2}[-/.][0-9]{1,2}"#)

    /// The best line when the walk took it for text by its place alone (`head-body`): with a
    /// report-kind word, no punctuation, no list number and a score of `promoteAt` or more, it is
    /// the report's title (珲春市关于…实施情况汇报 under a site's caption): T, `title-chosen`.
    private func promoteChosenTitle(_ labeled: inout [LabeledLine], _ best: TitleCandidate, scores: TitleScores) {
        let line = lines[segment.lowerBound + best.offset]
        guard labeled[best.offset].rule == "head-body", best.reportKind, best.score >= scores.promoteAt,
            line.shape.punctuation == 0, !line.isListHeading, !line.text.includes(":"), !line.text.includes("：")
        else { return }
        labeled[best.offset].label = .title
        labeled[best.offset].rule = "title-chosen"
    }

    /// The chooser's score of one head line.
    private func titleCandidate(offset: Int, line: ScannedLine, opening: [UInt64], scores: TitleScores)
        -> TitleCandidate
    {
        let shared = Self.sharedCount(Self.distinct(Self.wordPairs(line.matchText)), opening)
        let kind = cleaner.rules.words("report-kind").contains { line.matchText.includes($0) }
        var score = Double(min(shared, scores.sharedCap)) * scores.weight(.sharedPair)
        if kind { score += scores.weight(.reportKind) }
        if Self.hasLinkSeparator(line.text) { score += scores.weight(.linkSeparator) }
        if hasCollectionMark(line) { score += scores.weight(.collectionMark) }
        if line.shape.length < 6 { score += scores.weight(.short) }
        return TitleCandidate(offset: offset, score: score, shared: shared, reportKind: kind)
    }

    /// Whether a title line is one by its form, whatever it scores (see `demoteOutscoredTitles`).
    private func readsAsTitle(_ i: Int, above: Bool) -> Bool {
        let line = lines[i]
        let scalars = Array(line.text.unicodeScalars)
        let next = i + 1 < segment.upperBound ? lines[i + 1] : nil
        if line.startsWithDash || next?.startsWithDash == true || line.isBracketed { return true }
        if scalars.contains(where: { "“”《》「」\"".unicodeScalars.contains($0) }) { return true }
        if let last = scalars.last, last == ":" || last == "：" { return true }
        if line.text.includes("__") || line.text.includes("＿＿") { return true }
        // 建 瓯 市 教 育 局 文 件: a letterhead spaced out.
        if line.shape.tokens >= 3, line.shape.longestToken <= 2 { return true }
        return line.shape.length < (above ? 3 : 5)
    }

    /// A link bar's or a breadcrumb's separator: | ｜ > ＞ » 丨, a lone _ (not a form's blank), or
    /// a / with spaces around it.
    static func hasLinkSeparator(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        for (n, s) in scalars.enumerated() {
            if "|｜>＞»丨".unicodeScalars.contains(s) { return true }
            let before = n > 0 ? scalars[n - 1] : " "
            let after = n + 1 < scalars.count ? scalars[n + 1] : " "
            if s == "_", before != "_", after != "_" { return true }
            if s == "/" || s == "／", before == " ", after == " " { return true }
        }
        return false
    }

    /// A collection's or a sample page's word (范文, 大全 …) or a piece count (15篇).
    private func hasCollectionMark(_ line: ScannedLine) -> Bool {
        if cleaner.rules.words("collection-word").contains(where: { line.matchText.includes($0) }) { return true }
        let scalars = Array(line.text.unicodeScalars)
        return scalars.indices.dropFirst().contains { scalars[$0] == "篇" && ("0"..."9").contains(scalars[$0 - 1]) }
    }
}

// MARK: - A site's masthead

extension SegmentLabeler {
    /// A government or school site's masthead: the page's first kept line naming an organisation
    /// (嵊州市人民政府, 宁国市教体局, 发展规划部) right above the site's navigation (a breadcrumb, a menu of
    /// links) is the site's name, not the report's title, when the report has a title further down
    /// (`site-masthead`). An office's letterhead over a notice has no navigation under it and stays.
    /// The head may have read it as a speaker's office under a line the title chooser demotes
    /// afterwards (网站支持IPv6 / 田林县人民政府 / 当前位置:首页 > …), so it is asked again then.
    func demoteMasthead(_ labeled: inout [LabeledLine]) {
        guard let k = labeled.firstIndex(where: { $0.label.isKept }),
            labeled[k].rule == "title-heading" || labeled[k].rule == "speaker-office",
            k + 1 < labeled.count, labeled[(k + 1)...].contains(where: { $0.label == .title })
        else { return }
        let line = lines[segment.lowerBound + k]
        let named =
            line.isOrganisation(suffixes: cleaner.rules.words("org-suffix"))
            || line.isOrganisation(suffixes: Self.departmentSuffixes)
        let next = labeled[k + 1]
        let navigation = next.rule.hasPrefix("breadcrumb") || next.rule.hasPrefix("nav-") || next.rule == "link-bar"
        guard named, navigation, next.label == .noise || next.label == .metadata else { return }
        labeled[k].label = .noise
        labeled[k].rule = "site-masthead"
    }

    /// Ends of a department's name beside `org-suffix` (a university's 发展规划部, a bureau's 基教处).
    static let departmentSuffixes = ["部", "处", "處"]
}
