/// A full-text query over clean paragraphs: the FTS5 MATCH expression for `search_paragraph`
/// and the exact rule for where a paragraph matches, used to check FTS5's candidates and to
/// highlight hits.
///
/// Each whitespace-separated part must occur in the paragraph (parts are ANDed); characters
/// adjacent in the part must be adjacent in the text. A part is one FTS5 phrase (barewords joined
/// by +) over the `grams`
/// column, tokenized the way `SearchTokens` tokenizes paragraphs: overlapping pairs for a run of
/// CJK characters (plus the run's last character when more of the part follows it), a single
/// character alone, words whole. A part ending in a single character (学, 4万, 2011年) ends in a
/// prefix token, so 年 also finds the pair 年度. Letters and digits are compared as whole words,
/// full-width folded to ASCII and lower-cased.
///
/// ```swift
/// let query = try SearchQuery("校舍")
/// query.matchExpression              // 校舍
/// query.hits(in: "新建校舍4万平方米")  // [2..<4]
/// try SearchQuery("2011年").matchExpression // 2011 + 年*
/// ```
public struct SearchQuery: Sendable, Hashable {
    /// A query with no letter, digit or CJK character in it.
    public struct EmptyQuery: Error, Sendable, Hashable, CustomStringConvertible {
        /// The text that was given.
        public var query: String
        /// One line saying what to give instead.
        public var description: String {
            "search text `\(query)` has no character to search for; give a word such as 校舍"
        }
    }

    /// One token of text: a CJK character or a folded word, with its scalar offsets.
    struct Token: Sendable, Hashable {
        var text: String
        var range: Range<Int>
        var isCJK: Bool
    }

    /// One part of the query: its tokens, in order.
    struct Part: Sendable, Hashable {
        var tokens: [Token]
    }

    /// The longest query text `eduwh search` takes, in characters: FTS5's work grows with the
    /// square of a phrase's length (教育 ×500 took 51 s), and a search is a few words.
    public static let maxLength = 100

    /// The query as given.
    public let text: String
    let parts: [Part]

    /// Splits the query into parts; throws when it has nothing to search for.
    public init(_ text: String) throws(EmptyQuery) {
        self.text = text
        var parts: [Part] = []
        for piece in text.split(whereSeparator: { $0.isWhitespace }) {
            let tokens = Self.tokens(Array(String(piece).unicodeScalars))
            guard !tokens.isEmpty else { continue }
            parts.append(Part(tokens: tokens))
        }
        guard !parts.isEmpty else { throw EmptyQuery(query: text) }
        self.parts = parts
    }

    /// The FTS5 MATCH expression: one phrase per part, ANDed.
    public var matchExpression: String {
        parts.map { part in
            var phrase: [String] = []
            var prefix = false
            var index = 0
            let tokens = part.tokens
            while index < tokens.count {
                let token = tokens[index]
                guard token.isCJK else {
                    phrase.append(token.text)
                    index += 1
                    continue
                }
                var end = index
                while end + 1 < tokens.count, tokens[end + 1].isCJK,
                    tokens[end].range.upperBound == tokens[end + 1].range.lowerBound
                {
                    end += 1
                }
                let endsPart = end == tokens.count - 1
                if end == index {
                    // One character: in the text it is a pair's first half or its run's last character.
                    phrase.append(token.text)
                    prefix = endsPart
                } else {
                    for pair in index..<end { phrase.append(tokens[pair].text + tokens[pair + 1].text) }
                    // Followed by more of the part, the run ends here in the text too: its lone last character.
                    if !endsPart { phrase.append(tokens[end].text) }
                }
                index = end + 1
            }
            // Barewords joined by + (an FTS5 phrase) need no quotes: the sqlite3 shell's
            // `.parameter set` would turn a "quoted" phrase into separate terms.
            return phrase.joined(separator: " + ") + (prefix ? "*" : "")
        }.joined(separator: " AND ")
    }

    /// Where the parts occur in `text`, as sorted, non-overlapping ranges of unicode-scalar
    /// offsets; empty unless every part occurs.
    public func hits(in text: String) -> [Range<Int>] {
        let tokens = Self.tokens(text.scalarArray)
        var ranges: [Range<Int>] = []
        for part in parts {
            let found = occurrences(of: part, in: tokens)
            if found.isEmpty { return [] }
            ranges += found
        }
        ranges.sort { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
        var merged: [Range<Int>] = []
        for range in ranges {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }

    private func occurrences(of part: Part, in tokens: [Token]) -> [Range<Int>] {
        let count = part.tokens.count
        guard tokens.count >= count else { return [] }
        var found: [Range<Int>] = []
        for start in 0...(tokens.count - count) {
            var matches = true
            for offset in 0..<count where tokens[start + offset].text != part.tokens[offset].text {
                matches = false
                break
            }
            guard matches else { continue }
            // Characters adjacent in the query must be adjacent in the text.
            for offset in 1..<count {
                let previous = part.tokens[offset - 1]
                let current = part.tokens[offset]
                if previous.isCJK, current.isCJK, previous.range.upperBound == current.range.lowerBound,
                    tokens[start + offset - 1].range.upperBound != tokens[start + offset].range.lowerBound
                {
                    matches = false
                    break
                }
            }
            if matches { found.append(tokens[start].range.lowerBound..<tokens[start + count - 1].range.upperBound) }
        }
        return found
    }

    /// CJK characters one by one and runs of letters and digits, folded as `SearchTokens` folds them.
    static func tokens(_ scalars: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        var word = ""
        var wordStart = 0
        for (index, scalar) in scalars.enumerated() {
            if SearchTokens.isCJK(scalar.value) {
                if !word.isEmpty {
                    tokens.append(Token(text: word, range: wordStart..<index, isCJK: false))
                    word = ""
                }
                tokens.append(Token(text: String(scalar), range: index..<(index + 1), isCJK: true))
            } else if let folded = SearchTokens.foldedAlphanumeric(scalar.value) {
                if word.isEmpty { wordStart = index }
                word.unicodeScalars.append(Unicode.Scalar(folded))
            } else if !word.isEmpty {
                tokens.append(Token(text: word, range: wordStart..<index, isCJK: false))
                word = ""
            }
        }
        if !word.isEmpty { tokens.append(Token(text: word, range: wordStart..<scalars.count, isCJK: false)) }
        return tokens
    }
}
