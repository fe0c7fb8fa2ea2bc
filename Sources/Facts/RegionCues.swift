import EduwhCore

/// Kinds of clause a place stands in that make it no region of the figure near it, read as region
/// chooser features (`RegionGate.features`): a visitor's origin (福建省厦门市教育局原局长为组长的检查组),
/// a donor (上海兆顺投资有限公司…出资15万元), a comparison or a standard (超过国家规定公办率50%), a
/// rank in a larger division (位居全省第二) and a news dateline (央广网贵阳8月13日消息).
///
/// ```swift
/// RegionCues.kinds(place: 0..<3, figure: 20, in: Array("福建省厦门市教育局原局长为组长的检查组一行4人".unicodeScalars))
/// // ["cue:visit"]
/// ```
enum RegionCues {
    /// The cue kinds (`cue:visit`, `cue:donor`, `cue:compare`, `cue:rank`, `cue:dateline`) found
    /// between the place and the figure, or in the few characters before the place.
    static func kinds(place: Range<Int>, figure: Int, in scalars: [Unicode.Scalar]) -> [String] {
        let lower = max(0, min(place.lowerBound - lookBehind, figure))
        let upper = min(scalars.count, max(place.upperBound, figure))
        guard lower < upper else { return [] }
        let span = Array(scalars[lower..<upper])
        var found: [String] = []
        for (kind, words) in table where words.contains(where: { contains($0, in: span) }) {
            found.append("cue:" + kind)
        }
        let after = Array(scalars[place.upperBound..<min(scalars.count, place.upperBound + datelineReach)])
        if datelineScalars.contains(where: { contains($0, in: after) }) { found.append("cue:dateline") }
        return found
    }

    /// How far before a place its clause's cue may stand, and how far after it a dateline's end.
    static let lookBehind = 6
    static let datelineReach = 10

    /// Cue words by kind (simplified script: the text is folded before it is read).
    static let words: [(kind: String, words: [String])] = [
        ("visit", ["督学", "督导组", "检查组", "组长", "视察", "调研", "莅临", "考察", "一行", "来我"]),
        ("donor", ["捐", "出资", "资助", "援建", "帮扶", "对口", "公司", "集团", "爱心人士"]),
        ("compare", ["比", "高于", "低于", "超过", "超出", "平均", "规定", "标准"]),
        ("rank", ["第一", "第二", "第三", "排名", "名列", "位居", "位列", "前列", "之一"]),
    ]
    static let table = words.map { ($0.kind, $0.words.map { Array($0.unicodeScalars) }) }
    static let datelineScalars = ["日电", "日消息", "日讯", "报道"].map { Array($0.unicodeScalars) }

    static func contains(_ word: [Unicode.Scalar], in span: [Unicode.Scalar]) -> Bool {
        guard word.count <= span.count else { return false }
        return (0...(span.count - word.count)).contains { FactBuilder.starts(word, at: $0, in: span) }
    }
}
