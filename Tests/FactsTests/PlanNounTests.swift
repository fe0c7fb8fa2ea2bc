import EduwhCore
import Facts
import Testing

/// 计划/规划 as the plan a result is measured against (a noun), not an intent (issue 24's status
/// kinds). Sentences are our own.
@Suite struct PlanNounTests {
    static func status(_ surface: String, unit: String, in line: String) -> FactStatus {
        StatusCues.standard.status(of: FactsFixtures.quantity(surface, unit: unit, in: line, value: 1), inLine: line).0
    }

    /// A share of the plan, or the plan done or followed, reports progress.
    @Test(arguments: [
        ("已开工校舍12万平方米，占规划建设总面积的41.5%。", "41.5%", "percent"),
        ("完成投资860万元，占年度投资计划的27.3%。", "27.3%", "percent"),
        ("截至8月底完成计划的64%，各项目按序推进。", "64%", "percent"),
        ("全市已按计划新建中小学9所，新增学位8000个。", "9所", "所"),
        ("比原计划多完成项目3个。", "3个", "个"),
    ])
    func aPlanMeasuredAgainstIsNoIntent(line: String, surface: String, unit: String) {
        #expect(Self.status(surface, unit: unit, in: line) != .planned)
    }

    /// The same words as an intent still make a plan.
    @Test(arguments: [
        ("计划新建中小学9所，新增学位8000个。", "9所", "所"),
        ("明年规划建设校舍12万平方米。", "12万平方米", "m2"),
        ("我们计划投资860万元改造校舍。", "860万元", "yuan"),
    ])
    func aPlanWordAsIntentIsAPlan(line: String, surface: String, unit: String) {
        #expect(Self.status(surface, unit: unit, in: line) == .planned)
    }
}
