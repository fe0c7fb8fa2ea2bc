import EduwhCore
import Normalize

/// Pinyin glosses a mirror site writes after characters (計(jì)劃新建學(xué)校, 5000個(gè)): the quantities
/// read through them (Normalize), and so do the fact builder's word tables once a line's glosses are
/// taken out (`FactBuilder.facts(_:line:…)`): with them in, 計(jì)劃 was no 计划 and the figure's status,
/// indicator signals and governors went unread.
///
/// ```swift
/// PinyinGlosses.ranges(in: Array("計(jì)劃".unicodeScalars))  // [1..<5]
/// ```
public enum PinyinGlosses {
    /// Most lower-case letters a gloss holds (zhuàng).
    static let longest = 6

    /// The glosses of `scalars`: `(` right after a Han character, one to six lower-case Latin letters
    /// (toned or not), `)`. Nil unless at least one carries a tone mark (a line of 的(de) alone, or
    /// of English in brackets, is not glossed), as Normalize reads them.
    public static func ranges(in scalars: [Unicode.Scalar]) -> [Range<Int>]? {
        var found: [Range<Int>] = []
        var toned = false
        var k = 1
        while k < scalars.count {
            guard scalars[k] == "(", scalars[k - 1].properties.isIdeographic else {
                k += 1
                continue
            }
            var m = k + 1
            var marks = false
            while m < scalars.count, m - k <= longest + 1 {
                let v = scalars[m].value
                if v >= 0x61 && v <= 0x7A {
                } else if (v >= 0xC0 && v <= 0x24F) || (v >= 0x300 && v <= 0x36F) {
                    marks = true
                } else {
                    break
                }
                m += 1
            }
            if m > k + 1, m - k <= longest + 1, m < scalars.count, scalars[m] == ")" {
                found.append(k..<(m + 1))
                toned = toned || marks
                k = m + 1
                continue
            }
            k += 1
        }
        return toned ? found : nil
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

extension FactBuilder {
    /// The facts of a glossed line read without its glosses (`PinyinGlosses`): the mentions move to
    /// the plain text's offsets, the facts keep their own quantities (offsets of the raw line). Nil
    /// when the line has no gloss.
    func unglossedFacts(
        _ quantities: [QuantityMention], line: LabeledLine, years: [YearMention], places: [PlaceMention],
        profile: DocumentProfile, scope: SectionScope.State, inherited: PlanTopic?, into found: inout [Fact]
    ) -> Bool {
        guard line.text.unicodeScalars.contains("(") else { return false }
        let scalars = Array(line.text.unicodeScalars)
        guard let glosses = PinyinGlosses.ranges(in: scalars) else { return false }
        var plain = line
        plain.text = PinyinGlosses.removing(glosses, from: scalars)
        let text = Array(plain.text.unicodeScalars)
        // A year's or place's surface is the raw line's (上(shàng)年): it moves with its offset.
        func moved<M>(_ mentions: [M], _ offset: WritableKeyPath<M, Int>, _ surface: WritableKeyPath<M, String>?) -> [M]
        {
            mentions.map {
                var m = $0
                let start = PinyinGlosses.folded(m[keyPath: offset], glosses)
                m[keyPath: offset] = start
                if let surface {
                    let end = PinyinGlosses.folded(
                        $0[keyPath: offset] + $0[keyPath: surface].unicodeScalars.count, glosses)
                    if start <= end, end <= text.count {
                        m[keyPath: surface] = String(String.UnicodeScalarView(text[start..<end]))
                    }
                }
                return m
            }
        }
        let start = found.count
        facts(
            moved(quantities, \.offset, nil), line: plain, years: moved(years, \.offset, \.surface),
            places: moved(places, \.offset, \.surface), profile: profile, scope: scope, inherited: inherited,
            glossFree: true, into: &found)
        for (index, quantity) in zip(start..<found.count, quantities) { found[index].quantity = quantity }
        return true
    }
}
