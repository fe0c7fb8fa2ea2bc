import EduwhCore

/// Labels the lines of one report (one segment of a file) once its paragraphs and split cues
/// are known. Beside line rule ids, a line's rule is a split cue's id (`piece-marker`,
/// `salutation-line`, `closing-thanks` … from `split-cues.tsv`) or one of these structural ids:
///
/// | id | label | line |
/// |---|---|---|
/// | a `marker` cue's id | T | 篇1：…述职报告 (a piece marker heads a report) |
/// | `contents-heading`, `contents-entry` | B | a bare 目录 line and the list headings under it, a spaced 目 录 alone, or head headings holding two parts 第一部分… (the document's own contents) |
/// | `addressee-line` | B | a `label：` line naming an office under the title right above a paragraph (县政府：, 区教育工作督导评估领导组办公室:) |
/// | `toc-entry` | N | 第二篇：… listed in the head before the report's own marker, or the headings under a 目录 line, or head headings the body repeats (a table of contents) and the line naming them |
/// | `collection-caption` | N | a head line naming a collection whose piece follows (年终工作总结 above 年终工作总结1) |
/// | `unrelated-headline` | N | a title-shaped head line sharing no words with the opening, above the title (another story) |
/// | `repeated-opening` | N | a first paragraph that a paragraph just below repeats from its start (a teaser) |
/// | `summary-teaser` | N | a paragraph led by 摘要/导读 whose words a paragraph just below repeats (the site's summary) |
/// | `printed-twice` | N | a later copy of a block the page prints twice (its paragraphs word for word, with the lines around them) |
/// | `title-heading`, `title-subtitle` | T | the report's title lines in its head (——副标题) |
/// | `enclosed-title` | T | a body line naming the document a notice sends out (现将《X》印发给你们 … X) |
/// | `title-repeat` | N | a copy of a title the report already has |
/// | a `salutation` cue's id | B | 尊敬的各位领导： |
/// | `speaker-name`, `speaker-office`, `speaker-date` | B | 刘建华 / ××县人民政府 / (2009年5月13日) under the title |
/// | `page-date` | M | 2024年03月01日 alone in the head, not bracketed: the page's time stamp |
/// | `section-heading`, `head-body` | B | other head lines once the titles are over |
/// | `body-paragraph`, `body-line` | B | lines between the first and last paragraph |
/// | a `closing` cue's id, `signature` | B | 谢谢大家！ / 述职人：张华 / 二〇一二年一月 after the body |
/// | `tail-sentence` | B | a short sentence after the last paragraph |
/// | `table-cell` | B | a line of a table flattened one cell per line (经费性质 | / 全额拨款 | / 16 |) |
/// | `table-separator` | N | a bare `|` line between the cells of such a table |
/// | `table-head` | B | the unit line above such a table (计量单位：所) |
/// | `table-bar-row` | B | a row of a table flattened to `|`-separated cells (学校占地面积 (亩) | 校舍建筑 面积 (M2)) |
/// | `table-space-row` | B | a row or header line of a table flattened to space-aligned rows (2.普通中学 54 20102) |
/// | `table-row` | B | a flattened table row after the last paragraph (在校学生（人） 48210 50136) |
/// | `tail-heading` | B | a numbered heading the page was cut after (二、建设目标) |
/// | `breadcrumb-nav` | N | a breadcrumb from a bare home link, naming no site (首页 > 新闻) |
/// | `metadata-repeat` | N | a metadata line whose words an earlier one of the report holds (a record's copy) |
/// | `head-field` | M | a short label: value line above the title (发布部门: 贵港市政府), or one with a date (发表于: 2013/06/04) |
/// | `collection-intro` | N | a paragraph above the first piece of a collection page (…报告 篇1): the site's blurb |
/// | `banner-paragraph` | N | a lone paragraph above a page's chrome, before the report's own paragraphs |
/// | `category-crumb` | N | a shorter line under the title ending in its kind of document (部门工作总结) |
/// | `headline-above-dateline` | T | a news page's headline right above its stamp (…竣工投用 / 作者:… 时间:2013-10-09) |
/// | `above-headline` | N | a head line above that headline the head took for text (您好!欢迎来到我们的网站!) |
/// | `doc-number`, `addressee` | B | 瓯教〔2013〕16 号 / 各县、市、区人民政府: in the head |
/// | `head-slogan` | N | a short exclamation above every title (轻松学习从此开始!) |
/// | `head-list-item` | N | a web list's item in the head, led by • or `- ` (• 相关推荐, - 目录) |
/// | `head-counter` | N | a page's counter in the head (查看: 2228｜回复: 0, 投票人数:10人) |
/// | `collection-title-only` | T | a collection's title (…(精选11篇)) with no piece of it below: the page's only title |
/// | `title-outscored` | N | a head title line the title chooser scores far below the report's title (会议报道) |
/// | `page-caption-title` | T | a document site's page caption on the report's first line (某某总结.doc_第1页) |
/// | `title-outscored-date` | M | such a line that states a full date: the page's date (2015年2月6日星期五) |
/// | `head-chrome` | N | a title-shaped head line with no title word above the real title (VIP专免) |
/// | `cut-end` | B | the file's last line under the report's kept text, cut off mid-sentence (推进高校) |
/// | `body-credit` | M | a page record or credit line among the body's lines (编辑：赵建, 新闻来源：华视新闻) |
/// | `foreign-abstract` | N | a Chinese report's one Latin-script paragraph (a translated abstract) |
/// | `numbered-item` | B | an item of a list numbered in step (1、… 2、…) that a list rule took for links |
/// | `list-caption` | B | a short caption ending in a colon above such a list's first item (中学：) |
/// | `sentence-piece` | B | a figure or a list's piece of a sentence broken over lines (15600 / ㎡,生均面积) |
/// | `broken-piece` | B | on a page broken at every figure, a short piece under a line stopped mid-sentence (督委字〔 / 2022) |
/// | `tail-figure` | B | a short line with a counted figure after the last paragraph (- 招生350.7万人) |
/// | `tail-residue` | N | an unpunctuated leftover after the last paragraph |
/// | `after-end-marker` | N | anything after a paywall or related-articles heading |
/// | `site-masthead` | N | an organisation's name atop the page right above the site's navigation (嵊州市人民政府) |
/// | `tail-list-item` | N | a cut headline among a list of other stories after the text (刚刚,全国第七个扶贫日…暨第) |
/// | `notice-list-item` | N | a numbered item going on in step from a notice a rule took for noise (2. 2、如文档侵犯…) |
struct SegmentLabeler {
    let cleaner: Cleaner
    let evaluator: LineEvaluator
    let lines: [ScannedLine]
    let segment: Range<Int>
    let paragraph: [Bool]
    let fileTitles: [String]
    /// Comparable forms of the titles given so far in this report.
    private(set) var titles: [String] = []

