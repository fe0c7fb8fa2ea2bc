import EduwhCore
import Facts
import Normalize
import Testing

/// A school's report named only by its own name, opening with a county's bare stem the resolver
/// leaves unsupported (issue 24: 黎川一中, 徐汇中学): the report takes that county, weakly
/// (`docregion-weak-stem`, judged by the region chooser). Sentences are our own.
@Suite struct WeakStemRegionTests {
    static func build(title: [String], body: [String]) -> DocumentFacts {
        FactBuilder.standard.build(TrustTests.document(title: title, body: body))
    }

    /// A title that opens with a bare stem and the school's name gives the county.
    @Test func aSchoolTitleOpeningWithAStemGivesItsCounty() throws {
        let built = Self.build(
            title: ["2021年乳源实验中学工作总结"],
            body: ["一年来，学校新建教学楼一栋，现有学生1200人。", "全校教师85人，本科学历达95%。"])
        #expect(built.profile.adcode == "440232000000")
        #expect(built.profile.regionRule == RegionRule.weakStem)
        #expect(try TrustTests.fact("1200人", in: built).adcode == "440232000000")
    }

    /// A two-character county opening a school's name in the opening lines gives the county.
    @Test func aTwoCharacterCountyOpeningASchoolNameGivesIt() {
        let built = Self.build(
            title: ["2021年部门预算公开说明"],
            body: ["泾县中学2021年一般公共预算支出为325万元。", "比上年减少12万元。"])
        #expect(built.profile.adcode == "341823000000")
    }

    /// A school named in passing (after other words of its line) or a stem that is an ordinary word
    /// (新建 before 中小学) gives no region: empty is better than wrong.
    @Test(arguments: [
        ["今年全市新建中小学12所，完成投资3.2亿元。", "各校开学工作顺利。"],
        ["会上，县教育局、乳源中学作了交流发言。", "全年共培训教师300人次。"],
        ["学校位于双溪桥镇中心小学对面，现有学生300人。", "教师20人。"],
    ])
    func aStemInPassingGivesNone(_ body: [String]) {
        let built = Self.build(title: ["工作总结"], body: body)
        #expect(built.profile.adcode == nil)
    }

    /// A two-character county the text names twice as a county gives it; once, or only inside a
    /// word or a slogan (代县长, 新县城, 科教兴县战略), gives none.
    @Test func aTwoCharacterCountyNamedTwiceGivesIt() {
        let built = Self.build(
            title: ["农村学校实现“班班通”全覆盖"],
            body: ["日前，记者走访了城南小学。", "高县从2019年起筹集资金800万元。", "目前高县已建成教室320间。"])
        #expect(built.profile.adcode == "511525000000")
        #expect(built.profile.regionRule == RegionRule.weakStem)
    }

    @Test(arguments: [
        ["高县从2019年起筹集资金800万元。", "目前已建成教室320间。"],
        ["会上，代县长作了讲话。", "代县长要求全年新建学校5所。"],
        ["实施科教兴县战略，新建学校5所。", "坚持“科教兴县”，投入资金800万元。"],
        ["大力实施“开放兴县、特色兴县、科教兴县”三大战略。", "新建学校5所，投入资金800万元。"],
        ["新县城学校建成投用，新增学位900个。", "新县城幼儿园招生300人。"],
    ])
    func aTwoCharacterCountyInPassingGivesNone(_ body: [String]) {
        let built = Self.build(title: ["工作总结"], body: body)
        #expect(built.profile.adcode == nil)
    }

    /// A report that names its county in full keeps it (the weak reading is only a fallback).
    @Test func aNamedCountyStands() {
        let built = Self.build(
            title: ["乳源县教育局2021年工作总结"],
            body: ["2021年黎川中学新建教学楼一栋，投资500万元。", "全县教师3000人。"])
        #expect(built.profile.adcode == "440232000000")
        #expect(built.profile.regionRule != RegionRule.weakStem)
    }
}
