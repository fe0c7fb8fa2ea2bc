import EduwhCore

// MARK: - A news page's headline, right above its dateline

extension SegmentLabeler {
    /// The head line right above the page's dateline, when it reads as the report's headline: a
    /// news or notice page prints its headline, then the line stamping it (2021-07-13 来源:闽南日报,
    /// 作者:… 时间:…), then the article. The line must be title-shaped (half again as long as a
    /// head title may be, as a mirror's pinyin glosses lengthen it; no sentence end, no
    /// `label: value`, no list item, counter or date) and share two or more words (pairs of
    /// adjacent ideographs) with the opening's first three paragraphs, so that a button above a
    /// forum post's stamp (跳转到指定楼层) is none. A breadcrumb or a government record's fields
    /// (索引号 …) stamp no headline: the line above them is the site's.
    ///
    /// Above that headline, the head lines no rule claims and the head's structure took for text
    /// (a site's welcome, a Flash notice, a share prompt, a menu of its channels) are the page's
    /// furniture: `above-headline`.
    func headlineAboveDateline(headEnd: Int, firstParagraph: Int?, zoneOf zone: (Int) -> LineZone) -> Int? {
        guard let first = firstParagraph, first > segment.lowerBound + 1 else { return nil }
        var openingPairs: [UInt64] = []
        for j in (first..<segment.upperBound).filter({ paragraph[$0] }).prefix(3) {
            openingPairs += Self.wordPairs(lines[j].matchText)
        }
        let opening = Self.distinct(openingPairs)
        for stamp in (segment.lowerBound + 1)..<headEnd {
            guard let rule = evaluator.firstRule(at: stamp, zone: .head, within: segment, zoneOf: zone),
                rule.label == .metadata, !Self.stampsNoHeadline(rule.id)
            else { continue }
            let h = stamp - 1
            let line = lines[h]
            guard evaluator.firstRule(at: h, zone: .head, within: segment, zoneOf: zone) == nil,
                evaluator.cue(.marker, at: h) == nil, evaluator.cue(.salutation, at: h) == nil,
                line.shape.length >= 6, line.shape.length <= cleaner.settings.maxTitleLength * 3 / 2,
                !line.shape.endsSentence, !line.isDateOnly, !line.isFieldAndValue, !line.isWebListItem,
                !line.isCounter, !line.isListHeading, !line.startsWithDash
            else { continue }
            let words = Self.distinct(Self.wordPairs(line.matchText))
            if Self.sharedCount(words, opening) >= 2 { return h }
        }
        return nil
    }

    /// Metadata rules whose line does not stamp the headline above it: breadcrumbs and a
    /// government page's record fields sit above the title or beside other fields.
    static func stampsNoHeadline(_ id: String) -> Bool {
        id.hasPrefix("breadcrumb") || id.hasPrefix("record") || id == "site-crumb-spaced"
    }

    /// Head decisions that take a line for the report's text by its place alone, which a line
    /// above the headline cannot be.
    static let placeOnlyHeadRules: Set<String> = ["head-body", "speaker-name", "section-heading"]
}
