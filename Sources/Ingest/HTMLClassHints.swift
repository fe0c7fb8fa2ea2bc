/// The class/id hints of `HTMLBlockTree`'s elements: whether an element's class and id name the
/// article's container (`content`, `article`, `正文`, `TRS_Editor`) or boilerplate (`nav`, `footer`,
/// `comment`, `share`, `related`), matched on the lower-cased class/id text.
extension HTMLBlockTree {
    /// Class/id words naming the article's container (matched inside the lower-cased class and id).
    static let contentWords = [
        "content", "article", "正文", "detail", "trs_editor", "entry", "story", "neirong", "wenzhang", "zhengwen", "main",
        "post", "text", "txt", "news_con", "newscon", "con_box", "conbox", "body",
    ]
    /// Class/id words naming boilerplate.
    static let noiseWords = [
        "nav", "menu", "foot", "header", "comment", "share", "relate", "recommend", "sidebar", "side", "breadcrumb",
        "crumb", "position", "location", "login", "copyright", "advert", "banner", "hot", "rank", "tag", "tags",
        "keyword", "link", "links", "friend", "toolbar", "tool", "print", "page", "bottom", "top", "marquee", "scroll",
        "ticker", "roll", "xgwz", "xgxw", "tuijian", "more", "list", "weixin", "qrcode", "search", "logo", "ad",
        "player",
    ]
    /// Class/id words naming boilerplate that is never article text, even inside the article's container.
    static let boilerplateWords = [
        "comment", "share", "relate", "recommend", "tag", "tags", "keyword", "xgwz", "xgxw", "tuijian", "toolbar",
        "qrcode", "weixin", "print", "copyright", "pinglun", "hot", "rank", "ticker", "marquee", "player",
    ]

    // MARK: - Class/id hints

    /// The class/id hint of an element: content (+1), boilerplate (-1) or neither (0).
    /// `classAndID` is `" " + class.lowercased()` and `" " + id.lowercased()`, in attribute order.
    static func hint(tag: String, classAndID: String) -> (Int8, Bool) {
        if let fixed = tagHint(tag) { return fixed }
        guard !classAndID.isEmpty else { return (0, false) }
        let words = classAndID.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
        func matches(_ list: [String]) -> Bool {
            list.contains { w in
                w.contains("_")
                    ? classAndID.contains(w)
                    : words.contains { word in
                        word == w || ((w.count >= 4 || w == "nav") && word.hasPrefix(w))
                            || (w.count >= 6 && word.contains(w))
                    }
            }
        }
        let content = matches(contentWords)
        let noise = matches(noiseWords)
        let boilerplate = matches(boilerplateWords)
        return (content == noise ? 0 : content ? 1 : -1, boilerplate)
    }

    /// The hint a tag gives whatever its class/id says (nil: the class/id decides).
    static func tagHint(_ tag: String) -> (Int8, Bool)? {
        switch tag {
        case "nav", "footer", "aside", "header", "form", "marquee": return (-1, tag != "header")
        case "article", "main": return (1, false)
        default: return nil
        }
    }

    /// `hint(tag:classAndID:)` for an all-ASCII, already lower-cased class/id text, on its
    /// bytes: in ASCII, letters and digits are the only `isLetter`/`isNumber` characters and
    /// string comparison is byte comparison, so the result is the same. Each word of the three
    /// lists is tried once (`hintPatterns`), and the lists it belongs to are marked together.
    static func asciiHint(classAndID text: UnsafeBufferPointer<UInt8>) -> (Int8, Bool) {
        guard text.count > 0 else { return (0, false) }
        var found: UInt8 = 0
        hintPatternBytes.withUnsafeBufferPointer { patternBytes in
            hintPatterns.withUnsafeBufferPointer { patterns in
                /// Whether pattern `p` occurs in `text` at `start`.
                @inline(__always) func matches(_ p: HintPattern, at start: Int) -> Bool {
                    var k = 0
                    while k < p.count, text[start + k] == patternBytes[p.start + k] { k += 1 }
                    return k == p.count
                }
                @inline(__always) func occurs(_ p: HintPattern, in range: Range<Int>) -> Bool {
                    guard range.count >= p.count else { return false }
                    let first = patternBytes[p.start]
                    var s = range.lowerBound
                    while s + p.count <= range.upperBound {
                        if text[s] == first, matches(p, at: s) { return true }
                        s += 1
                    }
                    return false
                }
                // Words with "_" are searched in the whole text.
                if text.contains(UInt8(ascii: "_")) {
                    for p in patterns where p.underscore && found & p.lists != p.lists {
                        if occurs(p, in: 0..<text.count) { found |= p.lists }
                    }
                }
                // The others against each word (a run of [a-z0-9]): equal, a prefix, or inside.
                var i = 0
                while i < text.count, found != 7 {
                    while i < text.count, !isWordByte(text[i]) { i += 1 }
                    let start = i
                    while i < text.count, isWordByte(text[i]) { i += 1 }
                    let length = i - start
                    guard length > 0 else { break }
                    for p in patterns where !p.underscore && p.count <= length && found & p.lists != p.lists {
                        if p.count == length || p.prefix {
                            if matches(p, at: start) {
                                found |= p.lists
                                continue
                            }
                        }
                        if p.count >= 6, p.count < length, occurs(p, in: start..<i) { found |= p.lists }
                    }
                }
            }
        }
        let content = found & 1 != 0
        let noise = found & 2 != 0
        let boilerplate = found & 4 != 0
        return (content == noise ? 0 : content ? 1 : -1, boilerplate)
    }

    @inline(__always) private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }

    /// One ASCII word of the class/id lists: its bytes in `hintPatternBytes`, how it matches
    /// (`_` words anywhere in the text; words of 4 letters or more, and "nav", as a word's
    /// prefix; words of 6 or more inside a word; any as a whole word), and its lists (1 content,
    /// 2 noise, 4 boilerplate). Non-ASCII words ("正文", two characters) match no ASCII word.
    struct HintPattern {
        var start: Int
        var count: Int
        var underscore: Bool
        var prefix: Bool
        var lists: UInt8
    }

    static let (hintPatterns, hintPatternBytes): ([HintPattern], [UInt8]) = {
        var order: [String] = []
        var lists: [String: UInt8] = [:]
        for (list, bit) in [(contentWords, UInt8(1)), (noiseWords, 2), (boilerplateWords, 4)] {
            for w in list where w.utf8.allSatisfy({ $0 < 0x80 }) {
                if lists[w] == nil { order.append(w) }
                lists[w, default: 0] |= bit
            }
        }
        var patterns: [HintPattern] = []
        var bytes: [UInt8] = []
        for w in order {
            patterns.append(
                HintPattern(
                    start: bytes.count, count: w.utf8.count, underscore: w.contains("_"),
                    prefix: w.count >= 4 || w == "nav", lists: lists[w]!))
            bytes += Array(w.utf8)
        }
        return (patterns, bytes)
    }()

}
