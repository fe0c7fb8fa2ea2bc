/// The grammar of a Chinese cardinal numeral, read as sections:
///
/// ```text
/// numeral  := section (big section)* tail?          big := 万 | 亿 | 万万 (= 亿)
/// section  := term (零? term)*                      term := atom? place | atom
/// place    := 十 | 百 | 千  (拾 佰 仟)                  atom := 一…九 两 俩 | 壹…玖 | 0-9+ (Arabic, mixed writing)
/// tail     := digit right after a place (两万五 = 25000, 三百五 = 350, 万五 = 15000)
/// decimal  := 点 digit+ (三点五, 百分之五十点五), before a big unit too (十二点五万)
/// ```
///
/// 廿 卅 卌 stand for 二十 三十 四十. A big unit multiplies everything before it when it is at
/// least as big as the last one (十万亿 = 10^13, 两万万 = 2×10^8) and only its own section when
/// it is smaller (一亿三千万). 零 marks a gap and makes the following atom exact (一千零五 = 1005,
/// 3千零40 = 3040). Arabic atoms mix with Chinese places (6万2000, 2万3千5百, 200万五千).
///
/// ```swift
/// NumeralGrammar.parse(ScalarLine("两万零三十"), at: 0)?.value  // 20030
/// NumeralGrammar.parseTree(ScalarLine("2万3千5百"), at: 0, arabic: true)?.1.description // "(2)万 + (3)千 + (5)百"
/// ```
enum NumeralGrammar {
    /// The parse tree of a numeral.
    indirect enum Tree: Equatable, CustomStringConvertible {
        /// A written number: a Chinese digit or an Arabic run (3, 2000, 3.48).
        case atom(Double)
        /// A coefficient times a place below 万 (三千, 十 with no coefficient).
        case place(Tree?, Double)
        /// Everything before a big unit, times it ((三千五百)万).
        case big(Tree, Double)
        /// Terms added up.
        case sum([Tree])
        /// A digit after a place standing for the next place down (两万五: 5 × 1000).
        case colloquial(Double, Double)
        /// 零: a gap.
        case zero
        /// An integer part and a decimal fraction (三点五).
        case decimal(Tree, Double)

        var value: Double {
            switch self {
            case .atom(let v): return v
            case .place(let c, let p): return (c?.value ?? 1) * p
            case .big(let t, let u): return (t.value == 0 ? 1 : t.value) * u
            case .sum(let ts): return ts.reduce(0) { $0 + $1.value }
            case .colloquial(let d, let p): return d * p
            case .zero: return 0
            case .decimal(let t, let f): return t.value + f
            }
        }

        var description: String {
            switch self {
            case .atom(let v): return NumeralGrammar.short(v)
            case .place(let c, let p): return "(\(c.map(\.description) ?? ""))\(NumeralGrammar.placeName(p))"
            case .big(let t, let u): return "[\(t.description)]\(NumeralGrammar.placeName(u))"
            case .sum(let ts): return ts.map(\.description).joined(separator: " + ")
            case .colloquial(let d, let p): return "\(NumeralGrammar.short(d))~\(NumeralGrammar.placeName(p))"
            case .zero: return "零"
            case .decimal(let t, let f): return "\(t.description) . \(NumeralGrammar.short(f))"
            }
        }
    }

    static func short(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
    }

    static func placeName(_ p: Double) -> String {
        switch p {
        case 10: return "十"
        case 100: return "百"
        case 1000: return "千"
        case 10_000: return "万"
        case 100_000_000: return "亿"
        default: return "×" + short(p)
        }
    }

    /// A numeral read from a line.
    struct Parse {
        var value: Double
        /// Index just past the numeral.
        var end: Int
        /// Characters read (Arabic runs count as one).
        var tokens: Int
        /// The numeral is one Chinese digit (一, 两 …).
        var loneDigit: Int?
        /// 十几: ends with 几.
        var fuzzy: Bool
        var hasDecimal: Bool
        /// A place or big unit was read (十, 千, 万 …).
        var hasPlace: Bool
        /// A big unit (万, 亿) was read.
        var hasBig: Bool
        /// An Arabic atom was read.
        var hasArabic: Bool
    }

