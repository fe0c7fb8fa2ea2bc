import Testing

@testable import Clean

/// The unrelated-headline check's ideograph pairs: sorted lists without repeats, counted against
/// each other by one merge, give the sizes sets of the pairs give. Text written for the tests.
@Suite struct WordPairTests {
    @Test(arguments: [
        ("教育局召开全县教育工作会议，部署教育工作", "全县教育工作会议在县教育局召开"),
        ("新建校舍4万平方米，改造校舍2万平方米", "校舍改造"),
        ("ABC 123", "教育教育教育"),
        ("", "学校"),
    ])
    func pairsCountAsSets(_ first: String, _ second: String) {
        let a = SegmentLabeler.distinct(SegmentLabeler.wordPairs(first))
        let b = SegmentLabeler.distinct(SegmentLabeler.wordPairs(second))
        let setA = Set(SegmentLabeler.wordPairs(first))
        let setB = Set(SegmentLabeler.wordPairs(second))
        #expect(a == setA.sorted() && b == setB.sorted())
        #expect(SegmentLabeler.sharedCount(a, b) == setA.intersection(setB).count)
    }

    @Test func pairsOfAdjacentIdeographsOnly() {
        // 教育 育局 | 全县 (the comma breaks the run); 4 breaks 校舍 from nothing after it.
        #expect(SegmentLabeler.wordPairs("教育局，全县4校舍").count == 4)
        #expect(SegmentLabeler.distinct([3, 1, 3, 2, 1]) == [1, 2, 3])
        #expect(SegmentLabeler.sharedCount([1, 2, 5, 9], [2, 3, 9]) == 2)
    }
}
