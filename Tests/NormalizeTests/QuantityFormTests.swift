import EduwhCore
import Normalize
import Testing

/// One expected quantity: the surface found in a sentence, its value, unit and qualifier.
struct QuantityCase: CustomTestStringConvertible, Sendable {
    var sentence: String
    var surface: String
    var value: Double?
    var unit: String
    var qualifier: Qualifier
    var testDescription: String { "\(sentence) → \(surface)" }

    init(_ sentence: String, _ surface: String, _ value: Double?, _ unit: String, _ qualifier: Qualifier = .exact) {
        self.sentence = sentence
        self.surface = surface
        self.value = value
        self.unit = unit
        self.qualifier = qualifier
    }
}

/// Checks that `sentence` yields a quantity with this surface, value, unit and qualifier.
func expectQuantity(_ c: QuantityCase, standalone: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) {
    let found = Normalizer.standard.quantities(in: c.sentence, standalone: standalone)
    let match = found.first { $0.surface == c.surface }
    #expect(match != nil, "no \(c.surface) in \(found.map(\.surface))", sourceLocation: sourceLocation)
    guard let q = match else { return }
    if let v = c.value {
        #expect(
            q.value.map { abs($0 - v) <= 1e-6 * max(1, abs(v)) } == true, "value \(String(describing: q.value)) ≠ \(v)",
            sourceLocation: sourceLocation)
    } else {
        #expect(q.value == nil, sourceLocation: sourceLocation)
    }
    #expect(q.unit == c.unit, sourceLocation: sourceLocation)
    #expect(q.qualifier == c.qualifier, sourceLocation: sourceLocation)
}

@Suite("Quantities: number forms")
struct QuantityFormTests {
    @Test(
        "Arabic digits, decimals, separators and full-width digits",
        arguments: [
            QuantityCase("新建5444平方米新朝阳小学教学楼", "5444平方米", 5444, "m2"),
            QuantityCase("仅2011年我区预算内教育拨款19432.9万元,比2010年增长", "19432.9万元", 194_329_000, "yuan"),
            QuantityCase("全区有417 人次被评为省市优秀教师", "417 人次", 417, "人次"),
            QuantityCase("累计投入1,234万元改造校舍", "1,234万元", 12_340_000, "yuan"),
            QuantityCase("共投入１２３４万元", "１２３４万元", 12_340_000, "yuan"),
            QuantityCase("增长２１.２９％", "２１.２９％", 21.29, "percent"),
            QuantityCase("上线率41.7%,万人本28.8。", "41.7%", 41.7, "percent"),
            QuantityCase("上线率41.7%,万人本28.8。", "28.8", 28.8, ""),
            QuantityCase("公办幼儿园 1所、校办2所", "1所", 1, "所"),
            QuantityCase("建筑面积3600㎡", "3600㎡", 3600, "m2"),
            QuantityCase("占地120亩的新校区", "120亩", 120, "mu"),
            QuantityCase("设计班型中学24个班,小学30个班", "24个班", 24, "班"),
            QuantityCase("为期3个月的专项整治", "3个月", 3, "月"),
            QuantityCase("打造市民15分钟学习圈", "15分钟", 15, "分钟"),
            QuantityCase("提高了3个百分点", "3个百分点", 3, "百分点"),
        ])
    func arabic(_ c: QuantityCase) { expectQuantity(c) }

    @Test(
        "Magnitudes folded into the value",
        arguments: [
            QuantityCase("投入3.48亿元升级改造", "3.48亿元", 348_000_000, "yuan"),
            QuantityCase("决定投入1043万元推进校安工程", "1043万元", 10_430_000, "yuan"),
            QuantityCase("国家财政性教育经费4.78万亿元", "4.78万亿元", 4_780_000_000_000, "yuan"),
            QuantityCase("捐款5千元", "5千元", 5000, "yuan"),
            QuantityCase("校舍面积1.2万平方米", "1.2万平方米", 12_000, "m2"),
            QuantityCase("培训教师2.5万人次", "2.5万人次", 25_000, "人次"),
            QuantityCase("投入3千万元", "3千万元", 30_000_000, "yuan"),
        ])
    func magnitudes(_ c: QuantityCase) { expectQuantity(c) }

