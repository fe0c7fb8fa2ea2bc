import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A page's DOM reduced to what the article finder measures: its visible elements (tag,
/// class/id hint, parent) and its visible lines (one per block, as `HTMLTextExtractor` cuts
/// them), each line with its owning block element, character, link-character and punctuation
/// counts, and a key of its characters without whitespace (to find the same line in the
/// extractor's text).
///
/// Parsed with libxml2's HTML parser (`htmlCtxtReadMemory`, recovering from tag soup) through
/// SAX callbacks: the elements, lines and counts are built as the parser reports them, so no
/// libxml2 tree is built, walked or freed. The callbacks reproduce the tree libxml2's own tree
/// builder would make (text outside any element dropped; an element after the first top-level
/// element closed becomes its child unless a DOCTYPE came first; 256 open elements at most), so
/// what the finder sees is that tree's. `script`, `style`, `noscript`, … and elements hidden
/// with `hidden` or `display:none` are skipped, as the extractor skips them.
///
/// Counts flow bottom-up as elements close; tag names are looked up once per parse by libxml2's
/// interned name pointer, class/id hints once per distinct class/id text (on its UTF-8 bytes
/// when ASCII); text is measured on libxml2's UTF-8 bytes, and every line's text without
/// whitespace is kept in one shared buffer (`compactText`).
///
/// ```swift
/// let tree = HTMLBlockTree(html: "<div class=\"content\"><p>今年以来，我区加大投入。</p></div>")
/// tree.lines.count                        // 1
/// tree.elements[tree.lines[0].owner].tag  // "p"
/// ```
struct HTMLBlockTree {
    /// One visible element.
    struct Element {
        var tag: String
        var parent: Int
        var depth: Int
        /// +1 when its class/id names content, -1 boilerplate, 0 neither (or both).
        var hint: Int8
        /// Whether its class/id names a kind of boilerplate that never belongs in an article
        /// (comments, share bars, related articles, tags), whatever else it names.
        var boilerplate: Bool
        /// Whether it is a block element (ends a line), `br` aside.
        var isBlock: Bool
        /// Whether it is a paragraph-like element (`paragraphElements`).
        var isParagraphElement: Bool = false
        /// Visible characters (whitespace not counted) in the subtree, in links, and sentence
        /// punctuation marks; links counted.
        var characters = 0
        var linkCharacters = 0
        var punctuation = 0
        var links = 0
        var firstLine = Int.max
        var lastLine = -1
    }

    /// One visible line (a block's run of text).
    struct Line {
        var owner: Int
        var characters = 0
        var linkCharacters = 0
        var punctuation = 0
        /// FNV-1a of the line's bytes without whitespace.
        var key: UInt64 = 0xcbf2_9ce4_8422_2325
        /// The line's text without whitespace (for title matching): `compactText[compactStart..<compactEnd]`.
        var compactStart = 0
        var compactEnd = 0
    }

    private(set) var elements: [Element] = []
    private(set) var lines: [Line] = []
    /// The page's `<title>`, `og:title` and similar headline metadata, without whitespace.
    private(set) var titleReferences: [[UInt8]] = []
    /// Every line's text without whitespace, one after another.
    private(set) var compactText: [UInt8] = []

    /// A line's text without whitespace.
    func compact(_ line: Line) -> ArraySlice<UInt8> {
        compactText[line.compactStart..<line.compactEnd]
    }

