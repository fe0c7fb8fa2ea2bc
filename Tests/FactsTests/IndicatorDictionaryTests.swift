import Facts
import Testing

@Suite struct IndicatorDictionaryTests {
    @Test func codesAreUniqueAndHaveNamesAndCategories() {
        let indicators = IndicatorDictionary.standard.indicators
        #expect(!indicators.isEmpty)
        #expect(Set(indicators.map(\.code)).count == indicators.count)
        for indicator in indicators {
            #expect(
                !indicator.nameZh.isEmpty && !indicator.nameEn.isEmpty && !indicator.category.isEmpty,
                "\(indicator.code)")
        }
    }
}
