import EduwhCore
import Facts
import Testing

/// Kinds of construction read from the misses of sites the project had never read (slice fg):
/// what a number counts, decided by its own clause and what it stands in, or left `unknown`.
/// Sentences are written for these tests; each case is one construction.
@Suite struct CountedKindTests {
    static func choice(_ surface: String, unit: String, in line: String) -> IndicatorMapper.Choice {
        IndicatorMapper.standard.indicator(
            for: FactsFixtures.quantity(surface, unit: unit, in: line, value: 1), inLine: line)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var kind: String
        var line: String
        var surface: String
        var unit: String
        var indicator: String
        var testDescription: String { "\(kind): \(surface) → \(indicator)" }
    }

    @Test(arguments: [
        // A region's people and households are no figure of education.
        Case(kind: "population", line: "全镇总人口3.6万人,其中农业人口2.9万人", surface: "2.9万人", unit: "人", indicator: "unknown"),
        Case(
            kind: "households of residents", line: "该乡现有居民4180户,学校3所", surface: "4180户", unit: "户",
            indicator: "unknown"),
        Case(kind: "village committees", line: "全镇辖9个村委会,2个居委会", surface: "2个", unit: "个", indicator: "unknown"),
        // A building built at N schools: the schools get a canteen, none is built.
        Case(
            kind: "a building built at schools", line: "今年完成15所乡村学校食堂建设", surface: "15所", unit: "所",
            indicator: "construction_projects"),
        // A grant from above, whatever verb stands before it.
        Case(
            kind: "a grant", line: "省里安排薄弱学校改造补助资金800万元", surface: "800万元", unit: "yuan",
            indicator: "funding_transfer"),
        // A teaching title is a key-teacher title.
        Case(
            kind: "a key teacher's title", line: "学校现有县级教学能手12名", surface: "12名", unit: "名",
            indicator: "teachers_backbone"),
    ])
    func readsWhatIsCounted(_ example: Case) {
        let choice = Self.choice(example.surface, unit: example.unit, in: example.line)
        #expect(choice.code == example.indicator, "rule \(choice.rule)")
    }

    /// A percent whose own clause names a rate or a share of its own measures that one, not a
    /// rate another clause of the sentence names.
    @Test func aPercentWithARateOfItsOwnTakesNoOtherClausesIndicator() {
        let line = "全县小学入学率保持100%,图书配备率达到92%"
        #expect(Self.choice("100%", unit: "percent", in: line).code == "enrolment_rate")
        let own = Self.choice("92%", unit: "percent", in: line)
        #expect(own.code == "unknown" && own.rule.hasPrefix("own-rate"), "rule \(own.rule)")
        let share = Self.choice("38%", unit: "percent", in: "全市完成投资6亿元,占三年计划的38%")
        #expect(share.code == "unknown", "rule \(share.rule)")
        // A clause with no rate of its own goes on with the sentence's (小学…,初中达到98%).
        let listed = Self.choice("98%", unit: "percent", in: "全县入学率小学达到100%,初中达到98%")
        #expect(listed.code == "enrolment_rate", "rule \(listed.rule)")
    }

    /// 从A提高到B: both figures are levels of the measure the clause names, not a growth.
    @Test func levelsAChangeLeadsFromAndToAreNoGrowth() {
        let line = "普惠性幼儿园覆盖率从62%提高到88%"
        #expect(Self.choice("62%", unit: "percent", in: line).code == "preschool_public_share")
        #expect(Self.choice("88%", unit: "percent", in: line).code == "preschool_public_share")
        let growth = Self.choice("12%", unit: "percent", in: "教育经费比上年增长12%")
        #expect(growth.code == "growth_rate")
        let fall = Self.choice("3.2%", unit: "percent", in: "小学在校生比上年减少1200人,下降3.2%")
        #expect(fall.code == "growth_rate", "rule \(fall.rule)")
    }

    /// 多 right after a number is "more than", no word of change; 覆盖率 alone names no ICT.
    @Test func genericWordsChooseNothing() {
        let more = Self.choice("4成", unit: "percent", in: "参加课后服务的学生占4成多")
        #expect(more.code != "growth_rate", "rule \(more.rule)")
        let coverage = Self.choice("100%", unit: "percent", in: "全县公办学校课后服务覆盖率达到100%")
        #expect(coverage.code != "ict_coverage", "rule \(coverage.rule)")
        let network = Self.choice("100%", unit: "percent", in: "全县中小学校园网覆盖率达到100%")
        #expect(network.code == "ict_coverage")
    }

    /// After 其中, a part whose own clause names nothing counts what its total counts.
    @Test func aPartAfterQiZhongCountsWhatItsTotalCounts() {
        let text = "今年新建公办幼儿园7所,其中:东城区3所,西城区4所"
        let mentions = ["7所", "3所", "4所"].map { FactsFixtures.quantity($0, unit: "所", in: text, value: 1) }
        let found = FactBuilder.standard.facts(
            mentions, line: FactsFixtures.line(text), years: [], places: [], profile: DocumentProfile(kind: "其他"))
        #expect(found.map(\.indicator) == ["schools_built", "schools_built", "schools_built"])
        #expect(found[2].indicatorRule.hasSuffix("@part"), "rule \(found[2].indicatorRule)")
        // A part that names what it counts keeps it (其中中央资金 is a transfer).
        let money = "累计投入资金900万元,其中中央专项资金500万元"
        let amounts = ["900万元", "500万元"].map { FactsFixtures.quantity($0, unit: "yuan", in: money, value: 1) }
        let parts = FactBuilder.standard.facts(
            amounts, line: FactsFixtures.line(money), years: [], places: [], profile: DocumentProfile(kind: "其他"))
        #expect(parts.map(\.indicator) == ["funding_investment", "funding_transfer"])
    }
}
