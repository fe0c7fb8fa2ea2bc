import Foundation

/// Pinyin glosses a mirror site writes after characters (計(jì)劃新建學(xué)校, 5000個(gè)): the quantities
/// read through them (Normalize), and so do the fact builder's word tables once a line's glosses are
/// taken out (`FactBuilder.facts(_:line:…)`): with them in, 計(jì)劃 was no 计划 and the figure's status,
/// indicator signals and governors went unread.
///
/// ```swift
/// PinyinGlosses.ranges(in: Array("計(jì)劃".unicodeScalars))  // [1..<5]
/// ```
public enum PinyinGlosses {
    /// The glosses of `scalars`: `(` right after a Han character, one to six lower-case Latin letters
    /// (toned or not), `)`. Nil unless at least one carries a tone mark (a line of 的(de) alone, or
    /// of English in brackets, is not glossed): the scanner Normalize reads quantities and places with.
    public static func ranges(in scalars: [Unicode.Scalar]) -> [Range<Int>]? {
        ScalarLine.glosses(in: scalars.map(\.value))
    }

    /// `offset` of the glossed text as an offset of the text without `glosses` (an offset inside a
    /// gloss goes to where the gloss stood).
    public static func folded(_ offset: Int, _ glosses: [Range<Int>]) -> Int {
        var removed = 0
        for gloss in glosses {
            if gloss.upperBound <= offset {
                removed += gloss.count
            } else {
                if gloss.lowerBound < offset { removed += offset - gloss.lowerBound }
                break
            }
        }
        return offset - removed
    }

    /// `scalars` without `glosses`.
    public static func removing(_ glosses: [Range<Int>], from scalars: [Unicode.Scalar]) -> String {
        var out = String.UnicodeScalarView()
        var start = 0
        for gloss in glosses {
            out.append(contentsOf: scalars[start..<gloss.lowerBound])
            start = gloss.upperBound
        }
        out.append(contentsOf: scalars[start...])
        return String(out)
    }
}