    @Test(
        "Chinese and financial numerals",
        arguments: [
            QuantityCase("建立健全两所学校", "两所", 2, "所"),
            QuantityCase("选择十所优质学校扶持十所山区薄弱学校", "十所", 10, "所"),
            QuantityCase("共有三十多个项目", "三十多个", 30, "个", .over),
            QuantityCase("投入十二万元", "十二万元", 120_000, "yuan"),
            QuantityCase("捐资一千零五元", "一千零五元", 1005, "yuan"),
            QuantityCase("奖励壹仟贰佰元", "壹仟贰佰元", 1200, "yuan"),
            QuantityCase("资助贰拾名学生", "贰拾名", 20, "名"),
            QuantityCase("撤并了四所瑶族乡镇的初级中学", "四所", 4, "所"),
            QuantityCase("新建一所九年一贯制学校", "一所", 1, "所"),
            QuantityCase("安排一名驻校警务室民警", "一名", 1, "名"),
            QuantityCase("投入两万五千元", "两万五千元", 25_000, "yuan"),
            QuantityCase("募集两万五元", "两万五元", 25_000, "yuan"),
            QuantityCase("新增十几所学校", "十几所", 10, "所", .over),
            QuantityCase("近百所学校", "近百所", 100, "所", .approx),
            QuantityCase("实现厨房、餐厅、进货渠道六项统一标准", "六项", 6, "项"),
            QuantityCase("农村教师调出数量为零。", "零", 0, ""),
        ])
    func chinese(_ c: QuantityCase) { expectQuantity(c) }

    @Test(
        "Mixed forms, percentages, fractions, ranges and multiples",
        arguments: [
            QuantityCase("先后投入30多亿元发展基础教育", "30多亿元", 3_000_000_000, "yuan", .over),
            QuantityCase("筹集资金3500多万元", "3500多万元", 35_000_000, "yuan", .over),
            QuantityCase("培训1.2万余人", "1.2万余人", 12_000, "人", .over),
            QuantityCase("投入100余万元", "100余万元", 1_000_000, "yuan", .over),
            QuantityCase("入学率达到百分之九十五", "百分之九十五", 95, "percent"),
            QuantityCase("中央资金占五成以上", "五成以上", 50, "percent", .over),
            // 投入 makes a unit-less 亿 money (context-words.tsv, money-lead); so does 亿 itself when no noun of
            // people stands before it (session 25: 28 of 29 such field gold figures are yuan).
            QuantityCase("投入1个亿建设新校区", "1个亿", 100_000_000, "yuan"),
            QuantityCase("另筹资2.8个亿", "2.8个亿", 280_000_000, "yuan"),
            QuantityCase("在校生2.8个亿", "2.8个亿", 280_000_000, ""),
            QuantityCase("约八成学生参加", "约八成", 80, "percent", .approx),
            QuantityCase("三分之一的学校", "三分之一", 1.0 / 3.0, ""),
            // A range is "at most" its upper end (the lower end is kept as lowerValue).
            QuantityCase("每校配备3-5名心理教师", "3-5名", 5, "名", .under),
            QuantityCase("每年新建三至五所学校", "三至五所", 5, "所", .under),
            QuantityCase("班额控制在40～45人", "40～45人", 45, "人", .under),
            QuantityCase("学生规模均扩大了一倍", "一倍", 1, "倍"),
            QuantityCase("力争办学规模翻一番", "翻一番", 1, "番"),
            QuantityCase("突出抓好三大创新", "三大", 3, ""),
            QuantityCase("市、镇、村三级社区教育网络", "三级", 3, "级"),
            QuantityCase("加大县、镇两级的教育规划", "两级", 2, "级"),
            QuantityCase("全年分两批次在x所学校开展校长交流", "两批次", 2, "批次"),
        ])
    func mixed(_ c: QuantityCase) { expectQuantity(c) }

