/// A line as an array of scalar values, with helpers to compare words and cut surfaces.
struct ScalarLine {
    let s: [UInt32]
    var count: Int { s.count }

    init(_ text: String) {
        s = text.scalarValues
    }

    @inline(__always)
    subscript(_ i: Int) -> UInt32 { s[i] }

    /// The scalar at `i`, or 0 outside the line.
    @inline(__always)
    func at(_ i: Int) -> UInt32 { i >= 0 && i < s.count ? s[i] : 0 }

    /// True when `word` stands at `i`.
    @inline(__always)
    func matches(_ word: [UInt32], at i: Int) -> Bool {
        guard i >= 0, i + word.count <= s.count else { return false }
        var k = 0
        while k < word.count {
            if s[i + k] != word[k] { return false }
            k += 1
        }
        return true
    }

    /// True when `word` ends right before `i`.
    @inline(__always)
    func matches(_ word: [UInt32], endingAt i: Int) -> Bool {
        matches(word, at: i - word.count)
    }

    /// The text of scalars `range`.
    func text(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        for k in range { if let u = Unicode.Scalar(s[k]) { view.append(u) } }
        return String(view)
    }
}

