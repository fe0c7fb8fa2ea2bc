/// Matching the DOM's lines to the visible text's: the article finder decides on libxml2's lines,
/// Clean numbers the extractor's.
extension HTMLArticleFinder {
    /// For each line of `visibleText`, the decision on it: the DOM line with the same
    /// characters (searched a little ahead, in order) decides; a line with no match is inside
    /// when its neighbours both are, else outside the article's block.
    static func align(tree: HTMLBlockTree, article: [Decision], visibleText: String) -> [Decision] {
        let keys = lineKeys(visibleText)
        let window = 64
        var decided = [Decision?](repeating: nil, count: keys.count)
        var cursor = 0
        for (i, key) in keys.enumerated() {
            var k = cursor
            let limit = min(tree.lines.count, cursor + window)
            while k < limit, tree.lines[k].key != key { k += 1 }
            if k < limit {
                decided[i] = article[k]
                cursor = k + 1
            }
        }
        // The next decided line after each line, from the end.
        var nextInside = [Bool?](repeating: nil, count: keys.count)
        var following: Bool?
        for i in keys.indices.reversed() {
            nextInside[i] = following
            if let value = decided[i] { following = value == .inside }
        }
        var result = [Decision](repeating: .outsideBlock, count: keys.count)
        var previous: Bool?
        for i in keys.indices {
            if let value = decided[i] {
                result[i] = value
                previous = value == .inside
                continue
            }
            let next = nextInside[i]
            result[i] = (previous ?? false) && (next ?? previous ?? false) ? .inside : .outsideBlock
        }
        return result
    }

    /// The FNV-1a key of each line (split at `\n`) without whitespace, as `HTMLBlockTree` keys its lines.
    static func lineKeys(_ text: String) -> [UInt64] {
        var keys: [UInt64] = []
        var text = text
        text.withUTF8 { bytes in
            var key: UInt64 = 0xcbf2_9ce4_8422_2325
            var i = 0
            let count = bytes.count
            while i < count {
                let byte = bytes[i]
                if byte == 0x0A {
                    keys.append(key)
                    key = 0xcbf2_9ce4_8422_2325
                    i += 1
                    continue
                }
                if byte <= 0x20 {
                    i += 1
                    continue
                }
                if byte == 0xC2, i + 1 < count, bytes[i + 1] == 0xA0 {
                    i += 2
                    continue
                }
                if byte == 0xE3, i + 2 < count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 {
                    i += 3
                    continue
                }
                key = (key ^ UInt64(byte)) &* 0x100_0000_01b3
                i += 1
            }
            if count > 0, bytes[count - 1] != 0x0A { keys.append(key) }
        }
        return keys
    }
}
