import EduwhCore

/// Places a text names in passing, not as what its figures are about: a news dateline's city
/// (本报昆明2月24日电, 央广网贵阳8月13日消息: where the reporter files from), a venue (发布会9日在拉萨举行:
/// where a province's press conference was held), a donor (深圳市国税局对口支援…90万: who gave, not
/// who received), an example (比如，四川达州市通川区在1所学校…: one case a national report cites) and a
/// neighbour (东邻洛江区马甲镇, 与朝鲜接壤: a geography sentence names what lies around the report's place).
extension FactBuilder {
    /// Whether `place` is a neighbour a geography sentence names: a direction and a bordering verb
    /// right before it (东邻, 西接, 南临, 北连, 南抵; 毗邻, 紧邻) or a bordering word after it within
    /// `neighbourReach` characters (东与南安市交界, 与洛江区马甲镇接壤). 与 alone is no bordering verb:
    /// 广东与广西 joins two subjects. A town's or county's 基本情况 opens
    /// so (gd02, ff14, fg14, fi06, gd66): the places around it are not its figures' region.
    static func isNeighbour(_ place: PlaceMention, in scalars: [Unicode.Scalar]) -> Bool {
        let start = place.offset
        guard start <= scalars.count else { return false }
        if start >= 2, borderVerbs.contains(scalars[start - 1]), directions.contains(scalars[start - 2]) {
            return true
        }
        if neighbourBeforeScalars.contains(where: { ends($0, at: start, in: scalars) }) { return true }
        var index = start + place.surface.unicodeScalars.count
        let limit = min(scalars.count, index + neighbourReach)
        while index < limit, scalars[index].properties.isIdeographic || scalars[index] == "、" {
            if neighbourAfterScalars.contains(where: { starts($0, at: index, in: scalars) }) { return true }
            index += 1
        }
        return false
    }

    /// How far after a place its bordering word may stand (与洛江区马甲镇接壤: a town's name between).
    static let neighbourReach = 8
    static let directions: Set<Unicode.Scalar> = ["东", "西", "南", "北", "東"]
    static let borderVerbs: Set<Unicode.Scalar> = ["邻", "鄰", "接", "临", "臨", "连", "連", "靠", "抵", "界", "濒", "瀕"]
    static let neighbourBeforeScalars = ["毗邻", "毗鄰", "紧邻", "緊鄰", "比邻", "比鄰"].map { Array($0.unicodeScalars) }
    static let neighbourAfterScalars = ["接壤", "交界", "毗邻", "毗鄰", "相邻", "相鄰", "为邻", "為鄰", "隔江相望"].map {
        Array($0.unicodeScalars)
    }

    /// Whether `place` opens a news dateline (a date, then 电, 消息 or 讯, right after it) or is the
    /// venue of a meeting (在…举行, 在…召开, 在…举办): the report's figures are not that place's.
    static func isDatelineOrVenue(_ place: PlaceMention, in scalars: [Unicode.Scalar]) -> Bool {
        let end = place.offset + place.surface.unicodeScalars.count
        guard end <= scalars.count else { return false }
        if let after = datedEnd(from: end, in: scalars),
            datelineEndScalars.contains(where: { starts($0, at: after, in: scalars) })
        {
            return true
        }
        return ends(venueOpenScalars, at: place.offset, in: scalars)
            && venueVerbScalars.contains { starts($0, at: end, in: scalars) }
    }

    /// Whether `place` is a donor: a donating verb (对口支援, 捐赠, 援建) follows it within
    /// `donorReach` characters, no punctuation between (深圳市国税局对口支援, 某某集团捐资).
    /// 资助 and 帮扶 are left out: a county bureau aids its own students (县教育局资助困难学生500名).
    static func isDonor(_ place: PlaceMention, in scalars: [Unicode.Scalar]) -> Bool {
        let end = place.offset + place.surface.unicodeScalars.count
        var index = end
        while index < min(scalars.count, end + donorReach), scalars[index].properties.isIdeographic {
            if donorScalars.contains(where: { starts($0, at: index, in: scalars) }) { return true }
            index += 1
        }
        return false
    }

    /// Whether `place` stands in a sentence that cites an example (比如, 例如, 譬如 between the
    /// sentence's start and the place): a national or provincial report's case, not its own region.
    static func isExample(_ place: PlaceMention, in scalars: [Unicode.Scalar]) -> Bool {
        guard place.offset <= scalars.count else { return false }
        let start = scalars[..<place.offset].lastIndex { exampleSentenceEnds.contains($0) }.map { $0 + 1 } ?? 0
        let before = Array(scalars[start..<place.offset])
        return exampleScalars.contains { RegionCues.contains($0, in: before) }
    }

    /// How far after a place a donating verb may stand (深圳市国税局对口支援: three characters between).
    static let donorReach = 8
    static let donorScalars = ["对口支援", "捐赠", "捐资", "捐款", "捐建", "捐助", "援建"].map { Array($0.unicodeScalars) }
    static let exampleScalars = ["比如", "例如", "譬如"].map { Array($0.unicodeScalars) }
    /// What ends the sentence an example word opens (a colon does not: 比如：某县…).
    static let exampleSentenceEnds: Set<Unicode.Scalar> = ["。", "！", "？", "；", "!", "?", ";"]

    /// Where a month-and-day date starting at `start` (2月24日, 8月13日, 十一月五日) ends, nil when
    /// none starts there.
    static func datedEnd(from start: Int, in scalars: [Unicode.Scalar]) -> Int? {
        var index = start
        for marker in ["月", "日"] as [Unicode.Scalar] {
            let digitsStart = index
            while index < scalars.count, index - digitsStart < 3, dateDigits.contains(scalars[index]) { index += 1 }
            guard index > digitsStart, index < scalars.count, scalars[index] == marker else { return nil }
            index += 1
        }
        return index
    }

    /// The characters a dateline's month and day are written with.
    static let dateDigits = Set("0123456789０１２３４５６７８９〇一二三四五六七八九十".unicodeScalars)
    /// What ends a dateline after its date (新华社南昌3月26日电, 央广网贵阳8月13日消息, 本报8月1日讯).
    static let datelineEndScalars = ["电", "消息", "讯"].map { Array($0.unicodeScalars) }
    /// The word before a venue and the verbs right after it (在拉萨举行, 在长沙召开).
    static let venueOpenScalars = Array("在".unicodeScalars)
    static let venueVerbScalars = ["举行", "召开", "举办", "隆重举行", "隆重召开"].map { Array($0.unicodeScalars) }
}