    init(cleaner: Cleaner, evaluator: LineEvaluator, segment: Range<Int>, paragraph: [Bool], fileTitles: [String]) {
        self.cleaner = cleaner
        self.evaluator = evaluator
        self.lines = evaluator.lines
        self.segment = segment
        self.paragraph = paragraph
        self.fileTitles = fileTitles
    }

    private var settings: CleanSettings { cleaner.settings }
    private var rules: CleanRules { cleaner.rules }

    /// What the labeller knows while it walks a report's lines in order.
    private struct WalkState {
        var cut = false
        var headBodyBegun = false
        var titleCount = 0
        var signatureAnchor: Int
        /// Closing words or a signature line came after the last paragraph.
        var signedBelowBody = false
        /// The lines since a 目录 line have all been entries of a table of contents.
        var inContents = false
    }

    mutating func label(document: Int) -> [LabeledLine] {
        let banner = bannerParagraph()
        let intro = collectionIntro()
        let firstParagraph = segment.first { paragraph[$0] && $0 != banner && !intro.contains($0) }
        let lastParagraph = segment.last { paragraph[$0] }
        let zone = { (i: Int) -> LineZone in
            guard let first = firstParagraph, let last = lastParagraph else { return .head }
            return i < first ? .head : (i > last ? .tail : .body)
        }
        // Piece markers in the head before the last one are a table of contents.
        let headEnd = firstParagraph ?? segment.upperBound
        let lastHeadMarker = (segment.lowerBound..<headEnd).last { evaluator.cue(.marker, at: $0) != nil }

        let sidebarItems = sidebarListItems(headEnd: headEnd, zoneOf: zone)
        let chrome = headChrome(headEnd: headEnd, zoneOf: zone)
        let contents = contentsEntries(headEnd: headEnd)
        let ownContents = ownContents(headEnd: headEnd)
        let captions = collectionCaptions(headEnd: headEnd)
        let teaser = repeatedOpening(firstParagraph: firstParagraph)
        let summaries = summaryTeasers()
        let tableCells = flattenedTableCells()
        let barRows = barTableRows()
        let spaceRows = spaceTableRows()
        let headlines = unrelatedHeadlines(headEnd: headEnd, firstParagraph: firstParagraph, zoneOf: zone)
        let enclosed = enclosedTitleLines()
        let copies = laterCopies()
        let headline = headlineAboveDateline(headEnd: headEnd, firstParagraph: firstParagraph, zoneOf: zone)
        let layout = layoutDecisions(zoneOf: zone)

        var state = WalkState(signatureAnchor: lastParagraph ?? Int.min)
        var recordSeen: [String] = []
        var result: [LabeledLine] = []
        for i in segment {
            let z = zone(i)
            // 1. A later copy of a block the page prints twice is noise, whatever it holds; greetings, closing
            // words and signatures come before the line rules; a table one cell a line is the report's.
            var decision: (LineLabel, String)? =
                copies.contains(i) ? (.noise, "printed-twice") : tableLayout(i, tableCells, barRows, spaceRows)
            if decision == nil {
                decision = z == .tail ? tailProtection(i, &state) : (z == .head ? headProtection(i, &state) : nil)
            }
            // 2. Line rules; after a `rest` rule, everything is noise. The document's own 目录 and
            // its entries are its text.
            if decision == nil { decision = ownContentsDecision(i, ownContents) }
            if decision == nil, state.inContents, z == .head, lines[i].isListHeading {
                // The headings listed under a 目录 line in the head are its table of contents.
                decision = (.noise, "toc-entry")
            } else if decision == nil, let rule = evaluator.firstRule(at: i, zone: z, within: segment, zoneOf: zone) {
                decision = ruleDecision(
                    rule, at: i, zone: z, &state, headEnd: headEnd, sidebarEmpty: sidebarItems.isEmpty,
                    firstParagraph: firstParagraph)
            } else if decision == nil, state.cut {
                decision = (.noise, "after-end-marker")
            } else if decision == nil, sidebarItems.contains(i) {
                decision = (.noise, "related-list")
            } else if decision == nil, chrome.contains(i) {
                decision = (.noise, "head-chrome")
            } else if decision == nil, contents.contains(i) {
                decision = (.noise, "toc-entry")
            } else if decision == nil, captions.contains(i) {
                decision = (.noise, "collection-caption")
            } else if decision == nil, z == .body, enclosed.contains(i) {
                decision = (.title, "enclosed-title")
            } else if decision == nil, headlines.contains(i) {
                decision = (.noise, "unrelated-headline")
            } else if decision == nil, intro.contains(i) {
                decision = (.noise, "collection-intro")
            } else if decision == nil, i == banner {
                decision = (.noise, "banner-paragraph")
            } else if decision == nil, i == teaser {
                decision = (.noise, "repeated-opening")
            } else if decision == nil, summaries.contains(i) {
                decision = (.noise, "summary-teaser")
            } else if decision == nil, let placed = layout[i] {
                decision = placed
            }
            // 3. Structure, by zone.
            if decision == nil {
                switch z {
                case .head:
                    decision = underHeadline(
                        i, headDecision(i, &state, lastHeadMarker: lastHeadMarker), &state, headline)
                case .body: decision = bodyDecision(i)
                case .tail: decision = tailDecision(i)
                }
            }
            let (label, rule) = revised(decision!, at: i, after: result.last, recordSeen: &recordSeen)
            state.inContents = rule == "toc-heading" || (state.inContents && rule == "toc-entry")
            if z == .tail, rule == "tail-sentence", endsSentence(lines[i].text) { state.signatureAnchor = i }
            result.append(
                LabeledLine(number: lines[i].number, text: lines[i].text, label: label, rule: rule, document: document))
        }
        keepBrokenPieces(&result)
        extendNoticeLists(&result)
        extendTailLists(&result, lastParagraph: lastParagraph)
        demoteMasthead(&result)
        demoteOutscoredTitles(&result, firstParagraph: firstParagraph)
        demoteMasthead(&result)
        return result
    }

