/// Finds the article in an HTML page: which of the page's visible lines are its title and text,
/// and which are the site around it (menus, breadcrumbs, tickers, sidebars, related headlines,
/// comments, share bars, footers).
///
/// How (the features of readability, GNE and trafilatura, on libxml2's DOM, `HTMLBlockTree`):
/// 1. Every paragraph-like block (≥ 20 characters, at most half of them in links) scores
///    1 + its sentence punctuation + its length / 100 (at most 3); the score goes to the block's
///    container and, divided by 2, 6, 9, 12, to the containers above it.
/// 2. A container's score gains or loses 25 when its class/id names content (`content`,
///    `article`, `正文`, `TRS_Editor`) or boilerplate (`nav`, `footer`, `comment`, `share`,
///    `related`, `player`), and is multiplied by the share of its text outside links. The best
///    container is the article, but not one inside a block named as boilerplate that does not
///    hold the page's headline (a long recommended article or comment thread under a short
///    article does not win; a print area around the article may); when three other containers
///    score near it, their common ancestor is.
/// 3. Siblings of the article container that score a fifth of it, or hold plain paragraphs,
///    join it; inside it, boilerplate blocks (by class/id) and link lists are left out, and so
///    are a summary box repeating the first paragraph and photo credits right after an image.
/// 4. The title is the heading line that best agrees with `<title>` / `og:title` (shared
///    character pairs), an `<h1>` preferred; lines between it and the container (subtitle,
///    date, source) belong to the article.
/// 5. The DOM's lines are matched to `HTMLTextExtractor`'s lines by their characters, so the
///    line numbers Clean and `clean --explain` count stay those of the visible text; each line
///    left out carries its reason (`Decision`), the rule `clean --explain` shows.
///
/// A page saved without its `<html>` element (starting at `<head>`) is given one first
/// (`HTMLPageRoot`): libxml2 would otherwise hang its body under the head's first `<script>`.
///
/// ```swift
/// let outside = HTMLArticleFinder().linesOutsideArticle(html: page, visibleText: HTMLTextExtractor.visibleText(of: page))
/// // e.g. [1, 2, 3, 40, 41]: the menu above the article and the footer below
/// ```
struct HTMLArticleFinder {
    var settings = HTMLArticleSettings()

    /// Why a line is not the article's; `inside` when it is. Each reason is the rule
    /// `clean --explain` names for the line.
    enum Decision: UInt8, Sendable {
        case inside
        /// Outside the article's block(s): menus, sidebars, feeds, footers.
        case outsideBlock
        /// Inside the article's block, in a block named as boilerplate (share bar, tags,
        /// related articles, comments, player controls) or a list of links.
        case boilerplateBlock
        /// Inside the article's block, a line that is mostly link text (上一篇：…).
        case linkLine
        /// A lead or summary box repeating the article's first paragraph.
        case repeatedLead
        /// A photo credit under an image.
        case imageCredit

        /// The rule id Clean gives lines of this kind.
        var rule: String {
            switch self {
            case .inside: ""
            case .outsideBlock: "html-outside-article"
            case .boilerplateBlock: "html-boilerplate-block"
            case .linkLine: "html-link-line"
            case .repeatedLead: "html-repeated-lead"
            case .imageCredit: "html-image-credit"
            }
        }
    }

    /// The 1-based numbers of `visibleText`'s lines that lie outside the article; empty when
    /// the page has no article the finder trusts (then Clean decides alone, as for text).
    func linesOutsideArticle(html: String, visibleText: String) -> Set<Int> {
        Set(outsideLines(html: html, visibleText: visibleText).keys)
    }

    /// `linesOutsideArticle` with the reason each line is outside.
    func outsideLines(html: String, visibleText: String) -> [Int: Decision] {
        let tree = HTMLBlockTree(html: HTMLPageRoot.rooted(html))
        guard let article = articleDecisions(in: tree) else { return [:] }
        let decisions = Self.align(tree: tree, article: article, visibleText: visibleText)
        guard decisions.contains(.inside) else { return [:] }
        var outside: [Int: Decision] = [:]
        for (i, decision) in decisions.enumerated() where decision != .inside { outside[i + 1] = decision }
        return outside
    }

