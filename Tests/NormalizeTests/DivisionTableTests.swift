import Normalize
import Testing

@Suite struct DivisionTableTests {
    @Test func tableHasEveryLevelAndParents() throws {
        let table = DivisionTable.standard
        #expect(table.divisions.count > 3000)
        let haizhu = try #require(table.divisions.first { $0.name == "海珠区" })
        #expect(haizhu.level == .county)
        #expect(table.parent(of: haizhu)?.name == "广州市")
        #expect(table.divisions.filter { $0.name == "铁东区" }.count == 2)
    }
}