    /// A line rule's decision. After a related-articles heading or a paywall, a dated line is another story's
    /// stamp (- 某某新闻2026-02-11), not this page's metadata. In the head, a collection's title with no piece of
    /// it below is the only title the page has (not in a sidebar's list of other reports), and under the title an
    /// office or a role with a colon right above the first paragraph, or above a lead-in (…现答复如下:), is whom the
    /// report addresses (县政府：, 王某代表：), not a form's field. A page caption on the report's first line is its title (`page-caption-title`).
    /// A `rest` rule after the first paragraph cuts the page.
    private mutating func ruleDecision(
        _ rule: LineRule, at i: Int, zone z: LineZone, _ state: inout WalkState, headEnd: Int, sidebarEmpty: Bool,
        firstParagraph: Int?
    ) -> (LineLabel, String) {
        var decision = (rule.label, rule.id)
        if state.cut && rule.label == .metadata { decision = (.noise, "after-end-marker") }
        // A piece's own marked title (篇一：…范文, 第1篇 …范文) is that piece's title, unless a later marker
        // in the head makes it an entry of the page's contents.
        if rule.id == "collection-title", z == .head, let id = evaluator.cue(.marker, at: i)?.id,
            Cleaner.titleText(lines[i].text) != nil,
            !((i + 1)..<headEnd).contains(where: { evaluator.cue(.marker, at: $0) != nil })
        {
            titles.append(ScannedLine.comparable(Cleaner.titleText(lines[i].text) ?? lines[i].text))
            state.titleCount += 1
            return (.title, id)
        }
        // A web list's item (• …范文) is the site's list of other pages, not the page's only title.
        if rule.id == "collection-title", z == .head, state.titleCount == 0, sidebarEmpty,
            !lines[i].opensWithWebBullet, !collectionHasPiece(i, headEnd: headEnd)
        {
            titles.append(lines[i].comparable)
            state.titleCount += 1
            decision = (.title, "collection-title-only")
        }
        // A document site's page caption (某某工作总结.doc_第1页) on the report's first line, with no title
        // above it, is the only place the page names the report: its title. Later captions stay noise.
        if rule.id == "page-caption", z == .head, state.titleCount == 0, i == segment.lowerBound {
            titles.append(lines[i].comparable)
            state.titleCount += 1
            decision = (.title, "page-caption-title")
        }
        if rule.id == "form-label", z == .head, state.titleCount > 0, i + 1 < segment.upperBound,
            paragraph[i + 1] || lines[i + 1].isLeadIn, namesAddressee(lines[i])
        {
            decision = (.body, "addressee-line")
        }
        if rule.scope == .rest, let first = firstParagraph, i > first { state.cut = true }
        return decision
    }

