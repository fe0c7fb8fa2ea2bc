import EduwhCore
import Normalize
import Testing

// Number forms the census of session 24 (grammar24) found missed on the field pages: a figure grouped by
// thousands with no unit (a table cell or a column of a flattened table), a full stop typed for the
// decimal point before a comma or a length, and a share written as a fraction (超过1/3的县). The lines
// are taken from field pages (fh23, fq17, fv40, fu11, fo18, fu35, fm01) or made up for the negatives.

/// The quantities of a sentence as `surface=value unit qualifier` strings.
private func session24Readings(_ text: String) -> [String] {
    Normalizer.standard.quantities(in: text).map {
        "\($0.surface)=\($0.value.map { NumberFormKindTests.plain($0) } ?? "") \($0.unit) \($0.qualifier.rawValue)"
    }
}

@Suite("Number forms: grouped bare figures, 。 as the point, shares as fractions (session 24)")
struct NumberFormSession24Tests {
    @Test("A figure grouped by thousands is a bare count between table labels and in box-drawn cells")
    func groupedCells() {
        #expect(
            session24Readings("創校16年以下的本地非牟利學校 中一至中三 28,096 中四至中五 25,398")
                .suffix(2) == ["28,096=28096  exact", "25,398=25398  exact"])
        let boxed = session24Readings("國立教育資料館│       201,569│       258,659│")
        #expect(boxed == ["201,569=201569  exact", "258,659=258659  exact"], "\(boxed)")
        #expect(session24Readings("1,960,540.92") == ["1,960,540.92=1960540.92  exact"])
    }

    @Test(
        "Ungrouped bare figures and grouped ones glued to letters stay out",
        arguments: ["中一至中三 2809 中四至中五", "型号ABC1,234", "编号 1,234A"])
    func notGroupedCells(_ text: String) {
        #expect(session24Readings(text).isEmpty, "\(text) → \(session24Readings(text))")
    }

    @Test(
        "A full stop typed for the point joins the fraction before a comma and before a length",
        arguments: [
            ("及格率全校为88。2,超过的有7个班", "88。2=88.2  exact"),
            ("最高的是一二班63。04,相差36", "63。04=63.04  exact"),
            ("網覆蓋面積90。1公里。教學用", "90。1公里=90.1 公里 exact"),
        ])
    func typedPoint(_ text: String, _ expected: String) {
        let q = session24Readings(text)
        #expect(q.first == expected, "\(text) → \(q)")
    }

    @Test(
        "A full stop after a count still ends the sentence",
        arguments: ["全校共有教师87。2019年起", "共建成教室12个。3,加强管理"])
    func typedPointEndsSentence(_ text: String) {
        let q = Normalizer.standard.quantities(in: text)
        #expect(!q.contains { $0.value.map { $0 != $0.rounded() } ?? false }, "\(text) → \(session24Readings(text))")
    }

    @Test(
        "A share written as a fraction before 的 is a percent rounded to two places",
        arguments: [
            ("全國有超過1/3的縣實施了學生營養改善計劃", "33.33", Qualifier.over),
            ("每天有超过1/2的义务教育学校为学生提供营养餐", "50", Qualifier.over),
            ("有近1/4的义务教育学生在校能吃上营养餐", "25", Qualifier.approx),
            ("留守儿童占1/5的学校", "20", Qualifier.exact),
        ])
    func share(_ text: String, _ value: String, _ qualifier: Qualifier) {
        let q = Normalizer.standard.quantities(in: text)
        #expect(q.count == 1 && q.first?.unit == "percent" && q.first?.rule == "q-share", "\(text) → \(q)")
        #expect(q.first.flatMap(\.value).map(NumberFormKindTests.plain) == value, "\(text) → \(q)")
        #expect(q.first?.qualifier == qualifier, "\(text) → \(q)")
    }

    @Test(
        "Fractions that are norms, pages or dates are no shares",
        arguments: ["按小學女生1/12,中學女生1/15的標準計", "第1/3页", "截至5/12的统计", "有3/2的比例"])
    func notShare(_ text: String) {
        #expect(!Normalizer.standard.quantities(in: text).contains { $0.rule == "q-share" }, "\(text)")
    }
}
