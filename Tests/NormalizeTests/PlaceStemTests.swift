import Normalize
import Testing

/// `PlaceVocabulary.stem(of:)` compares scalar arrays; these tests hold it to the answers of the
/// String-based splitting it replaced (kept here as `referenceStem`), on every division of the
/// shipped table and on names made up to reach the edge cases.
@Suite struct PlaceStemTests {
    static let vocabulary = PlaceVocabulary.standard

    /// The splitting as first written: the first suffix (longest first) the name ends with and is
    /// longer than, then minority names dropped from the end while the stem stays longer than them.
    static func referenceStem(of name: String) -> (stem: String, suffix: String)? {
        guard let suffix = vocabulary.suffixes.first(where: { name.hasSuffix($0) && name.count > $0.count })
        else { return nil }
        var stem = String(name.dropLast(suffix.count))
        var changed = true
        while changed {
            changed = false
            for ethnic in vocabulary.ethnicNames where stem.hasSuffix(ethnic) && stem.count > ethnic.count {
                stem = String(stem.dropLast(ethnic.count))
                changed = true
                break
            }
        }
        return (stem, suffix)
    }

    @Test func everyDivisionSplitsAsBefore() {
        let names = DivisionTable.standard.divisions.map(\.name)
        #expect(names.count > 3000)
        var split = 0
        for name in names {
            let got = Self.vocabulary.stem(of: name)
            let want = Self.referenceStem(of: name)
            #expect(got?.stem == want?.stem, "\(name)")
            #expect(got?.suffix == want?.suffix, "\(name)")
            if got != nil { split += 1 }
        }
        // Most official names end with a known suffix (towns and sea areas may not).
        #expect(split * 2 > names.count)
    }

    @Test(arguments: [
        // A name that is only a suffix, or only a minority name and a suffix, keeps what it has.
        "县", "自治县", "区", "苗族自治州", "瑶族自治县",
        // Two minority names, then three, before an autonomous suffix.
        "石门土家族苗族自治县", "金平苗族瑶族傣族自治县",
        // Not a division name: no suffix, a Latin suffix, an empty string.
        "海域", "Springfield", "",
        // Made-up names with the same shapes as real ones.
        "青石县", "白河市", "东山区", "云岭彝族自治县", "南湖新区",
    ])
    func madeUpNamesSplitAsBefore(_ name: String) {
        let got = Self.vocabulary.stem(of: name)
        let want = Self.referenceStem(of: name)
        #expect(got?.stem == want?.stem)
        #expect(got?.suffix == want?.suffix)
    }

    @Test func aStemLosesEveryTrailingMinorityName() throws {
        let split = try #require(Self.vocabulary.stem(of: "云岭彝族苗族自治县"))
        #expect(split.stem == "云岭")
        #expect(split.suffix == "自治县")
    }
}
