/// The article's headline: the heading-like line that best agrees with the page's `<title>` and
/// `og:title` (shared character pairs).
extension HTMLArticleFinder {
    /// The line that is the article's headline: the heading-like line before the article's
    /// end that best agrees with the page's `<title>` / `og:title`; without those, the last
    /// `<h1>` before the article.
    func titleLine(in tree: HTMLBlockTree, before end: Int, articleStart: Int, boilerplate: [Bool]) -> Int? {
        let lines = tree.lines
        let elements = tree.elements
        let references = tree.titleReferences.map(Self.bigrams)
        var pairs: [UInt64] = []
        var scalars: [UInt32] = []
        var best: Int?
        var bestScore = 0.0
        for i in 0...end {
            let line = lines[i]
            guard line.characters >= 4, line.characters <= 100, !boilerplate[line.owner] else { continue }
            let owner = elements[line.owner]
            let heading = ["h1", "h2", "h3"].contains(owner.tag)
            guard heading || line.linkCharacters * 2 <= line.characters else { continue }
            let weight = owner.tag == "h1" ? 1.0 : heading ? 0.95 : 0.85
            let distance = Double(abs(articleStart - i)) * 0.002
            let candidate: Double
            if references.isEmpty {
                guard owner.tag == "h1" else { continue }
                candidate = 1 - distance
            } else {
                Self.sortedBigrams(tree.compact(line), into: &pairs, scalars: &scalars)
                guard !pairs.isEmpty else { continue }
                let agreement =
                    references.map { reference in Double(pairs.count { reference.contains($0) }) / Double(pairs.count) }
                    .max() ?? 0
                guard agreement >= settings.minTitleAgreement else { continue }
                candidate = agreement * weight - distance
            }
            if candidate > bestScore {
                bestScore = candidate
                best = i
            }
        }
        return best
    }

    /// The set of adjacent character pairs of UTF-8 text (as scalar values).
    static func bigrams(_ bytes: some Collection<UInt8>) -> Set<UInt64> {
        let scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        guard scalars.count >= 2 else { return scalars.isEmpty ? [] : [UInt64(scalars[0].value)] }
        var pairs = Set<UInt64>()
        for k in 0..<(scalars.count - 1) { pairs.insert(UInt64(scalars[k].value) << 32 | UInt64(scalars[k + 1].value)) }
        return pairs
    }

    /// The elements of `bigrams(bytes)`, sorted, in reused buffers.
    static func sortedBigrams(_ bytes: ArraySlice<UInt8>, into pairs: inout [UInt64], scalars: inout [UInt32]) {
        pairs.removeAll(keepingCapacity: true)
        if !decodeUTF8(bytes, into: &scalars) {
            scalars = String(decoding: bytes, as: UTF8.self).unicodeScalars.map(\.value)
        }
        guard scalars.count >= 2 else {
            if let only = scalars.first { pairs.append(UInt64(only)) }
            return
        }
        for k in 0..<(scalars.count - 1) { pairs.append(UInt64(scalars[k]) << 32 | UInt64(scalars[k + 1])) }
        pairs.sort()
        var kept = 1
        for k in 1..<pairs.count where pairs[k] != pairs[kept - 1] {
            pairs[kept] = pairs[k]
            kept += 1
        }
        pairs.removeLast(pairs.count - kept)
    }

    /// The scalar values of well-formed UTF-8; false (and nothing to use) when it is not.
    static func decodeUTF8(_ bytes: ArraySlice<UInt8>, into scalars: inout [UInt32]) -> Bool {
        scalars.removeAll(keepingCapacity: true)
        var i = bytes.startIndex
        let end = bytes.endIndex
        @inline(__always) func continuation(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> UInt32? {
            guard k < end, bytes[k] >= low, bytes[k] <= high else { return nil }
            return UInt32(bytes[k] & 0x3F)
        }
        while i < end {
            let lead = bytes[i]
            if lead < 0x80 {
                scalars.append(UInt32(lead))
                i += 1
                continue
            }
            if lead >= 0xC2, lead <= 0xDF, let b = continuation(i + 1) {
                scalars.append(UInt32(lead & 0x1F) << 6 | b)
                i += 2
                continue
            }
            if lead >= 0xE0, lead <= 0xEF,
                let b = continuation(i + 1, lead == 0xE0 ? 0xA0 : 0x80, lead == 0xED ? 0x9F : 0xBF),
                let c = continuation(i + 2)
            {
                scalars.append(UInt32(lead & 0x0F) << 12 | b << 6 | c)
                i += 3
                continue
            }
            if lead >= 0xF0, lead <= 0xF4,
                let b = continuation(i + 1, lead == 0xF0 ? 0x90 : 0x80, lead == 0xF4 ? 0x8F : 0xBF),
                let c = continuation(i + 2), let d = continuation(i + 3)
            {
                scalars.append(UInt32(lead & 0x07) << 18 | b << 12 | c << 6 | d)
                i += 4
                continue
            }
            return false
        }
        return true
    }
}
