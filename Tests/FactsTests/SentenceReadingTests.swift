import EduwhCore
import Normalize
import Testing

@testable import Facts

/// What Facts reads once per sentence or per document instead of once per figure (the grammar's
/// row choice, status cue and governor words, the level a report speaks as, the lines that may
/// speak as the nation) gives what the figure-by-figure reading gave. Sentences are written for
/// these tests.
@Suite struct SentenceReadingTests {
    /// The grammar's bit sets choose the row the table's own order and cells choose: the first row
    /// of the quantity's unit kind or unit whose noun, verb and replaced signal fit (`Rule.fits`).
    @Test func ruleSelectorChoosesTheFirstFittingRow() {
        let grammar = QuantityGrammar.standard
        let rules = grammar.rules
        func reference(
            _ kind: String, _ unit: String, _ noun: String?, _ verb: String?, _ code: String, _ after: String?
        ) -> Int? {
            rules.indices.first { index in
                let rule = rules[index]
                return (rule.units.contains(kind) || rule.units.contains(unit)) && rule.fits(rule.nouns, noun)
                    && rule.fits(rule.verbs, verb)
                    && (rule.replaces.contains("*") || rule.replaces.contains(code)
                        || (after.map(rule.replaces.contains) ?? false))
            }
        }
        let units = Array(Set(rules.flatMap(\.units))).sorted() + ["count", "money", "area", "所", "元", "x"]
        let nouns: [String?] = Array(Set(rules.flatMap(\.nouns))).sorted() + [nil, "x"]
        let verbs: [String?] = Array(Set(rules.flatMap(\.verbs))).sorted() + [nil, "x"]
        let codes = Array(Set(rules.flatMap(\.replaces))).sorted() + ["unknown", "x"]
        #expect(units.count > 10 && nouns.count > 10 && verbs.count > 10 && codes.count > 5)
        // A fixed walk through the combinations (all of them would be millions).
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func pick<T>(_ values: [T]) -> T {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return values[Int(state >> 33) % values.count]
        }
        var chosen = 0
        for _ in 0..<20000 {
            let (kind, unit, noun, verb, code) = (pick(units), pick(units), pick(nouns), pick(verbs), pick(codes))
            let after: String? = pick([true, false]) ? code + "@after" : nil
            let expected = reference(kind, unit, noun, verb, code, after)
            let found = grammar.selector.first(
                units: (kind, unit), noun: noun ?? "-", verb: verb ?? "-", replaces: (code, after))
            #expect(found == expected, "\(kind) \(unit) \(noun ?? "-") \(verb ?? "-") \(code)")
            if expected != nil { chosen += 1 }
        }
        // The walk reaches rows, not only misses.
        #expect(chosen > 1000)
    }

    /// Status cues found once per sentence give every figure of it the status and cue the
    /// sentence's own scan gives.
    @Test(arguments: [
        "计划新建中学2所，小学3所，幼儿园5所；去年已完成校舍改造12000平方米",
        "全县累计投入资金8600万元，其中中央资金1200万元，力争明年新增学位2700个",
        "将15所村小改为教学点，将6所学校纳入改造计划，共撤并学校9所",
        "各校积极争取社会支持，共接受捐赠桌椅2850套、电脑105台，预计年底再配备图书3万册",
    ])
    func statusCuesPerSentence(_ line: String) {
        let cues = StatusCues.standard
        let scalars = line.simplifiedScalars
        for sentence in Sentence.split(scalars) {
            let words = cues.words(in: scalars, sentence: sentence)
            for offset in sentence.range where ("0"..."9").contains(scalars[offset]) {
                let quantity = QuantityMention(
                    surface: "1", value: 1, unit: "", qualifier: .exact, offset: offset, rule: "test")
                let alone = cues.status(of: quantity, scalars: scalars, sentence: sentence)
                let shared = cues.status(of: quantity, scalars: scalars, sentence: sentence, words: words)
                #expect(alone == shared, "\(line) @\(offset)")
            }
        }
    }

    /// Governor words kept between the figures of a sentence give what a fresh reading gives.
    @Test func governorWordsPerSentence() {
        let line = "将改造建设城区初中4所,城区小学8所,现有学校12所,抽查学校5所".scalarArray
        let sentence = 0..<line.count
        var words = Governors.standard.words()
        for offset in sentence where ("0"..."9").contains(line[offset]) {
            for code in ["schools_count", "teachers_count", "students_enrolled"] {
                let fresh = Governors.standard.governed(code, at: offset, in: line, sentence: sentence)
                let kept = Governors.standard.governed(code, at: offset, in: line, sentence: sentence, words: &words)
                #expect(fresh == kept, "\(code) @\(offset)")
            }
        }
        let built = Governors.standard.governed("schools_count", at: 10, in: line, sentence: sentence)
        #expect(built?.code == "schools_built")
    }

    /// Sentences split without their texts have the same ranges and clauses.
    @Test func sentencesWithoutTexts() {
        let line = "共接受捐赠桌椅2850套,电脑105台。新增微机400台；投入19,432万元：其中省级资金8000万元"
        let full = Sentence.split(line.scalarArray)
        let bare = Sentence.split(line.scalarArray, texts: false)
        #expect(full.count == 3)
        #expect(full.map(\.range) == bare.map(\.range))
        #expect(full.map(\.clauses) == bare.map(\.clauses))
        #expect(bare.allSatisfy { $0.text.isEmpty })
    }

    static func lines(_ texts: [String]) -> [LabeledLine] {
        texts.enumerated().map { LabeledLine(number: $0 + 1, text: $1, label: .body, rule: "test", document: 0) }
    }

    /// 我/全/本 + 省, 市, 县/区 counted on the bytes: only adjacent pairs, as the text writes them, the
    /// county's in either script (全縣, 本區).
    @Test func speakingLevelCounts() {
        let counts = DocumentProfiler.speakingCounts(
            Self.lines(["我县今年新建学校3所，全县共有中小学86所", "本市投入资金，全省排名第二", "我们县的学校，本区", "全縣"]))
        #expect(counts == [1, 1, 4])
        #expect(DocumentProfiler.speakingCounts(Self.lines(["本區學校", "我們縣的"])) == [0, 0, 1])
        #expect(DocumentProfiler.speakingLevel(counts) == 2)
        #expect(DocumentProfiler.speakingLevel([1, 1, 1]) == nil)
    }

    /// The lines a report speaks as the nation or a region from are found, in simplified or
    /// traditional script, whatever other cue words stand in the text.
    @Test func speakersInEitherScript() {
        let cues = DocumentCues.standard
        let found = cues.speakers(
            Self.lines([
                "全国有2717个县实现义务教育基本均衡发展", "我國教育事業穩步發展", "推动本澳人才培养，本澳学校", "全港幼稚园",
                "本校今年新建教学楼2栋（通用范文）",
            ]))
        #expect(found.nation == 2)
        #expect(found.region?.adcode == "820000000000" && found.region?.count == 2)
        #expect(cues.speakers(Self.lines(["本校今年新建教学楼2栋", "优选范文大全"])).nation == 0)
        #expect(String.simplifiedPreimage(of: ["国"]).contains("國"))
        #expect(String.simplifiedPreimage(of: ["国"]).contains("国"))
        #expect(!String.simplifiedPreimage(of: ["国"]).contains("澳"))
    }
}