    @Test(
        "Qualifiers",
        arguments: [
            QuantityCase("县电机厂近4万平方米土地无偿划拨给学校", "近4万平方米", 40_000, "m2", .approx),
            QuantityCase("全年培训教师5000余人次", "5000余人次", 5000, "人次", .over),
            QuantityCase("使全区70%以上幼儿能就近接受教育", "70%以上", 70, "percent", .over),
            QuantityCase("小学每班不超过45人,中学不超过50人", "不超过45人", 45, "人", .under),
            QuantityCase("每年约新增财政投入1.8亿元", "1.8亿元", 180_000_000, "yuan", .approx),
            QuantityCase("约1.8亿元用于改造", "约1.8亿元", 180_000_000, "yuan", .approx),
            QuantityCase("参训教师1000人左右", "1000人左右", 1000, "人", .approx),
            QuantityCase("超过1000万元", "超过1000万元", 10_000_000, "yuan", .over),
            QuantityCase("专任教师平均年龄35岁以下", "35岁以下", 35, "岁", .under),
            QuantityCase("不足50人的教学点", "不足50人", 50, "人", .under),
            QuantityCase("听课达4500多人次", "4500多人次", 4500, "人次", .over),
        ])
    func qualifiers(_ c: QuantityCase) { expectQuantity(c) }

    @Test(
        "Placeholders and missing numbers have no value",
        arguments: [
            QuantityCase("全区共有各级各类学校x所,全部在校生x名", "x所", nil, "所", .placeholder),
            QuantityCase("xx年财政性教育经费为X万元", "X万元", nil, "yuan", .placeholder),
            QuantityCase("占生产总值比例为X%", "X%", nil, "percent", .placeholder),
            QuantityCase("分别比上年增长 x %、x%", "x %", nil, "percent", .placeholder),
            QuantityCase("实际征收为x万元、x 万元", "x 万元", nil, "yuan", .placeholder),
            QuantityCase("二是投入 X多万元,兴建了教学楼", "X多万元", nil, "yuan", .placeholder),
            QuantityCase("引导民营企业投入20xx元大办民办教育", "20xx元", nil, "yuan", .placeholder),
            QuantityCase("四是分别投入万元,建立政府助学体系", "万元", nil, "yuan", .placeholder),
            QuantityCase("高等教育毛入学率从20xx年%跃升到%", "%", nil, "percent", .placeholder),
            QuantityCase("全市培训教师、校长万人次", "万人次", nil, "人次", .placeholder),
            QuantityCase("投资XX万元建设运动场", "XX万元", nil, "yuan", .placeholder),
            QuantityCase("投资**万元建设运动场", "**万元", nil, "yuan", .placeholder),
            QuantityCase("投资×万元建设运动场", "×万元", nil, "yuan", .placeholder),
            QuantityCase("奖励某万元", "某万元", nil, "yuan", .placeholder),
            QuantityCase("投资x亿元、占地x亩的区一中新校区", "x亩", nil, "mu", .placeholder),
            QuantityCase("入学率达到xx.x%", "xx.x%", nil, "percent", .placeholder),
            QuantityCase("全县共有学校__所", "__所", nil, "所", .placeholder),
        ])
    func placeholders(_ c: QuantityCase) { expectQuantity(c) }

    @Test(
        "Durations and enumerated counts",
        arguments: [
            QuantityCase("五年内将新建12所幼儿园", "五年", 5, "年"),
            QuantityCase("举办了为期三周的城乡学校校长跟岗体验活动", "三周", 3, "周"),
            QuantityCase("联合举办为期一年的中小学校长研修班", "一年", 1, "年"),
            QuantityCase("用三年时间全部解决教师待遇问题", "三年", 3, "年"),
            QuantityCase("连续每满两学期增加专业工作业绩赋分", "两学期", 2, "学期"),
            QuantityCase("市民人均受教育年限提高到11年", "11年", 11, "年"),
            QuantityCase("重点做好两个方面", "两个", 2, "个"),
            QuantityCase("采取三项措施,大力提升全区教师队伍素质", "三项", 3, "项"),
            QuantityCase("近年我区连续三次提高教师收入", "三次", 3, "次"),
        ])
    func durations(_ c: QuantityCase) { expectQuantity(c) }

