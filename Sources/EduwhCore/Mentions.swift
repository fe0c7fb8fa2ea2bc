/// How exact a quantity is, as the text says it.
public enum Qualifier: String, Sendable, Hashable, CaseIterable, Codable {
    case exact
    /// 约, 近, 左右, 大约
    case approx
    /// 余, 多, 以上, 超过
    case over
    /// 不足, 以下, 不超过
    case under
    /// x/X/xx/**/某 or a missing number: the value is unknown (nil).
    case placeholder
}

/// A number that counts something or measures money, area or a percentage, found in a line.
///
/// ```swift
/// // "投入3.48亿元升级改造"
/// QuantityMention(surface: "3.48亿元", value: 348_000_000, unit: "yuan", qualifier: .exact, offset: 2, rule: "q-arabic-money")
/// ```
public struct QuantityMention: Sendable, Hashable {
    /// The exact substring of the line.
    public var surface: String
    /// Value in the unit's base unit (yuan, m2, percent …); nil for a placeholder.
    public var value: Double?
    /// Canonical unit: `yuan`, `percent`, `m2`, `mu`, or the Chinese measure word (所, 名, 人次 …); "" if none.
    public var unit: String
    public var qualifier: Qualifier
    /// Upper end for a range (3-5所 → 5); nil otherwise. A range's `value` is its upper end too,
    /// with the qualifier `under` when the text says nothing else ("at most 5", as the gold labels
    /// 2-4所: a lower end called exact would be a figure the text never gives).
    public var upperValue: Double?
    /// Lower end for a range (3-5所 → 3); nil otherwise.
    public var lowerValue: Double?
    /// 0-based offset of `surface` in the line, counted in Unicode scalars (code points).
    public var offset: Int
    /// Id of the rule that recognised it.
    public var rule: String

    public init(
        surface: String, value: Double?, unit: String, qualifier: Qualifier, upperValue: Double? = nil,
        lowerValue: Double? = nil, offset: Int, rule: String
    ) {
        self.surface = surface
        self.value = value
        self.unit = unit
        self.qualifier = qualifier
        self.upperValue = upperValue
        self.lowerValue = lowerValue
        self.offset = offset
        self.rule = rule
    }
}

/// What kind of time expression a year mention is.
public enum YearKind: String, Sendable, Hashable, CaseIterable, Codable {
    case year
    case range
    case date
    case planPeriod = "plan_period"
    case relative
    case placeholder
}

/// A year, date, range, plan period or relative year found in a line.
///
/// ```swift
/// // "——2007-2008年海珠区区委书记履行基础教育职责述职报告"
/// YearMention(surface: "2007-2008年", kind: .range, from: 2007, to: 2008, offset: 2, rule: "y-range")
/// ```
public struct YearMention: Sendable, Hashable {
    public var surface: String
    public var kind: YearKind
    /// First year covered; nil when unknown (placeholder, or relative with no reference year).
    public var from: Int?
    /// Last year covered; nil when unknown.
    public var to: Int?
    /// 0-based offset of `surface` in the line, in Unicode scalars.
    public var offset: Int
    public var rule: String

    public init(surface: String, kind: YearKind, from: Int?, to: Int?, offset: Int, rule: String) {
        self.surface = surface
        self.kind = kind
        self.from = from
        self.to = to
        self.offset = offset
        self.rule = rule
    }

    /// Whether the year written at scalars `start..<end` of a line opens a sentence and is
    /// followed by a comma (2022年，全市…): the year the rest of its paragraph speaks of.
    /// `scalarAt` gives the line's scalar values (0 outside it). Normalize resolves 上年 and
    /// 全年 after it from that year; Facts gives it to later sentences naming no year.
    public static func opensParagraph(start: Int, end: Int, scalarAt: (Int) -> UInt32) -> Bool {
        let before = scalarAt(start - 1)
        let after = scalarAt(end)
        let sentenceStart: Bool =
            switch before {
            case 0x3002, 0xFF01, 0xFF1F, 0xFF1B, 0x21, 0x3F, 0x3B: true  // 。！？； ! ? ;
            default: start == 0
            }
        return sentenceStart && (after == 0xFF0C || after == 0x2C)  // ， ,
    }
}

/// Whether a place name could be tied to one administrative division.
public enum PlaceStatus: String, Sendable, Hashable, CaseIterable, Codable {
    /// Exactly one division fits.
    case resolved
    /// Several divisions fit and context did not decide (铁东区: 鞍山 or 四平).
    case ambiguous
    /// x区, **市: a blanked-out name.
    case placeholder
}

/// A place name found in a line, with the division it resolves to.
///
/// ```swift
/// PlaceMention(surface: "海珠区", adcode: "440105000000", name: "海珠区", status: .resolved, candidates: ["440105000000"], offset: 9, rule: "p-suffix")
/// ```
public struct PlaceMention: Sendable, Hashable {
    public var surface: String
    /// 12-digit adcode when resolved; nil otherwise.
    public var adcode: String?
    /// Official name of the resolved division.
    public var name: String?
    public var status: PlaceStatus
    /// Every adcode that fits the surface (more than one when ambiguous).
    public var candidates: [String]
    public var offset: Int
    public var rule: String

    public init(
        surface: String, adcode: String?, name: String?, status: PlaceStatus, candidates: [String], offset: Int,
        rule: String
    ) {
        self.surface = surface
        self.adcode = adcode
        self.name = name
        self.status = status
        self.candidates = candidates
        self.offset = offset
        self.rule = rule
    }
}
