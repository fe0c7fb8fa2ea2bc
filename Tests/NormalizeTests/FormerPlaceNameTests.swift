import EduwhCore
import Normalize
import Testing

/// Names divisions bore before a rename, merger or upgrade (`former` rows of
/// `rules/normalize/places.tsv`, issue 24): an older report's figures are filed under today's
/// division, and a place speaking of itself as a whole (全市, 各) opens no school's name. Sentences
/// are our own.
@Suite struct FormerPlaceNameTests {
    static func mention(_ text: String, _ surface: String) -> PlaceMention? {
        PlaceResolver.standard.places(inText: text).map(\.mention).first { $0.surface == surface }
    }

    @Test(arguments: [
        // A county renamed when it became a district: no stem or suffix swap reaches it.
        ("学校位于天津市蓟县城关镇，现有学生900人", "天津市蓟县", "120119000000"),
        ("郫县教育局关于2015年工作总结", "郫县", "510117000000"),
        // A district merged into another: its figures are the merged district's.
        ("北京市崇文区教委2008年工作总结", "北京市崇文区", "110101000000"),
        ("闸北区教育局2014年工作要点", "闸北区", "310106000000"),
        // A city renamed: its former bare stem stands alone, as a city's does.
        ("襄樊市教育局2009年工作要点", "襄樊市", "420600000000"),
        ("今年襄樊新建校舍12万平方米", "襄樊", "420600000000"),
        // A county upgraded to a city: not today's district of the same stem (桃园区).
        ("桃園縣政府今年補助國民教育經費2億元", "桃園縣", "710600000000"),
        ("臺北縣政府編列校舍補強經費3億元", "臺北縣", "710300000000"),
    ])
    func aFormerNameIsTodaysDivision(_ text: String, _ surface: String, _ adcode: String) throws {
        let found = try #require(Self.mention(text, surface), "\(surface) not found")
        #expect(found.status == .resolved)
        #expect(found.adcode == adcode)
    }

    /// A current name stays today's division (the former rows add names, they take none away).
    @Test func aCurrentNameStaysItsOwn() {
        #expect(Self.mention("桃园区公所今年新建小学2所", "桃园区")?.adcode == "710604000000")
        #expect(Self.mention("蓟州区教育局2020年工作总结", "蓟州区")?.adcode == "120119000000")
    }

    /// A city's stem followed by 全市 or 各 speaks of the whole city, not a school's name, and stands
    /// alone; followed by a school's name it still needs the document's support.
    @Test func aCityStemSpeakingOfItselfStandsAlone() {
        #expect(Self.mention("2011年莆田全市中小学公用经费总额为2亿元", "莆田")?.adcode == "350300000000")
        #expect(Self.mention("今年莆田各中小学新增学位3000个", "莆田")?.adcode == "350300000000")
        #expect(Self.mention("莆田实验小学新增学位300个", "莆田") == nil)
    }
}
