import EduwhCore
import Facts
import Testing

/// Plan/target versus achievement, with the cue word that decided it.
@Suite struct StatusCuesTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var line: String
        var surface: String
        var status: FactStatus
        var cue: String
        var testDescription: String { "\(surface): \(status.rawValue) \(cue)" }
    }

    @Test(arguments: [
        Case(line: "计划中学招生1440人,小学招生1350人", surface: "1440人", status: .planned, cue: "计划"),
        Case(line: "计划中学招生1440人,小学招生1350人", surface: "1350人", status: .planned, cue: "计划"),
        Case(line: "力争培养30名特优教师,60名学科带头人", surface: "60名", status: .planned, cue: "力争"),
        Case(line: "五年内将新建12所、改扩建9所幼儿园", surface: "12所", status: .planned, cue: "将"),
        Case(line: "确保50%的学校通过省、市级首批现代化学校评估验收", surface: "50%", status: .planned, cue: "确保"),
        Case(line: "今年,我区克服财政压力,拟再招聘120名", surface: "120名", status: .planned, cue: "拟"),
        Case(line: "预计全年投入资金2.5亿元", surface: "2.5亿元", status: .planned, cue: "预计"),
        Case(line: "两年来,我区共向全国公开招聘教师374名", surface: "374名", status: .achieved, cue: "共"),
        Case(line: "教育部门和学校累计筹措各项经费265.2万元", surface: "265.2万元", status: .achieved, cue: "累计"),
        Case(line: "区政府投资70万元修建了九中通往外面的连接公路", surface: "70万元", status: .achieved, cue: "了"),
        Case(line: "已完成校舍改造面积3.2万平方米", surface: "3.2万平方米", status: .achieved, cue: "完成"),
        Case(line: "全县现有公办幼儿园1所、校办2所", surface: "2所", status: .achieved, cue: "现有"),
        Case(line: "加快职教资源整合,将联办学校从16个精简到3个,形成了新格局", surface: "16个", status: .unknown, cue: ""),
        Case(line: "四平烟草意向捐资15万元,将全部用于改善学校办学条件", surface: "15万元", status: .planned, cue: "意向"),
        Case(line: "需要加大投入1000万元", surface: "1000万元", status: .unknown, cue: ""),
        Case(line: "2012年,县商会捐款10万元", surface: "10万元", status: .unknown, cue: ""),
        // A second 达到/新增 in a target sentence goes on with the target, not with the first 达到.
        Case(
            line: "到2030年,全市高中阶段毛入学率力争达到95%,残疾儿童入学率达到90%", surface: "90%",
            status: .planned, cue: "力争"),
        Case(line: "今后三年拟新增学位5000个,新增教师编制300名", surface: "300名", status: .planned, cue: "拟"),
        Case(line: "去年已建成学校4所,新增学位2000个", surface: "2000个", status: .achieved, cue: "新增"),
        // 目前 is no deadline (前完成 in 年底前完成 is): a share of the plan done so far is achieved.
        Case(line: "截至目前完成计划的72%,完成投资3100万元", surface: "72%", status: .achieved, cue: "完成"),
        // The plan a share is done of, a few words after 完成, is no intent either.
        Case(line: "一季度完成年度投资计划的28%", surface: "28%", status: .achieved, cue: "完成"),
        Case(line: "当前完成校舍加固面积1.5万平方米", surface: "1.5万平方米", status: .achieved, cue: "完成"),
        Case(line: "新校区主体工程9月底前完成,总投资6000万元", surface: "6000万元", status: .planned, cue: "前完成"),
        // What a school can receive under a scheme is a rate to come, not a payment made (获 is past).
        Case(line: "根據批示,每班可獲75.5萬元津貼", surface: "75.5萬元", status: .planned, cue: "可获"),
        Case(line: "每所幼稚园会获发3万元一次性津贴", surface: "3万元", status: .planned, cue: "会获发"),
        Case(line: "该校去年获市级奖励资金20万元", surface: "20万元", status: .achieved, cue: "获"),
        // A programme's name is no plan: the figure is what it paid out.
        Case(
            line: "农村义务教育学生营养改善计划惠及学生3.2万人,共计发放补助1200万元", surface: "1200万元",
            status: .achieved, cue: "共计"),
        Case(line: "今年已按计划完成新建学校5所", surface: "5所", status: .achieved, cue: "完成"),
        // 将X由A提高到B is a measure taken (将 marks the object); 将由 (will be done by) is intent.
        Case(line: "从7月1日起,将特岗教师补助标准由年人均2.8万元提高到3.16万元", surface: "2.8万元", status: .unknown, cue: ""),
        Case(line: "新校舍将由县政府投资1200万元建设", surface: "1200万元", status: .planned, cue: "将由"),
        // A figure hoped or expected for, or what a budget will come to, is a plan (fk11, fi22).
        Case(line: "普惠性幼儿园招生覆盖面可望达到72%", surface: "72%", status: .planned, cue: "可望"),
        Case(line: "而在二○一七/一八年度,则会增至57,500元,这是小学的单位成本", surface: "57,500元", status: .planned, cue: "则会"),
        // A Hope Project school's name is no hope.
        Case(line: "企业捐建希望小学2所", surface: "2所", status: .unknown, cue: ""),
    ])
    func decidesStatus(_ example: Case) {
        let quantity = FactsFixtures.quantity(example.surface, unit: "", in: example.line, value: 1)
        let (status, cue) = StatusCues.standard.status(of: quantity, inLine: example.line)
        #expect(status == example.status)
        #expect(cue == example.cue)
    }
}