    // MARK: - Choosing the article

    /// For each of the tree's lines, whether it belongs to the article; nil when there is none.
    func articleLines(in tree: HTMLBlockTree) -> [Bool]? {
        articleDecisions(in: tree)?.map { $0 == .inside }
    }

    /// For each of the tree's lines, `inside` or why it is not the article's; nil when the page
    /// has no article.
    func articleDecisions(in tree: HTMLBlockTree) -> [Decision]? {
        let elements = tree.elements
        let lines = tree.lines
        guard !elements.isEmpty, !lines.isEmpty else { return nil }
        let boilerplateChain = Self.boilerplateChains(elements)
        let (finals, scored) = containerScores(tree)
        let none = [Bool](repeating: false, count: elements.count)
        guard var best = bestContainer(finals: finals, scored: scored, setAside: none, elements: elements) else {
            return nil
        }
        var aside = none
        if elements[best].parent >= 0, boilerplateChain[elements[best].parent] {
            aside = setAside(tree)
            best = bestContainer(finals: finals, scored: scored, setAside: aside, elements: elements) ?? best
        }
        best = spanningAncestor(of: best, finals: finals, scored: scored, setAside: aside, elements: elements)
        guard elements[best].characters >= settings.minArticleCharacters else { return nil }

        let roots = articleRoots(best, finals: finals, elements: elements)
        var article = linesInside(roots, tree: tree)
        guard let first = article.firstIndex(of: .inside), let last = article.lastIndex(of: .inside) else { return nil }
        dropRepeatedLead(&article, tree: tree)
        Self.dropImageCredits(&article, tree: tree)

        // The title, and what lies between it and the container.
        // Blocks named as boilerplate around the article (a print area) do not hide its title.
        let around = Self.boilerplateChains(elements, ignoringAncestorsOf: best)
        if let title = titleLine(in: tree, before: last, articleStart: first, boilerplate: around), title < first {
            article[title] = .inside
            if first - title <= settings.maxLinesBetweenTitleAndArticle {
                for i in (title + 1)..<first where !around[lines[i].owner] && !isLinkLine(lines[i]) {
                    article[i] = .inside
                }
            }
        }
        return article
    }

    /// Per element, whether it or an ancestor is named as boilerplate (comments, share bars,
    /// related or recommended articles, tags).
    /// With `ignoringAncestorsOf`, the blocks around that element (a print area around the
    /// article) do not count.
    static func boilerplateChains(_ elements: [HTMLBlockTree.Element], ignoringAncestorsOf inner: Int? = nil) -> [Bool]
    {
        var ignored = Set<Int>()
        if let inner {
            var up = elements[inner].parent
            while up >= 0 {
                ignored.insert(up)
                up = elements[up].parent
            }
        }
        var chain = [Bool](repeating: false, count: elements.count)
        for e in elements.indices {
            let up = elements[e].parent
            chain[e] = (elements[e].boilerplate && !ignored.contains(e)) || (up >= 0 && chain[up])
        }
        return chain
    }

    /// 1–2: every paragraph's score flows to its container and the containers above it; each
    /// container's final score adds its class/id and tag weights and is scaled by its text
    /// outside links. Also whether each element received any paragraph's score.
    func containerScores(_ tree: HTMLBlockTree) -> (finals: [Double], scored: [Bool]) {
        let elements = tree.elements
        var score = [Double](repeating: 0, count: elements.count)
        var scored = [Bool](repeating: false, count: elements.count)
        for line in tree.lines where isParagraph(line) {
            let value = 1 + Double(line.punctuation) + min(Double(line.characters) / 100, 3)
            var container = line.owner
            let owner = elements[line.owner]
            if owner.isParagraphElement || owner.firstLine == owner.lastLine {
                container = owner.parent
            }
            var level = 0
            while container >= 0, level < settings.scoredAncestorLevels {
                let divider = level == 0 ? 1.0 : level == 1 ? 2.0 : Double(level * 3)
                score[container] += value / divider
                scored[container] = true
                container = elements[container].parent
                level += 1
            }
        }
        var finals = [Double](repeating: 0, count: elements.count)
        for e in elements.indices where scored[e] {
            let element = elements[e]
            var total = score[e] + settings.classWeight * Double(element.hint) + Self.tagWeight(element.tag)
            if element.boilerplate { total -= settings.classWeight }
            finals[e] = max(0, total) * (1 - linkShare(element))
        }
        return (finals, scored)
    }

