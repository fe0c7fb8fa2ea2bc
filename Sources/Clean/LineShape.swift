/// What a line looks like, measured in one pass over its scalars: the features that rule
/// conditions (`len<=40`, `latin>=0.5`, `punct=0` …) compare.
///
/// ```swift
/// let shape = LineShape("谢谢大家！")
/// shape.length        // 5
/// shape.endsSentence  // true
/// ```
public struct LineShape: Sendable, Hashable {
    /// Characters (Unicode scalars) that are not whitespace.
    public var length = 0
    /// CJK ideographs.
    public var cjk = 0
    /// Latin letters, ASCII or full-width.
    public var latin = 0
    /// Digits, ASCII or full-width.
    public var digits = 0
    /// Sentence punctuation: ，。；！？ and ASCII , ; ! (and ? at the end of the line)
    public var punctuation = 0
    /// Whether the line ends a sentence (。！？；… possibly inside a closing quote).
    public var endsSentence = false
    /// Whitespace-separated words.
    public var tokens = 0
    /// Length of the longest whitespace-separated word.
    public var longestToken = 0
    /// Vertical bars, ASCII or full-width (| ｜), and the bar-like ideograph 丨: the separators of
    /// a piped navigation bar.
    public var pipes = 0
    /// Two-ideograph words found in two or more of the line's phrases (the parts between its
    /// commas, 、, underscores and bars), counted once each; 0 for a line with fewer than four
    /// phrases, with a sentence end (。！？；) in it, or with the particles of a written sentence
    /// (的 了 是 我 和) or a title in 《》. Keyword stuffing repeats its words from
    /// phrase to phrase (久久国产一区二区_国产精品一区二区三区_…); a sentence hardly does.
    public var repeats = 0
    /// Counted quantities: figures followed by a measure word or unit (17所, 47478人, 3.2亿元,
    /// 87.18%, 66.3万平方米). A report's sentences state them; keyword stuffing, menus and a
    /// site's notices hardly do (页 and 篇, the counts of a document site's widgets, are no measure).
    public var counts = 0

