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
///    `related`), and is multiplied by the share of its text outside links. The best container
///    is the article; when three other containers score near it, their common ancestor is.
/// 3. Siblings of the article container that score a fifth of it, or hold plain paragraphs,
///    join it; inside it, boilerplate blocks (by class/id) and link lists are left out.
/// 4. The title is the heading line that best agrees with `<title>` / `og:title` (shared
///    character pairs), an `<h1>` preferred; lines between it and the container (subtitle,
///    date, source) belong to the article.
/// 5. The DOM's lines are matched to `HTMLTextExtractor`'s lines by their characters, so the
///    line numbers Clean and `clean --explain` count stay those of the visible text.
///
/// ```swift
/// let outside = HTMLArticleFinder().linesOutsideArticle(html: page, visibleText: HTMLTextExtractor.visibleText(of: page))
/// // e.g. [1, 2, 3, 40, 41]: the menu above the article and the footer below
/// ```
struct HTMLArticleFinder {
    var settings = HTMLArticleSettings()

    /// The 1-based numbers of `visibleText`'s lines that lie outside the article; empty when
    /// the page has no article the finder trusts (then Clean decides alone, as for text).
    func linesOutsideArticle(html: String, visibleText: String) -> Set<Int> {
        let tree = HTMLBlockTree(html: HTMLPageRoot.rooted(html))
        guard let article = articleLines(in: tree) else { return [] }
        let inside = Self.align(tree: tree, article: article, visibleText: visibleText)
        guard inside.contains(true) else { return [] }
        var outside = Set<Int>()
        for (i, isInside) in inside.enumerated() where !isInside { outside.insert(i + 1) }
        return outside
    }

    // MARK: - Choosing the article

    /// For each of the tree's lines, whether it belongs to the article; nil when there is none.
    func articleLines(in tree: HTMLBlockTree) -> [Bool]? {
        let elements = tree.elements
        let lines = tree.lines
        guard !elements.isEmpty, !lines.isEmpty else { return nil }

        // 1. Paragraph scores flow to containers.
        var score = [Double](repeating: 0, count: elements.count)
        var scored = [Bool](repeating: false, count: elements.count)
        for line in lines where isParagraph(line) {
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

        // 2. Class/id, tag and link density.
        func final(_ e: Int) -> Double {
            guard scored[e] else { return 0 }
            let element = elements[e]
            var total = score[e] + settings.classWeight * Double(element.hint) + Self.tagWeight(element.tag)
            if element.boilerplate { total -= settings.classWeight }
            return max(0, total) * (1 - linkShare(element))
        }
        var finals = [Double](repeating: 0, count: elements.count)
        var best = -1
        for e in elements.indices where scored[e] {
            finals[e] = final(e)
            if best < 0 || finals[e] > finals[best] { best = e }
        }
        guard best >= 0, finals[best] > 0 else { return nil }

        // Three near-equal candidates elsewhere: the article spans them; take their common ancestor.
        let alternatives = elements.indices.filter { $0 != best && scored[$0] && finals[$0] >= finals[best] * settings.alternativeShare && !isAncestor(best, of: $0, in: elements) && !isAncestor($0, of: best, in: elements) }
        if alternatives.count >= 3 {
            var ancestor = elements[best].parent
            while ancestor >= 0, elements[ancestor].tag != "body" {
                if alternatives.filter({ isAncestor(ancestor, of: $0, in: elements) }).count >= 3 { best = ancestor; break }
                ancestor = elements[ancestor].parent
            }
        }
        guard elements[best].characters >= settings.minArticleCharacters else { return nil }

        // 3. Siblings that belong with it.
        var roots: Set<Int> = [best]
        let parent = elements[best].parent
        if parent >= 0 {
            let threshold = max(10, finals[best] * settings.siblingShare)
            for s in (parent + 1)..<elements.count where elements[s].parent == parent && s != best {
                let sibling = elements[s]
                guard sibling.characters > 0, sibling.hint >= 0, !sibling.boilerplate else { continue }
                let share = linkShare(sibling)
                if finals[s] >= threshold
                    || (sibling.characters > 80 && share < 0.25)
                    || (sibling.characters >= 10 && share == 0 && sibling.punctuation > 0) {
                    roots.insert(s)
                }
            }
        }

        // Elements inside the article, and the boilerplate among them.
        var inside = [Bool](repeating: false, count: elements.count)
        var dropped = [Bool](repeating: false, count: elements.count)
        var boilerplateChain = [Bool](repeating: false, count: elements.count)
        for e in elements.indices {
            let element = elements[e]
            let up = element.parent
            boilerplateChain[e] = element.boilerplate || (up >= 0 && boilerplateChain[up])
            if roots.contains(e) { inside[e] = true; continue }
            guard up >= 0, inside[up] else { continue }
            inside[e] = true
            dropped[e] = dropped[up] || isBoilerplateInside(element)
        }
        var article = lines.map { inside[$0.owner] && !dropped[$0.owner] && !isLinkLine($0) }
        guard let first = article.firstIndex(of: true), let last = article.lastIndex(of: true) else { return nil }

        // 4. The title, and what lies between it and the container.
        if let title = titleLine(in: tree, before: last, articleStart: first, boilerplate: boilerplateChain), title < first {
            article[title] = true
            if first - title <= settings.maxLinesBetweenTitleAndArticle {
                for i in (title + 1)..<first where !boilerplateChain[lines[i].owner] && !isLinkLine(lines[i]) {
                    article[i] = true
                }
            }
        }
        return article
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
        if element.boilerplate || (element.hint < 0 && ["nav", "footer", "aside", "form", "marquee"].contains(element.tag)) { return true }
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
            if cursor < ancestor { return false }   // parents come before children
            cursor = elements[cursor].parent
        }
        return false
    }

