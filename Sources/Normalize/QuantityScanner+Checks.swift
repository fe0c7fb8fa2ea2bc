import EduwhCore

/// The checks that say whether a number read with its unit is a quantity at all (the phases
/// between reading a candidate and building its mention; see `QuantityScanner.candidate`).
extension QuantityScanner {
    /// Quotes, claimed spans, block units, sign, name contexts (第一名, 学前三年), names glued to
    /// Latin letters (3G, MP3) and contact numbers.
    func vetContext(_ context: LineContext, _ d: inout Draft) -> Step {
        let line = context.line
        let numberStart = d.start
        let prev = d.prev
        guard !context.isQuoted(numberStart) else { return .stop(nil) }
        if (numberStart..<d.end).contains(where: { context.claimed[$0] }) { return .stop(nil) }
        if d.unitRule?.kind == .block { return .stop(nil) }

        // 负5%, 负三; and a minus sign right after a word of change, not between two numbers
        // (增长-2.3%, but 5-6%).
        let unitName = d.unitName
        let minusSign =
            (prev == 0x2D || prev == 0x2212 || prev == 0xFF0D) && ScalarClass.isHan(line.at(numberStart - 2))
        // -10000, 负 1,200,000 as a line of its own: the sign opens the line (one space may follow it).
        let signAt = ScalarClass.isSpace(prev) ? numberStart - 2 : numberStart - 1
        let sign = line.at(signAt)
        let signedLine =
            (sign == 0x2D || sign == 0x2212 || sign == 0xFF0D || sign == 0x8D1F || sign == 0x8CA0)
            && d.standaloneSpan?.lowerBound == signAt
        d.negative =
            (prev == 0x8D1F || prev == 0x8CA0 || (minusSign && unitName == "percent") || signedLine)
            && d.reading != nil && (unitName == "percent" || unitName == "")
        let end = d.end
        let leadOrSign = d.leadIncluded || d.negative
        d.isStandalone =
            d.standaloneSpan.map { span in
                guard span.upperBound == end else { return false }
                if span.lowerBound == numberStart || (leadOrSign && span.lowerBound == numberStart - 1) { return true }
                if signedLine && span.lowerBound == signAt { return true }
                // 约三百, 近4万: a qualifier word and a number make the whole line.
                return rules.qualifiersBefore.contains {
                    $0.surface.count == numberStart - span.lowerBound && line.matches($0.surface, at: span.lowerBound)
                }
            } ?? false
        // Name contexts before the number: 第一名, 前百名, 学前三年.
        // 第 2 期: one space may stand between the word and the number.
        let contextEnd = ScalarClass.isSpace(prev) ? numberStart - 1 : numberStart
        if endsNameContext(line.at(numberStart - 1)) || endsNameContext(line.at(contextEnd - 1)) {
            for name in rules.nameContextsBefore
            where line.matches(name.word, endingAt: numberStart) || line.matches(name.word, endingAt: contextEnd) {
                if name.units.isEmpty || name.units.contains(unitName) { return .stop(nil) }
            }
        }
        if let u = d.unitRule, startsNameContextAfter(line.at(d.afterNumber)) {
            for name in rules.nameContextsAfter where line.matches(name.word, at: d.afterNumber) {
                if name.units.contains(u.unit) { return .stop(nil) }
            }
        }
        // 三点意见: 点 counts the points of a speech; 下午三点 is a clock time.
        if d.unitRule?.id == "dian-point", !pointNouns.contains(where: { line.matches($0, at: d.afterNumber) }) {
            return .stop(nil)
        }
        if let r = d.reading, !r.chinese {
            // 3G, MP3, A4: digits glued to Latin letters are names.
            if ScalarClass.isASCIILetter(prev) { return .stop(nil) }
            if ScalarClass.isASCIILetter(line.at(d.numberEnd)) && !d.latinMagnitude
                && !(d.unitRule.map { ScalarClass.isASCIILetter($0.surface[0]) } ?? false)
            {
                return .stop(nil)
            }
            // A contact word ends one to four characters before the number: look for its last character first.
            if (1...4).contains(where: { contactWordEnds.mayEnd(line.at(numberStart - $0)) }),
                contactWords.contains(where: { word in
                    (1...4).contains { line.matches(word, endingAt: numberStart - $0 + 1) }
                })
            {
                return .stop(nil)
            }
        }
        return .next
    }

