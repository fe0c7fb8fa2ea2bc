import EduwhCore
import Normalize
import Testing

/// A figure scaled by a magnitude or unit is stored as the decimal the text wrote, not as the
/// binary product (1.15 × 1e8 = 114999999.99999999, which a user summing the column would see;
/// fy30's `1.15亿` printed as 114999999.999999985 before).
@Suite("Quantities: scaled values are the written decimal")
struct ScaledValueTests {
    static let cases: [(String, String, Double, String)] = [
        ("全年共投入1.15亿元用于改善办学条件。", "1.15亿元", 115_000_000, "115000000"),
        ("完成投资3.48亿元。", "3.48亿元", 348_000_000, "348000000"),
        ("新增校舍面积2.07万平方米。", "2.07万平方米", 20_700, "20700"),
        ("下达资金0.29亿元。", "0.29亿元", 29_000_000, "29000000"),
        ("补助资金4.35万元。", "4.35万元", 43_500, "43500"),
    ]

    @Test("the stored value equals the decimal exactly", arguments: cases)
    func exactValue(_ c: (String, String, Double, String)) {
        let q = Normalizer.standard.quantities(in: c.0).first { $0.surface == c.1 }
        #expect(q?.value == c.2, "\(c.1): \(String(describing: q?.value))")
        #expect(q?.value.map(plainDecimal) == c.3)
    }

    @Test("printing rounds binary noise away and keeps real decimals")
    func printing() {
        #expect(plainDecimal(1.15 * 100_000_000) == "115000000")
        #expect(plainDecimal(0.1 + 0.2) == "0.3")
        #expect(plainDecimal(28.8) == "28.8")
        #expect(plainDecimal(1_234_567.125) == "1234567.125")
        #expect(decimalRounded(1.15 * 100_000_000) == 115_000_000)
        #expect(decimalRounded(-2.5) == -2.5)
    }
}
