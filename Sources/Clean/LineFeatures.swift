import EduwhCore

/// Computes the line model's features (`LineFeatureSpace`) for every line of one file from what
/// the rules decided: each line's label and rule, its shape, its zone between the report's first
/// and last paragraph, its neighbours, its repeats in the file and its overlap with the title.
/// One pass per line, O(line length); long lines skip the comparisons that only short ones need.
///
/// ```swift
/// let extractor = LineFeatures(space: space, rules: .standard)
/// let features = extractor.features(lines: lines, labeled: labeled, paragraph: paragraph, segments: segments)
/// features[0].contains(space.index(.zone, 0))  // the first line is in the head
/// ```
struct LineFeatures {
    let space: LineFeatureSpace
    let rules: CleanRules
    /// Whether the page-level features (`LineFeatures+Page`) are computed.
    var pageFeatures = true
    /// Whether the rules' own decision on each line is left out (`LineFeatureSpace.isRulesOwn`):
    /// the model then judges a line by its shape, place and neighbours alone.
    var blind = false
    /// Lines longer than this are prose: no title overlap or repeat is measured for them.
    static let shortLine = 80

    /// Features of each line; `labeled[i]` is the rules' decision for `lines[i]`, `segments`
    /// the glued reports' line ranges.
    func features(lines: [ScannedLine], labeled: [LabeledLine], paragraph: [Bool], segments: [Range<Int>])
        -> [[Int32]]
    {
        let labels = labeled.map { Self.labelIndex($0.label) }
        let groups = labeled.map { LineFeatureSpace.groupIndex[rules.ruleGroup($0.rule)] }
        let comparable = lines.map { $0.shape.length <= Self.shortLine ? $0.comparable : "" }
        var counts: [String: Int] = [:]
        for text in comparable where !text.isEmpty { counts[text, default: 0] += 1 }
        var result: [[Int32]] = []
        result.reserveCapacity(lines.count)
        let page = pageFeatures ? Page(labels: labels, groups: groups, comparable: comparable) : nil
        for segment in segments {
            let first = segment.first { paragraph[$0] }
            let last = segment.last { paragraph[$0] }
            let titleLine = segment.first { labeled[$0].label == .title }
            let title = titleLine.map { Self.bigrams(comparable[$0]) }
            let body = (segment.first { labels[$0] == 2 }, segment.last { labels[$0] == 2 })
            for i in segment {
                var f: [Int32] = []
                f.reserveCapacity(48)
                let zone = first.map { i < $0 ? 0 : (i > last! ? 2 : 1) } ?? 0
                let context = Context(
                    label: labels[i], group: groups[i], zone: zone,
                    prev: i > segment.lowerBound ? labels[i - 1] : 4,
                    next: i + 1 < segment.upperBound ? labels[i + 1] : 4,
                    prevGroup: i > segment.lowerBound ? groups[i - 1] : nil,
                    nextGroup: i + 1 < segment.upperBound ? groups[i + 1] : nil,
                    repeated: !comparable[i].isEmpty && counts[comparable[i]]! >= 2,
                    title: titleOverlap(comparable[i], title: title),
                    distance: paragraphDistance(i, paragraph: paragraph, segment: segment, first: first))
                addStructure(&f, context, i: i, segment: segment, glued: segments.count > 1, paragraph: paragraph[i])
                addShape(&f, lines[i], label: context.label)
                if let page { addPage(&f, page, line: lines[i], i: i, segment: segment, body: body, title: titleLine) }
                if let rule = space.ruleFeature[labeled[i].rule] { f.append(rule) }
                if !space.textFeature.isEmpty, lines[i].shape.length <= Self.shortLine {
                    for key in LineFeatureSpace.ideographPairs(lines[i].matchText) {
                        if let word = space.textFeature[key] { f.append(word) }
                    }
                }
                if blind { f.removeAll { space.isRulesOwn($0) } }
                result.append(f)
            }
        }
        return result
    }

    /// What a line's features are built from beside its own shape.
    struct Context {
        var label: Int
        var group: Int?
        var zone: Int
        var prev: Int
        var next: Int
        var prevGroup: Int?
        var nextGroup: Int?
        var repeated: Bool
        var title: Int
        var distance: Int
    }

    private func addStructure(
        _ f: inout [Int32], _ c: Context, i: Int, segment: Range<Int>, glued: Bool, paragraph: Bool
    ) {
        f.append(space.index(.bias, 0))
        f.append(space.index(.label, c.label))
        if let g = c.group { f.append(space.index(.group, g)) }
        f.append(space.index(.zone, c.zone))
        f.append(space.index(.labelZone, label: c.label, c.zone, width: 3))
        f.append(space.index(.paragraph, paragraph ? 1 : 0))
        let fromStart = LineFeatureSpace.bucket(i - segment.lowerBound, upTo: [0, 1, 2, 5])
        let fromEnd = LineFeatureSpace.bucket(segment.upperBound - 1 - i, upTo: [0, 1, 2, 5])
        f.append(space.index(.fromStart, fromStart))
        f.append(space.index(.fromEnd, fromEnd))
        let relative = segment.count <= 1 ? 0 : min(4, (i - segment.lowerBound) * 5 / segment.count)
        f.append(space.index(.relative, relative))
        f.append(space.index(.prevLabel, c.prev))
        f.append(space.index(.nextLabel, c.next))
        f.append(space.index(.labelPrev, label: c.label, c.prev, width: 5))
        f.append(space.index(.labelNext, label: c.label, c.next, width: 5))
        if let g = c.prevGroup { f.append(space.index(.prevGroup, g)) }
        if let g = c.nextGroup { f.append(space.index(.nextGroup, g)) }
        f.append(space.index(.repeated, c.repeated ? 1 : 0))
        f.append(space.index(.labelRepeated, label: c.label, c.repeated ? 1 : 0, width: 2))
        f.append(space.index(.title, c.title))
        f.append(space.index(.labelTitle, label: c.label, c.title, width: LineFeatureSpace.titleNames.count))
        f.append(space.index(.paragraphDistance, c.distance))
        f.append(space.index(.segmentSize, LineFeatureSpace.bucket(segment.count, upTo: [5, 15, 40])))
        f.append(space.index(.glued, glued ? 1 : 0))
    }