    /// Whether some name-context word before a number ends in `v` (0, outside the line, ends none).
    @inline(__always)
    private func endsNameContext(_ v: UInt32) -> Bool {
        v != 0 && Unicode.Scalar(v).map(rules.nameContextBeforeEnds.contains) ?? false
    }

    /// Whether some name-context word after a unit starts with `v` (0, outside the line, starts none;
    /// the table refuses an empty word).
    @inline(__always)
    private func startsNameContextAfter(_ v: UInt32) -> Bool {
        v != 0 && Unicode.Scalar(v).map(nameContextAfterStarts.contains) ?? false
    }

    /// Years the year scanner left, blanked figures, age ranges, leading zeros.
    func vetForm(_ line: ScalarLine, _ d: Draft) -> Step {
        let numberStart = d.start
        // 2岁专班, 3至5岁班, 50周岁以上的教师, 一位70多岁的老人: an age says who is meant, it is no
        // figure to add up, unless the clause measures ages (平均年龄42岁, 预期寿命达到78岁). 岁 ends 岁 and 周岁.
        if let u = d.unitRule, u.surface.last == 0x5C81, !hasAgeMeasure(line, before: d.start) {
            return .stop(nil)
        }
        // 2010 年: a year the year scanner did not take is still not a duration.
        if let r = d.reading, !r.chinese, !r.hasDecimal, r.length == 4, d.unitRule?.unit == "年",
            (1900...2099).contains(Int(r.value))
        {
            return .stop(nil)
        }
        if d.placeholder && d.unitRule == nil && d.sawMagnitude {
            // 户籍人口xx万, 财政收入分别为xx亿: a blanked figure with a magnitude and no unit.
            let mention = QuantityMention(
                surface: line.text(numberStart..<d.j), value: nil, unit: "", qualifier: .placeholder,
                offset: numberStart, rule: "q-placeholder:magnitude")
            return .stop((mention, d.j))
        }
        // 3—6岁, 3-6周岁: a range of ages names a group of people, it measures nothing.
        if d.upper != nil, d.unitRule?.id == "sui" || d.unitRule?.id == "zhousui" { return .stop(nil) }
        // 016年 (a year whose first digit was lost), 05个: a leading zero makes no count.
        if let r = d.reading, !r.chinese, !r.hasDecimal, r.length > 1,
            line[numberStart] == 0x30 || line[numberStart] == 0xFF10
        {
            return .stop(nil)
        }
        if d.placeholder {
            let blank = d.rule == "q-blank"
            if blank && d.unitRule == nil && !d.sawMagnitude {
                // 入学率(), 占总数的(): a blank after a rate word, closing its clause.
                let next = line.at(d.j)
                guard blankLeads.contains(where: { line.matches($0, endingAt: numberStart) }),
                    ScalarClass.isClauseBreak(next) || d.j >= line.count
                else { return .stop(nil) }
                let mention = QuantityMention(
                    surface: line.text(numberStart..<d.j), value: nil, unit: "", qualifier: .placeholder,
                    offset: numberStart, rule: "q-blank:bare")
                return .stop((mention, d.j))
            }
            // _分以上考生: a blanked score is a threshold, not a figure.
            // xx镇, **乡, XX校: a blanked name of a town or school (FORMAT: x区, x小学), not a blanked count.
            guard let u = d.unitRule, u.kind != .group, u.kind != .score, u.kind != .division, u.unit != "年",
                !Self.placeNameUnits.contains(u.unit)
            else { return .stop(nil) }
            if ScalarClass.isASCIILetter(line.at(d.j)) { return .stop(nil) }
            let mention = QuantityMention(
                surface: line.text(numberStart..<d.end), value: nil, unit: u.unit, qualifier: .placeholder,
                offset: numberStart, rule: "\(blank ? "q-blank" : "q-placeholder"):\(u.id)")
            return .stop((mention, d.end))
        }
        return .next
    }

