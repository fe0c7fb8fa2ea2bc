import EduwhCore
import Normalize
import PropertyBased
import Testing

/// Random mixtures of the characters the scanners react to: nothing crashes, and every mention's
/// surface is the text standing at its offset.
@Suite("Scanners on random text")
struct ScannerRobustnessTests {
    /// Digits, numerals, units, qualifiers, placeholders, year words, quotes and punctuation.
    static let alphabet: [Character] = Array(
        "0123456789０１２.,，、。;:-—～至到零〇一二两三四五六七八九十百千万亿壹贰拾佰仟廿点分之多余近约不超过以上左右年月日今去上全内来xX×*_某%％元所名人次个班项级大倍番届第前“”《》\"[]〔〕() 　负翻"
    )

    @Test("Surfaces stand at their offsets, values are finite, placeholders have no value")
    func surfacesAtOffsets() async {
        await propertyCheck(count: 500, input: Gen.element(of: Self.alphabet).array(of: 0...40)) { characters in
            let text = String(characters.compactMap { $0 })
            let scalars = Array(text.unicodeScalars)
            for standalone in [false, true] {
                for q in Normalizer.standard.quantities(in: text, standalone: standalone) {
                    let surface = Array(q.surface.unicodeScalars)
                    #expect(q.offset >= 0 && q.offset + surface.count <= scalars.count, "\(text): \(q)")
                    if q.offset >= 0 && q.offset + surface.count <= scalars.count {
                        #expect(Array(scalars[q.offset..<(q.offset + surface.count)]) == surface, "\(text): \(q)")
                    }
                    #expect(q.value.map(\.isFinite) ?? true)
                    #expect((q.qualifier == .placeholder) == (q.value == nil), "\(text): \(q)")
                }
            }
            for y in Normalizer.standard.years(in: text, referenceYear: 2012) {
                let surface = Array(y.surface.unicodeScalars)
                #expect(y.offset >= 0 && y.offset + surface.count <= scalars.count, "\(text): \(y)")
                if let from = y.from, let to = y.to { #expect(from <= to, "\(text): \(y)") }
            }
        }
    }
}