    /// The tree under construction; nil on the hot path so that parsing allocates nothing.
    final class TreeBuilder {
        var total: [Tree] = []
        var section: [Tree] = []
        var pending: Tree? = nil
        var result: Tree? = nil

        /// The parts built so far, to give back a tentative read across a space.
        struct Snapshot {
            var total: [Tree], section: [Tree], pending: Tree?
        }
        var snapshot: Snapshot { Snapshot(total: total, section: section, pending: pending) }
        func restore(_ s: Snapshot?) {
            guard let s else { return }
            total = s.total
            section = s.section
            pending = s.pending
        }
    }

    /// Parses a numeral at `i` and returns its parse tree too (tests and explanations).
    static func parseTree(_ line: ScalarLine, at i: Int, arabic: Bool = false, bareStart: Bool = false) -> (
        Parse, Tree
    )? {
        let builder = TreeBuilder()
        guard let p = parse(line, at: i, arabic: arabic, bareStart: bareStart, builder: builder), let t = builder.result
        else { return nil }
        return (p, t)
    }

    static let dian: UInt32 = 0x70B9  // 点
    static let dianTrad: UInt32 = 0x9EDE  // 點
    static let liang: UInt32 = 0x4E24  // 两
    /// ○ (white circle): the zero of digits written one by one in Taiwan (一○八, 二○二五).
    static let circleZero: UInt32 = 0x25CB

    /// Value of an atom character that is a digit (0–9), including 俩/倆 (两).
    @inline(__always)
    static func digit(_ v: UInt32) -> Int? {
        if v == 0x4FE9 || v == 0x5006 { return 2 }  // 俩 倆
        return ScalarClass.chineseDigit(v)
    }

    /// A character a numeral can start with without a lead (digits, 俩, 十, 拾, 廿, 卅, 卌).
    @inline(__always)
    static func startsNumeral(_ v: UInt32) -> Bool {
        ScalarClass.chineseDigit(v) != nil || v == 0x5341 || v == 0x62FE || v == 0x5EFF || v == 0x5345 || v == 0x534C
            || v == 0x4FE9 || v == 0x5006
    }

    /// 两 兩 俩 倆: two as a count (两千, 两所), never a number's last digit.
    @inline(__always)
    static func isLiang(_ v: UInt32) -> Bool { v == 0x4E24 || v == 0x5169 || v == 0x4FE9 || v == 0x5006 }

    /// 廿 卅 卌: twenty, thirty, forty.
    @inline(__always)
    static func tens(_ v: UInt32) -> Double? {
        switch v {
        case 0x5EFF: return 20
        case 0x5345: return 30
        case 0x534C: return 40
        default: return nil
        }
    }

    /// Parses a numeral at `i`. A numeral starts with a digit, 十 or 廿/卅/卌; with
    /// `bareStart` also with 百, 千, 万 or 亿 (近百所, 万五); with `arabic` Arabic digit runs are
    /// atoms too (6万2000). Returns nil when the characters there break the grammar (一二, 三百四千).
    static func parse(
        _ line: ScalarLine, at i: Int, arabic: Bool = false, bareStart: Bool = false, builder: TreeBuilder? = nil
    ) -> Parse? {
        guard i < line.count else { return nil }
        var state = ParseState(j: i, arabic: arabic, bareStart: bareStart, builder: builder)
        // 一百 五 十 二, 三千 八百 九十六 万: a numeral spaced out (as PDF extraction and some forms write
        // it) reads across single spaces, but only when the whole of it parses: a break after a space
        // (一百 二百, 三 二) gives back everything from the first space on.
        // The state before the first such space (`spaced`): kept in place, not as an optional that
        // the loop would copy (136 bytes) at every character.
        var beforeSpace = state
        var snapshot: TreeBuilder.Snapshot? = nil
        var spaced = false
        reading: while state.j < line.count {
            switch state.read(line) {
            case .consumed: continue
            case .stop:
                if isNumeralSpace(line, at: state.j, arabic: arabic), state.tokens > 0 {
                    if !spaced {
                        spaced = true
                        beforeSpace = state
                        snapshot = builder?.snapshot
                    }
                    state.j += 1
                    continue
                }
                if spaced, isNumeralBreak(line, at: state.j, arabic: arabic) {
                    state = beforeSpace
                    builder?.restore(snapshot)
                }
                break reading
            case .fail:
                guard spaced else { return nil }
                state = beforeSpace
                builder?.restore(snapshot)
                break reading
            }
        }
        return state.finish(line, start: i)
    }

