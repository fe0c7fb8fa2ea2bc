/// One line prepared for scanning: its scalars, the spans already taken by other readings
/// (years, document numbers, URLs, fixed phrases) and the spans inside quotes or book titles.
///
/// ```swift
/// var context = LineContext("实施“两免一补”政策")
/// context.markFixedPhrases(rules: .standard)
/// context.claimed[3] // true (两)
/// ```
struct LineContext {
    let line: ScalarLine
    /// Positions already read as something else (a year, a document number, a URL, a fixed phrase).
    var claimed: [Bool]
    /// Positions inside a short quotation (a slogan or name: “三个增长”) or a book title (《…》).
    var quoted: [Bool] = []
    /// The texts of short quotations, to recognise a quoted name used again unquoted (三个坚持).
    var quotedTexts: [[UInt32]] = []

    /// Longest quotation (in scalars) still read as a name or slogan; longer ones are citations.
    static let maxSloganLength = 24

    /// http HTTP www. WWW.: where a web address starts.
    static let urlStarts = ["http", "HTTP", "www.", "WWW."].map(\.scalarValues)

    init(_ text: String) {
        line = ScalarLine(text)
        claimed = [Bool](repeating: false, count: line.count)
    }

    @inline(__always)
    func isQuoted(_ i: Int) -> Bool { !quoted.isEmpty && i < quoted.count && quoted[i] }

    mutating func claim(_ range: Range<Int>) {
        for k in range where k < claimed.count { claimed[k] = true }
    }

    /// Claims document numbers (〔2011〕3号, [2005]18) and web addresses.
    mutating func markDocumentNumbersAndAddresses() {
        guard line.features & (ScalarLine.hasBracket | ScalarLine.hasLatinURLStart) != 0 else { return }
        let s = line.s
        let n = s.count
        var i = 0
        while i < n {
            // Han characters and most punctuation (U+3017–U+FF07) open neither a bracket nor an address.
            i = line.firstIndex(from: i) { $0 <= 0x3016 || $0 >= 0xFF08 }
            guard i < n else { break }
            let v = s[i]
            // [2011]3号, 〔2011〕, 【2011】, (2011)
            if v == 0x5B || v == 0x3014 || v == 0x3010 || v == 0xFF3B || v == 0x28 || v == 0xFF08 || v == 0x3016 {
                var j = i + 1
                var year = 0
                var digits = 0
                while j < n, let d = ScalarClass.arabicDigit(s[j]) {
                    year = year * 10 + d
                    digits += 1
                    j += 1
                }
                let close = line.at(j)
                if digits == 4, (1900...2099).contains(year),
                    close == 0x5D || close == 0x3015 || close == 0x3011 || close == 0xFF3D || close == 0x29
                        || close == 0xFF09 || close == 0x3017
                {
                    j += 1
                    while j < n, ScalarClass.isArabicDigit(s[j]) { j += 1 }
                    if j < n, s[j] == 0x53F7 { j += 1 }  // 号
                    claim(i..<j)
                    i = j
                    continue
                }
            }
            // http://…, https://…, www.…
            if v == 0x68 || v == 0x77 || v == 0x48 || v == 0x57 {
                let isURL = Self.urlStarts.contains { line.matches($0, at: i) }
                if isURL {
                    var j = i
                    while j < n, s[j] > 0x20, s[j] < 0x7F { j += 1 }
                    claim(i..<j)
                    i = j
                    continue
                }
            }
            i += 1
        }
    }

    /// Claims fixed phrases (两免一补, 三个代表 …).
    mutating func markFixedPhrases(rules: NormalizeRules) {
        let n = line.count
        var i = 0
        while i < n {
            i = line.nextFlagged(from: i, in: rules.firstFlags, mask: NormalizeRules.flagFixedPhrase)
            guard i < n else { break }
            if rules.starts(line[i], NormalizeRules.flagFixedPhrase), let candidates = rules.fixedPhrases[line[i]] {
                var matched = 0
                for entry in candidates where line.matches(entry.phrase, at: i) {
                    matched = entry.phrase.count
                    break
                }
                if matched > 0 {
                    claim(i..<(i + matched))
                    i += matched
                    continue
                }
            }
            i += 1
        }
    }

    /// Marks short quotations and book titles.
    mutating func markQuotes() {
        guard line.features & ScalarLine.hasQuote != 0 else { return }
        let s = line.s
        let n = s.count
        var open: Int? = nil
        var openMark: UInt32 = 0
        var bookOpen: Int? = nil
        // Every quotation mark is at most U+300F: the characters past it (most) are passed in one loop.
        var i = line.firstIndex(from: 0) { $0 <= 0x300F }
        while i < n {
            let v = s[i]
            switch v {
            case 0x201C, 0x300C, 0x300E, 0x2018:  // “ 「 『 ‘
                if open == nil || v == 0x201C {
                    open = i
                    openMark = v
                }
            case 0x201D, 0x300D, 0x300F, 0x2019:  // ” 」 』 ’
                if let o = open {
                    let matching =
                        (openMark == 0x201C && v == 0x201D) || (openMark == 0x300C && v == 0x300D)
                        || (openMark == 0x300E && v == 0x300F) || (openMark == 0x2018 && v == 0x2019)
                    if matching {
                        markQuoted(o, i)
                        open = nil
                    }
                }
            case 0x22:  // "
                if let o = open, openMark == 0x22 {
                    markQuoted(o, i)
                    open = nil
                } else if open == nil {
                    open = i
                    openMark = 0x22
                }
            case 0x300A, 0x3008:  // 《 〈
                bookOpen = i
            case 0x300B, 0x3009:  // 》 〉
                if let o = bookOpen {
                    ensureQuoted()
                    for k in o...i { quoted[k] = true }
                    bookOpen = nil
                }
            default:
                break
            }
            i = line.firstIndex(from: i + 1) { $0 <= 0x300F }
        }
    }

    private mutating func ensureQuoted() {
        if quoted.isEmpty { quoted = [Bool](repeating: false, count: line.count) }
    }

    private mutating func markQuoted(_ open: Int, _ close: Int) {
        let inner = close - open - 1
        guard inner > 0, inner <= Self.maxSloganLength else { return }
        ensureQuoted()
        for k in open...close { quoted[k] = true }
        quotedTexts.append(Array(line.s[(open + 1)..<close]))
    }

    /// True when `word` occurs inside one of the line's short quotations.
    func isQuotedName(_ word: ArraySlice<UInt32>) -> Bool {
        guard !word.isEmpty else { return false }
        for text in quotedTexts where text.count >= word.count {
            var k = 0
            while k + word.count <= text.count {
                if text[k..<(k + word.count)].elementsEqual(word) { return true }
                k += 1
            }
        }
        return false
    }
}
