import EduwhCore
import Testing

@testable import Clean

/// A document site's numbered notices around a report (session 20): once a rule takes one item
/// for noise (a download prompt), the items numbered in step after it in the same form are the
/// same notice list, whatever they say; the report's own numbered lists stay body. Made-up pages.
@Suite struct NoticeListTests {
    static func clean(_ lines: [String]) -> CleanedFile {
        Cleaner.standard.clean(CleanFixture.raw(lines.joined(separator: "\n") + "\n"))
    }

    static let notices = [
        "1. 1、下载本资料前请先阅读预览页，确认内容是否完整。", "2. 2、部分资料只能预览一部分，其余部分请以实际文件为准。",
        "3. 3、若资料涉及您的合法权益，请与平台客服联系处理。",
    ]

    @Test func itemsInStepAfterANoiseItemAreNoise() {
        let cleaned = Self.clean([CleanFixture.title] + Self.notices + CleanFixture.paragraphs)
        for item in Self.notices {
            let line = CleanFixture.line(item, in: cleaned)
            #expect(line?.label == .noise, "\(item): \(String(describing: line))")
        }
        #expect(CleanFixture.line(Self.notices[1], in: cleaned)?.rule == "notice-list-item")
    }

    @Test func theReportsOwnNumberedListStaysBody() {
        let list = [
            "1. 1、全年新建校舍两栋，改造运动场一处，办学条件明显改善。", "2. 2、全年培训教师三百人次，教师队伍素质稳步提高。",
            "3. 3、全年资助困难学生五百余人，资助政策全面落实。",
        ]
        let cleaned = Self.clean(
            [CleanFixture.title, CleanFixture.paragraphs[0]] + list + CleanFixture.paragraphs.dropFirst())
        for item in list { #expect(CleanFixture.line(item, in: cleaned)?.label == .body, "\(item)") }
        // Another numbering form after a notice starts no list of it.
        let mixed = Self.clean(
            [CleanFixture.title, Self.notices[0], "2、学校全年新建校舍两栋，改造运动场一处。"] + CleanFixture.paragraphs)
        #expect(CleanFixture.line("2、学校全年新建校舍两栋，改造运动场一处。", in: mixed)?.label == .body)
    }

    /// An item in step that states counted quantities is the report's (a county's basic figures
    /// numbered 1. 2. 3. under a dubious item 1): it stays body and ends the list.
    @Test func anItemThatStatesCountsEndsTheList() {
        let items = [
            "2. 2、全镇现有小学12所，在校学生4520人，办学条件明显改善。", "3. 3、全镇现有专任教师312名，其中骨干教师36名。",
        ]
        let cleaned = Self.clean([CleanFixture.title, Self.notices[0]] + items + CleanFixture.paragraphs)
        #expect(CleanFixture.line(Self.notices[0], in: cleaned)?.label == .noise)
        for item in items {
            let line = CleanFixture.line(item, in: cleaned)
            #expect(
                line?.label == .body && line?.rule != SegmentLabeler.noticeRule, "\(item): \(String(describing: line))")
        }
    }

    @Test(
        arguments: [
            ("3. 3、如", 3, "#.#、"), ("12、全年", 12, "#、"), ("(1)全年", nil, nil), ("2023年", nil, nil),
            ("\u{3000}\u{3000}2、下载前请甄别", 2, "#、"), ("\t 4．如有疑问", 4, "#．"), ("一、总体情况", nil, nil),
            ("", nil, nil), ("   ", nil, nil),
        ] as [(String, Int?, String?)])
    func listNumbers(text: String, number: Int?, form: String?) {
        let found = SegmentLabeler.listNumber(text)
        #expect(found?.number == number && found?.form == form)
    }

    /// The check before the list pattern: a digit after any leading white space (ideographic
    /// spaces, tabs) may open a list; a line opening with anything else never does.
    @Test(
        arguments: [
            ("1.", true), ("\u{3000}2、", true), ("\t\u{00A0}7)", true), ("２、", false), ("一、", false),
            ("第1条", false), ("", false),
        ] as [(String, Bool)])
    func opensWithDigit(text: String, opens: Bool) {
        #expect(SegmentLabeler.opensWithDigit(text) == opens)
    }
}