    /// A number with no unit counts only as a whole line, with a 万/亿, or closing a clause (万人本28.8。).
    func vetBare(_ line: ScalarLine, _ r: NumeralParser.Reading, _ d: inout Draft) -> Step {
        guard d.unitRule == nil && !d.percentWords else { return .next }
        let prev = d.prev
        let j = d.j
        let bigChinese = r.chinese && (d.start..<r.end).contains { ScalarClass.chineseBigUnit(line[$0]) != nil }
        if d.isStandalone {
            // A line that is only a number.
        } else if (d.sawMagnitude && d.factor >= 10_000) || bigChinese || d.mixedBig {
            // 人口78万, 人口七十八万: a magnitude makes it a figure even without a unit.
            if !r.chinese && ScalarClass.isASCIILetter(prev) { return .stop(nil) }
            if d.unitName.isEmpty, hasMoneyLead(line, before: d.start) { d.unitName = "yuan" }
            // 分别新增学位4.68万和7000个: the figure shares the unit of the one it is joined to.
            if d.unitName.isEmpty, let shared = sharedUnit(line, after: j) { d.unitName = shared }
            if d.unitName.isEmpty, isBareYiMoney(line, d) {
                d.unitName = "yuan"
                d.rule += "-yi-money"
            }
        } else if !r.chinese && isGroupedCell(line, r, d) {
            // 中一至中三 28,096 中四至中五, │ 258,659│: a figure grouped by thousands is a count.
        } else if !r.chinese {
            // A bare figure closing a clause: 万人本28.8。
            let next = line.at(j)
            // 分别为0.4175和0.3986。: a decimal joined by 和/与/及 to the next figure of a list.
            let joined = r.hasDecimal && Self.isListAnd(next) && ScalarClass.isArabicDigit(line.at(j + 1))
            guard ScalarClass.isClauseBreak(next) || next == 0xFF09 || next == 0x29 || j >= line.count || joined else {
                return .stop(nil)
            }
            // 1、 is a list marker, 篇1: a heading number; 工作总结1 at the end of a line numbers a report.
            if j >= line.count, !r.hasDecimal, r.length <= 2 { return .stop(nil) }
            let bracketed = isBracketedFigure(line, r, d)
            guard next != 0x3001, next != 0xFF1A, next != 0x3A, ScalarClass.isHan(prev) || bracketed,
                !labelLeads.contains(prev)
            else {
                return .stop(nil)
            }
            guard r.hasDecimal || r.length <= 6,
                !(r.length == 4 && !r.hasDecimal && (1900...2099).contains(Int(r.value)))
            else {
                return .stop(nil)
            }
            if d.upper != nil { return .stop(nil) }
        } else if r.loneDigit == 0 {
            // 调出数量为零。
            let next = line.at(j)
            guard ScalarClass.isClauseBreak(next) || j >= line.count else { return .stop(nil) }
        } else {
            return .stop(nil)
        }
        d.end = j
        return .next
    }

    /// A figure with thousands separators and no unit (28,096 between table labels, 1,960,540.92 on a
    /// line of its own, -57,090│ in a box-drawn table): no year, list marker or phone number is written
    /// so, so it stands as a bare count wherever no letter or word is glued to it (fh23, fq11, fq17,
    /// fr29, fy08: every such figure on a kept field line is a gold quantity).
    func isGroupedCell(_ line: ScalarLine, _ r: NumeralParser.Reading, _ d: Draft) -> Bool {
        guard r.grouped, d.upper == nil else { return false }
        let next = line.at(d.j)
        return !ScalarClass.isHan(next) && !ScalarClass.isASCIILetter(next)
            && !ScalarClass.isASCIILetter(d.prev) && !ScalarClass.isArabicDigit(next)
    }