    /// A sentence after the last paragraph goes on with the text: a date or signature under it signs it.
    private func endsSentence(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.last else { return false }
        return "。！？；!?;".unicodeScalars.contains(last)
    }

    /// A line of a table the page lays out one cell a line, as `|` rows or as space-aligned rows is the report's.
    private func tableLayout(_ i: Int, _ cells: Set<Int>, _ barRows: Set<Int>, _ spaceRows: Set<Int>) -> (
        LineLabel, String
    )? {
        if cells.contains(i) { return tableDecision(i) }
        if barRows.contains(i) { return (.body, "table-bar-row") }
        return spaceRows.contains(i) ? (.body, "table-space-row") : nil
    }

    /// A related-articles or sidebar heading in the head (热门文章, 最新更新: flattened HTML often
    /// puts the sidebar before the report) heads a list of other reports' titles, which look just
    /// like this report's title. Of the title-shaped lines after the first such heading, only the
    /// last one (with the line before it when the last is a ——subtitle) is this report's title,
    /// the one right above its body; the others are the list.
    private func sidebarListItems(headEnd: Int, zoneOf zone: (Int) -> LineZone) -> Set<Int> {
        let head = segment.lowerBound..<headEnd
        let isRelatedHeading = { (i: Int) -> Bool in
            guard let id = evaluator.firstRule(at: i, zone: .head, within: segment, zoneOf: zone)?.id else {
                return false
            }
            return id == "related-heading" || id == "related-inline"
        }
        guard let heading = head.first(where: isRelatedHeading) else { return [] }
        var candidates: [Int] = []
        for i in (heading + 1)..<headEnd {
            let line = lines[i]
            if evaluator.firstRule(at: i, zone: .head, within: segment, zoneOf: zone) != nil { continue }
            if evaluator.cue(.marker, at: i) != nil || evaluator.cue(.salutation, at: i) != nil { break }
            guard line.shape.length <= settings.maxTitleLength, !line.shape.endsSentence, !line.isDateOnly,
                !line.isPersonName(surnames: rules.words("surname")), !line.isListHeading
            else { continue }
            candidates.append(i)
        }
        guard candidates.count >= 2 else { return [] }
        let keep = lines[candidates[candidates.count - 1]].startsWithDash && candidates.count >= 3 ? 2 : 1
        return Set(candidates.dropLast(keep))
    }

