import EduwhCore
import Normalize
import Testing

// Kinds of numbers and dates the field corpus read wrong (scripts/field-eval --show-misses), one
// test per kind. Each sentence is cut from the field page named in its comment; the expected
// values are what the text says (as its gold labels read it), not program output.

@Suite("Field kinds: quantities")
struct FieldQuantityKindTests {
    /// fc05_zuanai_cn: a form whose figures were never filled in.
    @Test("A form's blank () before a unit, or after a rate word, is a placeholder")
    func blanks() {
        let q = Normalizer.standard.quantities(in: "xx镇共有各级各类办学机构()个。在校生()人;残疾儿童入学率(),义务教育完成率99.73。")
        #expect(q.map(\.surface) == ["()个", "()人", "()", "99.73"])
        #expect(q[0].unit == "个" && q[0].value == nil && q[0].qualifier == .placeholder)
        #expect(q[2].unit == "" && q[2].value == nil && q[2].qualifier == .placeholder)
        let area = Normalizer.standard.quantities(in: "中小学生人均占地面积()平方米,其中高中()平方米/生")
        #expect(area.map(\.unit) == ["m2", "m2"] && area.allSatisfy { $0.value == nil })
        // An empty bracket with no unit and no rate word before it is nothing.
        #expect(Normalizer.standard.quantities(in: "详见附件()。").isEmpty)
    }

    /// fc05_zuanai_cn: the filled-in blanks of the same form.
    @Test("A bracketed figure after a word, closing its clause, is a figure; (1) is a list marker")
    func bracketedFigures() {
        let q = Normalizer.standard.quantities(in: "升入普通高中比例为(51.97),升入职业高中(中专)(38.81),高中本科以上学历占(100),")
        #expect(q.map(\.value) == [51.97, 38.81, 100])
        #expect(Normalizer.standard.quantities(in: "(1)加强师资队伍建设,").isEmpty)
    }

    /// fd04_fanwen_hongwu_com, fc03_www_sn_qdedu_net, fd11_caihuazhai_com, fb07_m_02465_cn (counted);
    /// fd15_tudiao_com, fd14_www_taodocs_com (not); fd03_m_taowenge_com (a list).
    @Test("一 and a measure word: a count after a verb of making or doing, an article after 的 or 没有")
    func yiCounts() {
        let counted = [
            "撤并了一个延伸点和两所初小": "一个", "新建一个配餐中心": "一个", "还进行了一次防暴恐演习": "一次",
            "每周一次工程调度会": "一次",
        ]
        for (text, surface) in counted {
            #expect(Normalizer.standard.quantities(in: text).first?.surface == surface, "\(text)")
        }
        #expect(Normalizer.standard.quantities(in: "某某镇最大的一所公办幼儿园").isEmpty)
        #expect(Normalizer.standard.quantities(in: "截止目前没有一所幼儿园").isEmpty)
        #expect(Normalizer.standard.quantities(in: "新建了一批塑胶运动场").isEmpty)
        #expect(Normalizer.standard.quantities(in: "开展了一轮中小学教师的全员培训").isEmpty)
        let list = Normalizer.standard.quantities(in: "目前拥有教学楼一栋,办公楼一栋,实验楼一栋。")
        #expect(list.map(\.surface) == ["一栋", "一栋", "一栋"])
        #expect(Normalizer.standard.quantities(in: "成熟一所评估一所,评估一所达标一所").isEmpty)
    }

    /// fa01_xiexiebang_com, fa14_www_zgjtw_net, fd11_caihuazhai_com, fa11_wanwen_com, fa03_www_jiamenwang_cn.
    @Test("Measure words 袋 and 方面; a number closing a title line; 四大班子")
    func measuresAndTitles() {
        #expect(Normalizer.standard.quantities(in: "查出问题奶粉7袋。").first?.unit == "袋")
        #expect(Normalizer.standard.quantities(in: "等12方面全面汇报了执行情况").first?.value == 12)
        #expect(Normalizer.standard.quantities(in: "幼儿园工作总结1").isEmpty)
        #expect(Normalizer.standard.quantities(in: "教育局年终工作总结12").isEmpty)
        #expect(Normalizer.standard.quantities(in: "县委、县政府一把手带领四大班子成员").isEmpty)
        #expect(Normalizer.standard.quantities(in: "初级中学 x所、小学 x所、九年一贯").map(\.surface) == ["x所", "x所"])
    }
}

@Suite("Field kinds: years")
struct FieldYearKindTests {
    private func years(_ text: String, _ reference: Int? = nil) -> [YearMention] {
        Normalizer.standard.years(in: text, referenceYear: reference)
    }

