import Clean
import EduwhCore

/// A small made-up report (not seed text) that tests wrap noise lines around.
enum CleanFixture {
    static let title = "镇教育办2022年工作汇报"
    static let paragraphs = [
        "今年以来，我镇坚持教育优先发展，全年投入教育经费2860万元，新建教学楼两幢，办学条件明显改善。",
        "我们注重教师队伍建设，组织教师参加各级培训420人次，评选镇级骨干教师36名，师资水平稳步提高。",
        "下一步，我们将继续加大投入，推动全镇义务教育优质均衡发展，努力办好人民满意的教育。",
    ]

    /// The report's lines with `head` after the title, `middle` between the first two
    /// paragraphs and `tail` after the last one, separated by blank lines.
    static func text(head: [String] = [], middle: [String] = [], tail: [String] = []) -> String {
        ([title] + head + [paragraphs[0]] + middle + paragraphs.dropFirst() + tail).joined(separator: "\n\n") + "\n"
    }

    static func raw(_ text: String) -> RawDocument {
        RawDocument(
            path: "fixture.txt", byteCount: text.utf8.count, sha256: "", encoding: .utf8, format: .text, text: text)
    }

    /// The fixture report with `head`, `middle` and `tail` placed as `text(head:middle:tail:)` places
    /// them, cleaned by the standard rules.
    static func clean(head: [String] = [], middle: [String] = [], tail: [String] = []) -> CleanedFile {
        Cleaner.standard.clean(raw(text(head: head, middle: middle, tail: tail)))
    }

    /// `sentence` cleaned between the fixture's first two paragraphs: its labelled line (the last one
    /// with its text, so a title copy above does not answer).
    static func middleLine(_ sentence: String) -> LabeledLine? {
        clean(middle: [sentence]).lines.last { $0.text == sentence }
    }

    /// The labelled line whose text is `text` (the first one).
    static func line(_ text: String, in cleaned: CleanedFile) -> LabeledLine? {
        cleaned.lines.first { $0.text == text }
    }
}
