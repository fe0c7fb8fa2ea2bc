import EduwhCore

/// The line model's page-level features: where a line sits against its report's body block as
/// the rules found it (before its first body line, inside, after its last, and how far), how
/// many of its neighbours the rules dropped as noise, whether its text is a later copy of a line
/// above it or of the report's title, whether it has the shape of a site's template line
/// (`SiteTemplates.isLearnable`: short furniture, not a sentence or heading), and which rule
/// tables fired anywhere on the page (a document site's captions, a government metadata table,
/// a collection's piece markers: a KIND of page).
///
/// ```swift
/// let page = LineFeatures.Page(lines: lines, labels: labels, groups: groups, comparable: comparable)
/// page.block(of: 0, in: 0..<lines.count)  // 1 ("before-1") for a title just above the body
/// ```
extension LineFeatures {
    /// What the page-level features of one file are computed from, once per file.
    struct Page {
        /// Per line: 0 T, 1 M, 2 B, 3 N (the rules' labels).
        let labels: [Int]
        /// Per line: whether its text stands earlier in the file (a later copy).
        let laterCopy: [Bool]
        /// Per line: whether its text stands more than once in the file.
        let repeated: [Bool]
        /// Per line: the comparable text of short lines ("" for long ones).
        let comparable: [String]
        /// The rule groups (`LineFeatureSpace.groupIndex`) that decided some line of the file.
        let groupsPresent: [Int]

        init(labels: [Int], groups: [Int?], comparable: [String]) {
            self.labels = labels
            self.comparable = comparable
            var seen = Set<String>()
            var counts: [String: Int] = [:]
            for text in comparable where !text.isEmpty { counts[text, default: 0] += 1 }
            laterCopy = comparable.map { !$0.isEmpty && !seen.insert($0).inserted }
            repeated = comparable.map { !$0.isEmpty && counts[$0]! >= 2 }
            groupsPresent = Set(groups.compactMap { $0 }).sorted()
        }

        /// The `blockNames` value of line `i` in `segment`, whose rules' body lines run from
        /// `first` to `last` (nil: none).
        func block(of i: Int, first: Int?, last: Int?) -> Int {
            guard let first, let last else { return 9 }
            if i < first { return 1 + LineFeatureSpace.bucket(first - i, upTo: [1, 2, 5]) }
            if i > last { return 5 + LineFeatureSpace.bucket(i - last, upTo: [1, 2, 5]) }
            return 0
        }

        /// How many of the two lines on either side of `i` (within `segment`) the rules labelled N.
        func noiseNeighbours(of i: Int, in segment: Range<Int>) -> Int {
            var n = 0
            for j in [i - 2, i - 1, i + 1, i + 2] where segment.contains(j) && labels[j] == 3 { n += 1 }
            return n
        }

        /// The `copyNames` value of line `i`, whose report's first title line is `title`.
        func copy(of i: Int, title: Int?) -> Int {
            if let title, title != i, !comparable[i].isEmpty, comparable[i] == comparable[title] { return 3 }
            if laterCopy[i] { return 2 }
            return repeated[i] ? 1 : 0
        }
    }

    /// Appends line `i`'s page-level features.
    func addPage(
        _ f: inout [Int32], _ page: Page, line: ScannedLine, i: Int, segment: Range<Int>, body: (Int?, Int?),
        title: Int?
    ) {
        let label = page.labels[i]
        let block = page.block(of: i, first: body.0, last: body.1)
        f.append(space.index(.block, block))
        f.append(space.index(.labelBlock, label: label, block, width: LineFeatureSpace.blockNames.count))
        let noisy = page.noiseNeighbours(of: i, in: segment)
        f.append(space.index(.noiseNeighbours, noisy))
        f.append(
            space.index(.labelNoiseNeighbours, label: label, noisy, width: LineFeatureSpace.noiseNeighbourNames.count))
        let copy = page.copy(of: i, title: title)
        f.append(space.index(.copy, copy))
        f.append(space.index(.labelCopy, label: label, copy, width: LineFeatureSpace.copyNames.count))
        let template = line.shape.length <= Self.shortLine && SiteTemplates.isLearnable(line: line) ? 1 : 0
        f.append(space.index(.template, template))
        f.append(space.index(.labelTemplate, label: label, template, width: 2))
        let side = block == 0 ? 0 : block <= 4 ? 1 : block <= 8 ? 2 : 3
        for g in page.groupsPresent {
            f.append(space.index(.pageHas, g))
            f.append(space.index(.pageHasBlock, label: g, side, width: LineFeatureSpace.blockSideNames.count))
        }
    }
}
