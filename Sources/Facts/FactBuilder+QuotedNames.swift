import EduwhCore
import Normalize

/// Places that only name a quoted title: an honour, a standard or a project (“宁波市幼儿园分类等级考核标准”,
/// 凤冈县“平安校园”). The division gave or wrote the title; the figures are not its (issue 24: an honour
/// names its giver, not the school's place).
extension FactBuilder {
    /// Whether `place` stands inside a quoted name (“遵义市文明单位”, 「台北市學生音樂比賽」) or right
    /// before a quoted honour it qualifies (凤冈县“平安校园”, 湖北省“少先队工作先进单位”). A place before
    /// a quoted plan or slogan (青田县“十三五”期间) is left alone: only an honour's last word counts.
    static func isQuotedName(_ place: PlaceMention, end: Int, in scalars: [Unicode.Scalar]) -> Bool {
        if let open = quoteOpening(before: place.offset, in: scalars),
            quoteClosing(from: end, in: scalars, pair: open) != nil
        {
            return true
        }
        guard end < scalars.count, let pair = quotePairs[scalars[end]],
            let close = quoteClosing(from: end + 1, in: scalars, pair: pair)
        else { return false }
        let quoted = Array(scalars[(end + 1)..<close])
        return honourEndScalars.contains { ends($0, at: quoted.count, in: quoted) }
            || followsHonourVerb(place.offset, in: scalars)
    }

    /// Whether an honour verb (评为, 荣获, 获得, 授予) stands before `offset` in its sentence: the
    /// quoted titles listed after it are honours (被评为…遵义市“平安小区”、凤冈县“平安校园”).
    static func followsHonourVerb(_ offset: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var index = min(offset, scalars.count) - 1
        while index >= max(0, offset - honourReach), !quoteStops.contains(scalars[index]) {
            if DocumentProfiler.honourScalars.contains(where: { starts($0, at: index, in: scalars) }) { return true }
            index -= 1
        }
        return false
    }

    /// How far back in its sentence an honour verb may stand before a list of quoted honours.
    static let honourReach = 80

    /// The closing mark of the quote opened nearest before `offset` on the same stretch (no closing
    /// mark and no sentence end between), nil when the place is not inside one.
    static func quoteOpening(before offset: Int, in scalars: [Unicode.Scalar]) -> Unicode.Scalar? {
        var index = min(offset, scalars.count) - 1
        let stop = max(0, offset - quoteReach)
        while index >= stop {
            let scalar = scalars[index]
            if let pair = quotePairs[scalar] { return pair }
            if quoteClosings.contains(scalar) || quoteStops.contains(scalar) { return nil }
            index -= 1
        }
        return nil
    }

    /// Where the closing mark `pair` stands within reach from `start` (no sentence end before it).
    static func quoteClosing(from start: Int, in scalars: [Unicode.Scalar], pair: Unicode.Scalar) -> Int? {
        var index = start
        while index < min(scalars.count, start + quoteReach) {
            if scalars[index] == pair { return index }
            if quoteStops.contains(scalars[index]) || quotePairs[scalars[index]] != nil { return nil }
            index += 1
        }
        return nil
    }

    /// How far a quoted name runs (characters) before it is taken for a quoted passage instead.
    static let quoteReach = 40
    /// Opening quote marks and their closing ones (《》 are document names: `quotedRanges`).
    static let quotePairs: [Unicode.Scalar: Unicode.Scalar] = ["“": "”", "「": "」", "『": "』"]
    static let quoteClosings: Set<Unicode.Scalar> = ["”", "」", "』"]
    static let quoteStops: Set<Unicode.Scalar> = ["。", "；", "！", "？", ";"]

    /// The last words of an honour's title (平安校园, 先进单位, 先进集体, 示范幼儿园, 文明单位).
    static let honourEndWords = [
        "单位", "集体", "校园", "学校", "幼儿园", "先进", "标兵", "模范", "示范校", "称号", "个人", "工作者", "教师",
    ]
    static let honourEndScalars = honourEndWords.map { Array($0.unicodeScalars) }
}
