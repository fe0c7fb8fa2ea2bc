import EduwhCore

// MARK: - Title-shaped head lines about something else, and decisions the line before revises

extension SegmentLabeler {
    /// Title-shaped head lines that share no words with the report's opening, above one that
    /// shares several: other stories' headlines a news page lists above the article (鸿海与日厂
    /// 合作电动巴士… above 北市非营利幼儿园增3间…), a site's caption of another document. A
    /// line's words are its pairs of adjacent ideographs (simplified); the opening is the first
    /// three paragraphs. Only lines of eight or more such pairs count, and a line over a
    /// ——subtitle is a speech's slogan title, whatever its words.
    func unrelatedHeadlines(headEnd: Int, firstParagraph: Int?, zoneOf zone: (Int) -> LineZone) -> Set<Int> {
        guard let first = firstParagraph, first > segment.lowerBound else { return [] }
        var openingPairs: [UInt64] = []
        for j in (first..<segment.upperBound).filter({ paragraph[$0] }).prefix(3) {
            openingPairs += Self.wordPairs(lines[j].matchText)
        }
        let opening = Self.distinct(openingPairs)
        var candidates: [(index: Int, words: Int, shared: Int)] = []
        for i in segment.lowerBound..<headEnd {
            let line = lines[i]
            if evaluator.firstRule(at: i, zone: .head, within: segment, zoneOf: zone) != nil { continue }
            if evaluator.cue(.marker, at: i) != nil || evaluator.cue(.salutation, at: i) != nil || isWrappedProse(i) {
                break
            }
            guard line.shape.length <= cleaner.settings.maxTitleLength, !line.shape.endsSentence, !line.isDateOnly,
                !line.isListHeading, !line.startsWithDash, !line.isFieldAndValue
            else { continue }
            let words = Self.distinct(Self.wordPairs(line.matchText))
            candidates.append((i, words.count, Self.sharedCount(words, opening)))
        }
        guard let anchor = candidates.last(where: { $0.shared >= 3 }) else { return [] }
        return Set(
            candidates.filter { candidate in
                let next = candidate.index + 1 < segment.upperBound ? lines[candidate.index + 1] : nil
                return candidate.index < anchor.index && candidate.words >= 8 && candidate.shared <= 1
                    && next?.startsWithDash != true
            }.map(\.index))
    }