    /// Parses `html` (already decoded) and measures it; an unparsable page gives no lines.
    init(html: String) {
        Self.initializeParser
        var html = html
        html.withUTF8 { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0, buffer.count < Int(Int32.max) else { return }
            guard let context = htmlNewParserCtxt() else { return }
            defer { htmlFreeParserCtxt(context) }
            guard let sax = context.pointee.sax else { return }
            Builder.install(on: sax)
            let builder = Builder(context: context)
            context.pointee.userData = Unmanaged.passUnretained(builder).toOpaque()
            let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_NOIMPLIED.rawValue)
            withExtendedLifetime(builder) {
                let document = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    htmlCtxtReadMemory(context, $0, Int32(buffer.count), nil, "UTF-8", options)
                }
                if let document { xmlFreeDoc(document) }   // none: the callbacks build no tree
            }
            builder.finish()
            elements = builder.elements
            lines = builder.lines
            titleReferences = builder.titleReferences
            compactText = builder.compact
        }
    }

    /// libxml2 must be initialised once, on one thread, before parsers run on several.
    private static let initializeParser: Void = { xmlInitParser() }()

    // MARK: - Element tables

    static let blockElements = HTMLTextExtractor.blockElements
    static let skippedElements: Set<String> = HTMLTextExtractor.hiddenContentElements.union(["head"])
    /// Paragraph-like elements: their score goes to their container, as in readability.
    static let paragraphElements: Set<String> = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dd", "dt", "pre", "blockquote", "br", "span", "font", "strong", "b", "a"]

    /// Class/id words naming the article's container (matched inside the lower-cased class and id).
    static let contentWords = ["content", "article", "正文", "detail", "trs_editor", "entry", "story", "neirong", "wenzhang", "zhengwen", "main", "post", "text", "txt", "news_con", "newscon", "con_box", "conbox", "body"]
    /// Class/id words naming boilerplate.
    static let noiseWords = ["nav", "menu", "foot", "header", "comment", "share", "relate", "recommend", "sidebar", "side", "breadcrumb", "crumb", "position", "location", "login", "copyright", "advert", "banner", "hot", "rank", "tag", "tags", "keyword", "link", "links", "friend", "toolbar", "tool", "print", "page", "bottom", "top", "marquee", "scroll", "ticker", "roll", "xgwz", "xgxw", "tuijian", "more", "list", "weixin", "qrcode", "search", "logo", "ad"]
    /// Class/id words naming boilerplate that is never article text, even inside the article's container.
    static let boilerplateWords = ["comment", "share", "relate", "recommend", "tag", "tags", "keyword", "xgwz", "xgxw", "tuijian", "toolbar", "qrcode", "weixin", "print", "copyright", "pinglun", "hot", "rank", "ticker", "marquee"]

    // MARK: - Class/id hints

    /// The class/id hint of an element: content (+1), boilerplate (-1) or neither (0).
    /// `classAndID` is `" " + class.lowercased()` and `" " + id.lowercased()`, in attribute order.
    static func hint(tag: String, classAndID: String) -> (Int8, Bool) {
        if let fixed = tagHint(tag) { return fixed }
        guard !classAndID.isEmpty else { return (0, false) }
        let words = classAndID.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
        func matches(_ list: [String]) -> Bool {
            list.contains { w in
                w.contains("_") ? classAndID.contains(w)
                    : words.contains { word in word == w || ((w.count >= 4 || w == "nav") && word.hasPrefix(w)) || (w.count >= 6 && word.contains(w)) }
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
                            if matches(p, at: start) { found |= p.lists; continue }
                        }
                        if p.count >= 6, p.count < length, occurs(p, in: start..<i) { found |= p.lists }
                    }
                }
            }
        }
        let content = found & 1 != 0, noise = found & 2 != 0, boilerplate = found & 4 != 0
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
            patterns.append(HintPattern(start: bytes.count, count: w.utf8.count, underscore: w.contains("_"),
                                        prefix: w.count >= 4 || w == "nav", lists: lists[w]!))
            bytes += Array(w.utf8)
        }
        return (patterns, bytes)
    }()

    // MARK: - Builder (libxml2's SAX callbacks)

    /// What an open element is to the walk.
    private struct Frame {
        enum Kind: UInt8 {
            /// A visible element: `index` is its element.
            case element
            /// `<head>`: its child elements are read (title, meta) with `index`, head's parent, as parent; its text is not.
            case head
            /// Skipped with everything inside.
            case skipped
            /// `<title>`: skipped, its own text read as a title reference.
            case title
        }
        var kind: Kind
        var index: Int
        var depth: Int
        /// Whether text and elements inside are inside a link.
        var link: Bool
        var isBlock: Bool
        /// Whether it is the document's first node (later top-level elements become its children).
        var firstInDocument: Bool
    }

    /// A tag name's properties, looked up once per parse.
    private struct TagInfo {
        var tag: String
        var id: UInt16
        var isBlock: Bool
        var isParagraphElement: Bool
        var skipped: Bool
        var isHead: Bool
        var isTitle: Bool
        var isMeta: Bool
        var isLink: Bool
        var fixedHint: (Int8, Bool)?
    }

    private final class Builder {
        let context: htmlParserCtxtPtr
        var elements: [Element] = []
        /// Per element: the nearest block element among it and its ancestors, -1 if none.
        var blockAncestor: [Int] = []
        var lines: [Line] = []
        var compact: [UInt8] = []
        var titleReferences: [[UInt8]] = []
        var line = Line(owner: -1)
        var hasLine = false

        var stack: [Frame] = []
        /// Whether the document has a first child node yet, and the frame of that node when it
        /// is an element (libxml2's tree builder makes later top-level elements its children).
        var documentHasChildren = false
        var adoptive: Frame?
        /// The first top-level element closed while it may still adopt: its line ends later.
        var pendingTopLevelEnd = false
        var titleText: [UInt8] = []

        var tags: [UnsafePointer<xmlChar>: TagInfo] = [:]
        /// The tag looked up last (runs of li, p, td repeat it).
        var lastTagName: UnsafePointer<xmlChar>?
        var lastTagInfo: TagInfo?
        var hints: [[UInt8]: (Int8, Bool)] = [:]
        var hintKey: [UInt8] = []

        init(context: htmlParserCtxtPtr) {
            self.context = context
            stack.reserveCapacity(64)
        }

        static func from(_ pointer: UnsafeMutableRawPointer?) -> Builder {
            Unmanaged<Builder>.fromOpaque(pointer!).takeUnretainedValue()
        }

        static func install(on sax: UnsafeMutablePointer<htmlSAXHandler>) {
            memset(sax, 0, MemoryLayout<htmlSAXHandler>.size)
            sax.pointee.startElement = { user, name, attributes in
                Builder.from(user).startElement(name, attributes)
            }
            sax.pointee.endElement = { user, _ in
                Builder.from(user).endElement()
            }
            sax.pointee.characters = { user, text, length in
                Builder.from(user).characters(text, Int(length))
            }
            sax.pointee.cdataBlock = { user, text, length in
                Builder.from(user).characters(text, Int(length))
            }
            sax.pointee.comment = { user, text in
                Builder.from(user).otherNode(content: text)
            }
            sax.pointee.processingInstruction = { user, _, data in
                Builder.from(user).otherNode(content: data)
            }
            sax.pointee.internalSubset = { user, _, _, _ in
                Builder.from(user).doctype()
            }
        }

        // MARK: Tag names

        func tagInfo(_ name: UnsafePointer<xmlChar>?) -> TagInfo {
            let key = name ?? UnsafePointer(bitPattern: 1)!
            if key == lastTagName, let last = lastTagInfo { return last }
            if let known = tags[key] {
                lastTagName = key
                lastTagInfo = known
                return known
            }
            let tag = name.map { String(decoding: Self.localName(Array(UnsafeBufferPointer(start: $0, count: strlen($0)))), as: UTF8.self).lowercased() } ?? ""
            let info = TagInfo(tag: tag, id: UInt16(truncatingIfNeeded: tags.count), isBlock: HTMLBlockTree.blockElements.contains(tag),
                               isParagraphElement: HTMLBlockTree.paragraphElements.contains(tag),
                               skipped: HTMLBlockTree.skippedElements.contains(tag), isHead: tag == "head", isTitle: tag == "title",
                               isMeta: tag == "meta", isLink: tag == "a", fixedHint: HTMLBlockTree.tagHint(tag))
            tags[key] = info
            return info
        }

        /// The name libxml2's tree builder gives an element (`xmlSplitQName`): what follows the
        /// first colon (`o:p` is `p`, `wb:follow-button` is `follow-button`), unless the name
        /// starts or ends with it.
        static func localName(_ name: [UInt8]) -> [UInt8] {
            guard let first = name.first, first != UInt8(ascii: ":"), let colon = name.firstIndex(of: UInt8(ascii: ":")),
                  colon + 1 < name.count else { return name }
            return Array(name[(colon + 1)...])
        }

        // MARK: Elements

        func startElement(_ name: UnsafePointer<xmlChar>?, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
            // libxml2's tree builder refuses a node past 256 open ones and stops the parse.
            if stack.count > 256 {
                xmlStopParser(context)
                return
            }
            var parent = -1, depth = 0, inLink = false
            var firstInDocument = false
            let enclosing: Frame?
            if let top = stack.last {
                enclosing = top
            } else if !documentHasChildren {
                documentHasChildren = true
                firstInDocument = true
                enclosing = nil
            } else {
                enclosing = adoptive
            }
            if let enclosing {
                switch enclosing.kind {
                case .element: parent = enclosing.index; depth = enclosing.depth + 1; inLink = enclosing.link
                case .head: parent = enclosing.index; depth = enclosing.depth + 1; inLink = false
                case .skipped, .title:
                    stack.append(Frame(kind: .skipped, index: -1, depth: 0, link: false, isBlock: false, firstInDocument: false))
                    return
                }
            }
            var frame = open(name, attributes, parent: parent, depth: depth, inLink: inLink)
            frame.firstInDocument = firstInDocument
            if firstInDocument { adoptive = frame }
            stack.append(frame)
        }

        private func open(_ name: UnsafePointer<xmlChar>?, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
                          parent: Int, depth: Int, inLink: Bool) -> Frame {
            let info = tagInfo(name)
            var hidden = false
            var styleHidden = false
            var hasClassOrID = false
            var asciiClassAndID = true
            var property = ""
            var content = ""
            hintKey.removeAll(keepingCapacity: true)
            hintKey.append(UInt8(truncatingIfNeeded: info.id))
            hintKey.append(UInt8(truncatingIfNeeded: info.id >> 8))
            if var cursor = attributes {
                while let attributeName = cursor.pointee {
                    let value = cursor.advanced(by: 1).pointee
                    // The names read below start with c, i, s, h, p or n (in either case).
                    switch attributeName.pointee | 0x20 {
                    case UInt8(ascii: "c"), UInt8(ascii: "i"), UInt8(ascii: "s"), UInt8(ascii: "h"), UInt8(ascii: "p"), UInt8(ascii: "n"): break
                    default: cursor += 2; continue
                    }
                    if strcasecmp(attributeName, "class") == 0 || strcasecmp(attributeName, "id") == 0 {
                        hasClassOrID = true
                        hintKey.append(0)
                        if let value {
                            var p = value
                            while p.pointee != 0 {
                                if p.pointee >= 0x80 { asciiClassAndID = false }
                                hintKey.append(p.pointee)
                                p += 1
                            }
                        }
                    } else if strcasecmp(attributeName, "style") == 0 {
                        styleHidden = Self.styleHides(value)
                    } else if strcasecmp(attributeName, "hidden") == 0 {
                        hidden = true
                    } else if info.isMeta, strcasecmp(attributeName, "property") == 0 || strcasecmp(attributeName, "name") == 0 {
                        property = (value.map { String(cString: $0) } ?? "").lowercased()
                    } else if info.isMeta, strcasecmp(attributeName, "content") == 0 {
                        content = value.map { String(cString: $0) } ?? ""
                    }
                    cursor += 2
                }
            }
            if info.isMeta, ["og:title", "articletitle", "title", "headline", "twitter:title"].contains(property) {
                let compact = HTMLBlockTree.compactBytes(Array(content.utf8))
                if !compact.isEmpty { titleReferences.append(compact) }
            }
            if info.isTitle {
                titleText.removeAll(keepingCapacity: true)
                return Frame(kind: .title, index: -1, depth: depth, link: false, isBlock: false, firstInDocument: false)
            }
            if info.isHead { return Frame(kind: .head, index: parent, depth: depth, link: false, isBlock: false, firstInDocument: false) }
            if info.skipped || hidden || styleHidden {
                return Frame(kind: .skipped, index: -1, depth: depth, link: false, isBlock: false, firstInDocument: false)
            }

            if info.isBlock { endLine() }
            let index = elements.count
            let (hint, boilerplate) = hasClassOrID ? classHint(info, ascii: asciiClassAndID) : (info.fixedHint ?? (0, false))
            let isBlock = info.isBlock && info.tag != "br"
            elements.append(Element(tag: info.tag, parent: parent, depth: depth, hint: hint, boilerplate: boilerplate,
                                    isBlock: isBlock, isParagraphElement: info.isParagraphElement))
            blockAncestor.append(isBlock ? index : parent >= 0 ? blockAncestor[parent] : -1)
            if info.isLink { elements[index].links = 1 }
            return Frame(kind: .element, index: index, depth: depth, link: inLink || info.isLink, isBlock: info.isBlock, firstInDocument: false)
        }

        /// The hint of the element whose tag and class/id values are in `hintKey`.
        private func classHint(_ info: TagInfo, ascii: Bool) -> (Int8, Bool) {
            if let fixed = info.fixedHint { return fixed }
            if let known = hints[hintKey] { return known }
            let result: (Int8, Bool)
            if ascii {
                // " " + value.lowercased() for each value, as bytes.
                var text: [UInt8] = []
                text.reserveCapacity(hintKey.count)
                for byte in hintKey[2...] {
                    text.append(byte == 0 ? 0x20 : (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte))
                }
                result = text.withUnsafeBufferPointer { HTMLBlockTree.asciiHint(classAndID: $0) }
            } else {
                let values = hintKey[2...].split(separator: 0, omittingEmptySubsequences: false).dropFirst()
                let classAndID = values.map { " " + String(decoding: $0, as: UTF8.self).lowercased() }.joined()
                result = HTMLBlockTree.hint(tag: info.tag, classAndID: classAndID)
            }
            hints[hintKey] = result
            return result
        }

        /// Whether a `style` value hides the element (`display:none`, `visibility:hidden`, in any
        /// case, spaces and tabs aside).
        static func styleHides(_ value: UnsafePointer<xmlChar>?) -> Bool {
            guard let value else { return false }
            var squeezed: [UInt8] = []
            var p = value
            while p.pointee != 0 {
                let byte = p.pointee
                if byte >= 0x80 {
                    // Not ASCII: Unicode lower-casing and grapheme clusters, as the String does.
                    let style = String(cString: value).lowercased()
                    let compact = style.filter { $0 != " " && $0 != "\t" }
                    return compact.contains("display:none") || compact.contains("visibility:hidden")
                }
                if byte != 0x20 && byte != 0x09 { squeezed.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
                p += 1
            }
            return contains(squeezed, displayNone) || contains(squeezed, visibilityHidden)
        }

        static let displayNone = Array("display:none".utf8)
        static let visibilityHidden = Array("visibility:hidden".utf8)

        static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
            guard haystack.count >= needle.count else { return false }
            for start in 0...(haystack.count - needle.count) {
                var k = 0
                while k < needle.count, haystack[start + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            return false
        }

        func endElement() {
            guard let frame = stack.popLast() else { return }
            close(frame)
        }

        private func close(_ frame: Frame) {
            switch frame.kind {
            case .title:
                let compact = HTMLBlockTree.compactBytes(Array(String(decoding: titleText, as: UTF8.self).utf8))
                if !compact.isEmpty { titleReferences.append(compact) }
                titleText.removeAll(keepingCapacity: true)
            case .element:
                if frame.isBlock {
                    if frame.firstInDocument, adoptive != nil { pendingTopLevelEnd = true } else { endLine() }
                }
                let element = elements[frame.index]
                let parent = element.parent
                if parent >= 0 {
                    elements[parent].characters += element.characters
                    elements[parent].linkCharacters += element.linkCharacters
                    elements[parent].punctuation += element.punctuation
                    elements[parent].links += element.links
                    elements[parent].firstLine = min(elements[parent].firstLine, element.firstLine)
                    elements[parent].lastLine = max(elements[parent].lastLine, element.lastLine)
                }
            case .head, .skipped:
                break
            }
        }

        /// A comment or processing instruction: a node of the document when outside elements;
        /// its text is part of a `<title>`'s.
        func otherNode(content: UnsafePointer<xmlChar>?) {
            guard let top = stack.last else {
                documentHasChildren = true
                return
            }
            if top.kind == .title, var p = content {
                while p.pointee != 0 { titleText.append(p.pointee); p += 1 }
            }
        }

        /// A DOCTYPE becomes the document's first child: later top-level elements are not adopted.
        func doctype() {
            documentHasChildren = true
            adoptive = nil
            if pendingTopLevelEnd { endLine(); pendingTopLevelEnd = false }
        }

        func finish() {
            while let frame = stack.popLast() { close(frame) }
            endLine()
        }

        // MARK: Text

        func characters(_ text: UnsafePointer<xmlChar>?, _ length: Int) {
            guard let text, length > 0, let top = stack.last else { return }
            switch top.kind {
            case .element:
                let ancestor = blockAncestor[top.index]
                addText(text, length, owner: ancestor >= 0 ? ancestor : top.index, inLink: top.link)
            case .title:
                var i = 0
                while i < length, text[i] != 0 { titleText.append(text[i]); i += 1 }
            case .head, .skipped:
                break
            }
        }

        /// Adds a run of text's characters to the current line (whitespace only separates).
        private func addText(_ text: UnsafePointer<xmlChar>, _ length: Int, owner: Int, inLink: Bool) {
            var i = 0
            var characters = 0, punctuation = 0
            let compactCount = compact.count
            var key = hasLine ? line.key : 0xcbf2_9ce4_8422_2325
            @inline(__always) func at(_ k: Int) -> UInt8 { k < length ? text[k] : 0 }
            while i < length {
                let byte = text[i]
                if byte == 0 { break }
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C { i += 1; continue }
                if byte == 0xC2, at(i + 1) == 0xA0 { i += 2; continue }                       // no-break space
                if byte == 0xE3, at(i + 1) == 0x80, at(i + 2) == 0x80 { i += 3; continue }  // ideographic space
                let size = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                var k = 0
                while k < size, at(i + k) != 0 {
                    key = (key ^ UInt64(text[i + k])) &* 0x100_0000_01b3
                    compact.append(text[i + k])
                    k += 1
                }
                if k < size { break }
                characters += 1
                if size == 3, Walker.isPunctuation(text[i], text[i + 1], text[i + 2]) { punctuation += 1 }
                i += size
            }
            guard characters > 0 else {
                compact.removeSubrange(compactCount...)
                return
            }
            if !hasLine {
                line = Line(owner: owner, compactStart: compactCount)
                hasLine = true
            }
            line.key = key
            line.characters += characters
            line.punctuation += punctuation
            if inLink { line.linkCharacters += characters }
            // Counted once, on the owning block; ancestors receive them as elements close.
            if owner >= 0 {
                elements[owner].characters += characters
                elements[owner].punctuation += punctuation
                if inLink { elements[owner].linkCharacters += characters }
                elements[owner].firstLine = min(elements[owner].firstLine, lines.count)
                elements[owner].lastLine = max(elements[owner].lastLine, lines.count)
            }
        }

        func endLine() {
            if hasLine, line.characters > 0 {
                line.compactEnd = compact.count
                lines.append(line)
            } else if hasLine {
                compact.removeSubrange(line.compactStart...)
            }
            hasLine = false
        }
    }

    enum Walker {
        static func isPunctuation(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Bool {
            // 、 。 (E3 80 81/82); ， ； ！ ？ ： (EF BC 8C/9B/81/9F/9A)
            (a == 0xE3 && b == 0x80 && (c == 0x81 || c == 0x82))
                || (a == 0xEF && b == 0xBC && (c == 0x8C || c == 0x9B || c == 0x81 || c == 0x9F || c == 0x9A))
        }
    }

    /// `bytes` without whitespace (ASCII control and space, no-break and ideographic spaces).
    static func compactBytes(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte <= 0x20 { i += 1; continue }
            if byte == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xA0 { i += 2; continue }
            if byte == 0xE3, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 { i += 3; continue }
            result.append(byte)
            i += 1
        }
        return result
    }
}
