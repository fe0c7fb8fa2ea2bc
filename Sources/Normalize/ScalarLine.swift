import EduwhCore

/// A line as an array of scalar values, with helpers to compare words and cut surfaces.
///
/// Traditional characters are folded to simplified ones one for one (`rules/normalize/traditional.tsv`)
/// so that every rule matches in simplified script; offsets stay those of the raw text and
/// surfaces (`text(_:)`) are cut from the raw text.
///
/// ```swift
/// let line = ScalarLine("約4.1萬平方米")
/// line.text(0..<2)   // "約4"
/// line[4] == 0x4E07  // true (萬 reads as 万)
/// ```
struct ScalarLine {
    /// The scalars as matched (traditional characters folded).
    let s: [UInt32]
    /// The raw scalars when folding changed any; nil when `s` is the raw text.
    let raw: [UInt32]?
    var count: Int { s.count }

    init(_ text: String) {
        var scalars = text.scalarValues
        let fold = TraditionalFold.table
        var changed = false
        var original: [UInt32]? = nil
        for k in scalars.indices {
            let v = scalars[k]
            guard v >= 0x4E00, v < 0x10000 else { continue }
            let f = fold[Int(v)]
            if f != 0 {
                if !changed { original = scalars; changed = true }
                scalars[k] = UInt32(f)
            }
        }
        s = scalars
        raw = original
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

    /// The raw text of scalars `range`.
    func text(_ range: Range<Int>) -> String {
        let source = raw ?? s
        var view = String.UnicodeScalarView()
        for k in range { if let u = Unicode.Scalar(source[k]) { view.append(u) } }
        return String(view)
    }
}

/// The traditional → simplified fold of `rules/normalize/traditional.tsv`, as a table indexed by
/// scalar (BMP; 0 = no fold).
enum TraditionalFold {
    static let table: [UInt16] = {
        var table = [UInt16](repeating: 0, count: 0x10000)
        let path = "rules/normalize/traditional.tsv"
        guard let text = EmbeddedFiles.files[path] else { fatalError("\(path): missing rule table") }
        do {
            let rules = try RuleTable(name: path, text: text, required: ["traditional", "simplified"])
            for row in rules.rows {
                let t = row["traditional"].unicodeScalars, s = row["simplified"].unicodeScalars
                guard t.count == 1, s.count == 1, let a = t.first?.value, let b = s.first?.value, a < 0x10000, b < 0x10000 else {
                    throw RuleTableError(file: path, line: row.line, reason: "a pair is one BMP character each")
                }
                table[Int(a)] = UInt16(b)
            }
        } catch {
            fatalError("\(error)")
        }
        return table
    }()
}
