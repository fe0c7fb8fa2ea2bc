import Testing

@testable import Normalize

/// `NumeralParser.chinese` reads one Chinese digit that nothing continues (一些, 第一, 统一) without
/// starting the grammar; these tests hold that shortcut to `NumeralGrammar.parse` on every digit
/// before characters that end a numeral and characters that continue one.
@Suite struct NumeralLoneDigitTests {
    static let digits = Array("零〇一二两兩三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖俩倆")
    static let followers: [String] = [
        "", "些", "个", "年", "名", "，", "。", "5", "x", "十", "拾", "百", "千", "万", "萬", "亿", "億", "廿", "一", "两",
        "俩", "○", "兆", "兆元", "几", " 十", " 个", "\u{A0}百", "　", "点五", "點五", "点意见", "〇八", "二三",
    ]

    @Test(arguments: digits)
    func shortcutReadsAsTheGrammar(_ digit: Character) {
        for follower in Self.followers {
            let line = ScalarLine("共" + String(digit) + follower + "所")
            let reading = NumeralParser.chinese(line, at: 1)
            let parse = NumeralGrammar.parse(line, at: 1)
            #expect(reading?.value == parse?.value, "\(digit)\(follower)")
            #expect(reading?.end == parse?.end, "\(digit)\(follower)")
            #expect(reading?.length == parse?.tokens, "\(digit)\(follower)")
            #expect(reading?.loneDigit == parse?.loneDigit, "\(digit)\(follower)")
            #expect(reading?.hasDecimal == parse?.hasDecimal, "\(digit)\(follower)")
            #expect(reading?.fuzzy == parse?.fuzzy, "\(digit)\(follower)")
        }
    }

    @Test func loneDigitsReadAsThemselves() {
        #expect(NumeralParser.chinese(ScalarLine("进一步"), at: 1)?.value == 1)
        #expect(NumeralParser.chinese(ScalarLine("进一步"), at: 1)?.end == 2)
        #expect(NumeralParser.chinese(ScalarLine("两所"), at: 0)?.loneDigit == 2)
        #expect(NumeralParser.chinese(ScalarLine("三点五"), at: 0)?.value == 3.5)
        #expect(NumeralParser.chinese(ScalarLine("三 十"), at: 0)?.value == 30)
    }
}