    /// Title-shaped head lines that name no report: a site's name, slogan or button (忒有料,
    /// VIP专免, 侵权投诉) above the report's own title. A line counts as such when it holds no
    /// `title-word` (总结, 讲话, 教育, 局 …) and no digit, and stands above the first title-shaped
    /// head line that has one.
    private func headChrome(headEnd: Int, zoneOf zone: (Int) -> LineZone) -> Set<Int> {
        let words = rules.words("title-word")
        guard !words.isEmpty else { return [] }
        var shaped: [(index: Int, titled: Bool)] = []
        for i in segment.lowerBound..<headEnd {
            let line = lines[i]
            if evaluator.firstRule(at: i, zone: .head, within: segment, zoneOf: zone) != nil { continue }
            if evaluator.cue(.marker, at: i) != nil || evaluator.cue(.salutation, at: i) != nil { break }
            guard line.shape.length <= settings.maxTitleLength, !line.shape.endsSentence, !line.isDateOnly,
                !line.isListHeading, !line.isPersonName(surnames: rules.words("surname"))
            else { continue }
            shaped.append((i, words.contains { line.matchText.includes($0) }))
        }
        // Only the lines above the first titled one: a site's furniture tops the page. A line
        // with a figure (2021年以来, 投入2.78亿元) is text, and a slogan over a ——subtitle
        // (乘势而上 奋力崛起 / ——在…会议上的讲话) is the title itself.
        guard let firstTitled = shaped.firstIndex(where: \.titled) else { return [] }
        return Set(
            shaped[..<firstTitled].filter { candidate in
                let line = lines[candidate.index]
                let next = candidate.index + 1 < lines.count ? lines[candidate.index + 1] : nil
                return line.shape.digits == 0 && next?.startsWithDash != true
            }.map(\.index))
    }

    // MARK: - Decisions

    /// A greeting in the head opens the speech whatever else it looks like.
    private func headProtection(_ i: Int, _ state: inout WalkState) -> (LineLabel, String)? {
        guard !state.cut, let id = evaluator.cue(.salutation, at: i)?.id else { return nil }
        state.headBodyBegun = true
        return (.body, id)
    }

