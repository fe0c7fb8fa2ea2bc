import EduwhCore
import Foundation
import PropertyBased
import TestSupport
import Testing

@testable import Normalize

// MARK: - Writing numbers and dates in several styles (the generators of the property tests)

/// Writes integers and decimals the ways Chinese text does: lower-case 一二三, financial 壹贰叁,
/// sections in Arabic digits (6万2000), places in Arabic digits (2万3千5百), colloquial (两, 廿, 卅,
/// 两万五), and decimals with 点.
enum NumberStyles {
    static let lowerDigits = Array("零一二三四五六七八九")

    /// 2万3千5百: 千 and 百 as an Arabic digit with its Chinese place, the rest in Arabic digits; 零 for gaps.
    static func places(_ n: Int) -> String {
        if n == 0 { return "0" }
        var out = ""
        var started = false
        for (value, big) in [(n / 100_000_000, "亿"), ((n / 10_000) % 10_000, "万"), (n % 10_000, "")] {
            if value == 0 { continue }
            var zero = started && value < 1000
            // 千 and 百 as places; the last two digits as one Arabic number (1万2千3百45).
            let digits = [value / 1000, (value / 100) % 10, value % 100]
            var wrote = false
            for (k, d) in digits.enumerated() {
                if d == 0 {
                    if wrote { zero = true }
                    continue
                }
                if zero || (k == 2 && d < 10 && wrote) {
                    out += "零"
                    zero = false
                }
                out += String(d) + ["千", "百", ""][k]
                wrote = true
            }
            out += big
            started = true
        }
        return out
    }

    /// 12亿3456万7890 (6万2000): each section below 万 in Arabic digits, 零 before a short one.
    static func sections(_ n: Int) -> String {
        if n < 10_000 { return String(n) }
        var out = ""
        var started = false
        for (value, big) in [(n / 100_000_000, "亿"), ((n / 10_000) % 10_000, "万"), (n % 10_000, "")] {
            if value == 0 { continue }
            if started && value < 1000 { out += "零" }
            out += String(value) + big
            started = true
        }
        return out
    }

    /// Colloquial: 两 for a leading 2 before a place (两千, 两万), 廿/卅 for 20–39, and a trailing
    /// digit without its place when the rest is zero (两万五 = 25000, 三百五 = 350).
    static func colloquial(_ n: Int) -> String {
        if (20...39).contains(n) { return (n < 30 ? "廿" : "卅") + (n % 10 == 0 ? "" : String(lowerDigits[n % 10])) }
        var text = ChineseNumeralRenderer.render(n)
        // 两 for a 二 that stands before 千, 万 or 亿 at the start.
        if text.hasPrefix("二"), let second = text.dropFirst().first, "千万亿".contains(second) {
            text = "两" + text.dropFirst()
        }
        // Drop the last place when a single digit follows a place one step up: 二万五千 → 两万五.
        let scalars = Array(text)
        if scalars.count >= 4, let last = scalars.last, "千百".contains(last),
            "一二三四五六七八九".contains(scalars[scalars.count - 2]), "万千".contains(scalars[scalars.count - 3]),
            !(scalars[scalars.count - 3] == "千" && last != "百"), !(scalars[scalars.count - 3] == "万" && last != "千"),
            !scalars.dropLast(3).contains("零")
        {
            text = String(scalars.dropLast())
        }
        return text
    }

    /// A decimal in lower-case digits: 一千二百三十四点五六.
    static func lowerDecimal(_ whole: Int, _ fraction: [Int]) -> String {
        ChineseNumeralRenderer.render(whole) + "点" + String(fraction.map { lowerDigits[$0] })
    }
}

// MARK: - The grammar

@Suite("Numeral grammar: parse trees")
struct NumeralGrammarTreeTests {
    private func tree(_ text: String, arabic: Bool = false, bare: Bool = false) -> String? {
        NumeralGrammar.parseTree(ScalarLine(text), at: 0, arabic: arabic, bareStart: bare)?.1.description
    }

    private func value(_ text: String, arabic: Bool = false, bare: Bool = false) -> Double? {
        NumeralGrammar.parse(ScalarLine(text), at: 0, arabic: arabic, bareStart: bare).map(\.value)
    }