    @Test(
        "A line that is only a number is a quantity in standalone mode",
        arguments: [
            QuantityCase("一百零一", "一百零一", 101, ""),
            QuantityCase("4.78万亿", "4.78万亿", 4_780_000_000_000, ""),
            QuantityCase("两", "两", 2, ""),
            QuantityCase("十", "十", 10, ""),
            QuantityCase("壹仟零伍", "壹仟零伍", 1005, ""),
            QuantityCase("三十多", "三十多", 30, "", .over),
            QuantityCase("1.2万余", "1.2万余", 12_000, "", .over),
            QuantityCase("3.48亿元", "3.48亿元", 348_000_000, "yuan"),
            QuantityCase("一万零五", "一万零五", 10_005, ""),
            QuantityCase("12", "12", 12, ""),
            QuantityCase("零", "零", 0, ""),
            QuantityCase("二〇〇八", "二〇〇八", 2008, ""),
            QuantityCase("廿", "廿", 20, ""),
            QuantityCase("百万", "百万", 1_000_000, ""),
            QuantityCase("负5", "负5", -5, ""),
            QuantityCase("3-5", "3-5", 5, "", .under),
            QuantityCase("三至五", "三至五", 5, "", .under),
            QuantityCase("零点五", "零点五", 0.5, ""),
            QuantityCase("九十九点九", "九十九点九", 99.9, ""),
            QuantityCase("七千五", "七千五", 7500, ""),
            QuantityCase("近百", "近百", 100, "", .approx),
        ])
    func standalone(_ c: QuantityCase) { expectQuantity(c, standalone: true) }

    @Test("成 after a number is tenths (八成 = 80%), but not in the idiom 一成不变")
    func tenths() {
        #expect(Normalizer.standard.quantities(in: "这种做法一成不变", standalone: false).isEmpty)
    }

    @Test("Standalone mode only applies to whole lines")
    func standaloneNeedsWholeLine() {
        #expect(Normalizer.standard.quantities(in: "一百零一", standalone: false).isEmpty)
        #expect(Normalizer.standard.quantities(in: "这是一百零一个问题的第一", standalone: true).map(\.surface) == ["一百零一个"])
    }
}

@Suite("Quantities: vague and approximate counts")
struct VagueQuantityTests {
    @Test(
        "Vague counts are left out, rough ones keep their qualifier",
        arguments: [
            QuantityCase("上百名教师参加了活动", "上百名", 100, "名", .over),
            QuantityCase("共有骨干教师近千名", "近千名", 1000, "名", .approx),
            QuantityCase("省级名师十余人", "十余人", 10, "人", .over),
            QuantityCase("中考总分平均分提高了15.6分", "15.6分", 15.6, "分"),
        ])
    func rough(_ c: QuantityCase) { expectQuantity(c) }

    @Test(
        "数十, 几十 and clock times are not quantities",
        arguments: [
            NotQuantityCase("数十所学校参加了活动", "十所"),
            NotQuantityCase("几十名教师参加了活动", "十名"),
            NotQuantityCase("会议于上午9时30分开始", "30分"),
            NotQuantityCase("高看一眼,厚爱一分", "一分"),
        ])
    func vague(_ c: NotQuantityCase) {
        let found = Normalizer.standard.quantities(in: c.sentence)
        #expect(!found.contains { $0.surface.contains(c.text) }, "found \(found.map(\.surface))")
    }

