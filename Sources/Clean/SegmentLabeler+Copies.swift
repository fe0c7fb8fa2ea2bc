import EduwhCore

// MARK: - A block the page prints twice

extension SegmentLabeler {
    /// A paragraph anchors a printed-twice block when it has at least this many comparable
    /// characters: shorter lines (a list item, a slogan) may well recur in a report's own text.
    static let copyAnchorLength = 30

    /// The lines of this report that are a later copy of a block printed above them (a re-post
    /// that prints its whole item twice, a mirror that repeats a paragraph): the first copy is the
    /// report's, the later one is noise (`printed-twice`). A block is anchored by a paragraph of
    /// `copyAnchorLength` or more characters whose exact words (spaces and punctuation aside) stand
    /// earlier in the file; it reaches over the lines around that paragraph which equal, in step,
    /// the lines around the first copy (the title, a date line, headings, a photo caption), up to
    /// where the two copies meet.
    func laterCopies() -> Set<Int> {
        var firstSeen = FirstSeen(capacity: min(lines.count, segment.upperBound))
        var copies = Set<Int>()
        for j in 0..<min(lines.count, segment.upperBound) {
            // Fewer bytes than the anchor length: fewer scalars, so no anchor (without building
            // the comparable text).
            guard paragraph[j], lines[j].text.utf8.count >= Self.copyAnchorLength else { continue }
            let (own, length, plain) = ScannedLine.comparableCounted(lines[j].text)
            guard length >= Self.copyAnchorLength else { continue }
            guard let i = firstSeen.first(own, plain: plain, else: j) else { continue }
            guard segment.contains(j) else { continue }
            copies.insert(j)
            var k = 1
            while j - k > i, i - k >= 0, segment.contains(j - k), sameLine(i - k, j - k) {
                copies.insert(j - k)
                k += 1
            }
            k = 1
            while i + k < j, j + k < segment.upperBound, sameLine(i + k, j + k) {
                copies.insert(j + k)
                k += 1
            }
        }
        return copies
    }

    private func sameLine(_ a: Int, _ b: Int) -> Bool {
        let own = lines[a].comparable
        return !own.isEmpty && own == lines[b].comparable
    }

    /// Whether paragraph `j` holds exactly the words of paragraph `first` (spaces and punctuation
    /// aside): then the page prints the item twice, and `first` is no teaser of it.
    func isExactCopy(_ j: Int, of first: Int) -> Bool {
        lines[j].comparable.unicodeScalars.count >= Self.copyAnchorLength && sameLine(first, j)
    }
}

/// The first line of each paragraph text seen (`laterCopies`), texts compared as Swift compares
/// `String`s (canonical equivalence). A text of ASCII, CJK ideographs and full-width forms only is in
/// normal form C, so two such texts are equivalent exactly when their bytes are equal: those are
/// keyed by their bytes (a `String` key hashed every Chinese paragraph through Unicode normalization,
/// ~2.6% of a load's instructions). Other texts keep `String` keys; a text of one kind is compared
/// one by one with the texts of the other kind, so no equivalence across the two is missed.
struct FirstSeen {
    private var plain: [PlainText: Int] = [:]
    private var other: [String: Int] = [:]

    init(capacity: Int) {
        plain.reserveCapacity(capacity)
    }

    /// The first line of a text equivalent to `text`, or nil after recording `line` as its first;
    /// `isPlain` is `PlainText.isPlain(text)` when the caller knows it already.
    mutating func first(_ text: String, plain isPlain: Bool? = nil, else line: Int) -> Int? {
        if isPlain ?? PlainText.isPlain(text) {
            let key = PlainText(text: text)
            if let first = plain[key] { return first }
            if !other.isEmpty, let first = other.first(where: { $0.key == text })?.value { return first }
            plain[key] = line
        } else {
            if let first = other[text] { return first }
            if !plain.isEmpty, let first = plain.first(where: { $0.key.text == text })?.value { return first }
            other[text] = line
        }
        return nil
    }
}

/// A text whose scalars are all ASCII, CJK ideographs (U+3400–U+4DBF, U+4E00–U+9FFF) or full-width
/// forms (U+FF01–U+FF5E): none decomposes, combines or reorders, so it is its own normal form and
/// its bytes are its identity.
struct PlainText: Hashable {
    var text: String

    static func isPlain(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(isPlain)
    }

    @inline(__always)
    static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0...0x7F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E: return true
        default: return false
        }
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func == (a: PlainText, b: PlainText) -> Bool {
        a.text.utf8.elementsEqual(b.text.utf8)
    }
}

// MARK: - A title's copy

extension SegmentLabeler {
    /// Whether the line after `line` holds the rest of `title` (a title wrapped over lines:
    /// …第十三个五年规划 / (2016—2020年)), which makes `line` the title's first line, not a copy.
    /// A document number (岑政办发〔2018〕64号) below is the notice's own line, no part of a title.
    func continuesOnNextLine(_ line: ScannedLine, title: String, shown: String) -> Bool {
        guard let i = lines.firstIndex(where: { $0 === line }), i + 1 < segment.upperBound else { return false }
        // A notice's number under the copy (岑政办发〔2018〕64号) is the notice's own line.
        let next = lines[i + 1].comparable
        return !next.isEmpty && !lines[i + 1].isDocumentNumber && String(title.dropFirst(shown.count)).hasPrefix(next)
    }

    /// Whether `text` (comparable) is a title's copy without the site's decoration the earlier
    /// title line carries after it: the page's title `…汇报材料【完整版】`, `…自查报告.docx`,
    /// `…项目建设-【新闻】`, `…工作情况汇报(范文推荐)` above the report's own heading `…汇报材料`.
    /// A document kind or a name after the heading (…工作总结汇报, 述职报告——某科室 某某) is no decoration.
    func isUndecoratedCopy(_ text: String, of title: String) -> Bool {
        guard text.unicodeScalars.count >= 6, title.count > text.count, title.begins(with: text) else { return false }
        let rest = String(title.unicodeScalars.dropFirst(text.unicodeScalars.count))
        return rest.range(of: ScannedLine.decorationTailPattern, options: .regularExpression) != nil
    }
}
