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
        /// Whether a visible image comes between the previous line and this one (a caption's place).
        var followsImage = false
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
            let options = Int32(
                HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                    | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_NOIMPLIED.rawValue)
            withExtendedLifetime(builder) {
                let document = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    htmlCtxtReadMemory(context, $0, Int32(buffer.count), nil, "UTF-8", options)
                }
                if let document { xmlFreeDoc(document) }  // none: the callbacks build no tree
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
    static let paragraphElements: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dd", "dt", "pre", "blockquote", "br", "span", "font", "strong",
        "b", "a",
    ]

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
            if byte <= 0x20 {
                i += 1
                continue
            }
            if byte == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xA0 {
                i += 2
                continue
            }
            if byte == 0xE3, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 {
                i += 3
                continue
            }
            result.append(byte)
            i += 1
        }
        return result
    }
}
