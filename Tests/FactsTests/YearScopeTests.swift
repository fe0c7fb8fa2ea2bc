import EduwhCore
import Facts
import Testing

/// Which years may date a figure (session 20): its own clause's, an earlier clause's of its sentence,
/// its paragraph's, section's or report's; not a later clause's event year, nor the base of an
/// unchanged or changed figure. The scope that gave the year is named in `yearRule`. Sentences are our own.
@Suite struct YearScopeTests {
    static func fact(_ surface: String, in built: DocumentFacts) throws -> Fact {
        try #require(built.facts.first { $0.quantity.surface == surface }, "\(surface) not found")
    }

    /// 现有学生5800人，…将在2026年达到高峰: the later clause's year is its own event's; with no
    /// other year the figure stays empty (and says why), in a report of 2023 it is that year's.
    @Test func aLaterClausesYearDatesNoFigure() throws {
        let body = ["全县现有小学在校生5800人，预计这一数字将在2026年达到高峰。"]
        let open = FactBuilder.standard.build(TrustTests.document(title: ["县教育局情况汇报"], body: body))
        let empty = try Self.fact("5800人", in: open)
        #expect(empty.yearFrom == nil && empty.yearRule.contains("scope:no-later-clause"))
        let dated = FactBuilder.standard.build(TrustTests.document(title: ["县教育局2023年工作总结"], body: body))
        #expect(try Self.fact("5800人", in: dated).yearFrom == 2023)
    }

    /// 与上年持平 / 和2020年基本相当: the base of an unchanged figure, not its year.
    @Test func theBaseOfAnUnchangedFigureDatesNone() throws {
        let built = FactBuilder.standard.build(
            TrustTests.document(
                title: ["区教育局2023年工作总结"],
                body: ["全区共有初中18所，与上年持平。", "全区共有特殊教育学校2所，和2020年基本相当。"]))
        #expect(try Self.fact("18所", in: built).yearFrom == 2023)
        #expect(try Self.fact("2所", in: built).yearFrom == 2023)
    }

    /// 由2015年的72.3%提高到91.5%: the start year dates the figure right after it only.
    @Test func aChangesStartYearDatesOnlyItsOwnFigure() throws {
        let built = FactBuilder.standard.build(
            TrustTests.document(
                title: ["县教育局2021年工作总结"],
                body: ["全县学前三年毛入园率达到91.5%，由2015年的72.3%提高了19.2个百分点。"]))
        #expect(try Self.fact("72.3%", in: built).yearFrom == 2015)
        #expect(try Self.fact("91.5%", in: built).yearFrom == 2021)
    }

    /// The scope that gave a year reaches --explain: the clause's, an earlier clause's, the paragraph's.
    @Test func theScopeIsNamed() throws {
        let built = FactBuilder.standard.build(
            TrustTests.document(
                title: ["县教育情况汇报"],
                body: ["2022年全县新建幼儿园6所。2021年，全县新增学位2400个。全县招聘教师150名。"]))
        #expect(try Self.fact("6所", in: built).yearRule == "scope:clause-before")
        #expect(try Self.fact("2400个", in: built).yearRule == "scope:sentence-before")
        #expect(try Self.fact("150名", in: built).yearRule == "scope:paragraph")
    }
}
