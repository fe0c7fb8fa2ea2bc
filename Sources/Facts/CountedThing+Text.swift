import EduwhCore

extension CountedThing {
    /// A sentence as `CountedThing` reads it: without pinyin glosses (学(xué)校 → 学校: mirrored pages
    /// gloss every character), and reversed for the tries, whose words are stored reversed. Made once
    /// per sentence and read by all its figures: made per figure, the copies and the reversed copy
    /// of every phrase tried were most of the indicator features' cost (9.6% of a load).
    ///
    /// ```swift
    /// let text = CountedThing.Text(Array("新建学(xué)校3所".unicodeScalars), sentence: 0..<11)
    /// String(String.UnicodeScalarView(text.scalars))  // "新建学校3所"
    /// text.position(of: 9)  // 4: where the line's 3 stands in the text
    /// ```
    public struct Text: Sendable {
        /// The sentence's scalars without its glosses.
        public let scalars: [Unicode.Scalar]
        /// `scalars` reversed.
        let reversed: [Unicode.Scalar]
        /// The sentence's range in its line, and the glosses taken out of it (line offsets, in order).
        let sentence: Range<Int>
        let glosses: [Range<Int>]

        /// `sentence` of `line` without its glosses (with them when `glosses` is false: a heading).
        /// A gloss is `(` or `（` after a CJK character, one to eight lower-case or toned Latin
        /// letters, `)` or `）`.
        public init(_ line: [Unicode.Scalar], sentence: Range<Int>, glosses removing: Bool = true) {
            var text: [Unicode.Scalar] = []
            text.reserveCapacity(sentence.count)
            var glosses: [Range<Int>] = []
            var index = sentence.lowerBound
            while index < sentence.upperBound {
                var next = index + 1
                if removing, line[index] == "(" || line[index] == "（", index > sentence.lowerBound,
                    line[index - 1].value >= 0x3400
                {
                    var close = index + 1
                    while close < min(sentence.upperBound, index + 9), CountedThing.isPinyin(line[close]) { close += 1 }
                    if close > index + 1, close < sentence.upperBound, line[close] == ")" || line[close] == "）" {
                        next = close + 1
                        glosses.append(index..<next)
                    }
                }
                if next == index + 1 { text.append(line[index]) }
                index = next
            }
            (self.scalars, self.reversed) = (text, Array(text.reversed()))
            (self.sentence, self.glosses) = (sentence, glosses)
        }

        /// Where offset `offset` of the line falls in `scalars`: before the sentence at 0, after it
        /// at the end, inside a gloss where the gloss stood.
        public func position(of offset: Int) -> Int {
            guard offset > sentence.lowerBound else { return 0 }
            guard offset < sentence.upperBound else { return scalars.count }
            var position = offset - sentence.lowerBound
            for gloss in glosses {
                guard gloss.lowerBound < offset else { break }
                position -= min(gloss.upperBound, offset) - gloss.lowerBound
            }
            return position
        }
    }
}