    /// fc10_bulletin_hlc_edu_tw, fc08_yamol_tw.
    @Test("ROC school years, and two-digit years in a document that counts ROC years")
    func rocYears() {
        let school = years("依據規定, 99 學年度七年級以 33 人編班").first
        #expect(school?.kind == .year && school?.from == 2010)
        let pair = years("由九十九學年度的百分之九十二,提高到一0一學年度的百分之九十五")
        #expect(pair.map(\.from) == [2010, 2012])
        #expect(years("本縣2010学年度班級數").first?.from == 2010)
        let doc = document([
            "有關本縣國民中小學班級人數調查",
            "請各國中於99年9月1日下班前傳真調查表。",
            "一、依據規定, 99 學年度七年級以 33 人編班。",
        ])
        #expect(resolvedYears(doc, line: 2).first?.from == 2010)
        // Without an ROC year in the document, 99年 is 1999.
        let mainland = document(["学校大事记", "学校于99年9月1日迁入新址,教职工120人。"])
        #expect(resolvedYears(mainland, line: 2).first?.from == 1999)
    }

    /// fa08_gongwenbang_cn: the lines after "2021 年…情况是:" compare with 上年 = 2020.
    @Test("A line opening with a year and ending with a colon opens a section")
    func leadInSection() {
        let doc = document([
            "关于2022年县级人民政府履行教育职责的自评报告",
            "根据《2022 年度履行教育职责评价工作方案》要求,现将有关情况报告如下。",
            "2021 年全县学校生均预算内教育事业费支出情况是:",
            "普通小学生均支出为 12345.67 元,比上年的 11345.67 元",
        ])
        let found = resolvedYears(doc, line: 4)
        #expect(found.first?.surface == "上年" && found.first?.from == 2020)
    }

    /// fc03_www_sn_qdedu_net, fb12_wenku_docs_qq_com, fb11_wmjy_cn, fc13_m_91wuxi_com,
    /// fb06_www_xiaomilidoc_com, fb12_wenku_docs_qq_com.
    @Test("Glued ranges, bare years, template years and blanked years")
    func forms() {
        let glued = years("教育事业发展规划(20162020年)")
        #expect(glued.first?.kind == .range && glued.first?.from == 2016 && glued.first?.to == 2020)
        #expect(years("根据《2022 年度履行教育职责评价工作方案》").first?.from == 2022)
        #expect(years("根据《2022").first?.from == 2022)
        // ff18_fanwen_hao86_com: a year glued before a site's title is a mention that dates nothing.
        #expect(years("2024校长年度工作总结报告500字优选").map(\.rule) == ["y-bare-glued"])
        #expect(years("2022").first?.kind == .year)
        #expect(years("全校共有2022人参加").isEmpty)
        #expect(years("某年之前的某年,某区只改造了×所中小学。某年某月正式启动").map(\.surface) == ["某年", "某年", "某年某月"])
        #expect(years("泸州市纳溪区教育事业发展规划(年)").map(\.kind) == [.placeholder])
        #expect(years("教师:_____________年___月___日").first?.surface == "_____________年___月___日")
        #expect(years("刚才,同志总结了年教育工作,对年教育工作作出了安排。").map(\.kind) == [.placeholder, .placeholder])
        #expect(years("对年轻教师进行培训,完成了年度目标").isEmpty)
        // fa02_darksurfintel_com: (?016年11月26日), the 2 lost to a mangled character.
        let lost = years("?。?016年11月26日)").first
        #expect(lost?.surface == "016年11月26日" && lost?.kind == .date && lost?.from == 2016)
        #expect(years("编号016年").isEmpty)
    }

    /// fa05_eastchinadaily_com, fb01_ggfwb_com, fb12_wenku_docs_qq_com, fc01_ebaifen_cc, fb15_m_nepao_com.
    @Test("Relative years: 半年来, 本学年, 去年一年, 这一年 after a year, 去年以来, N年前")
    func relative() {
        #expect(years("半年来,共投入教育民生项目建设资金17936.85万元", 2017).first?.from == 2017)
        #expect(years("本學年,學校的階段重點工作是創建現代化學校", 2012).first?.from == 2012)
        let lastYear = years("仅去年一年,全区教育总投入高达7.88亿元", 2022).first
        #expect(lastYear?.surface == "去年一年" && lastYear?.from == 2021)
        let zhe = years("2015年既是终点也是起点——这一年,既是全面完成规划的收官之年", 2016)
        #expect(zhe.last?.surface == "这一年" && zhe.last?.from == 2015)
        let since = years("去年以来,投入220万元为初中学校新建实验室", 2016).first
        #expect(since?.from == 2015 && since?.to == 2016)
        #expect(years("三年前,学校还没有一座像样的教学楼", 2012).first?.from == 2009)
    }

    /// fd02_renrendoc_com (a site's 范本 title), fc14_www_youyixue_com (a plan's period in brackets).
    @Test("A site's page title and a plan's bracketed period give no reference year")
    func noReference() {
        let template = document(["2022年教育局年度工作总结范本", "按照年初确定的工作思路,全年共完成培训_人。"])
        #expect(Normalizer.standard.timeFrame(of: template).referenceYear == nil)
        let plan = document([
            "福建省为民办实事项目",
            "2014年继续实施中小学扩容改造,2014年新增学位7万个。",
            "组织实施新一轮学前教育三年行动计划(2014年—2016年),计划三年内建设300所公办幼儿园。",
        ])
        #expect(Normalizer.standard.timeFrame(of: plan).referenceYear == 2014)
    }
}