    /// Closing words, and the signature under the last paragraph or the closing words, stay
    /// with the report.
    private func tailProtection(_ i: Int, _ state: inout WalkState) -> (LineLabel, String)? {
        guard !state.cut else { return nil }
        let line = lines[i]
        // A table closing the report (its figures) is not a list of links, however short its rows.
        if line.isTableRow { return (.body, "table-row") }
        if let id = evaluator.cue(.closing, at: i)?.id {
            state.signatureAnchor = i
            state.signedBelowBody = true
            return (.body, id)
        }
        guard i - state.signatureAnchor <= settings.signatureWindow else { return nil }
        // A digits-only date (2012.3.5) signs only under closing words or a name; right after
        // the last paragraph it is more often the site's time stamp.
        let date = line.dateOnlyForm
        let signs =
            date == .chinese || (date == .numeric && state.signedBelowBody)
            || line.isPersonName(surnames: rules.words("surname"))
            || line.isOrganisation(suffixes: rules.words("org-suffix"))
            || (line.shape.length <= 30 && rules.words("signature-lead").contains { line.matchText.hasPrefix($0) })
        guard signs else { return nil }
        state.signatureAnchor = i
        state.signedBelowBody = true
        return (.body, "signature")
    }

    /// Head lines: piece markers, title copies, the speaker's name, office and date, section
    /// headings, then up to `maxTitleLines` titles until the first body line.
    private mutating func headDecision(_ i: Int, _ state: inout WalkState, lastHeadMarker: Int?) -> (LineLabel, String)
    {
        let line = lines[i]
        if let id = evaluator.cue(.marker, at: i)?.id {
            if let last = lastHeadMarker, i < last { return (.noise, "toc-entry") }
            // A bare marker (篇1) names nothing: the report's title is the line above or below.
            if Cleaner.titleText(line.text) == nil { return (.noise, id) }
            titles.append(ScannedLine.comparable(Cleaner.titleText(line.text) ?? line.text))
            state.titleCount += 1
            return (.title, id)
        }
        // A ——subtitle restating a title above (——在…会议上的讲话 under 在…会议上的讲话) is the
        // speech's own subtitle, not a copy.
        if !line.startsWithDash, isTitleCopy(line, loose: false) { return (.noise, "title-repeat") }
        // Above the title, a short `label: value` line is the page's record of the document
        // (发布部门: 贵港市政府, 文号：…), not its title.
        if line.isFieldAndValue, state.titleCount == 0 || line.shape.digits >= 6 { return (.metadata, "head-field") }
        // A web page's list item or counter in the head is its furniture, not the report's title
        // or text (• 相关推荐, - 目录, 查看: 2228|回复: 0); a long item too, beside another item.
        if line.isWebListItem || (line.opensWithWebBullet && bulletNeighbour(i)) { return (.noise, "head-list-item") }
        if line.isCounter { return (.noise, "head-counter") }
        let bodyRule: String?
        if line.isBareCalendarDate {
            // Under a headline the time stamp ends the titles; above every title, one may follow.
            if state.titleCount > 0 { state.headBodyBegun = true }
            return (.metadata, "page-date")
        } else if line.isDateOnly {
            bodyRule = "speaker-date"
        } else if line.isPersonName(surnames: rules.words("surname"))
            || line.isOfficeAndName(surnames: rules.words("surname"), titles: rules.words("role-title"))
        {
            bodyRule = "speaker-name"
        } else if state.titleCount > 0, line.isOrganisation(suffixes: rules.words("org-suffix")) {
            bodyRule = "speaker-office"
        } else if line.isListHeading {
            bodyRule = "section-heading"
        } else if line.isDocumentNumber {
            // 瓯教〔2013〕16 号 belongs to the notice, above or below its title.
            return (.body, "doc-number")
        } else if line.isAddressee {
            bodyRule = "addressee"
        } else if state.titleCount > 0, isNamedAddressee(i) {
            // Under the title, one office closed by a colon right above the first paragraph is whom
            // the report is sent to (区教育工作督导评估领导组办公室:, 庐江县教育局:), not a second title.
            bodyRule = "addressee-line"
        } else if !state.headBodyBegun, state.titleCount < settings.maxTitleLines,
            line.shape.length <= settings.maxTitleLength, !line.shape.endsSentence, !line.isLeadIn,
            !line.startsWithBullet,
            !isWrappedProse(i)
        {
            if isCategoryCrumb(line) { return (.noise, "category-crumb") }
            titles.append(line.comparable)
            state.titleCount += 1
            return (.title, line.startsWithDash ? "title-subtitle" : "title-heading")
        } else if state.titleCount == 0, line.shape.length < settings.paragraphMinLength, line.shape.punctuation <= 1,
            line.text.unicodeScalars.contains(where: { $0 == "!" || $0 == "！" }), !line.isGreeting
        {
            // Above every title, a short exclamation (轻松学习从此开始!) is a site's slogan, and the
            // report's title may still follow. A greeting (大家好！) opens a speech.
            return (.noise, "head-slogan")
        } else {
            bodyRule = "head-body"
        }
        state.headBodyBegun = true
        return (.body, bodyRule!)
    }

