import EduwhCore
import Facts
import Testing

/// One quantity in a real-looking sentence, mapped to the indicator it measures.
@Suite struct IndicatorMapperTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var line: String
        var surface: String
        var unit: String
        var indicator: String
        var testDescription: String { "\(surface) → \(indicator)" }
    }

    @Test(arguments: [
        Case(
            line: "为了促使全区教育均衡发展,投入3.48亿元升级改造我区东部地区学校的硬件和软件建设", surface: "3.48亿元", unit: "yuan",
            indicator: "funding_investment"),
        Case(
            line: "仅2011年我区预算内教育拨款19432.9万元,比2010年的16021.6万元增长21.29%", surface: "16021.6万元", unit: "yuan",
            indicator: "funding_budget"),
        Case(
            line: "仅2011年我区预算内教育拨款19432.9万元,比2010年的16021.6万元增长21.29%", surface: "21.29%", unit: "percent",
            indicator: "growth_rate"),
        Case(
            line: "2011年由国家、省投入60%,区里投入40%,共177.5万元用于小学科学实验室配备", surface: "40%", unit: "percent",
            indicator: "funding_share"),
        Case(
            line: "据统计,2012年财政性教育经费为3.2亿元,占生产总值比例为4.1%,同比增长12%", surface: "4.1%", unit: "percent",
            indicator: "funding_share_gdp"),
        Case(line: "城乡义务教育学校生均公用经费提高到650元", surface: "650元", unit: "yuan", indicator: "funding_per_student"),
        Case(line: "县工商联捐款20万元,用于资助贫困学生", surface: "20万元", unit: "yuan", indicator: "funding_donation"),
        Case(line: "并且积极向银行贷款5亿元超前投入发展教育", surface: "5亿元", unit: "yuan", indicator: "funding_loan"),
        Case(line: "两年农村税费改革上级转移支付资金为860万元", surface: "860万元", unit: "yuan", indicator: "funding_transfer"),
        Case(line: "2013年财政经常性收入12706万元", surface: "12706万元", unit: "yuan", indicator: "fiscal_revenue"),
        Case(line: "全县生产总值为58亿元", surface: "58亿元", unit: "yuan", indicator: "gdp"),
        Case(line: "今年安排了2500万元增加教师的福利津贴", surface: "2500万元", unit: "yuan", indicator: "teacher_pay"),
        Case(line: "为全区1200人次发放寄宿生生活补助96万元", surface: "96万元", unit: "yuan", indicator: "aid_student"),
        Case(line: "全区共有各级各类学校46所,全部在校生3.2万名", surface: "46所", unit: "所", indicator: "schools_count"),
        Case(line: "五年内将新建12所、改扩建9所幼儿园", surface: "9所", unit: "所", indicator: "schools_built"),
        Case(line: "共撤并中小学校177所,新建和扩建学校75所", surface: "177所", unit: "所", indicator: "schools_merged"),
        Case(line: "通过置地新建5444平方米新朝阳小学教学楼", surface: "5444平方米", unit: "m2", indicator: "building_area"),
        Case(line: "投资1.2亿元、占地120亩的区一中新校区建成投用", surface: "120亩", unit: "mu", indicator: "land_area"),
        Case(line: "投入资金300万元,拆除D级危房60幢,加固维修危房5幢", surface: "60幢", unit: "幢", indicator: "dilapidated_buildings"),
        Case(line: "按照校安工程三年规划,新建项目9个,面积20221平方米", surface: "9个", unit: "个", indicator: "construction_projects"),
        Case(line: "共接受捐赠桌椅2850套,电脑105台,图书3300册", surface: "105台", unit: "台", indicator: "equipment"),
        Case(line: "共接受捐赠桌椅2850套,电脑105台,图书3300册", surface: "3300册", unit: "册", indicator: "library_books"),
        Case(line: "共新装备试验室15个,图书室3个,新增微机400台", surface: "3个", unit: "个", indicator: "special_rooms"),
        Case(line: "设计班型中学24个班,小学30个班", surface: "30个班", unit: "班", indicator: "classes"),
        Case(line: "小学每班不超过45人,中学不超过50人", surface: "不超过45人", unit: "人", indicator: "class_size"),
        Case(line: "确保校园网覆盖率达100%,构建遍及城乡的信息基础设施", surface: "100%", unit: "percent", indicator: "ict_coverage"),
        Case(line: "新建公办幼儿园6所,新增学位2160个,普惠性幼儿园覆盖率达到86.5%", surface: "2160个", unit: "个", indicator: "school_places"),
        Case(
            line: "新建公办幼儿园6所,新增学位2160个,普惠性幼儿园覆盖率达到86.5%", surface: "86.5%", unit: "percent",
            indicator: "preschool_public_share"),
        Case(line: "新建公办幼儿园6所,新增学位2160个,普惠性幼儿园覆盖率达到86.5%", surface: "6所", unit: "所", indicator: "schools_built"),
        // 学位 counted in 座 (新增学位8000座) are places, not schools although 座 also counts schools.
        Case(line: "今年全区新建学校5所,新增学位8000座", surface: "8000座", unit: "座", indicator: "school_places"),
        Case(
            line: "全校专任教师108人,本科以上学历占95%,中高级职称教师占62%", surface: "95%", unit: "percent",
            indicator: "teacher_qualification"),
        Case(line: "全校专任教师108人,本科以上学历占95%,中高级职称教师占62%", surface: "62%", unit: "percent", indicator: "teacher_titles"),
        Case(line: "学生体质健康达标率为93.2%,近视率控制在40%以下", surface: "40%以下", unit: "percent", indicator: "student_health"),
        Case(line: "学生体质健康达标率为93.2%,近视率控制在40%以下", surface: "93.2%", unit: "percent", indicator: "pass_rate"),
        Case(line: "今年高考本科上线率达到65%", surface: "65%", unit: "percent", indicator: "exam_results"),
        Case(line: "全区共有公办专任教师2150名,其中,幼儿园180名,小学960名", surface: "960名", unit: "名", indicator: "teachers_count"),
        Case(line: "全县教育系统城乡教职工编制数3115人", surface: "3115人", unit: "人", indicator: "teacher_posts"),
        Case(line: "两年来,我区共向全国公开招聘教师374名", surface: "374名", unit: "名", indicator: "teachers_recruited"),
        Case(line: "认真开展继续教育,全年培训教师5000余人次", surface: "5000余人次", unit: "人次", indicator: "teachers_trained"),
        Case(line: "去年,义务教育阶段教师流动643人,高中流动208人", surface: "208人", unit: "人", indicator: "teachers_exchange"),
        Case(line: "全区有417人次被评为省市优秀教师、优秀班主任", surface: "417人次", unit: "人次", indicator: "teachers_honoured"),
        Case(line: "全区有省、市级名校长、名教师和骨干教师143名", surface: "143名", unit: "名", indicator: "teachers_backbone"),
        Case(line: "小学高级教师的岗位数由原来的40%增设到60%的比例", surface: "40%", unit: "percent", indicator: "teacher_titles"),
        Case(line: "全区共有在校生x名(高中x名,初中x名,小学x名)", surface: "x名", unit: "名", indicator: "students_enrolled"),
        Case(line: "计划中学招生1440人,小学招生1350人", surface: "1350人", unit: "人", indicator: "students_admitted"),
        Case(line: "高考创历史新高,本二上线人数1967人,上线率41.7%", surface: "1967人", unit: "人", indicator: "exam_results"),
        Case(line: "我县高中毛入学率达到了85.6%,基本普及高中阶段教育", surface: "85.6%", unit: "percent", indicator: "enrolment_rate"),
        Case(line: "九年义务教育巩固率达到98.5%", surface: "98.5%", unit: "percent", indicator: "completion_rate"),
        Case(line: "学生体质健康达标率95.2%", surface: "95.2%", unit: "percent", indicator: "pass_rate"),
        Case(
            line: "经过全区的共同努力,我区80%的学校通过市义务教育规范化学校督导验收", surface: "80%", unit: "percent",
            indicator: "schools_standard_share"),
        Case(line: "近两年我区学生参加市一级以上体艺科技类竞赛获奖达5639人次", surface: "5639人次", unit: "人次", indicator: "awards"),
        Case(line: "申报立项规划课题子课题893项,其中教育部课题1项", surface: "893项", unit: "项", indicator: "research_projects"),
        Case(line: "市民人均受教育年限提高到11年", surface: "11年", unit: "年", indicator: "education_years"),
        Case(line: "加强职业教育专业建设,11个专业通过省合格专业认定", surface: "11个", unit: "个", indicator: "vocational_programmes"),
        Case(line: "加强教育共同体建设,新成立7个学前教育和高中阶段教育共同体", surface: "7个", unit: "个", indicator: "partnerships"),
        Case(line: "完成5个直属基层党组织、10个农村学校党组织换届选举", surface: "10个", unit: "个", indicator: "party_organisations"),
        Case(line: "根据我区教育发展的实际,突出抓好三个重点", surface: "三个", unit: "个", indicator: "work_measures"),
        Case(line: "当前,全县正大力推进三大主体功能区建设", surface: "三大", unit: "", indicator: "unknown"),
        Case(line: "通过“市—区—校”的三级培训网络等研训一体的系列措施", surface: "三级", unit: "级", indicator: "admin_tiers"),
        Case(line: "举办了为期三周的城乡学校校长跟岗体验活动", surface: "三周", unit: "周", indicator: "duration"),
        Case(line: "学校园面积和学生规模均扩大了一倍", surface: "一倍", unit: "倍", indicator: "growth_rate"),
    ])
    func mapsQuantityToIndicator(_ example: Case) {
        let quantity = FactsFixtures.quantity(example.surface, unit: example.unit, in: example.line, value: 1)
        let choice = IndicatorMapper.standard.indicator(for: quantity, inLine: example.line)
        #expect(choice.code == example.indicator, "rule \(choice.rule)")
    }

    @Test func unitFallbackAndUnknown() {
        let books = FactsFixtures.quantity("500册", unit: "册", in: "另有500册", value: 500)
        #expect(IndicatorMapper.standard.indicator(for: books, inLine: "另有500册").rule == "unit:册")
        let bare = FactsFixtures.quantity("28.8", unit: "", in: "其余为28.8", value: 28.8)
        #expect(IndicatorMapper.standard.indicator(for: bare, inLine: "其余为28.8").code == "unknown")
    }

    @Test func everyIndicatorIsDistinctAndHasAnExampleAndUnits() {
        let dictionary = IndicatorDictionary.standard
        #expect(dictionary.indicators.count >= 30)
        #expect(dictionary.indicator(code: "unknown") == nil, "unknown is preloaded by schema.sql")
        for indicator in dictionary.indicators {
            #expect(
                !indicator.example.isEmpty && !indicator.units.isEmpty && !indicator.signals.isEmpty,
                "\(indicator.code)")
        }
    }
}

