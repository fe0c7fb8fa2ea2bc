import Clean
import EduwhCore
import Foundation
import Ingest
import Normalize
import Testing

/// Place resolution on the five seeds (Ingest → Clean → Normalize): every place found is one a
/// reader would name, resolved to the right division; ordinary words stay out.
@Suite struct SeedPlacesTests {
    /// Per seed: every surface allowed, with the adcode it must resolve to ("" for a placeholder).
    static let expected: [String: [String: String]] = [
        "000": ["海珠区": "440105000000", "海珠": "440105000000", "广州市": "440100000000", "广东省": "440000000000"],
        "001": [
            "铁东区": "220303000000", "铁东": "220303000000", "四平": "220300000000", "吉林省": "220000000000",
            "河南": "410000000000",
        ],
        "002": [
            "乳源县": "440232000000", "乳源": "440232000000", "韶关市": "440200000000", "广东省": "440000000000",
            "增城": "440118000000", "增城市": "440118000000", "广州": "440100000000", "广州市": "440100000000",
            "杭州": "330100000000", "南京": "320100000000",
        ],
        "003": ["x区": ""],
        "004": ["靖江市": "321282000000", "江苏省": "320000000000", "上海市": "310000000000", "**市": ""],
    ]
    /// Surfaces each seed must yield.
    static let required: [String: [String]] = [
        "000": ["海珠区", "海珠"], "001": ["铁东区", "铁东", "四平"], "002": ["乳源县", "乳源", "增城"], "003": ["x区"],
        "004": ["靖江市", "**市"],
    ]

    @Test(arguments: ["000", "001", "002", "003", "004"])
    func seedPlaces(_ prefix: String) throws {
        let folder = SeedCoverageTests.seeds
        let name = try #require(
            SeedCoverageTests.seedFiles().first { $0.lastPathComponent.hasPrefix(prefix) },
            "seed \(prefix) not in \(folder.path)")
        let raw = try Ingestor().read(path: name.path)
        var found: [PlaceMention] = []
        for document in Cleaner.standard.clean(raw).documents {
            found += Normalizer.standard.places(in: document.lines).map(\.mention)
        }
        let allowed = try #require(Self.expected[prefix])
        for mention in found {
            let adcode = allowed[mention.surface]
            #expect(adcode != nil, "unexpected place \(mention.surface) (\(mention.name ?? mention.status.rawValue))")
            if let adcode { #expect((mention.adcode ?? "") == adcode, "\(mention.surface)") }
        }
        for surface in Self.required[prefix] ?? [] {
            #expect(found.contains { $0.surface == surface }, "missing \(surface)")
        }
    }
}