    /// Chinese numerals: scores, vague counts (数十所), 一 as an article or a pattern, ordinals (二期),
    /// quoted names.
    func vetChinese(_ context: LineContext, _ r: NumeralParser.Reading, _ d: Draft) -> Step {
        let line = context.line
        let numberStart = d.start
        let prev = d.prev
        // 十分 (very): only Arabic digits make a score.
        if r.chinese, d.unitRule?.kind == .score { return .stop(nil) }
        // 三县五区, 两县, 六省: a division counted by a Chinese numeral (numeral-division); 三区三州, 六十镇 are names.
        if r.chinese, let u = d.unitRule, u.kind == .division, !isNumeralDivisionCount(context, r, d, u) {
            return .stop(nil)
        }
        // 数十所, 几百名: vague counts.
        // 人数五百名, 总数卅二名: 数 closing a noun (人数, 总数, 班数) is no vague count.
        if r.chinese, prev == 0x51E0 || (prev == 0x6570 && !Self.countNounLeads.contains(line.at(numberStart - 2))) {
            return .stop(nil)
        }
        // 教师队伍人数, 中国大陆人口, 收拾起: a financial digit standing alone after a word is that word's
        // character (伍 陆 拾), not a number; financial numerals write whole sums (伍万元, 陆佰人).
        if r.chinese, r.length == 1, !d.isStandalone, ScalarClass.isFinancialNumeral(line[numberStart]),
            ScalarClass.isHan(prev), !ScalarClass.isChineseNumeral(prev)
        {
            return .stop(nil)
        }
        guard r.chinese, let u = d.unitRule, !d.isStandalone else { return .next }
        let lone = r.loneDigit
        if u.kind == .group {
            guard let digit = lone, digit >= 2 else { return .stop(nil) }
        }
        if lone == 1 {
            if u.id == "fan" {
                // 翻一番, 翻了一番多
                guard prev == Self.fan || (prev == 0x4E86 && line.at(numberStart - 2) == Self.fan) else {
                    return .stop(nil)
                }
            } else if u.article {
                let duration =
                    u.kind == .duration && durationCues.contains(where: { line.matches($0, endingAt: numberStart) })
                // 新建一个配餐中心, 进行了一次演习: a verb of making or doing counts (新建了一批 stays vague).
                let counted =
                    u.kind == .count && !vagueMeasures.contains(u.surface)
                    && (isCountLead(line, numberStart)
                        || (!Self.abstractMeasures.contains(u.surface)
                            && isListedCount(line, numberStart, after: d.afterNumber)))
                // 削减一成, 增加了一成, 约一成: a change or a share makes 一成 a tenth (一成不变 stays an idiom).
                let tenth = u.id == "tenths" && isTenthsLead(line, numberStart)
                guard duration || counted || tenth else { return .stop(nil) }
            }
            // 最大的一所, 没有一所: "a" or "not a single".
            if articleLeads.contains(where: { line.matches($0, endingAt: numberStart) }) { return .stop(nil) }
            if prev == Self.mei { return .stop(nil) }
            // 一所所学校, 一个个园丁: a doubled measure word means "one after another", no count.
            if u.surface.count == 1, line.at(d.afterNumber) == u.surface[0] { return .stop(nil) }
            // 一月一汇总, 成熟一所评估一所: paired 一 … 一 is a pattern, not a count.
            if line.at(d.afterNumber) == Self.yi { return .stop(nil) }
            // 教学楼一栋,办公楼一栋 is a list of counts: a clause break stands between the two.
            let pair = Array(line.s[numberStart..<d.afterNumber])
            for k in max(0, numberStart - 4 - pair.count)...(d.afterNumber + 3)
            where k != numberStart && line.matches(pair, at: k) {
                let between = k < numberStart ? (k + pair.count)..<numberStart : d.afterNumber..<max(d.afterNumber, k)
                if !between.contains(where: { ScalarClass.isClauseBreak(line.at($0)) }) { return .stop(nil) }
            }
        }
        // 是教育事业跨越发展的五年。: 的 + N年 closing a clause names a period, it counts nothing.
        if u.kind == .duration, u.unit == "年", prev == 0x7684,
            d.afterNumber >= line.count || ScalarClass.isClauseBreak(line[d.afterNumber])
        {
            return .stop(nil)
        }
        if lone == 2, line[numberStart] == Self.er, u.kind == .count || u.kind == .duration || u.kind == .tier {
            return .stop(nil)  // 二期, 二中: ordinals
        }
        // A name the line quotes elsewhere (“三个坚持” … 三个坚持:).
        let probeEnd = min(line.count, d.afterNumber + 2)
        if context.isQuotedName(line.s[numberStart..<probeEnd]) && probeEnd - d.afterNumber == 2 { return .stop(nil) }
        return .next
    }

