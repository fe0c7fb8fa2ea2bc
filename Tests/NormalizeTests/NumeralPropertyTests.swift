import EduwhCore
import Normalize
import PropertyBased
import TestSupport
import Testing

/// Generates numbers, writes them as a report would, and checks the parser gives them back.
@Suite("Quantities: generated numerals read back")
struct NumeralPropertyTests {
    private func readBack(_ text: String, standalone: Bool = true) -> Double? {
        Normalizer.standard.quantities(in: text, standalone: standalone).first?.value
    }

    @Test("Chinese numerals on a line of their own")
    func chineseStandalone() async {
        await propertyCheck(input: Gen.int(in: 0...99_999_999)) { n in
            let text = ChineseNumeralRenderer.render(n)
            #expect(readBack(text) == Double(n), "\(text)")
        }
    }

    @Test("Financial numerals on a line of their own")
    func financialStandalone() async {
        await propertyCheck(input: Gen.int(in: 0...99_999_999)) { n in
            let text = ChineseNumeralRenderer.render(n, style: .financial)
            #expect(readBack(text) == Double(n), "\(text)")
        }
    }

    @Test("Large Chinese numerals with 亿")
    func chineseYi() async {
        await propertyCheck(input: Gen.int(in: 100_000_000...999_999_999_999)) { n in
            let text = ChineseNumeralRenderer.render(n)
            #expect(readBack(text) == Double(n), "\(text)")
        }
    }

    @Test("Mixed digits and magnitudes with 元 in a sentence (3480万元, 3.48亿元)")
    func mixedMoney() async {
        await propertyCheck(input: Gen.int(in: 1...99_999_999_999)) { n in
            let text = "共投入" + ChineseNumeralRenderer.mixed(n) + "元用于改善办学条件"
            let value = readBack(text, standalone: false)
            #expect(
                value.map { abs($0 - Double(n)) < 1e-6 * Double(n) } == true, "\(text) → \(String(describing: value))")
        }
    }

    @Test("Chinese numerals with a measure word in a sentence")
    func chineseWithUnit() async {
        await propertyCheck(input: Gen.int(in: 3...99_999_999)) { n in
            let text = "全县新建学校" + ChineseNumeralRenderer.render(n) + "所,改善了办学条件"
            let found = Normalizer.standard.quantities(in: text)
            #expect(found.count == 1 && found.first?.value == Double(n) && found.first?.unit == "所", "\(text)")
        }
    }

    @Test("Arabic digits with thousands separators and full-width digits")
    func arabicForms() async {
        await propertyCheck(input: Gen.int(in: 1_000...99_999_999)) { n in
            let grouped = n.formatted(.number.grouping(.automatic)).replacingOccurrences(of: " ", with: ",")
            let fullWidth = String(
                String.UnicodeScalarView(String(n).unicodeScalars.map { Unicode.Scalar($0.value + 0xFEE0)! }))
            #expect(readBack("投资\(grouped)元建设运动场", standalone: false) == Double(n), "\(grouped)")
            #expect(readBack("投资\(fullWidth)元建设运动场", standalone: false) == Double(n), "\(fullWidth)")
        }
    }

    @Test("Placeholders never become numbers, whatever unit follows")
    func placeholdersStayEmpty() async {
        let marks = ["x", "X", "xx", "XX", "×", "**", "*", "20xx"]
        let units = ["所", "名", "万元", "亿元", "%", "人次", "个", "亩", "平方米", "元"]
        await propertyCheck(input: Gen.element(of: marks), Gen.element(of: units)) { mark, unit in
            let found = Normalizer.standard.quantities(in: "全区共投入\(mark ?? "x")\(unit ?? "所"),较上年增长")
            #expect(found.count == 1 && found.first?.value == nil && found.first?.qualifier == .placeholder)
        }
    }
}