    @Test(
        "Sections, gaps and colloquial tails have the shape of the grammar",
        arguments: [
            ("一千零五十", "(1)千 + 零 + (5)十", false, false),
            ("两万零三十", "[2]万 + 零 + (3)十", false, false),
            ("2万3千5百", "[2]万 + (3)千 + (5)百", true, false),
            ("3千零40", "(3)千 + 零 + 40", true, false),
            ("两万五", "[2]万 + 5~千", false, false),
            ("万五", "[1]万 + 5~千", false, true),
            ("两万万", "[[2]万]万", false, false),
            ("十万亿", "[[()十]万]亿", false, false),
            ("廿五", "(2)十 + 5", false, false),
            ("三点五", "3 . 0.5", false, false),
        ])
    func shapes(_ text: String, _ expected: String, _ arabic: Bool, _ bare: Bool) {
        #expect(tree(text, arabic: arabic, bare: bare) == expected)
    }

    @Test(
        "A tree's value is the parse's value",
        arguments: ["一千零五十", "两万零三十", "一亿三千万", "十万亿", "两万万", "三千零一万零一", "廿五", "卅", "卌二", "一百五"])
    func treeValue(_ text: String) {
        let parsed = NumeralGrammar.parseTree(ScalarLine(text), at: 0)
        #expect(parsed != nil)
        if let (p, t) = parsed { #expect(close(t.value, p.value), "\(t) = \(t.value) ≠ \(p.value)") }
    }

    @Test("What is not one cardinal is refused", arguments: ["一二", "三五百", "零十", "二〇〇八"])
    func refused(_ text: String) {
        #expect(value(text) == nil)
    }

    @Test(
        "Values",
        arguments: [
            ("一亿零五万", 100_050_000.0), ("十亿零一万零一", 1_000_010_001), ("三万五千亿", 3_500_000_000_000),
            ("一百万零五十四点四三二一", 1_000_054.4321), ("十二点五", 12.5), ("倆", 2), ("卌", 40), ("一百廿", 120),
        ])
    func values(_ text: String, _ expected: Double) {
        #expect(close(value(text), expected), "\(text) → \(String(describing: value(text)))")
    }
}

// MARK: - Property tests: random numbers written in several styles read back

@Suite("Numerals by grammar: random numbers in several styles read back")
struct NumeralStyleProperties {
    static let count = 300

    @Test("Lower-case 一二三 up to 10^12")
    func lower() async {
        await propertyCheck(count: Self.count, input: Gen.int(in: 0...999_999_999_999)) { n in
            let text = ChineseNumeralRenderer.render(n)
            #expect(standalone(text) == Double(n), "\(text)")
        }
    }

    @Test("Financial 壹贰叁 up to 10^12")
    func financial() async {
        await propertyCheck(count: Self.count, input: Gen.int(in: 0...999_999_999_999)) { n in
            let text = ChineseNumeralRenderer.render(n, style: .financial)
            #expect(standalone(text) == Double(n), "\(text)")
        }
    }

    @Test("Mixed places 3万4千 up to 10^12, with 元")
    func mixedPlaces() async {
        await propertyCheck(count: Self.count, input: Gen.int(in: 1...999_999_999_999)) { n in
            let text = NumberStyles.places(n)
            #expect(standalone(text) == Double(n), "\(text)")
            let money = Normalizer.standard.quantities(in: "共投入\(text)元用于建设").first
            #expect(money?.value == Double(n) && money?.unit == "yuan", "\(text)元 → \(String(describing: money))")
        }
    }

    @Test("Mixed sections 6万2000 up to 10^12, with 人")
    func mixedSections() async {
        await propertyCheck(count: Self.count, input: Gen.int(in: 1...999_999_999_999)) { n in
            let text = NumberStyles.sections(n)
            #expect(standalone(text) == Double(n), "\(text)")
            let people = Normalizer.standard.quantities(in: "全市培训教师\(text)人，").first
            #expect(people?.value == Double(n), "\(text)人 → \(String(describing: people))")
        }
    }

    @Test("Colloquial 两/廿/卅/两万五 up to 10^12")
    func colloquial() async {
        await propertyCheck(count: Self.count, input: Gen.int(in: 1...999_999_999_999)) { n in
            let text = NumberStyles.colloquial(n)
            #expect(standalone(text) == Double(n), "\(text) for \(n)")
        }
    }

    @Test("Colloquial trailing digits: N万M, N千M, N百M")
    func colloquialTails() async {
        await propertyCheck(count: Self.count, input: Gen.int(in: 1...9), Gen.int(in: 1...9)) { a, b in
            let d = NumberStyles.lowerDigits
            #expect(standalone("\(d[a])万\(d[b])") == Double(a * 10_000 + b * 1000))
            #expect(standalone("\(d[a])千\(d[b])") == Double(a * 1000 + b * 100))
            #expect(standalone("\(d[a])百\(d[b])") == Double(a * 100 + b * 10))
        }
    }