    @Test("A qualifier and a number can make a whole standalone line")
    func standaloneWithQualifier() {
        let found = Normalizer.standard.quantities(in: "约三百", standalone: true)
        #expect(found.map(\.surface) == ["约三百"])
        #expect(found.first?.value == 300 && found.first?.qualifier == .approx)
    }
}

@Suite("Quantities: more numeral forms")
struct MoreNumeralFormTests {
    @Test(
        "Chinese decimals and bare magnitudes with 余/多",
        arguments: [
            QuantityCase("全年投入三点五亿元", "三点五亿元", 350_000_000, "yuan"),
            QuantityCase("辍学率控制在百分之零点五以内", "百分之零点五以内", 0.5, "percent", .under),
            QuantityCase("辍学率控制在千分之三以内", "千分之三以内", 3, "‰", .under),
            QuantityCase("投入1亿2千万元改造校舍", "1亿2千万元", 120_000_000, "yuan"),
            QuantityCase("比上年增长-2.3%", "-2.3%", -2.3, "percent"),
            QuantityCase("总投资3亿5000万元", "3亿5000万元", 350_000_000, "yuan"),
            QuantityCase("受益学生2万5千人", "2万5千人", 25_000, "人"),
            QuantityCase("學生近視率下降百分之三點五", "百分之三點五", 3.5, "percent"),
            QuantityCase("近视率下降千分之2.5", "千分之2.5", 2.5, "‰"),
            QuantityCase("共有教师千余名", "千余名", 1000, "名", .over),
            QuantityCase("新建学校百多所", "百多所", 100, "所", .over),
            QuantityCase("培训教师万余人次", "万余人次", 10_000, "人次", .over),
            QuantityCase("资金上亿元", "上亿元", 100_000_000, "yuan", .over),
            QuantityCase("服务半径2千米", "2千米", 2, "千米"),
        ])
    func forms(_ c: QuantityCase) { expectQuantity(c) }

    /// 三点意见 counts points, as the field gold labels it (fb03_www_wm114_cn, fd09_m_docduoduo_com:
    /// 三点 = 3 点); a clock time (下午三点) is no quantity.
    @Test("三点意见 is not a decimal: 点 counts the points of a speech, not the hours of a clock")
    func pointIsNotAlwaysDecimal() {
        let q = Normalizer.standard.quantities(in: "提出三点意见,共五项措施")
        #expect(q.map(\.surface) == ["三点", "五项"])
        #expect(q.first?.value == 3 && q.first?.unit == "点")
        #expect(Normalizer.standard.quantities(in: "下午三点召开全体教师会议").isEmpty)
        #expect(Normalizer.standard.quantities(in: "我讲三 点意见").first?.value == 3)
    }
}

@Suite("Quantities: figures without units, spaced text and traditional characters")
struct FigureFormTests {
    @Test(
        "Magnitudes make figures; spaces and traditional characters are read",
        arguments: [
            QuantityCase("人口78万,总面积2034平方公里", "78万", 780_000, ""),
            QuantityCase("人口七十八万,总面积2034平方公里", "七十八万", 780_000, ""),
            QuantityCase("财政收入分别为xx亿、xx亿", "xx亿", nil, "", .placeholder),
            QuantityCase("带动各级党组织开展集中学习 200 余场", "200 余场", 200, "场", .over),
            QuantityCase("新裝備試驗室15個,圖書11800冊", "15個", 15, "个"),
            QuantityCase("新裝備試驗室15個,圖書11800冊", "11800冊", 11_800, "册"),
            QuantityCase("投入5300余萬元", "5300余萬元", 53_000_000, "yuan", .over),
            QuantityCase("撤並了兩所學校", "兩所", 2, "所"),
        ])
    func forms(_ c: QuantityCase) { expectQuantity(c) }

    @Test("Traditional relative years resolve too")
    func traditionalRelative() {
        let found = Normalizer.standard.years(in: "兩年來,我縣教育工作取得了明顯成效", referenceYear: 2009)
        #expect(found.first?.surface == "兩年來" && found.first?.from == 2007 && found.first?.to == 2008)
    }
}
