import Testing

@testable import Normalize

/// `WordEnds` lets a scanner skip comparing a list of words where none can end: it must say yes at
/// every scalar some word ends with, and everywhere once the list holds an empty word.
@Suite struct WordEndsTests {
    @Test func answersForTheLastScalarOfEachWord() {
        let words = ["电话", "QQ", "热线", "邮编"].map(\.scalarValues)
        let ends = WordEnds(words)
        for word in words { #expect(ends.mayEnd(word.last!)) }
        for other in "学校电热Q邮".unicodeScalars where !words.contains(where: { $0.last == other.value }) {
            #expect(!ends.mayEnd(other.value))
        }
        #expect(!ends.mayEnd(0))
    }

    @Test func anEmptyWordEndsAnywhere() {
        let ends = WordEnds([[], "约".scalarValues])
        #expect(ends.mayEnd(0x5B66))
        #expect(ends.mayEnd(0))
    }
}