    /// What reading one character did to the numeral.
    enum TokenStep { case consumed, stop, fail }

    /// The numeral read so far: completed big groups, the open section and a pending atom.
    struct ParseState {
        var j: Int
        let arabic: Bool
        let bareStart: Bool
        let builder: TreeBuilder?
        var total = 0.0  // completed big groups
        var lastBig = 0.0
        var section = 0.0  // below the current big unit
        var lastPlace = 0.0  // last place in this section (for order checks)
        var lastUnit = 0.0  // last place or big unit read
        var pending: Double? = nil
        var pendingIsDigit = false  // pending is a single digit (Chinese, or one Arabic digit)
        var pendingAfterUnit = false  // pending follows a unit directly (no 零)
        var pendingAt = 0  // where the pending atom starts
        var previousWasUnit = false
        var previousWasZero = false
        var tokens = 0
        var fuzzy = false
        var hasPlace = false
        var hasBig = false
        var hasArabic = false
        var hasDecimal = false

        init(j: Int, arabic: Bool, bareStart: Bool, builder: TreeBuilder?) {
            self.j = j
            self.arabic = arabic
            self.bareStart = bareStart
            self.builder = builder
        }

        /// Reads the character at `j`.
        @inline(__always)
        mutating func read(_ line: ScalarLine) -> TokenStep {
            let v = line[j]
            if let d = NumeralGrammar.digit(v) { return readDigit(d, line) }
            if v == NumeralGrammar.circleZero, pending != nil, let run = digitRun(line) { return run }
            if arabic, ScalarClass.isArabicDigit(v), pending == nil, tokens == 0 || previousWasUnit || previousWasZero,
                let a = NumeralParser.arabic(line, at: j)
            {
                readArabic(a)
                return .consumed
            }
            if let t = NumeralGrammar.tens(v), pending == nil, lastPlace == 0 || lastPlace > 10 {
                section += t
                builder?.section.append(.place(.atom(t / 10), 10))
                lastPlace = 10
                lastUnit = 10
                hasPlace = true
                markUnit()
                return .consumed
            }
            if let p = ScalarClass.chineseSmallUnit(v) { return readPlace(p) }
            if let u = ScalarClass.chineseBigUnit(v) { return readBig(u) }
            // 五兆六十二亿: 兆 is 10^12 inside a numeral whose 亿 section follows it (as Taiwan writes
            // budgets); on its own (兆瓦, 兆字节) it is mega and ends the numeral.
            if v == 0x5146, tokens > 0, ScalarClass.isChineseNumeral(line.at(j + 1)) { return readBig(1e12) }
            if v == 0x51E0, lastUnit == 10, pending == nil, previousWasUnit, !hasDecimal {  // 十几
                fuzzy = true
                j += 1
                tokens += 1
            }
            return .stop
        }

        @inline(__always)
        private mutating func markUnit() {
            previousWasUnit = true
            previousWasZero = false
            j += 1
            tokens += 1
        }