    /// A news page's headline sits right above its dateline (`headlineAboveDateline`); what the
    /// head took for text above it by place alone is the page's furniture.
    private mutating func underHeadline(
        _ i: Int, _ decision: (LineLabel, String), _ state: inout WalkState, _ headline: Int?
    ) -> (LineLabel, String) {
        guard let h = headline, i <= h, decision.0 == .body, Self.placeOnlyHeadRules.contains(decision.1) else {
            return decision
        }
        guard i == h else { return (.noise, "above-headline") }
        titles.append(lines[i].comparable)
        state.titleCount += 1
        return (.title, "headline-above-dateline")
    }

    /// Body lines are body, except copies of the title (a page header repeated per page).
    private func bodyDecision(_ i: Int) -> (LineLabel, String) {
        if !paragraph[i], isTitleCopy(lines[i], loose: true) { return (.noise, "title-repeat") }
        return (.body, paragraph[i] ? "body-paragraph" : "body-line")
    }

    /// Tail lines: a sentence stays, an unpunctuated leftover is noise.
    private func tailDecision(_ i: Int) -> (LineLabel, String) {
        let line = lines[i]
        if isTitleCopy(line, loose: true) { return (.noise, "title-repeat") }
        if line.shape.endsSentence || line.shape.punctuation >= 1 { return (.body, "tail-sentence") }
        // A page cut off right after a heading (二、建设目标, 一是弘扬) ends in that heading: it is
        // the report's, not a leftover of the site.
        if line.isListHeading, line.shape.length <= settings.maxTitleLength { return (.body, "tail-heading") }
        // A short line with a counted figure (- 在校生1.54万人, 学校21.26万所) lists the report's facts.
        if line.hasCountedFigure, line.shape.cjk >= 2 { return (.body, "tail-figure") }
        return (.noise, "tail-residue")
    }

    /// Whether a line repeats a title this report (or an earlier one) already has: equal (a
    /// footnote mark like [1] aside), or, when `loose`, containing it with little else.
    private func isTitleCopy(_ line: ScannedLine, loose: Bool) -> Bool {
        // A footnote mark after the copy (…统计公报[1]) is no word of it.
        let text =
            ScannedLine.footnoteMark(in: line.text).map {
                ScannedLine.comparable(String(line.text[..<$0.lowerBound]))
            } ?? line.comparable
        guard !text.isEmpty else { return false }
        // Nor is a site's decoration after an exact copy (…工作总结[此文共6545字], …【精选推荐】).
        let undecorated = ScannedLine.siteDecoration(in: line.text).map {
            ScannedLine.comparable(String(line.text[..<$0.lowerBound]))
        }
        // In the head only this report's own titles count: glued reports may share a title.
        for title in (loose ? titles + fileTitles : titles) where !title.isEmpty {
            if text == title || undecorated == title { return true }
            // The title less the document number or years its line ends with (…的通知(某政办发〔2018〕64号)).
            if text.count >= 10, title.count > text.count, title.count <= text.count + 20, title.begins(with: text),
                line.text.unicodeScalars.last.map({ $0 != ")" && $0 != "）" }) ?? true,
                title.unicodeScalars.dropFirst(text.unicodeScalars.count).contains(where: { ("0"..."9").contains($0) }),
                !continuesOnNextLine(line, title: title, shown: text)
            {
                return true
            }
            if isUndecoratedCopy(text, of: title) { return true }
            if loose, title.count >= 6, text.count <= title.count + settings.titleRepeatSlack, text.includes(title) {
                return true
            }
        }
        return false
    }
}
