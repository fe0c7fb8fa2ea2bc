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
        var firstSeen: [String: Int] = [:]
        var copies = Set<Int>()
        for j in 0..<min(lines.count, segment.upperBound) {
            // Fewer bytes than the anchor length: fewer scalars, so no anchor (without building
            // the comparable text).
            guard paragraph[j], lines[j].text.utf8.count >= Self.copyAnchorLength else { continue }
            let (own, length) = ScannedLine.comparableCounted(lines[j].text)
            guard length >= Self.copyAnchorLength else { continue }
            // One hash per paragraph: most are new; a copy puts its first line number back.
            guard let i = firstSeen.updateValue(j, forKey: own) else { continue }
            firstSeen[own] = i
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
