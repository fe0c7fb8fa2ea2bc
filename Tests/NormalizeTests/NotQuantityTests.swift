import EduwhCore
import Normalize
import Testing

/// A sentence and a surface that must NOT come out as a quantity.
struct NotQuantityCase: CustomTestStringConvertible, Sendable {
    var sentence: String
    var text: String
    var testDescription: String { "\(sentence) ∌ \(text)" }
    init(_ sentence: String, _ text: String) {
        self.sentence = sentence
        self.text = text
    }
}

@Suite("Quantities: what is not a quantity")
struct NotQuantityTests {
    @Test(
        "List markers, ordinals, ranks, names, document numbers, phones and years",
        arguments: [
            NotQuantityCase("一是抓财政投入,强化教育的物质基础", "一"),
            NotQuantityCase("二、加强队伍建设", "二"),
            NotQuantityCase("(三)狠抓队伍建设", "三"),
            NotQuantityCase("1、严控农村教师调出。", "1"),
            NotQuantityCase("研究全区教育“十二五”规划", "十二"),
            NotQuantityCase("联合下发了四东人社联字[2011]3号文件", "3"),
            NotQuantityCase("按四东政办发[2005]18文件精神执行", "18"),
            NotQuantityCase("开通89192345“教育为民热线”", "89192345"),
            NotQuantityCase("咨询电话:0751-5381234。", "5381234"),
            NotQuantityCase("详见http://www.jyj.gov.cn/2011/3.html", "3"),
            NotQuantityCase("回顾总结2011年的各项工作", "2011"),
            NotQuantityCase("13名考生进入全省前百名", "百名"),
            NotQuantityCase("力争进入全国县域经济基本竞争力10强", "10"),
            NotQuantityCase("实验小学在全市科技节所有参赛项中均获第一名", "一名"),
            NotQuantityCase("莲沁小学二期、刘国钧初中扩建", "二期"),
            NotQuantityCase("新桥教育中心一期、西来镇教育现代化建设项目", "一期"),
            NotQuantityCase("顺利整合了季中、二中、一中", "二中"),
            NotQuantityCase("拟将第九中学向四平至下三台公路附近迁移", "三台"),
            NotQuantityCase("迎接党的十八大的胜利召开", "十八大"),
            NotQuantityCase("我区学生参加市一级以上体艺科技类竞赛", "一级"),
            NotQuantityCase("确保每一名在园儿童接受专业化的学前教育", "一名"),
            NotQuantityCase("以一个好校长带出一支好队伍", "一个"),
            NotQuantityCase("教育是一项充满希望的光辉事业", "一项"),
            NotQuantityCase("全年未发生一起校园安全事故", "一起"),
            NotQuantityCase("一次性解决了全县教职工医保问题", "一次"),
            NotQuantityCase("实行一月一汇总、一月一上报", "一月"),
            NotQuantityCase("成熟一所评估一所,评估一所通过一所", "一所"),
            NotQuantityCase("三是抓教育改革", "三"),
            NotQuantityCase("抓教育就是抓1投入", "1"),
            NotQuantityCase("研发义务教育校车3G传输系统", "3"),
            NotQuantityCase("篇1:基础教育工作的述职报告", "1"),
            NotQuantityCase("具体安排详见附件1。", "1"),
            NotQuantityCase("开展5人制足球联赛", "5人"),
            NotQuantityCase("本校为全省首批示范学校之一", "一"),
            NotQuantityCase("详见附件1万元以下零星采购清单", "万元"),
        ])
    func notQuantities(_ c: NotQuantityCase) {
        let found = Normalizer.standard.quantities(in: c.sentence)
        #expect(!found.contains { $0.surface.contains(c.text) }, "found \(found.map(\.surface))")
    }

    @Test(
        "Plan names, school-system terms, slogans and fixed phrases",
        arguments: [
            NotQuantityCase("制定实施《海珠区基础教育发展五年规划纲要》", "五年"),
            NotQuantityCase("印发了《x区主城区中小学幼儿园建设三年行动计划》", "三年"),
            NotQuantityCase("成立了x区中小学幼儿园建设三年行动领导小组", "三年"),
            NotQuantityCase("今年是实施教育信息化三年规划的最后一年", "三年"),
            NotQuantityCase("农村九年一贯制学校3所", "九年"),
            NotQuantityCase("争取实现12年一贯制免费教育", "12年"),
            NotQuantityCase("1个五年制高职专业成为省品牌专业", "五年"),
            NotQuantityCase("学前三年入园率分别为 70.9%", "三年"),
            NotQuantityCase("把全县七至九年级学生集中到新民族实验学校", "七至九"),
            NotQuantityCase("全力实现三个增长,逐年提高两个比例", "三个"),
            NotQuantityCase("全力实现三个增长,逐年提高两个比例", "两个"),
            NotQuantityCase("实行了“三个坚持、五个一点办法”。三个坚持:一是", "三个"),
            NotQuantityCase("实行了“三个坚持、五个一点办法”。三个坚持:一是", "五个"),
            NotQuantityCase("实施“两免一补”", "两"),
            NotQuantityCase("严格实行“一费制”", "一"),
            NotQuantityCase("是实践“三个代表”重要思想", "三个"),
            NotQuantityCase("启动实施“**教育368人才培养工程”", "368"),
            NotQuantityCase("为实现“五年再来一次大跨越”和“两个率先”的目标", "五年"),
            NotQuantityCase("扎实开展“千名党员教师进社区(村组)”服务群众活动", "千名"),
            NotQuantityCase("建立健全区五套班子领导定期议教制度", "五套"),
            NotQuantityCase("千方百计推进了教职工的住房货币补贴发放工作", "千"),
            NotQuantityCase("寄托着亿万家庭对美好生活的期盼", "万家"),
            NotQuantityCase("坚持“收支两条线”管理制度", "两条"),
            NotQuantityCase("《x区教师行为规范x条》", "x条"),
            NotQuantityCase("x小学获得称号,**市首批学校", "x"),
        ])
    func namesAndPhrases(_ c: NotQuantityCase) {
        let found = Normalizer.standard.quantities(in: c.sentence)
        #expect(!found.contains { $0.surface.contains(c.text) }, "found \(found.map(\.surface))")
    }

    @Test("Placeholders are never turned into numbers")
    func placeholdersStayEmpty() {
        let sentence = "全区共有学校x所、教师XX名,投入X多万元、**万元、20xx元,增长x%"
        let found = Normalizer.standard.quantities(in: sentence)
        #expect(found.count == 6)
        #expect(found.allSatisfy { $0.value == nil && $0.qualifier == .placeholder })
    }
}