    /// Measures `text` (already trimmed or not: whitespace is not counted).
    public init(_ text: String) {
        var tokenLength = 0
        var questionMarks = 0
        var last: Unicode.Scalar = " "
        var beforeLast: Unicode.Scalar = " "
        var phraseBreaks = 0
        var sentenceEnds = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v >= 0x4E00, v <= 0x9FFF, v != 0x4E28 {
                // Most scalars are ideographs of the main block: no break, end, space or bar.
                tokenLength += 1
                length += 1
                beforeLast = last
                last = scalar
                cjk += 1
                continue
            }
            if Self.isPhraseBreak(scalar) { phraseBreaks += 1 }
            if Self.isSentenceEnd(scalar) { sentenceEnds += 1 }
            if Self.isSpace(scalar) {
                if tokenLength > 0 {
                    tokens += 1
                    longestToken = max(longestToken, tokenLength)
                    tokenLength = 0
                }
                continue
            }
            tokenLength += 1
            length += 1
            beforeLast = last
            last = scalar
            switch v {
            case 0x4E28:
                // 丨, the ideograph that looks like a bar, separates the items of Chinese sites' menus.
                pipes += 1
            case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x2FFFF:
                cjk += 1
            case 0x41...0x5A, 0x61...0x7A, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
                latin += 1
            case 0x30...0x39, 0xFF10...0xFF19:
                digits += 1
            case 0xFF0C, 0x3002, 0xFF1B, 0xFF01, 0xFF1F, 0x2C, 0x3B, 0x21:
                punctuation += 1
            case 0x7C, 0xFF5C:
                pipes += 1
            case 0x3F:
                // An ASCII ? inside Chinese text is mostly a character the decoder could not
                // map; it counts only where it ends the line.
                questionMarks += 1
            default:
                break
            }
        }
        if tokenLength > 0 {
            tokens += 1
            longestToken = max(longestToken, tokenLength)
        }
        if last == "?", questionMarks > 0 { punctuation += 1 }
        if phraseBreaks >= 3, sentenceEnds == 0 { repeats = Self.repeatedWords(text) }
        if digits > 0 { counts = Self.countedQuantities(text) }
        if Self.isSentenceEnd(last) {
            endsSentence = true
        } else if "”’」』\"')）".unicodeScalars.contains(last), Self.isSentenceEnd(beforeLast) {
            endsSentence = true
        }
    }

    static func isPhraseBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFF0C, 0x2C, 0x3001, 0x5F, 0x7C, 0xFF5C: true
        default: false
        }
    }

    /// `repeats` of a line with three or more phrase breaks and no sentence end. A line with the
    /// particles of written sentences (的 了 是 我 和) or a document's title in 《》 reads as text: 0.
    static func repeatedWords(_ text: String) -> Int {
        if text.unicodeScalars.contains(where: { "的了是我和《》".unicodeScalars.contains($0) }) { return 0 }
        var phrases: [[Unicode.Scalar]] = [[]]
        for scalar in text.unicodeScalars {
            if isPhraseBreak(scalar) {
                phrases.append([])
            } else if !isSpace(scalar) {
                phrases[phrases.count - 1].append(scalar)
            }
        }
        phrases.removeAll { $0.isEmpty }
        guard phrases.count >= 4 else { return 0 }
        var seen: [String: Int] = [:]
        for phrase in phrases {
            var words = Set<String>()
            for (a, b) in zip(phrase, phrase.dropFirst()) where a.properties.isIdeographic && b.properties.isIdeographic
            {
                var word = String.UnicodeScalarView()
                word.append(a)
                word.append(b)
                words.insert(String(word))
            }
            for word in words { seen[word, default: 0] += 1 }
        }
        return seen.values.filter { $0 >= 2 }.count
    }

    /// Measure words and units that make a figure before them a counted quantity (`counts`).
    static let measureWords: Set<Unicode.Scalar> = Set(
        "所人名个個位项項间間台套册冊件平亩畝吨噸%％‰㎡班家座栋棟幢辆輛元张張条條处處类類门門次户戶岁歲倍块塊米"
            .unicodeScalars)

    /// `counts` of a line: digit runs (with a decimal point or thousands commas inside) followed,
    /// after at most two of 余 多 万 亿 千 百, by a measure word; a figure in 万 or 亿 counts alone.
    static func countedQuantities(_ text: String) -> Int {
        let scalars = Array(text.unicodeScalars)
        var count = 0
        var k = 0
        while k < scalars.count {
            guard isDigit(scalars[k]) else {
                k += 1
                continue
            }
            while k < scalars.count,
                isDigit(scalars[k])
                    || (k + 1 < scalars.count && ".,".unicodeScalars.contains(scalars[k])
                        && isDigit(scalars[k + 1]))
            {
                k += 1
            }
            var magnitude = false
            var skipped = 0
            while k < scalars.count, skipped < 2, "余多万萬亿億千百".unicodeScalars.contains(scalars[k]) {
                if "万萬亿億".unicodeScalars.contains(scalars[k]) { magnitude = true }
                k += 1
                skipped += 1
            }
            if magnitude || (k < scalars.count && measureWords.contains(scalars[k])) { count += 1 }
        }
        return count
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        (0x30...0x39).contains(scalar.value) || (0xFF10...0xFF19).contains(scalar.value)
    }

    /// The value a rule condition compares, for `feature`.
    public func value(of feature: LineFeature) -> Double {
        switch feature {
        case .len: Double(length)
        case .cjk: Double(cjk)
        case .latin: length == 0 ? 0 : Double(latin) / Double(length)
        case .digits: length == 0 ? 0 : Double(digits) / Double(length)
        case .punct: Double(punctuation)
        case .endpunct: endsSentence ? 1 : 0
        case .tokens: Double(tokens)
        case .maxtoken: Double(longestToken)
        case .pipes: Double(pipes)
        case .repeats: Double(repeats)
        case .counts: Double(counts)
        }
    }

    /// Whitespace as the Clean stage trims it: ASCII blanks, ideographic space, no-break space.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0B, 0x0C, 0x3000, 0xA0, 0xFEFF, 0x2000...0x200B, 0x202F, 0x205F: true
        default: false
        }
    }

    static func isSentenceEnd(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3002, 0xFF01, 0xFF1F, 0xFF1B, 0x21, 0x3F, 0x3B, 0x2026: true
        default: false
        }
    }
}

/// A measurable feature of a line, named as rule conditions write it (`len`, `latin` …).
public enum LineFeature: String, Sendable, Hashable, CaseIterable {
    /// Non-space characters.
    case len
    /// CJK ideographs (a count).
    case cjk
    /// Share of Latin letters among non-space characters (0–1).
    case latin
    /// Share of digits among non-space characters (0–1).
    case digits
    /// Sentence punctuation marks (a count).
    case punct
    /// 1 when the line ends a sentence, else 0.
    case endpunct
    /// Whitespace-separated words (a count).
    case tokens
    /// Length of the longest word.
    case maxtoken
    /// Vertical bars, | or ｜ (a count).
    case pipes
    /// Two-ideograph words repeated across the line's phrases (a count, see `LineShape.repeats`).
    case repeats
    /// Counted quantities, figures with a measure word or unit (a count, see `LineShape.counts`).
    case counts
}
