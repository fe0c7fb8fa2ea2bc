import Testing

@testable import Clean

/// `LineShape.counts`, the counted quantities a line states: figures with a measure word or unit
/// (a report's sentences), not a year, a page count or a collection's piece count (site widgets).
@Suite struct LineShapeTests {
    @Test(
        arguments: [
            ("现有在校学生4520人，教职工312名。", 2), ("全年投入3.2亿元，新建校舍1.5万平方米", 2),
            ("校舍建设竣工率为87.18%", 1), ("预算数 201,569千元", 1), ("新增学位6万个", 1), ("幼儿园6.4万、小学24.3万", 2),
            ("2021年教育基本情况", 0), ("已阅读5页,还剩6页未读", 0), ("幼儿园工作总结(精选15篇)", 0),
            ("发布时间：2022-01-06", 0), ("全县辖十七所镇中心学校", 0),
        ] as [(String, Int)])
    func countedQuantities(text: String, counts: Int) {
        #expect(LineShape(text).counts == counts, "\(text)")
    }

    /// A rule condition reads the count as `counts`.
    @Test func aConditionComparesCounts() throws {
        let conditions = try RuleCondition.parseList("counts=0")
        #expect(conditions == [.feature(.counts, .equal, 0)])
        #expect(LineShape("全县共有小学12所").value(of: .counts) == 1)
    }
}