extension IndicatorMapperTests {
    @Test(arguments: [
        ("设立优秀教师和学生奖励基金、贫困学生资助基金以及学校建设发展基金等三个基金", "三个", "work_measures"),
        ("积极开展党建课题研究工作,共确定15个重点研究课题", "15个", "research_projects"),
        ("完成5个直属基层党组织、10个农村学校党组织换届选举", "10个", "party_organisations"),
    ])
    func countedNounAfterAClassifierDecides(_ line: String, _ surface: String, _ indicator: String) {
        let quantity = FactsFixtures.quantity(surface, unit: "个", in: line, value: 1)
        #expect(IndicatorMapper.standard.indicator(for: quantity, inLine: line).code == indicator)
    }

    @Test func signalsLaterInTheSentenceDoNotCount() {
        let line = "近三年,我市高考各项成绩排名在全省前列,市民人均受教育年限提高到11年"
        let quantity = FactsFixtures.quantity("三年", unit: "年", in: line, value: 3)
        #expect(IndicatorMapper.standard.indicator(for: quantity, inLine: line).code == "duration")
    }
}

extension IndicatorMapperTests {
    /// Every dictionary row's example holds one of its signal words (the example shows what the row matches).
    @Test(arguments: IndicatorDictionary.standard.indicators.map { $0.code })
    func exampleHoldsASignal(_ code: String) throws {
        let indicator = try #require(IndicatorDictionary.standard.indicator(code: code))
        #expect(indicator.signals.contains { indicator.example.contains($0) }, "\(code): \(indicator.example)")
    }
}

