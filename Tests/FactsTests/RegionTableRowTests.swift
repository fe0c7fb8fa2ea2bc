import EduwhCore
import Normalize
import Testing

@testable import Facts

/// A table flattened one cell to a line whose rows are labelled by a division (a province's
/// bulletin ranking its cities, fx21): each row's figures are that division's, not the report's.
/// Cells are our own, in fx21's shape (label, rate, rank).
@Suite struct RegionTableRowTests {
    static let cells = [
        "各市校舍建设竣工率为:", "竣工率", "排名", "德州市", "94.3%", "1", "济宁市", "86.88%", "6", "临沂市", "85.01%", "11",
        "菏泽市", "89.22%", "2",
    ]

    @Test func aRowLabelledByACityGivesItsFiguresThatCity() throws {
        let built = FactBuilder().build(
            TrustTests.document(title: ["山东省全面改薄工作简报"], body: ["全省竣工面积1865.19万平方米。"] + Self.cells))
        #expect(try TrustTests.fact("94.3%", in: built).adcode == "371400000000")
        #expect(try TrustTests.fact("86.88%", in: built).adcode == "370800000000")
        #expect(try TrustTests.fact("85.01%", in: built).adcode == "371300000000")
    }

    /// Row labels that name no division (a school, a total) leave the cells with the report's region,
    /// and a label's stem alone (朝阳, an ordinary word too) names none.
    @Test(arguments: [("德州市", ["371400000000"]), ("第二实验小学", []), ("合计", []), ("朝阳", [])])
    func rowLabelPlaces(label: String, adcodes: [String]) {
        var cache: [String: [PlaceMention]] = [:]
        #expect(FactBuilder.rowPlaces(label, cache: &cache).compactMap(\.adcode) == adcodes)
    }
}