        /// A Chinese digit; 零 (or 〇) between terms is a gap, a leading 零 the number zero (零点五, 零).
        @inline(__always)
        private mutating func readDigit(_ d: Int, _ line: ScalarLine) -> TokenStep {
            if pending != nil, let run = digitRun(line) { return run }
            if d == 0 {
                if pending != nil {
                    return .fail  // 一〇, 二〇〇八: digits read one by one, not a cardinal
                }
                if tokens == 0 {
                    pending = 0
                    pendingIsDigit = true
                    builder?.pending = .atom(0)
                } else {
                    if previousWasZero { return .fail }
                    previousWasZero = true
                    builder?.section.append(.zero)
                }
                previousWasUnit = false
                j += 1
                tokens += 1
                return .consumed
            }
            if pending != nil { return .fail }  // 一二, 三五百: not one cardinal
            pending = Double(d)
            pendingAt = j
            pendingIsDigit = true
            pendingAfterUnit = previousWasUnit
            builder?.pending = .atom(Double(d))
            previousWasUnit = false
            previousWasZero = false
            j += 1
            tokens += 1
            return .consumed
        }

        /// 一八六园, 四九二名, 一○二四名, 二万三八八七名: three or more digits written one by one (as
        /// newspapers write counts) are one number, in a section of their own (below the big unit
        /// before them). Two digits stay an estimate (三四个, 五六百) or a break in the grammar; four
        /// that spell a year (二〇〇八) stay a year.
        private mutating func digitRun(_ line: ScalarLine) -> TokenStep? {
            guard pendingIsDigit, !previousWasUnit, !previousWasZero, section == 0, lastPlace == 0,
                let first = pending, first > 0, j > 0, NumeralGrammar.digit(line[j - 1]) == Int(first)
            else { return nil }
            var value = first
            var k = j
            while k < line.count {
                let v = line[k]
                // 两 is no digit of a digit string (两 counts: 两千, never 一两三).
                if v == 0x4E24 || v == 0x5169 { break }
                guard let d = v == NumeralGrammar.circleZero ? 0 : NumeralGrammar.digit(v) else { break }
                value = value * 10 + Double(d)
                k += 1
            }
            let next = line.at(k)
            // 二〇〇八: four digits that spell a year are a year written out, not a count.
            let spellsYear = k - j == 3 && (1900...2099).contains(value)
            guard k - j >= 2, !spellsYear, ScalarClass.chineseSmallUnit(next) == nil, NumeralGrammar.tens(next) == nil,
                next != NumeralGrammar.dian, next != NumeralGrammar.dianTrad, lastBig == 0 || value < lastBig
            else { return nil }
            pending = value
            pendingIsDigit = false
            builder?.pending = .atom(value)
            tokens += k - j
            j = k
            return .consumed
        }

        /// An Arabic run as an atom (6万2000).
        @inline(__always)
        private mutating func readArabic(_ a: NumeralParser.Reading) {
            pending = a.value
            pendingAt = j
            pendingIsDigit = a.length == 1 && !a.hasDecimal
            pendingAfterUnit = previousWasUnit
            builder?.pending = .atom(a.value)
            hasArabic = true
            if a.hasDecimal { hasDecimal = true }
            previousWasUnit = false
            previousWasZero = false
            j = a.end
            tokens += 1
        }

        /// 十 百 千: places fall within a section (三千五百, not 三百四千).
        @inline(__always)
        private mutating func readPlace(_ p: Double) -> TokenStep {
            if lastPlace != 0 && p >= lastPlace { return .stop }
            var coefficient: Double
            if let c = pending {
                if c == 0 { return .fail }  // 零十
                coefficient = c
            } else if tokens == 0 {
                guard p == 10 || bareStart else { return .fail }
                coefficient = 1
            } else if p == 10 && previousWasZero {
                coefficient = 1  // 一百零十 (rare) = 110
            } else {
                return .stop  // 万千: stop before it
            }
            section += coefficient * p
            if let b = builder { b.section.append(.place(b.pending ?? (pending == nil ? nil : .atom(coefficient)), p)) }
            pending = nil
            builder?.pending = nil
            lastPlace = p
            lastUnit = p
            hasPlace = true
            markUnit()
            return .consumed
        }