extension IndicatorMapperTests {
    @Test func aRateAbove100IsNoRate() {
        let line = "高中毛入学率比上年增长120%"
        let quantity = FactsFixtures.quantity("120%", unit: "percent", in: line, value: 120)
        #expect(IndicatorMapper.standard.indicator(for: quantity, inLine: line).code == "growth_rate")
    }
}

extension IndicatorMapperTests {
    /// Expects the dictionary to file the figure `surface` (value 1) of `line` under `indicator`.
    static func expectIndicator(
        _ line: String, _ surface: String, _ unit: String, _ indicator: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let quantity = FactsFixtures.quantity(surface, unit: unit, in: line, value: 1)
        let choice = IndicatorMapper.standard.indicator(for: quantity, inLine: line)
        #expect(choice.code == indicator, "rule \(choice.rule)", sourceLocation: sourceLocation)
    }

    /// A signal word that would begin with the figure's own measure word (名教师, 名校长, 个班) never
    /// hides the noun the figure counts: the words on each side of the figure are read on their own.
    @Test(arguments: [
        ("全镇有2600名教师参加了岗位竞聘", "2600名", "名", "teachers_count"),
        ("这学期学校有18个班级参加了合唱比赛", "18个", "个", "classes"),
        // 名师 (master teachers) is not read out of 120名师生.
        ("学校组织120名师生参加了消防演练", "120名", "名", "unknown"),
    ])
    func aMeasureWordIsNoPartOfTheCountedNoun(_ line: String, _ surface: String, _ unit: String, _ indicator: String) {
        Self.expectIndicator(line, surface, unit, indicator)
    }
}

