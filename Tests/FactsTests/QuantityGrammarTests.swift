import EduwhCore
import Facts
import Testing

/// The quantity grammar: what a number counts, from the noun it counts, the verb governing it and
/// its unit. Sentences are written for these tests (no corpus text); each case is one construction.
@Suite struct QuantityGrammarTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var kind: String
        var line: String
        var surface: String
        var unit: String
        var indicator: String
        /// Words `--explain` must name (the counted noun and the governing verb), `-` for none.
        var noun: String
        var verb: String
        var testDescription: String { "\(kind): \(surface) → \(indicator)" }
    }

    @Test(arguments: [
        Case(
            kind: "measure word + noun, verb before", line: "去年我镇新建了3所寄宿制学校", surface: "3所", unit: "所",
            indicator: "schools_built", noun: "学校", verb: "新建"),
        Case(
            kind: "noun + number (postposed)", line: "本学期全乡撤并小学教学点7个,师生全部并入中心校", surface: "7个",
            unit: "个", indicator: "schools_merged", noun: "教学点", verb: "撤并"),
        Case(
            kind: "subject of a clause of having", line: "目前全市共有公办幼儿园64所", surface: "64所", unit: "所",
            indicator: "schools_count", noun: "幼儿园", verb: "共有"),
        Case(
            kind: "a list shares its verb", line: "明年计划改扩建初级中学2所,九年一贯制学校3所", surface: "3所", unit: "所",
            indicator: "schools_built", noun: "九年一贯制学校", verb: "改扩建"),
        Case(
            kind: "a new teaching building is no dilapidated one", line: "新建学生食堂1栋、教学楼2栋,年底交付使用",
            surface: "2栋", unit: "栋", indicator: "construction_projects", noun: "教学楼", verb: "新建"),
        Case(
            kind: "dilapidated buildings", line: "暑期拆除C级危房9幢,消除了安全隐患", surface: "9幢", unit: "幢",
            indicator: "dilapidated_buildings", noun: "C级危房", verb: "拆除"),
        Case(
            kind: "buildings a school has are no figure of building", line: "学校现有三栋教学楼和一个标准运动场",
            surface: "三栋", unit: "栋", indicator: "unknown", noun: "教学楼", verb: "现有"),
        Case(
            kind: "model-school titles are awards", line: "今年我区又创建省级示范幼儿园4所", surface: "4所", unit: "所",
            indicator: "awards", noun: "示范幼儿园", verb: "-"),
        Case(
            kind: "schools meeting a standard", line: "全县累计建成义务教育标准化学校45所", surface: "45所", unit: "所",
            indicator: "schools_standard_share", noun: "义务教育标准化学校", verb: "建成"),
        Case(
            kind: "school places", line: "秋季学期增加公办学位1800个", surface: "1800个", unit: "个",
            indicator: "school_places", noun: "学位", verb: "-"),
        Case(
            kind: "classes counted by 个", line: "全校开设32个教学班,学生一千四百余人", surface: "32个", unit: "个",
            indicator: "classes", noun: "教学班", verb: "-"),
        Case(
            kind: "a measure word's noun is no noun before the next number", line: "新开办幼儿园2所,共8班240个学位",
            surface: "240个", unit: "个", indicator: "school_places", noun: "学位", verb: "-"),
        Case(
            kind: "area of buildings reinforced", line: "暑期加固改造校舍1.2万平方米", surface: "1.2万平方米", unit: "m2",
            indicator: "dilapidated_buildings", noun: "校舍", verb: "加固改造"),
        Case(
            kind: "a sample inspected", line: "督导组随机抽查了中小学21所", surface: "21所", unit: "所",
            indicator: "unknown", noun: "中小学", verb: "抽查"),
        Case(
            kind: "schools converted (verb after the noun)", line: "将6所村小改为教学点", surface: "6所", unit: "所",
            indicator: "unknown", noun: "村小", verb: "改为"),
        Case(
            kind: "schools honoured (verb after the noun)", line: "5所学校被评为市级文明校园", surface: "5所", unit: "所",
            indicator: "awards", noun: "学校", verb: "被评为"),
        Case(
            kind: "teachers recruited", line: "面向社会公开招聘特岗教师85名", surface: "85名", unit: "名",
            indicator: "teachers_recruited", noun: "特岗教师", verb: "招聘"),
        Case(
            kind: "noun + verb + number", line: "暑期全县乡村教师培训2400人次", surface: "2400人次", unit: "人次",
            indicator: "teachers_trained", noun: "乡村教师", verb: "培训"),
        Case(
            kind: "workers trained are no teachers", line: "职校为当地企业培训职工600人", surface: "600人", unit: "人",
            indicator: "unknown", noun: "职工", verb: "培训"),
        Case(
            kind: "retired staff are no teaching staff", line: "另有离退休教职工420人", surface: "420人", unit: "人",
            indicator: "unknown", noun: "离退休教职工", verb: "-"),
        Case(
            kind: "needy pupils are aid", line: "全年共有1500名家庭经济困难学生获得资助", surface: "1500名", unit: "名",
            indicator: "aid_student", noun: "家庭经济困难学生", verb: "获得"),
        Case(
            kind: "counties and townships are no education figure", line: "教育局对辖区内14个乡镇进行了专项督导",
            surface: "14个", unit: "个", indicator: "unknown", noun: "乡镇", verb: "对"),
        Case(
            kind: "an N大 group of industries is no education figure", line: "全县已形成两大主导产业和一个物流园区",
            surface: "两大", unit: "", indicator: "unknown", noun: "主导产业", verb: "-"),
        Case(
            kind: "officials are no teachers", line: "全年共有县级干部30余名到学校讲授思政课", surface: "30余名", unit: "名",
            indicator: "unknown", noun: "县级干部", verb: "共有"),
        Case(
            kind: "school places counted as 名额", line: "新园共设6个班180个入园名额", surface: "180个", unit: "个",
            indicator: "school_places", noun: "入园名额", verb: "-"),
        Case(
            kind: "paving and painting are no floor area", line: "暑假硬化校园道路4500平方米", surface: "4500平方米",
            unit: "m2", indicator: "unknown", noun: "道路", verb: "硬化"),
        Case(
            kind: "programmes counted by 项 are measures", line: "今年重点实施师资提升等五项工程", surface: "五项",
            unit: "项", indicator: "work_measures", noun: "工程", verb: "-"),
        Case(
            kind: "grades are no schools", line: "将村小的五、六两个年级并入中心小学", surface: "两个", unit: "个",
            indicator: "unknown", noun: "年级", verb: "-"),
        // Stages of building (开工, 结顶, 投入使用) govern a school count as built (ga01, fq, gb31, fm26).
        Case(
            kind: "schools whose building started", line: "20所城乡幼儿园开工19所,累计完成投资838万元", surface: "19所",
            unit: "所", indicator: "schools_built", noun: "幼儿园", verb: "开工"),
        Case(
            kind: "schools put into use", line: "截至秋季开学,已新增并投入使用14所学校,其中中小学5所、幼儿园9所",
            surface: "9所", unit: "所", indicator: "schools_built", noun: "幼儿园", verb: "投入使用"),
        // Teachers praised at a Teachers' Day ceremony (表扬, 颁奖: Taiwan county news, gb29).
        Case(
            kind: "teachers praised", line: "杨文科表扬573位教师 感谢为教育贡献心力", surface: "573位",
            unit: "位", indicator: "teachers_honoured", noun: "教师", verb: "表扬"),
        Case(
            kind: "a region's land in square kilometres", line: "全县总面积1870平方公里,辖12个乡镇",
            surface: "1870平方公里", unit: "m2", indicator: "unknown", noun: "面积", verb: "-"),
    ])
    func readsWhatIsCounted(_ example: Case) {
        let quantity = FactsFixtures.quantity(example.surface, unit: example.unit, in: example.line, value: 1)
        let choice = IndicatorMapper.standard.indicator(for: quantity, inLine: example.line)
        #expect(choice.code == example.indicator, "rule \(choice.rule)")
        #expect(choice.isGrammar, "rule \(choice.rule)")
        #expect(choice.rule.hasSuffix(":\(example.noun)/\(example.verb)"), "rule \(choice.rule)")
    }

    @Test(arguments: [
        Case(
            kind: "an amount's verb, a source named after it", line: "全年累计投入资金960万元(其中省级专项资金400万元)",
            surface: "960万元", unit: "yuan", indicator: "funding_investment", noun: "-", verb: "累计投入"),
        Case(
            kind: "an amount's purpose", line: "投入65万元为6所村小购置电脑", surface: "65万元", unit: "yuan",
            indicator: "equipment", noun: "电脑", verb: "投入"),
        Case(
            kind: "the noun right after an amount", line: "县财政拨付85万元多媒体设备配套款", surface: "85万元", unit: "yuan",
            indicator: "equipment", noun: "设备", verb: "拨付"),
        Case(
            kind: "an amount budgeted", line: "市教育局编列明年度教育预算5.6亿元", surface: "5.6亿元", unit: "yuan",
            indicator: "funding_budget", noun: "预算", verb: "编列"),
        Case(
            kind: "an amount raised, not a loan", line: "通过银行融资等渠道筹集资金2.6亿元", surface: "2.6亿元",
            unit: "yuan", indicator: "funding_investment", noun: "-", verb: "筹集"),
    ])
    func readsWhatAnAmountIs(_ example: Case) {
        readsWhatIsCounted(example)
    }

    /// Where the grammar finds no counted noun or verb it knows, the signal words decide.
    @Test func leavesTheRestToSignalWords() {
        let line = "城乡义务教育学校生均公用经费提高到每生每年650元"
        let quantity = FactsFixtures.quantity("650元", unit: "yuan", in: line, value: 650)
        let choice = IndicatorMapper.standard.indicator(for: quantity, inLine: line)
        #expect(choice.code == "funding_per_student")
        #expect(!choice.isGrammar)
        // Schools where something is done (在…, 对…) are read, but the grammar does not decide them.
        let pilot = "下学期在15所农村学校试点课后服务"
        let schools = FactsFixtures.quantity("15所", unit: "所", in: pilot, value: 15)
        #expect(!IndicatorMapper.standard.indicator(for: schools, inLine: pilot).isGrammar)
        let reading = QuantityGrammar.standard.read(
            schools, scalars: Array(pilot.unicodeScalars), sentence: 0..<pilot.unicodeScalars.count)
        #expect(reading.noun == "学校" && reading.verbClass == "oblique")
    }

    /// Every rule names word classes the lexicon has and an indicator of the dictionary.
    @Test func rulesNameKnownClassesAndIndicators() {
        let (words, rules) = QuantityGrammar.shippedTables
        let classes = Set(words.rows.map { $0["class"] }).union(["*", "-", "buy", "built_at"])
        let codes = Set(IndicatorDictionary.standard.indicators.map(\.code)).union(["unknown", "-", ""])
        #expect(rules.rows.count >= 40)
        for row in rules.rows {
            for noun in row["noun"].split(separator: "|") { #expect(classes.contains(String(noun)), "\(row["id"])") }
            for verb in row["verb"].split(separator: "|") { #expect(classes.contains(String(verb)), "\(row["id"])") }
            #expect(codes.contains(row["indicator"]), "\(row["id"]): \(row["indicator"])")
            #expect(!row["example"].isEmpty, "\(row["id"])")
        }
    }
}

extension QuantityGrammarTests {
    /// A rank of the teachers' title system (高级教师, 一级教师, 小学高级教师, 中级职称) counts the
    /// teachers who hold it: `teacher_titles`, not the staff count its sentence opens with.
    @Test(arguments: [
        ("全校现有专任教师86人,其中高级教师12人,一级教师40人", "12人", "人", "高级教师"),
        ("全校现有专任教师86人,其中高级教师12人,一级教师40人", "40人", "人", "一级教师"),
        ("教师队伍中有9位小学高级教师", "9位", "位", "小学高级教师"),
    ])
    func aTeacherRankCountsTitleHolders(_ line: String, _ surface: String, _ unit: String, _ noun: String) {
        let quantity = FactsFixtures.quantity(surface, unit: unit, in: line, value: 1)
        let choice = IndicatorMapper.standard.indicator(for: quantity, inLine: line)
        #expect(choice.code == "teacher_titles", "rule \(choice.rule)")
        #expect(choice.rule.hasPrefix("g-teacher-titled:\(noun)/"), "rule \(choice.rule)")
    }
}