    /// 覆盖三县五区, 威宁、赫章两县, 市内五区: a Chinese numeral of two or more counts a division noun of
    /// the `numeral-division` list (镇 and 乡 are not in it: 潁上縣六十鎮 is a town's name). Not inside
    /// quotes (“三区三州”, “两区一地”: names of policies), not after 日 (吾日三省, an idiom), and a village
    /// only with 两 (桃花一村, 新华三村 are villages' names).
    func isNumeralDivisionCount(
        _ context: LineContext, _ r: NumeralParser.Reading, _ d: Draft, _ u: NormalizeRules.UnitRule
    ) -> Bool {
        guard r.value >= 2, !r.hasDecimal, Self.numeralDivisions.contains(u.surface), !context.isQuoted(d.start),
            d.prev != 0x65E5
        else { return false }
        let first = context.line.at(d.start)
        return u.surface != Self.village || first == 0x4E24 || first == 0x5169  // 两 兩
    }

    /// Division nouns a Chinese numeral counts too (context-words.tsv, numeral-division: 三县五区, 两县).
    /// Static, read once from the shipped rules, like `ageMeasures`.
    static let numeralDivisions = Set(NormalizeRules.standard.words("numeral-division"))

    /// 村
    static let village: [UInt32] = [0x6751]

    /// 校 镇 乡: after a placeholder they end a blanked name (xx镇中心小学), not a count.
    static let placeNameUnits: Set<String> = ["校", "镇", "乡"]

    /// 和 与 及: words that join two figures of a list.
    static func isListAnd(_ v: UInt32) -> Bool { v == 0x548C || v == 0x4E0E || v == 0x53CA }

    /// The unit of the figure after 和/与/及 at `j` (4.68万和7000个 → 个), when it is a count, money or
    /// area unit written plainly (no magnitude in the unit itself); nil otherwise.
    func sharedUnit(_ line: ScalarLine, after j: Int) -> String? {
        guard Self.isListAnd(line.at(j)),
            let o = NumeralParser.arabic(line, at: j + 1) ?? NumeralParser.chinese(line, at: j + 1)
        else { return nil }
        var k = o.end
        if let m = rules.magnitude(in: line, at: k) { k += m.surface.count }
        guard let u = rules.unit(in: line, at: k), u.factor == 1,
            u.kind == .count || u.kind == .money || u.kind == .area
        else { return nil }
        return u.unit
    }

    /// A word of spending or budgeting (context-words.tsv, money-lead) at most eight characters
    /// before `start` in the same clause: 编列1.4亿进行整建, 累计投入近5000万建设.
    func hasMoneyLead(_ line: ScalarLine, before start: Int) -> Bool {
        hasWord(of: Self.moneyLeads, in: line, before: start, within: 8)
    }

    /// 尚有34亿未启用, 中央1591亿改善农村学生营养, 我市去年完成1.15亿教育民生项目建设: a figure of 亿 with no
    /// unit is money (session 25: 28 of the 29 such figures in the field gold are yuan, on ga29, fy30, fg32,
    /// ft42, fu35 and others); not one after a noun of people (在校生1.54億, fq26), which counts them.
    func isBareYiMoney(_ line: ScalarLine, _ d: Draft) -> Bool {
        guard (d.start..<d.j).contains(where: { line[$0] == 0x4EBF || line[$0] == 0x5104 }) else { return false }
        var lead = d.start - 1
        while lead > 0, Self.figureLeads.contains(line[lead]) || ScalarClass.isSpace(line[lead]) { lead -= 1 }
        return !Self.peopleNounEnds.contains(line.at(lead))
    }

