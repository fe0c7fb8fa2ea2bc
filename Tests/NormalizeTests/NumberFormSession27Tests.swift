import EduwhCore
import Normalize
import Testing

// Number and year forms session 27 (num27) found missed or misread on the field pages: a middle dot typed
// for the decimal point (gc09), 半 opening a word after a count of people (gc24), divisions counted by
// Chinese numerals (ga01, fw10, gb24, fs42), news days without month (fp05, gc26, fr23, ga29) and counted
// or coming school years (gc22, fw06, fh18, fo15, ft37). The lines are taken from those field pages or made
// up for the negatives.

/// The quantities of a sentence as `surface=value unit qualifier` strings.
private func session27Readings(_ text: String) -> [String] {
    Normalizer.standard.quantities(in: text).map {
        "\($0.surface)=\($0.value.map { NumberFormKindTests.plain($0) } ?? "") \($0.unit) \($0.qualifier.rawValue)"
    }
}

/// The year mentions of a sentence as `surface kind` strings.
private func session27Years(_ text: String) -> [String] {
    Normalizer.standard.years(in: text, referenceYear: nil).map { "\($0.surface) \($0.kind.rawValue)" }
}

@Suite("Number and year forms: middle-dot points, division counts, news days, school years (session 27)")
struct NumberFormSession27Tests {
    @Test("A middle dot before a magnitude, a percent or a ratio's :1 is the decimal point")
    func middleDotPoint() {
        let q = session27Readings("2006年全國共有小學34·16萬所,比上年減少2·46萬所;招生1729·36萬人,比上年增加")
        #expect(q == ["34·16萬所=341600 所 exact", "2·46萬所=24600 所 exact", "1729·36萬人=17293600 人 exact"])
        let r = session27Readings("歷合格率98·87%,比上年提高0·25個百分點,小學生師比19·17∶1,比上年的")
        #expect(r == ["98·87%=98.87 percent exact", "0·25個百分點=0.25 百分点 exact", "19·17∶1=19.17  exact"])
    }

    @Test(
        "A middle dot between a month and a day is no point, and the day is no number",
        arguments: ["纪念5·12汶川地震十周年", "受7·19特大暴雨影响,3所学校停课"])
    func middleDotDate(_ text: String) {
        #expect(!session27Readings(text).contains { $0.hasPrefix("12") || $0.hasPrefix("19") || $0.contains("·") })
    }

    @Test("半 after a count of people opens a word (半日制), it adds no half")
    func halfOpensWord() {
        let q = session27Readings("(一名全日制學生作兩名半日制學生計算)")
        #expect(q.contains("兩名=2 名 exact"), "\(q)")
        #expect(session27Readings("用了三年半时间完成").contains("三年半=3.5 年 exact"))
    }

    @Test(
        "A Chinese numeral counts divisions",
        arguments: [
            ("学生营养改善计划项目覆盖三县五区共702所学校,", ["三县=3 县 exact", "五区=5 区 exact"]),
            ("“精准扶贫班”在威宁、赫章两县的基础上,扩大至册亨、望谟、晴隆", ["两县=2 县 exact"]),
            ("总体上看,此次督查的六省(区、市)党委和政府", ["六省=6 省 exact"]),
        ])
    func numeralDivisions(_ text: String, _ expected: [String]) {
        let q = session27Readings(text)
        for e in expected { #expect(q.contains(e), "\(text) → \(q)") }
    }

    @Test(
        "Quoted names, 一, villages' names and idioms are no division counts",
        arguments: ["园率均达到80%以上,“三区三州”等脱贫攻坚地区", "将桃花一村小学定为2013年改薄学校", "新华三村社区", "曾子曰:吾日三省吾身"])
    func divisionNames(_ text: String) {
        let q = session27Readings(text)
        #expect(
            !q.contains { $0.contains("区=") || $0.contains("村=") || $0.contains("省=") || $0.contains("州=") }, "\(q)")
    }

    @Test(
        "A day that opens a news sentence, or names today in brackets, is a date",
        arguments: [
            ("中新網10月10日電 據香港《文匯報》報道,9日,香港教育局發布", "9日"),
            ("“教育兴,则文化兴;教育盛,则城市盛。”9日,在第32个教师节来临前", "9日"),
            ("政府今（25日）發表最新一份財政預算案", "25日"),
            ("香港行政长官林郑月娥今日(10日)在出席行政会议前见记者", "10日"),
        ])
    func newsDay(_ text: String, _ day: String) {
        #expect(session27Years(text).contains("\(day) date"), "\(text) → \(session27Years(text))")
    }

    @Test("A day after 至 or 、 belongs to the date before it, not a news day of its own")
    func dayInRange() {
        #expect(!session27Years("共有学生5日、6日,到校报到").contains("6日 date"))
        #expect(!session27Years("复查于5月有9 日至 16日,市人大常委会副主任带队").contains("16日 date"))
    }

    @Test(
        "Coming and counted school years are relative rows, no durations",
        arguments: [
            ("并对下一学年的全县教育工作作了全面部署", "下一学年"),
            ("制定新一学年的工作计划与目标", "新一学年"),
            ("近一个学年,县委、县政府共投资", "近一个学年"),
            ("撥款5億元在未來3個學年推行「中學IT創新實驗室計劃」", "未來3個學年"),
            ("全港中小學及幼兒園連續兩個學年流失逾3萬名學生", "連續兩個學年"),
        ])
    func schoolYears(_ text: String, _ surface: String) {
        #expect(session27Years(text).contains("\(surface) relative"), "\(text) → \(session27Years(text))")
        #expect(!session27Readings(text).contains { $0.contains("学年") || $0.contains("學年") })
    }
}
