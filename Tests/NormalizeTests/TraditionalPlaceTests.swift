import EduwhCore
import Normalize
import Testing

/// Place names in traditional script (縣, 區, 蓮, 倉) resolve like their simplified forms, while a
/// city's bare stem that opens a school's name (黃山…小學) still names the school, not a region.
/// Sentences are our own, in the style of the field corpus's traditional-script pages.
@Suite struct TraditionalPlaceTests {
    static func mentions(_ text: String) -> [PlaceMention] {
        PlaceResolver.standard.places(inText: text).map(\.mention)
    }

    @Test(arguments: [
        ("花蓮縣政府教育處召開國中小校長會議", "花蓮縣", "719013000000"),
        ("潁上縣新建教學樓兩棟", "潁上縣", "341226000000"),
        ("昨日從倉山區獲悉,該區投入教育經費4.95億元", "倉山區", "350104000000"),
        ("新竹縣立東興國中增設班級", "新竹縣", "719004000000"),
    ])
    func traditionalNamesResolve(_ text: String, _ surface: String, _ adcode: String) throws {
        let found = try #require(Self.mentions(text).first)
        #expect(found.surface == surface, "the surface stays as written")
        #expect(found.status == .resolved && found.adcode == adcode)
    }

    @Test func aCityStemOpeningASchoolNameIsNoRegion() {
        // 黄山 is a city's stem: alone it would stand for 黄山市; before 保障房小学 it names a school.
        let text = "昨日從倉山區獲悉,黃山保障房小學已建成並投入使用"
        let found = Self.mentions(text)
        #expect(found.contains { $0.adcode == "350104000000" })
        #expect(!found.contains { $0.surface.hasPrefix("黃山") && $0.status == .resolved })
        // Simplified script, same rule: 南平中学 in a county's list of schools.
        #expect(!Self.mentions("县立南平中学4班,国中普通班399班").contains { $0.adcode == "350700000000" })
    }

    @Test func aCityStemTheDocumentNamesStillResolves() {
        // The document names 黄山市: its stem before a school word is that city again.
        let found = Self.mentions("黄山市教育局召开会议\n黄山实验小学新建教学楼")
        #expect(found.filter { $0.adcode == "341000000000" }.count == 2)
    }

    /// `simplifiedPrefix(n)`, which headings read, is the first n scalars of the folded line.
    @Test func aFoldedPrefixIsThePrefixOfTheFoldedLine() {
        for line in ["一、學校建設與教學質量", "（二）縣區教育經費投入情況。", "花蓮縣", "", "第三節 國中小"] {
            for limit in [0, 1, 3, 8, 40] {
                #expect(line.simplifiedPrefix(limit) == Array(line.simplifiedScalars.prefix(limit)), "\(line) \(limit)")
            }
        }
        #expect(String(String.UnicodeScalarView("一、學校建設".simplifiedPrefix(5))) == "一、学校建")
    }
}