    /// A word that measures ages (context-words.tsv, age-measure: 年龄, 寿命) earlier in the clause.
    func hasAgeMeasure(_ line: ScalarLine, before start: Int) -> Bool {
        hasWord(of: Self.ageMeasures, in: line, before: start, within: 16)
    }

    /// Whether one of `words` ends at most `within` characters before `start`, with no clause
    /// break in between.
    private func hasWord(of words: [[UInt32]], in line: ScalarLine, before start: Int, within: Int) -> Bool {
        var k = start - 1
        while k >= 0, start - k <= within, !ScalarClass.isClauseBreak(line[k]) {
            if words.contains(where: { line.matches($0, endingAt: k + 1) }) { return true }
            k -= 1
        }
        return false
    }

    /// 人 总 次 个 户 班 校 生 位 额: with 数 after them a noun (人数, 总数, 学位数), not 数 = several.
    static let countNounLeads: Set<UInt32> = [
        0x4EBA, 0x603B, 0x6B21, 0x4E2A, 0x6237, 0x73ED, 0x6821, 0x751F, 0x4F4D, 0x989D,
    ]

    /// A verb of making or doing before 一+measure word, maybe with 了 (新建一个, 撤并了一个, 进行了一次),
    /// or 每周/每月 before 一次: 一 counts.
    func isCountLead(_ line: ScalarLine, _ numberStart: Int) -> Bool {
        if line.at(numberStart - 2) == Self.mei { return true }
        let verbEnd = line.at(numberStart - 1) == 0x4E86 ? numberStart - 1 : numberStart  // 了
        return countVerbs.contains { line.matches($0, endingAt: verbEnd) }
    }

    /// A change or share word (context-words.tsv, tenths-lead) right before 一成, 了 allowed between.
    func isTenthsLead(_ line: ScalarLine, _ numberStart: Int) -> Bool {
        let verbEnd = line.at(numberStart - 1) == 0x4E86 ? numberStart - 1 : numberStart  // 了
        return Self.tenthsLeads.contains { line.matches($0, endingAt: verbEnd) }
    }

    /// 运动场一个, 实验室各一个、: 一+measure word right after the thing it counts (or after 各,
    /// each), closing its clause, is an inventory's count, not an article (是一个。 and 的一个 are not).
    func isListedCount(_ line: ScalarLine, _ numberStart: Int, after end: Int) -> Bool {
        let prev = line.at(numberStart - 1)
        guard ScalarClass.isHan(prev), !ScalarClass.isChineseNumeral(prev), !Self.copulaLeads.contains(prev) else {
            return false
        }
        let next = Self.glossEnd(line, at: end) ?? end
        return next >= line.count || ScalarClass.isClauseBreak(line[next]) || line[next] == 0xFF08 || line[next] == 0x28
    }

    /// 方面 项 点: measures of ideas; 一方面, and 取暖费一项, (that item alone) count no things.
    static let abstractMeasures: Set<[UInt32]> = ["方面".scalarValues, "项".scalarValues, "点".scalarValues]

    /// 的 是 为 成 有 这 那 其: before 一个 they make it an article or a pronoun (是一个, 其中的一个).
    static let copulaLeads: Set<UInt32> = [0x7684, 0x662F, 0x4E3A, 0x6210, 0x6709, 0x8FD9, 0x90A3, 0x5176]

    /// (51.97), 升入职业高中(中专)(38.81): a figure in brackets after a word, closing its clause,
    /// as forms print filled-in blanks (ten or more, or a decimal: (1) is a list marker).
    func isBracketedFigure(_ line: ScalarLine, _ r: NumeralParser.Reading, _ d: Draft) -> Bool {
        let open = d.prev
        guard open == 0x28 || open == 0xFF08, r.hasDecimal || r.value >= 10 else { return false }
        let close = line.at(d.j)
        guard close == 0x29 || close == 0xFF09, ScalarClass.isClauseBreak(line.at(d.j + 1)) else { return false }
        let before = line.at(d.start - 2)
        return ScalarClass.isHan(before) || before == 0x29 || before == 0xFF09
    }
}