    /// The best-scoring container among those not set aside.
    func bestContainer(finals: [Double], scored: [Bool], setAside: [Bool], elements: [HTMLBlockTree.Element]) -> Int? {
        var best = -1
        for e in elements.indices where scored[e] && finals[e] > 0 && !setAside[e] {
            if best < 0 || finals[e] > finals[best] { best = e }
        }
        return best >= 0 ? best : nil
    }

    /// Per element, whether it lies inside a block named as boilerplate that does not hold the
    /// page's headline (the line agreeing best with `<title>`): a recommended article or a
    /// comment thread under the article, not a print area or share wrapper around the article
    /// itself. Nothing is set aside on a page without a headline.
    func setAside(_ tree: HTMLBlockTree) -> [Bool] {
        let elements = tree.elements
        var aside = [Bool](repeating: false, count: elements.count)
        guard let headline = titleLine(in: tree, before: tree.lines.count - 1, articleStart: 0, boilerplate: aside)
        else { return aside }
        for e in elements.indices {
            let up = elements[e].parent
            guard up >= 0 else { continue }
            let holdsHeadline = elements[up].firstLine <= headline && headline <= elements[up].lastLine
            aside[e] = aside[up] || (elements[up].boilerplate && !holdsHeadline)
        }
        return aside
    }

    /// When three other containers (not set aside) score near the best one, the article spans
    /// them: their common ancestor.
    func spanningAncestor(
        of best: Int, finals: [Double], scored: [Bool], setAside: [Bool],
        elements: [HTMLBlockTree.Element]
    ) -> Int {
        let alternatives = elements.indices.filter { e in
            e != best && scored[e] && finals[e] >= finals[best] * settings.alternativeShare && !setAside[e]
                && !isAncestor(best, of: e, in: elements) && !isAncestor(e, of: best, in: elements)
        }
        guard alternatives.count >= 3 else { return best }
        var ancestor = elements[best].parent
        while ancestor >= 0, elements[ancestor].tag != "body" {
            if alternatives.filter({ isAncestor(ancestor, of: $0, in: elements) }).count >= 3 { return ancestor }
            ancestor = elements[ancestor].parent
        }
        return best
    }

    /// 3: the container and its siblings that score a fifth of it or hold plain paragraphs.
    func articleRoots(_ best: Int, finals: [Double], elements: [HTMLBlockTree.Element]) -> Set<Int> {
        var roots: Set<Int> = [best]
        let parent = elements[best].parent
        guard parent >= 0 else { return roots }
        let threshold = max(10, finals[best] * settings.siblingShare)
        for s in (parent + 1)..<elements.count where elements[s].parent == parent && s != best {
            let sibling = elements[s]
            guard sibling.characters > 0, sibling.hint >= 0, !sibling.boilerplate else { continue }
            let share = linkShare(sibling)
            if finals[s] >= threshold
                || (sibling.characters > 80 && share < 0.25)
                || (sibling.characters >= 10 && share == 0 && sibling.punctuation > 0)
            {
                roots.insert(s)
            }
        }
        return roots
    }

    /// The lines inside the roots, without the boilerplate blocks and link lists among them.
    func linesInside(_ roots: Set<Int>, tree: HTMLBlockTree) -> [Decision] {
        let elements = tree.elements
        var inside = [Bool](repeating: false, count: elements.count)
        var dropped = [Bool](repeating: false, count: elements.count)
        for e in elements.indices {
            let up = elements[e].parent
            if roots.contains(e) {
                inside[e] = true
                continue
            }
            guard up >= 0, inside[up] else { continue }
            inside[e] = true
            dropped[e] = dropped[up] || isBoilerplateInside(elements[e])
        }
        return tree.lines.map { line in
            !inside[line.owner]
                ? .outsideBlock : dropped[line.owner] ? .boilerplateBlock : isLinkLine(line) ? .linkLine : .inside
        }
    }