    private func addShape(_ f: inout [Int32], _ line: ScannedLine, label: Int) {
        let shape = line.shape
        let length = LineFeatureSpace.bucket(shape.length, upTo: [4, 9, 19, 39, 79, 159])
        f.append(space.index(.length, length))
        f.append(space.index(.labelLength, label: label, length, width: LineFeatureSpace.lengthNames.count))
        f.append(space.index(.punct, LineFeatureSpace.bucket(shape.punctuation, upTo: [0, 1, 3])))
        f.append(space.index(.endsSentence, shape.endsSentence ? 1 : 0))
        f.append(space.index(.labelEnds, label: label, shape.endsSentence ? 1 : 0, width: 2))
        f.append(space.index(.digits, LineFeatureSpace.shareBucket(shape.digits, of: shape.length)))
        f.append(space.index(.latin, LineFeatureSpace.shareBucket(shape.latin, of: shape.length)))
        f.append(space.index(.cjk, LineFeatureSpace.shareBucket(shape.cjk, of: shape.length)))
        let width = LineFeatureSpace.flagNames.count
        for flag in flags(of: line) {
            f.append(space.index(.flag, flag.rawValue))
            f.append(space.index(.labelFlag, label: label, flag.rawValue, width: width))
        }
    }

    /// The yes/no shapes that hold for `line`.
    func flags(of line: ScannedLine) -> [LineFeatureSpace.ShapeFlag] {
        var out: [LineFeatureSpace.ShapeFlag] = []
        let shape = line.shape
        let text = line.matchText
        if text.includes("http") || text.includes("www.") || text.includes(".com") || text.includes(".cn") {
            out.append(.url)
        }
        if text.includes("@") || text.includes("＠") { out.append(.atSign) }
        if shape.digits >= 7, Self.longestDigitRun(text) >= 7 { out.append(.longDigits) }
        if text.includes("©") || text.includes("版权") { out.append(.copyright) }
        if shape.pipes > 0 { out.append(.pipes) }
        if shape.repeats > 0 { out.append(.keywordRepeats) }
        if line.indented { out.append(.indented) }
        if line.startsWithDash { out.append(.dash) }
        if line.startsWithBullet { out.append(.bullet) }
        if line.isBracketed { out.append(.bracketed) }
        if let last = text.unicodeScalars.last, last == ":" || last == "：" { out.append(.colonEnd) }
        guard shape.length <= Self.shortLine else { return out }
        if line.isDateOnly { out.append(.dateOnly) }
        if line.isListHeading { out.append(.listHeading) }
        if line.isPersonName(surnames: rules.words("surname")) { out.append(.personName) }
        if line.isOrganisation(suffixes: rules.words("org-suffix")) { out.append(.organisation) }
        if line.isFieldAndValue { out.append(.fieldValue) }
        if line.isTableRow { out.append(.tableRow) }
        if text.unicodeScalars.last == "号", line.isDocumentNumber { out.append(.documentNumber) }
        if line.isBlankedFigure { out.append(.blankedFigure) }
        if text.includes("篇"), line.endsWithPieceMarker { out.append(.pieceMarker) }
        return out
    }

    /// How much of the report's first title a short line holds: no title in the report, none of
    /// its character pairs, some (<half), most, the whole title, or a long line (not measured).
    private func titleOverlap(_ text: String, title: Set<UInt64>?) -> Int {
        guard let title else { return 0 }
        guard !text.isEmpty else { return 5 }
        let own = Self.bigrams(text)
        guard !own.isEmpty, !title.isEmpty else { return 1 }
        let shared = own.intersection(title).count
        if shared == 0 { return 1 }
        if shared >= title.count { return 4 }
        return shared * 2 < own.count ? 2 : 3
    }

    /// Lines between `i` and the nearest body paragraph of its report (bucketed).
    private func paragraphDistance(_ i: Int, paragraph: [Bool], segment: Range<Int>, first: Int?) -> Int {
        guard first != nil else { return 5 }
        var d = 0
        while d <= 5 {
            if (i - d >= segment.lowerBound && paragraph[i - d]) || (i + d < segment.upperBound && paragraph[i + d]) {
                return LineFeatureSpace.bucket(d, upTo: [0, 1, 2, 5])
            }
            d += 1
        }
        return 4
    }

    /// Adjacent scalar pairs of a comparable text.
    static func bigrams(_ text: String) -> Set<UInt64> {
        var out = Set<UInt64>()
        var previous: UInt32?
        for scalar in text.unicodeScalars {
            if let p = previous { out.insert(UInt64(p) << 32 | UInt64(scalar.value)) }
            previous = scalar.value
        }
        return out
    }

    /// The longest run of ASCII or full-width digits.
    static func longestDigitRun(_ text: String) -> Int {
        var best = 0
        var run = 0
        for scalar in text.unicodeScalars {
            if ("0"..."9").contains(scalar) || ("０"..."９").contains(scalar) {
                run += 1
                best = max(best, run)
            } else {
                run = 0
            }
        }
        return best
    }

    /// 0 T, 1 M, 2 B, 3 N (the weight order).
    static func labelIndex(_ label: LineLabel) -> Int {
        switch label {
        case .title: 0
        case .metadata: 1
        case .body: 2
        case .noise: 3
        }
    }
}