    /// The pairs of adjacent ideographs in `text`, in order and with repeats, each as its two
    /// scalar values in one number (a set of two-character strings cost a twentieth of a load's
    /// CPU; sets of the numbers, hashed one by one, still a fiftieth).
    static func wordPairs(_ text: String) -> [UInt64] {
        var result: [UInt64] = []
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            // No scalar below U+3006 is ideographic, every one of U+4E00–U+9FFF is: no table lookup.
            let value = scalar.value
            if (0x4E00...0x9FFF).contains(value) || (value >= 0x3006 && scalar.properties.isIdeographic) {
                if let p = previous { result.append(UInt64(p.value) << 32 | UInt64(scalar.value)) }
                previous = scalar
            } else {
                previous = nil
            }
        }
        return result
    }

    /// `pairs` sorted, without repeats: a set that counts its shared members by one merge.
    static func distinct(_ pairs: [UInt64]) -> [UInt64] {
        var sorted = pairs.sorted()
        var kept = 0
        for index in sorted.indices where index == 0 || sorted[index] != sorted[kept - 1] {
            sorted[kept] = sorted[index]
            kept += 1
        }
        sorted.removeLast(sorted.count - kept)
        return sorted
    }

    /// How many members two `distinct` lists share.
    static func sharedCount(_ a: [UInt64], _ b: [UInt64]) -> Int {
        var (i, j, shared) = (0, 0, 0)
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                shared += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return shared
    }

    /// A decision revised by what came before it in the report:
    /// - a breadcrumb that does not name the site (首页 > 新闻) is navigation: `breadcrumb-nav`;
    /// - a metadata line whose words an earlier one holds (a page's second, narrower copy of its
    ///   record table) is a copy: `metadata-repeat`;
    /// - a short Latin line a shape rule took for a watermark (`of`, `June 2012`) right under a
    ///   kept Latin line continues it (an English title page or abstract): `latin-continuation`;
    /// - a kept line that `isInjected` is noise: `injected-keyword`;
    /// - a body line in brackets right under an image placeholder is the image's caption: `image-caption`;
    /// - a figure or a list's piece of a sentence broken over lines (`isSentencePiece`) is body:
    ///   `sentence-piece`;
    /// - the file's last line, a leftover under kept text, is the report's cut end: `cut-end`
    ///   (not a short label sharing no words with the paragraphs: a widget's, `isWidgetLabel`);
    /// - an item of a list numbered in step, or its caption, that a list rule dropped is body:
    ///   `numbered-item`, `list-caption`.
    func revised(
        _ decision: (LineLabel, String), at i: Int, after previous: LabeledLine?, recordSeen: inout [String]
    ) -> (LineLabel, String) {
        let line = lines[i]
        if decision.0 == .metadata, decision.1.hasPrefix("breadcrumb"),
            !MetadataParser(rules: cleaner.rules).breadcrumbNamesSite(line.text)
        {
            return (.noise, "breadcrumb-nav")
        }
        if decision.0 == .metadata {
            if line.comparable.count >= 3, recordSeen.contains(where: { $0.includes(line.comparable) }) {
                return (.noise, "metadata-repeat")
            }
            recordSeen.append(line.comparable)
        }
        if decision.0.isKept, isInjected(i) { return (.noise, "injected-keyword") }
        // A list numbered in step (1、甘肃省…第二中学 / 2、…) is the report's, not a list of links.
        if decision.1 == "related-list", isNumberedItem(i) { return (.body, "numbered-item") }
        if decision.1 == "related-list", isNumberedListCaption(i) { return (.body, "list-caption") }
        // A line in brackets right under an image's placeholder is its caption ((副市长视察…新校址)).
        if decision.0 == .body, previous?.rule == "image-placeholder", line.isBracketed, line.shape.length <= 60 {
            return (.noise, "image-caption")
        }
        // A counted figure after the body (`tail-figure`) may be a piece of a broken sentence: that names it better.
        let asPiece = decision.1 == "tail-figure" ? (LineLabel.noise, "tail-residue") : decision
        if isSentencePiece(i, decision: asPiece, after: previous) { return (.body, "sentence-piece") }
        // The file's last line, unpunctuated, right under the report's kept text: the page was cut
        // off in the middle of a sentence (…13项核心指标中:13项指标全), and the line is the report's.
        // A line closed in brackets ((建议使用…浏览器)) is whole, not cut; the start of a line above
        // (校长欢迎县领导现场办公 under 校长欢迎县领导现场办公讲话稿…) is a copy of it. A blanked name
        // (**市教) counts as its characters.
        if decision.1 == "tail-residue", i == lines.count - 1, previous?.label.isKept == true,
            line.shape.cjk + line.text.unicodeScalars.filter({ "*＊×".unicodeScalars.contains($0) }).count >= 4,
            !line.isBracketed, !repeatsAStartAbove(i), !isWidgetLabel(i)
        {
            return (.body, "cut-end")
        }
        if decision.1 == "watermark-latin" || decision.1 == "letter-soup", let previous, previous.label.isKept,
            line.shape.latin > 0, Self.isLatinText(previous.text)
        {
            return (.body, "latin-continuation")
        }
        return decision
    }

    /// Whether line `i` is the start of a longer line above it in the report (a cut copy of it).
    private func repeatsAStartAbove(_ i: Int) -> Bool {
        let own = lines[i].comparable
        guard own.count >= 4 else { return false }
        return (segment.lowerBound..<i).contains { j in
            let other = lines[j].comparable
            return other.count > own.count && other.hasPrefix(own)
        }
    }

    /// A short unpunctuated line put inside a sentence (a site's keywords injected into the text):
    /// the line above does not end its sentence and the line below goes on with a comma
    /// (教育部今天表示, / 台中关键字行销 / ,预计自106年起…).
    func isInjected(_ i: Int) -> Bool {
        let line = lines[i]
        guard line.shape.length <= 12, line.shape.punctuation == 0, !line.isListHeading,
            i > segment.lowerBound, i + 1 < segment.upperBound, !lines[i - 1].shape.endsSentence,
            let next = lines[i + 1].text.unicodeScalars.first
        else { return false }
        return next == "，" || next == ","
    }

    /// Half or more of the line's non-space characters are Latin letters.
    static func isLatinText(_ text: String) -> Bool {
        let shape = LineShape(text)
        return shape.length > 0 && shape.latin * 2 >= shape.length
    }

    /// Lines in the report's body that title the document a notice sends out: the words inside
    /// 《》 of a line that 印发/转发/发布 it or asks for comments on it (现将《某县教育事业发展规划》印发给你们,
    /// 草拟了《…规划(征求意见稿)》,现向社会各界公开征求意见), standing alone as a
    /// line of their own below (the enclosed document's heading), or split over two lines.
    func enclosedTitleLines() -> Set<Int> {
        var quoted = Set<String>()
        for i in segment where lines[i].text.includes("《") {
            let text = lines[i].matchText
            guard
                text.includes("印发") || text.includes("转发") || text.includes("发布")
                    || text.includes("征求意见")
            else { continue }
            for part in text.split(separator: "《", omittingEmptySubsequences: false).dropFirst() {
                guard let close = part.firstIndex(of: "》") else { continue }
                let title = ScannedLine.comparable(String(part[..<close]))
                if title.count >= 6 { quoted.insert(title) }
            }
        }
        guard !quoted.isEmpty else { return [] }
        let isLine = { (i: Int) in
            !self.paragraph[i] && self.lines[i].shape.length <= self.cleaner.settings.maxTitleLength
                && !self.lines[i].shape.endsSentence && !self.lines[i].text.includes("《")
        }
        var result = Set<Int>()
        for i in segment where isLine(i) {
            let own = lines[i].comparable
            if quoted.contains(own) {
                result.insert(i)
            } else if i + 1 < segment.upperBound, isLine(i + 1), quoted.contains(own + lines[i + 1].comparable) {
                result.formUnion([i, i + 1])
            }
        }
        return result
    }
}