        /// 万 亿: multiplies its own section, or everything before it when it is at least as big as the last.
        @inline(__always)
        private mutating func readBig(_ u: Double) -> TokenStep {
            let here = section + (pending ?? 0)
            if here == 0 && pending == nil && section == 0 {
                if tokens == 0 {
                    guard bareStart else { return .fail }
                    // 万五, 万元 with nothing before: one 万.
                    total = u
                    builder?.total = [.big(.atom(1), u)]
                } else if u >= lastBig && lastBig > 0 && previousWasUnit {
                    // 两万万 = 2×10^8, 十万亿 = 10^13
                    total *= u
                    if let b = builder { b.total = [.big(.sum(b.total), u)] }
                } else {
                    return .stop
                }
            } else {
                if pending == 0 && section == 0 { return .fail }
                if lastBig == 0 || u < lastBig {
                    total += here * u
                    if let b = builder {
                        var terms = b.section
                        if let p = b.pending { terms.append(p) }
                        b.total.append(.big(.sum(terms), u))
                    }
                } else if u > lastBig {
                    // 三万五千亿: the whole number before it, times 亿.
                    total = (total + here) * u
                    if let b = builder {
                        var terms = b.total + b.section
                        if let p = b.pending { terms.append(p) }
                        b.total = [.big(.sum(terms), u)]
                    }
                } else {
                    return .stop  // 三万四万: two numbers
                }
            }
            section = 0
            pending = nil
            builder?.pending = nil
            builder?.section = []
            lastPlace = 0
            lastUnit = u
            lastBig = u
            hasPlace = true
            hasBig = true
            markUnit()
            return .consumed
        }

        /// The value once no character continues the numeral: a trailing 零 given back, a colloquial
        /// tail (两万五), a decimal with 点.
        @inline(__always)
        mutating func finish(_ line: ScalarLine, start i: Int) -> Parse? {
            guard tokens > 0 else { return nil }
            // A trailing 零 belongs to the text after it (一百零 is not a numeral end): give it back.
            if previousWasZero && pending == nil {
                j -= 1
                tokens -= 1
                if let b = builder, case .zero? = b.section.last { b.section.removeLast() }
                guard tokens > 0 else { return nil }
            }
            // 三十两, 一万两: 两 never writes the last digit (三十二, 一万二); it is the next word's (两 of
            // silver, 两所), so it is given back.
            if pending != nil, pendingIsDigit, tokens > 1, NumeralGrammar.isLiang(line[pendingAt]) {
                j = pendingAt
                tokens -= 1
                pending = nil
                builder?.pending = nil
                if line.at(j - 1) == 0x96F6 || line.at(j - 1) == 0x3007 {  // 一百零两: the 零 goes back too
                    j -= 1
                    tokens -= 1
                    if let b = builder, case .zero? = b.section.last { b.section.removeLast() }
                }
            }
            var value = total + section
            if let p = pending {
                if pendingAfterUnit && pendingIsDigit && lastUnit >= 100 {
                    value += p * lastUnit / 10  // 两万五 = 25000, 三百五 = 350
                    builder?.section.append(.colloquial(p, lastUnit / 10))
                } else {
                    value += p
                    if let b = builder, let t = b.pending { b.section.append(t) }
                }
            }
            var loneDigit: Int? = nil
            if tokens == 1, !hasArabic, let d = NumeralGrammar.digit(line[i]) { loneDigit = d }
            if let b = builder {
                let all = b.total + b.section
                b.result = all.count == 1 ? all[0] : .sum(all)
            }
            if !fuzzy, !hasArabic, let (fraction, end) = NumeralGrammar.decimal(line, at: j, below: lastBig == 0) {
                value += fraction
                if let b = builder, let t = b.result { b.result = .decimal(t, fraction) }
                j = end
                hasDecimal = true
                loneDigit = nil
            }
            return Parse(
                value: value, end: j, tokens: tokens, loneDigit: loneDigit, fuzzy: fuzzy, hasDecimal: hasDecimal,
                hasPlace: hasPlace, hasBig: hasBig, hasArabic: hasArabic)
        }
    }
}
