import EduwhCore
import Normalize
import Testing

// Number and year forms the census of session 25 (grammar25) found missed on the field pages: a figure of 亿
// written without 元, a bare magnitude after 突破, units of compound measure words (单人套, 台件套, 辆车次, 房次,
// 日曆天, 县市, 鄉鎮市), names of years of free schooling, a mixed number closing on its own magnitude before a
// verb, and the present year named as a plan period's last or first year. The lines are taken from field
// pages (ga29, fy30, fq26, fw10, fl03, fy03, fk12, fv21, fl19, ft32, ga10, fy01, fo24, fm26) or made up for
// the negatives.

/// The quantities of a sentence as `surface=value unit qualifier` strings.
private func session25Readings(_ text: String) -> [String] {
    Normalizer.standard.quantities(in: text).map {
        "\($0.surface)=\($0.value.map { NumberFormKindTests.plain($0) } ?? "") \($0.unit) \($0.qualifier.rawValue)"
    }
}

@Suite("Number and year forms: 亿 without 元, compound units, plan years (session 25)")
struct NumberFormSession25Tests {
    @Test(
        "A figure of 亿 with no unit is money",
        arguments: [
            ("林郑: 尚有34亿未启用 将发展优质教育", "34亿=3400000000 yuan exact"),
            ("我市去年完成1.15亿教育民生项目建设", "1.15亿=115000000 yuan exact"),
            ("还额外动用1亿9千万,推行多项新措施", "1亿9千万=190000000 yuan exact"),
        ])
    func bareYiIsMoney(_ text: String, _ expected: String) {
        let q = session25Readings(text)
        #expect(q.first == expected, "\(text) → \(q)")
    }

    @Test("A figure of 亿 after a noun of people counts them")
    func bareYiAfterPeople() {
        #expect(session25Readings("- 在校生1.54億") == ["1.54億=154000000  exact"])
        #expect(session25Readings("全国各级各类学历教育在校生2.91亿,比上年增加") == ["2.91亿=291000000  exact"])
    }

    @Test(
        "A bare magnitude after 突破 is a rough figure",
        arguments: [
            ("(原标题:贵州2016年资助全省学生突破百亿元)", "10000000000", "yuan"),
            ("总分700分以上230人,本科线以上突破千名的预期目标", "1000", "名"),
        ])
    func breakthroughMagnitude(_ text: String, _ value: String, _ unit: String) {
        let q = Normalizer.standard.quantities(in: text)
        #expect(
            q.contains { $0.value.map(NumberFormKindTests.plain) == value && $0.unit == unit && $0.qualifier == .over },
            "\(text) → \(session25Readings(text))")
    }

    @Test(
        "Compound measure words keep the figure and give their unit",
        arguments: [
            ("中学更新桌凳450单人套,更新率46.40%", "450单人套=450 套 exact"),
            ("小学更新桌凳520单人套、180四人套", "180四人套=180 套 exact"),
            ("全市规划新改扩建高中设备采购666台件套", "666台件套=666 台件套 exact"),
            ("检查接送学生车辆1116辆车次,宾馆1118房次", "1116辆车次=1116 车次 exact"),
            ("檢查接送學生車輛1116辆车次,宾馆1118房次", "1118房次=1118 房次 exact"),
            ("預計工期420日曆天,明年完工", "420日曆天=420 天 exact"),
            ("苗栗縣18鄉鎮市目前有逾半鄉鎮公所提出需求", "18鄉鎮市=18 乡镇市 exact"),
            ("黔西南州财政局下拨8县市营养改善补助资金", "8县市=8 县市 exact"),
        ])
    func compoundUnits(_ text: String, _ expected: String) {
        let q = session25Readings(text)
        #expect(q.contains(expected), "\(text) → \(q)")
    }

    @Test(
        "Years of free schooling a policy names are no quantity",
        arguments: [
            "积极落实鄂尔多斯籍学生(幼儿)十五年基本免费教育等惠民政策",
            "西藏建立了15年公費教育體系和從學前到研究生教育的資助體系",
        ])
    func schoolingYears(_ text: String) {
        #expect(!session25Readings(text).contains { $0.contains("年=") }, "\(text) → \(session25Readings(text))")
    }

    @Test(
        "The present year named as a plan period's last or first year is the text's own (ref-plan-year)",
        arguments: [
            ("教育惠民的基礎性工程。今年是“十二五”收官之年,12月16日,記者從鄭州市教育局獲悉", 2015),
            ("今年是“十四五”规划的开局之年,全县新建幼儿园5所", 2021),
        ])
    func planYear(_ text: String, _ year: Int) {
        let doc = document(["学校工作简报", text])
        let frame = Normalizer.standard.timeFrame(of: doc)
        #expect(frame.referenceYear == year && frame.referenceRule == "ref-plan-year", "\(frame)")
        let thisYear = resolvedYears(doc, line: 2).first { $0.surface == "今年" }
        #expect(thisYear?.from == year && thisYear?.rule == "ry-jinnian@ref-plan-year")
    }

    @Test(
        "A plan period without its present-year subject or its last-year word states nothing",
        arguments: [
            "“十二五”期间,全县新建学校30所,今年又新建2所",
            "明年是“十四五”规划的开局之年,今年要做好准备",
            "今年是全面完成“十二五”规划的重要一年,全县新建学校2所",
        ])
    func planYearNegatives(_ text: String) {
        let doc = document(["学校工作简报", text])
        #expect(Normalizer.standard.timeFrame(of: doc).referenceRule != "ref-plan-year")
    }
}
