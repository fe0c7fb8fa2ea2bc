import EduwhCore
import Facts
import Normalize
import Testing

/// The report's own region named rarely (issue 24): a county report that says 我县/全县 and calls its
/// county by a bare name (临泽教育) or names it once (a signature, its own rule's name). Sentences
/// are our own.
@Suite struct OwnRegionTests {
    static func build(title: [String], body: [String]) -> DocumentFacts {
        FactBuilder.standard.build(TrustTests.document(title: title, body: body))
    }

    /// A bare county stem before 教育 in a report that speaks as a county is the county.
    @Test func aBareStemBeforeEducationInACountyReportIsItsCounty() throws {
        let built = Self.build(
            title: ["在全县教师节表彰大会上的讲话"],
            body: [
                "同志们：今年全县新建幼儿园3所，我县教师队伍不断壮大。",
                "临泽教育事业的发展离不开全县广大教师的辛勤付出。",
            ])
        #expect(built.profile.adcode == "620723000000")
        #expect(try TrustTests.fact("3所", in: built).adcode == "620723000000")
    }

    /// Without the report speaking as a county, the bare stem stays unsupported: no region.
    @Test func aBareStemAloneIsNoPlace() {
        let places = PlaceResolver.standard.places(inText: "临泽教育事业的发展离不开广大教师的辛勤付出。")
        #expect(places.isEmpty)
    }

    /// A county named once (in the name of its own rule) in a report that says 我县 twice.
    @Test func aCountyNamedOnceInACountyReportIsItsCounty() {
        let built = Self.build(
            title: ["教育局2020年工作总结"],
            body: [
                "一年来，我县认真落实《岳西县义务教育均衡发展实施方案》，新建校舍1.2万平方米。",
                "全县中小学标准化建设完成投资3200万元，我县教育质量稳步提升。",
            ])
        #expect(built.profile.adcode == "340828000000")
    }

    /// Two counties named once each, past the opening: the report does not say which is its own.
    @Test func twoCountiesNamedOnceLeaveTheRegionEmpty() {
        let built = Self.build(
            title: ["教育局2020年工作总结"],
            body: [
                "一年来，我县教育工作取得新进展。", "一、主要工作", "（一）办学条件", "新建校舍1.2万平方米。", "（二）师资队伍",
                "我县与洛南县、石泉县结对交流，全县中小学标准化建设完成投资3200万元。",
            ])
        #expect(built.profile.adcode == nil)
    }
}
