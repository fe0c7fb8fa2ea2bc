import EduwhCore

/// China's administrative divisions from `data/adcodes.csv` (GB/T 2260 style 12-digit codes).
///
/// ```swift
/// DivisionTable.standard.division(adcode: "440105000000")?.name // "海珠区"
/// ```
public struct DivisionTable: Sendable {
    /// One administrative division.
    public struct Division: Sendable, Hashable {
        /// 12-digit code: province `xx0000000000`, city `xxxx00000000`, county `xxxxxx000000`.
        public var adcode: String
        /// Official long name (乳源瑶族自治县).
        public var name: String
        public var longitude: Double?
        public var latitude: Double?

        public enum Level: String, Sendable { case province, city, county }

        public var level: Level {
            let digits = Array(adcode.utf8)
            if digits.count >= 6, digits[2...5].allSatisfy({ $0 == UInt8(ascii: "0") }) { return .province }
            if digits.count >= 6, digits[4...5].allSatisfy({ $0 == UInt8(ascii: "0") }) { return .city }
            return .county
        }

        /// Adcode of the province containing this division.
        public var provinceCode: String { String(adcode.prefix(2)) + "0000000000" }
        /// Adcode of the prefecture-level city containing this division (itself for a city).
        public var cityCode: String { String(adcode.prefix(4)) + "00000000" }
    }

    /// Every division, in file order.
    public let divisions: [Division]
    private let byCode: [String: Int]
    /// Each division's level and codes as small numbers, parallel to `divisions`, for comparisons
    /// made for every pair of candidate and anchor divisions of a document (`PlaceResolver.weight`):
    /// the `Division` getters build strings and the parent costs a lookup.
    let kin: [Kin]

    /// A division's relatives as numbers: equal numbers are equal adcodes.
    struct Kin: Sendable {
        var level: Division.Level
        /// Its own adcode, its parent's (-1 when `parent(of:)` is nil), its province's and its city's code.
        var code: Int
        var parent: Int
        var province: Int
        var city: Int
    }

    /// The table shipped with eduwh.
    public static let standard = DivisionTable(csv: EmbeddedFiles.files["data/adcodes.csv"] ?? "")

    /// Parses `adcode,name,longitude,latitude` rows (header optional).
    public init(csv: String) {
        var rows: [Division] = []
        for line in csv.split(whereSeparator: \.isNewline) {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard cells.count >= 2, cells[0].count == 12, cells[0].allSatisfy(\.isNumber) else { continue }
            rows.append(
                Division(
                    adcode: cells[0], name: cells[1],
                    longitude: cells.count > 2 ? Double(cells[2]) : nil,
                    latitude: cells.count > 3 ? Double(cells[3]) : nil))
        }
        divisions = rows
        byCode = Dictionary(rows.enumerated().map { ($1.adcode, $0) }, uniquingKeysWith: { first, _ in first })
        // Codes numbered by first appearance, so that equal strings get equal numbers.
        var numbers: [String: Int] = [:]
        func number(_ code: String) -> Int {
            if let known = numbers[code] { return known }
            numbers[code] = numbers.count
            return numbers.count - 1
        }
        // The code of `parent(of:)`'s division: the first of these the table holds.
        let byCode = byCode
        func parentCode(_ division: Division) -> String? {
            let codes: [String] =
                switch division.level {
                case .province: []
                case .city: [division.provinceCode]
                case .county: [division.cityCode, division.provinceCode]
                }
            return codes.first { byCode[$0] != nil }
        }
        kin = rows.map { division in
            Kin(
                level: division.level, code: number(division.adcode), parent: parentCode(division).map(number) ?? -1,
                province: number(division.provinceCode), city: number(division.cityCode))
        }
    }

    /// The division with this adcode, if any.
    public func division(adcode: String) -> Division? { byCode[adcode].map { divisions[$0] } }

    /// The division one level up (county → city, city → province); nil for provinces or when the
    /// parent is not in the table (counties directly under a municipality use the province).
    public func parent(of division: Division) -> Division? {
        switch division.level {
        case .province: return nil
        case .city: return self.division(adcode: division.provinceCode)
        case .county: return self.division(adcode: division.cityCode) ?? self.division(adcode: division.provinceCode)
        }
    }
}