extension IndicatorMapperTests {
    /// Kinds the dictionary missed on several field sites (session 24): a higher level's money,
    /// a budget's categories, the share of 普惠 kindergartens, graded kindergartens. Lines from
    /// dali8.net, hhml.gov.cn, 117.141.250.58, yunlongpla.cn, yingzhe-holdings and zjwy.gov.cn.
    @Test(arguments: [
        ("规划投资934万元,其中中央投入517万元,省级投入282万元,州级投入40万元", "517万元", "yuan", "funding_transfer"),
        ("规划投资934万元,其中中央投入517万元,省级投入282万元,州级投入40万元", "282万元", "yuan", "funding_transfer"),
        ("中央财政累计安排资金1591亿元,用于实施营养改善计划", "1591亿元", "yuan", "funding_transfer"),
        ("同时通过积极争取,获得扶持资金800万元", "800万元", "yuan", "funding_transfer"),
        ("(一)教育支出类科目 5,806,105.16 元,占支出总预算", "5,806,105.16 元", "yuan", "funding_budget"),
        ("支出包括:教育支出 5,806,105.16 元、社会保障和就业支出 557,718.56 元", "5,806,105.16 元", "yuan", "funding_budget"),
        ("公办幼儿园和普惠性幼儿园占比分别为53.19%和92.21%", "92.21%", "percent", "preschool_public_share"),
        ("普惠性幼儿园覆盖面达85%以上,等级幼儿园覆盖面达97%以上", "97%", "percent", "schools_standard_share"),
        ("实现了乡镇中心幼儿园等级率100%", "100%", "percent", "schools_standard_share"),
    ])
    func kindsMissedOnFieldSites(_ line: String, _ surface: String, _ unit: String, _ indicator: String) {
        Self.expectIndicator(line, surface, unit, indicator)
    }
}