    /// A lead or summary box (导读, 摘要) above the text, repeating its opening paragraph: one of
    /// the article's first three paragraphs (headings and lines like 发布时间 before it are
    /// counted) whose text comes again later in the article. Only there: lines repeated inside
    /// the text (two list entries with the same note) are the article's.
    func dropRepeatedLead(_ article: inout [Decision], tree: HTMLBlockTree) {
        let lines = tree.lines
        let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]
        let decided = article
        let opening = lines.indices.lazy.filter {
            decided[$0] == .inside && isParagraph(lines[$0]) && !headings.contains(tree.elements[lines[$0].owner].tag)
        }.prefix(3)
        for lead in opening
        where lines.indices.contains(where: { $0 > lead && decided[$0] == .inside && lines[$0].key == lines[lead].key })
        {
            article[lead] = .repeatedLead
            return
        }
    }

    /// Photo credits under images (故宫博物院供图, 图片来源：视觉中国, ◎ 图：@某某微博截图, …记者 某某 摄):
    /// a line of at most 120 characters right after an image, whose last 24 characters name
    /// where the picture comes from, is not article text. Captions that describe the picture
    /// without a credit stay.
    static func dropImageCredits(_ article: inout [Decision], tree: HTMLBlockTree) {
        for (i, line) in tree.lines.enumerated()
        where article[i] == .inside && line.followsImage && line.characters <= 120 {
            if namesImageCredit(tree.compact(line)) { article[i] = .imageCredit }
        }
    }

    static let imageCreditMarks = ["供图", "图片来源", "图源", "截图", "图：", "图:", "图/", "摄）", "摄)"].map { Array($0.utf8) }
    static let photographed = Array("摄".utf8)

    /// Whether a caption's text (without whitespace) ends in a credit: 摄 at its end, or one of
    /// `imageCreditMarks` in its last 24 characters.
    static func namesImageCredit(_ text: ArraySlice<UInt8>) -> Bool {
        if text.count >= photographed.count, text.suffix(photographed.count).elementsEqual(photographed) { return true }
        let tail = Array(text.suffix(24 * 3))
        return imageCreditMarks.contains { mark in
            guard tail.count >= mark.count else { return false }
            return (0...(tail.count - mark.count)).contains { start in
                tail[start..<(start + mark.count)].elementsEqual(mark)
            }
        }
    }

    private func isParagraph(_ line: HTMLBlockTree.Line) -> Bool {
        line.characters >= settings.minParagraphCharacters
            && Double(line.linkCharacters) <= Double(line.characters) * settings.maxParagraphLinkShare
    }

    private func linkShare(_ element: HTMLBlockTree.Element) -> Double {
        element.characters > 0 ? Double(element.linkCharacters) / Double(element.characters) : 0
    }

    /// A line that is mostly link text (上一篇：…, a tag, a share button).
    private func isLinkLine(_ line: HTMLBlockTree.Line) -> Bool {
        line.linkCharacters * 2 > line.characters
    }

    /// A block inside the article container that is not article text: named as boilerplate by
    /// its class/id, or a list of links.
    private func isBoilerplateInside(_ element: HTMLBlockTree.Element) -> Bool {
        if element.boilerplate
            || (element.hint < 0 && ["nav", "footer", "aside", "form", "marquee"].contains(element.tag))
        {
            return true
        }
        return element.links >= 2 && element.characters >= 10 && linkShare(element) > settings.maxLinkListShare
    }

    /// readability's starting weights of a container by its tag.
    static func tagWeight(_ tag: String) -> Double {
        switch tag {
        case "div", "article", "section", "main": 5
        case "pre", "td", "blockquote": 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": -5
        default: 0
        }
    }

    private func isAncestor(_ ancestor: Int, of e: Int, in elements: [HTMLBlockTree.Element]) -> Bool {
        var cursor = elements[e].parent
        while cursor >= 0 {
            if cursor == ancestor { return true }
            if cursor < ancestor { return false }  // parents come before children
            cursor = elements[cursor].parent
        }
        return false
    }
}
