import CLibXML2

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `HTMLBlockTree`'s builder: libxml2's SAX callbacks, which build the elements and lines as the
/// parser reports them and reproduce the tree libxml2's own tree builder would make.
extension HTMLBlockTree {
    // MARK: - Builder (libxml2's SAX callbacks)

    /// What an open element is to the walk.
    struct Frame {
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
    struct TagInfo {
        var tag: String
        var id: UInt16
        var isBlock: Bool
        var isParagraphElement: Bool
        var skipped: Bool
        var isHead: Bool
        var isTitle: Bool
        var isMeta: Bool
        var isLink: Bool
        var isImage: Bool
        var fixedHint: (Int8, Bool)?
    }

    final class Builder {
        let context: htmlParserCtxtPtr
        var elements: [Element] = []
        /// Per element: the nearest block element among it and its ancestors, -1 if none.
        var blockAncestor: [Int] = []
        var lines: [Line] = []
        var compact: [UInt8] = []
        var titleReferences: [[UInt8]] = []
        var line = Line(owner: -1)
        var hasLine = false
        /// Whether a visible `<img>` came after the last line began (the next line follows an image).
        var imageSinceLine = false

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
            let tag =
                name.map {
                    String(
                        decoding: Self.localName(Array(UnsafeBufferPointer(start: $0, count: strlen($0)))),
                        as: UTF8.self
                    ).lowercased()
                } ?? ""
            let info = TagInfo(
                tag: tag, id: UInt16(truncatingIfNeeded: tags.count),
                isBlock: HTMLBlockTree.blockElements.contains(tag),
                isParagraphElement: HTMLBlockTree.paragraphElements.contains(tag),
                skipped: HTMLBlockTree.skippedElements.contains(tag), isHead: tag == "head", isTitle: tag == "title",
                isMeta: tag == "meta", isLink: tag == "a", isImage: tag == "img", fixedHint: HTMLBlockTree.tagHint(tag))
            tags[key] = info
            return info
        }

        /// The name libxml2's tree builder gives an element (`xmlSplitQName`): what follows the
        /// first colon (`o:p` is `p`, `wb:follow-button` is `follow-button`), unless the name
        /// starts or ends with it.
        static func localName(_ name: [UInt8]) -> [UInt8] {
            guard let first = name.first, first != UInt8(ascii: ":"),
                let colon = name.firstIndex(of: UInt8(ascii: ":")),
                colon + 1 < name.count
            else { return name }
            return Array(name[(colon + 1)...])
        }

        // MARK: Elements

        func startElement(_ name: UnsafePointer<xmlChar>?, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?)
        {
            // libxml2's tree builder refuses a node past 256 open ones and stops the parse.
            if stack.count > 256 {
                xmlStopParser(context)
                return
            }
            var parent = -1
            var depth = 0
            var inLink = false
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
                case .element:
                    parent = enclosing.index
                    depth = enclosing.depth + 1
                    inLink = enclosing.link
                case .head:
                    parent = enclosing.index
                    depth = enclosing.depth + 1
                    inLink = false
                case .skipped, .title:
                    stack.append(
                        Frame(kind: .skipped, index: -1, depth: 0, link: false, isBlock: false, firstInDocument: false))
                    return
                }
            }
            var frame = open(name, attributes, parent: parent, depth: depth, inLink: inLink)
            frame.firstInDocument = firstInDocument
            if firstInDocument { adoptive = frame }
            stack.append(frame)
        }

        private func open(
            _ name: UnsafePointer<xmlChar>?, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
            parent: Int, depth: Int, inLink: Bool
        ) -> Frame {
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
                    case UInt8(ascii: "c"), UInt8(ascii: "i"), UInt8(ascii: "s"), UInt8(ascii: "h"), UInt8(ascii: "p"),
                        UInt8(ascii: "n"):
                        break
                    default:
                        cursor += 2
                        continue
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
                    } else if info.isMeta,
                        strcasecmp(attributeName, "property") == 0 || strcasecmp(attributeName, "name") == 0
                    {
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
            if info.isHead {
                return Frame(
                    kind: .head, index: parent, depth: depth, link: false, isBlock: false, firstInDocument: false)
            }
            if info.skipped || hidden || styleHidden {
                return Frame(
                    kind: .skipped, index: -1, depth: depth, link: false, isBlock: false, firstInDocument: false)
            }

            if info.isBlock { endLine() }
            let index = elements.count
            let (hint, boilerplate) =
                hasClassOrID ? classHint(info, ascii: asciiClassAndID) : (info.fixedHint ?? (0, false))
            let isBlock = info.isBlock && info.tag != "br"
            elements.append(
                Element(
                    tag: info.tag, parent: parent, depth: depth, hint: hint, boilerplate: boilerplate,
                    isBlock: isBlock, isParagraphElement: info.isParagraphElement))
            blockAncestor.append(isBlock ? index : parent >= 0 ? blockAncestor[parent] : -1)
            if info.isLink { elements[index].links = 1 }
            if info.isImage { imageSinceLine = true }
            return Frame(
                kind: .element, index: index, depth: depth, link: inLink || info.isLink, isBlock: info.isBlock,
                firstInDocument: false)
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
                while p.pointee != 0 {
                    titleText.append(p.pointee)
                    p += 1
                }
            }
        }

        /// A DOCTYPE becomes the document's first child: later top-level elements are not adopted.
        func doctype() {
            documentHasChildren = true
            adoptive = nil
            if pendingTopLevelEnd {
                endLine()
                pendingTopLevelEnd = false
            }
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
                while i < length, text[i] != 0 {
                    titleText.append(text[i])
                    i += 1
                }
            case .head, .skipped:
                break
            }
        }

        /// Adds a run of text's characters to the current line (whitespace only separates).
        private func addText(_ text: UnsafePointer<xmlChar>, _ length: Int, owner: Int, inLink: Bool) {
            var i = 0
            var characters = 0
            var punctuation = 0
            let compactCount = compact.count
            var key = hasLine ? line.key : 0xcbf2_9ce4_8422_2325
            @inline(__always) func at(_ k: Int) -> UInt8 { k < length ? text[k] : 0 }
            while i < length {
                let byte = text[i]
                if byte == 0 { break }
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C {
                    i += 1
                    continue
                }
                if byte == 0xC2, at(i + 1) == 0xA0 {
                    i += 2
                    continue
                }  // no-break space
                if byte == 0xE3, at(i + 1) == 0x80, at(i + 2) == 0x80 {
                    i += 3
                    continue
                }  // ideographic space
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
                line.followsImage = imageSinceLine
                imageSinceLine = false
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
}
