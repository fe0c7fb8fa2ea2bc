import Facts
import Testing

@Suite struct SentenceTests {
    @Test func splitsSentencesAndClauses() {
        let sentences = Sentence.split("共接受捐赠桌椅2850套,电脑105台、图书3300册。新增微机400台;投入19,432万元：用于建设！")
        #expect(sentences.map(\.text) == ["共接受捐赠桌椅2850套,电脑105台、图书3300册", "新增微机400台", "投入19,432万元：用于建设"])
        #expect(sentences[0].clauses.count == 2, "、 does not split a clause")
        #expect(sentences[2].clauses.count == 2, "19,432 is one number")
        #expect(sentences[0].clauseIndex(containing: 15) == 1)
    }

    @Test func emptyAndPunctuationOnlyLinesHaveNoSentences() {
        #expect(Sentence.split("").isEmpty)
        #expect(Sentence.split("。。！").isEmpty)
    }
}