    // MARK: - Title

    /// The line that is the article's headline: the heading-like line before the article's
    /// end that best agrees with the page's `<title>` / `og:title`; without those, the last
    /// `<h1>` before the article.
    func titleLine(in tree: HTMLBlockTree, before end: Int, articleStart: Int, boilerplate: [Bool]) -> Int? {
        let lines = tree.lines
        let elements = tree.elements
        let references = tree.titleReferences.map(Self.bigrams)
        var pairs: [UInt64] = []
        var scalars: [UInt32] = []
        var best: Int?
        var bestScore = 0.0
        for i in 0...end {
            let line = lines[i]
            guard line.characters >= 4, line.characters <= 100, !boilerplate[line.owner] else { continue }
            let owner = elements[line.owner]
            let heading = ["h1", "h2", "h3"].contains(owner.tag)
            guard heading || line.linkCharacters * 2 <= line.characters else { continue }
            let weight = owner.tag == "h1" ? 1.0 : heading ? 0.95 : 0.85
            let distance = Double(abs(articleStart - i)) * 0.002
            let candidate: Double
            if references.isEmpty {
                guard owner.tag == "h1" else { continue }
                candidate = 1 - distance
            } else {
                Self.sortedBigrams(tree.compact(line), into: &pairs, scalars: &scalars)
                guard !pairs.isEmpty else { continue }
                let agreement = references.map { reference in Double(pairs.count { reference.contains($0) }) / Double(pairs.count) }.max() ?? 0
                guard agreement >= settings.minTitleAgreement else { continue }
                candidate = agreement * weight - distance
            }
            if candidate > bestScore { bestScore = candidate; best = i }
        }
        return best
    }

    /// The set of adjacent character pairs of UTF-8 text (as scalar values).
    static func bigrams(_ bytes: some Collection<UInt8>) -> Set<UInt64> {
        let scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        guard scalars.count >= 2 else { return scalars.isEmpty ? [] : [UInt64(scalars[0].value)] }
        var pairs = Set<UInt64>()
        for k in 0..<(scalars.count - 1) { pairs.insert(UInt64(scalars[k].value) << 32 | UInt64(scalars[k + 1].value)) }
        return pairs
    }

    /// The elements of `bigrams(bytes)`, sorted, in reused buffers.
    static func sortedBigrams(_ bytes: ArraySlice<UInt8>, into pairs: inout [UInt64], scalars: inout [UInt32]) {
        pairs.removeAll(keepingCapacity: true)
        if !decodeUTF8(bytes, into: &scalars) {
            scalars = String(decoding: bytes, as: UTF8.self).unicodeScalars.map(\.value)
        }
        guard scalars.count >= 2 else {
            if let only = scalars.first { pairs.append(UInt64(only)) }
            return
        }
        for k in 0..<(scalars.count - 1) { pairs.append(UInt64(scalars[k]) << 32 | UInt64(scalars[k + 1])) }
        pairs.sort()
        var kept = 1
        for k in 1..<pairs.count where pairs[k] != pairs[kept - 1] {
            pairs[kept] = pairs[k]
            kept += 1
        }
        pairs.removeLast(pairs.count - kept)
    }