    @Test("Decimals with 点 up to 10^12")
    func decimals() async {
        await propertyCheck(count: Self.count, input: Gen.int(in: 0...999_999_999_999), Gen.int(in: 1...999)) {
            whole, f in
            let fraction = String(f).compactMap { $0.wholeNumberValue }
            let text = NumberStyles.lowerDecimal(whole, fraction)
            let expected = Double(whole) + Double(f) / pow(10, Double(fraction.count))
            #expect(close(standalone(text), expected), "\(text) → \(String(describing: standalone(text)))")
        }
    }

    @Test("Arabic decimals with a magnitude (3.48亿元)")
    func arabicDecimals() async {
        await propertyCheck(count: Self.count, input: Gen.int(in: 1...9_999), Gen.int(in: 1...99)) { whole, f in
            let text = "投入\(whole).\(f < 10 ? "0" : "")\(f)万元"
            let expected = (Double(whole) + Double(f) / 100) * 10_000
            #expect(close(Normalizer.standard.quantities(in: text).first?.value, expected), "\(text)")
        }
    }

    @Test("Lists of numbers separated by 、 and ， read each")
    func lists() async {
        await propertyCheck(
            count: 100, input: Gen.int(in: 1...99_999_999), Gen.int(in: 1...99_999_999), Gen.int(in: 1...99_999_999)
        ) { a, b, c in
            let text = [a, b, c].map { ChineseNumeralRenderer.render($0) }.joined(separator: "，")
            let found = Normalizer.standard.quantities(in: text, standalone: true).map(\.value)
            #expect(found == [Double(a), Double(b), Double(c)], "\(text)")
        }
    }
}

@Suite("Dates by grammar: random dates in several styles read back")
struct DateStyleProperties {
    static let count = 200

    private func year(_ text: String, reference: Int? = nil) -> YearMention? {
        Normalizer.standard.years(in: text, referenceYear: reference).first
    }

    private static func chineseDigits(_ n: Int) -> String {
        String(String(n).map { NumberStyles.lowerDigits[$0.wholeNumberValue!] }).replacingOccurrences(
            of: "零", with: "〇")
    }

    @Test("Arabic, Chinese, ISO, slash and two-digit dates give their year")
    func styles() async {
        await propertyCheck(
            count: Self.count, input: Gen.int(in: 1950...2049), Gen.int(in: 1...12), Gen.int(in: 1...28)
        ) { y, m, d in
            let cm = ChineseNumeralRenderer.render(m)
            let cd = ChineseNumeralRenderer.render(d)
            let texts = [
                "\(y)年\(m)月\(d)日召开大会",
                "\(Self.chineseDigits(y))年\(cm)月\(cd)日召开大会",
                "\(y)年\(cm)月\(cd)号召开大会",
                "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d) 发布",
                "\(m)/\(d)/\(y) 发布",
                "\(y) 年 \(m) 月 \(d) 日",
            ]
            for text in texts {
                let found = year(text)
                #expect(
                    found?.kind == .date && found?.from == y && found?.to == y, "\(text) → \(String(describing: found))"
                )
            }
            // Two digits: the century comes from the document's year.
            let yy = y % 100
            let two = "\(yy < 10 ? "0" : "")\(yy)年\(m)月\(d)日"
            let found = year(two, reference: min(y + 5, 2049))
            #expect(found?.from == y, "\(two) → \(String(describing: found))")
        }
    }

    @Test("Ranges in several writings read as one range")
    func ranges() async {
        await propertyCheck(count: Self.count, input: Gen.int(in: 1950...2040), Gen.int(in: 1...9)) { a, span in
            let b = a + span
            let texts = [
                "\(a)年——\(b)年", "\(a) – \(b)年", "\(a)年至\(b)年", "\(a)-\(b)年", "\(a)～\(b)年", "\(a)年到\(b)年",
                "\(Self.chineseDigits(a))年至\(Self.chineseDigits(b))年", "\(a).09-\(b).07",
            ]
            for text in texts {
                let found = Normalizer.standard.years(in: "在" + text + "期间", referenceYear: nil)
                #expect(
                    found.count == 1 && found.first?.kind == .range && found.first?.from == a && found.first?.to == b,
                    "\(text) → \(found.map { "\($0.surface) \($0.kind) \(String(describing: $0.from))-\(String(describing: $0.to))" })"
                )
            }
        }
    }

    @Test("民国 years")
    func roc() async {
        await propertyCheck(count: 50, input: Gen.int(in: 1...110)) { n in
            let found = year("民国\(ChineseNumeralRenderer.render(n))年")
            #expect(found?.from == 1911 + n)
        }
    }
}
