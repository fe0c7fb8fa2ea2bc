import EduwhCore
import Normalize
import Testing

// Kinds of year mentions that the held-out slices fh and fi showed reading wrong (session 10,
// numbers5). The sentences are made up for each kind, not copied from a field page; the expected
// values are what each sentence says.

private func mentions(_ text: String, reference: Int? = 2018) -> [YearMention] {
    Normalizer.standard.years(in: text, referenceYear: reference)
}

private func describe(_ y: [YearMention]) -> String {
    y.map { "\($0.surface)=\($0.kind) \(String(describing: $0.from))-\(String(describing: $0.to))" }
        .joined(separator: ", ")
}

@Suite("Held-out kinds: years (fh, fi)")
struct FhFiYearKindTests {
    @Test(
        "A month and day after a blanked year belong to its one placeholder mention",
        arguments: [
            ("20xx年3月,我校组织教师外出学习", "20xx年3月"),
            ("于20XX年4月10日至4月15日开展督导", "20XX年4月10日至4月15日"),
            ("20xx年9月—12月,学校开展读书活动", "20xx年9月—12月"),
            ("____年5月8日到12日举办运动会", "____年5月8日到12日"),
        ])
    func placeholderDates(_ text: String, _ surface: String) {
        let y = mentions(text)
        #expect(y.count == 1, "\(text) → \(describe(y))")
        #expect(y.first?.surface == surface && y.first?.kind == .placeholder, "\(text) → \(describe(y))")
        #expect(y.first?.from == nil && y.first?.to == nil, "\(text) → \(describe(y))")
    }
}