    /// The scalar values of well-formed UTF-8; false (and nothing to use) when it is not.
    static func decodeUTF8(_ bytes: ArraySlice<UInt8>, into scalars: inout [UInt32]) -> Bool {
        scalars.removeAll(keepingCapacity: true)
        var i = bytes.startIndex
        let end = bytes.endIndex
        @inline(__always) func continuation(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> UInt32? {
            guard k < end, bytes[k] >= low, bytes[k] <= high else { return nil }
            return UInt32(bytes[k] & 0x3F)
        }
        while i < end {
            let lead = bytes[i]
            if lead < 0x80 { scalars.append(UInt32(lead)); i += 1; continue }
            if lead >= 0xC2, lead <= 0xDF, let b = continuation(i + 1) {
                scalars.append(UInt32(lead & 0x1F) << 6 | b); i += 2; continue
            }
            if lead >= 0xE0, lead <= 0xEF,
               let b = continuation(i + 1, lead == 0xE0 ? 0xA0 : 0x80, lead == 0xED ? 0x9F : 0xBF), let c = continuation(i + 2) {
                scalars.append(UInt32(lead & 0x0F) << 12 | b << 6 | c); i += 3; continue
            }
            if lead >= 0xF0, lead <= 0xF4,
               let b = continuation(i + 1, lead == 0xF0 ? 0x90 : 0x80, lead == 0xF4 ? 0x8F : 0xBF), let c = continuation(i + 2), let d = continuation(i + 3) {
                scalars.append(UInt32(lead & 0x07) << 18 | b << 12 | c << 6 | d); i += 4; continue
            }
            return false
        }
        return true
    }

    // MARK: - Matching the DOM's lines to the visible text's

    /// For each line of `visibleText`, whether it is in the article: the DOM line with the same
    /// characters (searched a little ahead, in order) decides; a line with no match takes the
    /// decision of its neighbours (inside only when both are).
    static func align(tree: HTMLBlockTree, article: [Bool], visibleText: String) -> [Bool] {
        let keys = lineKeys(visibleText)
        let window = 64
        var decided = [Bool?](repeating: nil, count: keys.count)
        var cursor = 0
        for (i, key) in keys.enumerated() {
            var k = cursor
            let limit = min(tree.lines.count, cursor + window)
            while k < limit, tree.lines[k].key != key { k += 1 }
            if k < limit {
                decided[i] = article[k]
                cursor = k + 1
            }
        }
        // The next decided line after each line, from the end.
        var nextDecided = [Bool?](repeating: nil, count: keys.count)
        var following: Bool?
        for i in keys.indices.reversed() {
            nextDecided[i] = following
            if let value = decided[i] { following = value }
        }
        var result = [Bool](repeating: false, count: keys.count)
        var previous: Bool?
        for i in keys.indices {
            if let value = decided[i] { result[i] = value; previous = value; continue }
            let next = nextDecided[i]
            result[i] = (previous ?? false) && (next ?? previous ?? false)
        }
        return result
    }

    /// The FNV-1a key of each line (split at `\n`) without whitespace, as `HTMLBlockTree` keys its lines.
    static func lineKeys(_ text: String) -> [UInt64] {
        var keys: [UInt64] = []
        var text = text
        text.withUTF8 { bytes in
            var key: UInt64 = 0xcbf2_9ce4_8422_2325
            var i = 0
            let count = bytes.count
            while i < count {
                let byte = bytes[i]
                if byte == 0x0A { keys.append(key); key = 0xcbf2_9ce4_8422_2325; i += 1; continue }
                if byte <= 0x20 { i += 1; continue }
                if byte == 0xC2, i + 1 < count, bytes[i + 1] == 0xA0 { i += 2; continue }
                if byte == 0xE3, i + 2 < count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 { i += 3; continue }
                key = (key ^ UInt64(byte)) &* 0x100_0000_01b3
                i += 1
            }
            if count > 0, bytes[count - 1] != 0x0A { keys.append(key) }
        }
        return keys
    }
}
