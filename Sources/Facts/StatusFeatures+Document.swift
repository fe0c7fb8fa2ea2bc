import EduwhCore
import Normalize

extension StatusFeatures {
    /// The status features of a whole page, read once per document and given to each of its
    /// figures (`Context.document`): what kind of page it is and how its text leans in time.
    /// - `DF=` whether its sentences with a word of intent or of the past (`StatusCues.leaning`)
    ///   mostly hold the past, mostly intent, or both (`few`: fewer than `minimumTimed`);
    ///   `DP=`/`DA=` the share of all its sentences with a word of intent, of the past: none, low
    ///   (under a tenth), mid (under 3 in 10), high (`few`: fewer than `minimumSentences`);
    ///   `DN=` how many sentences it has (a news item is short);
    /// - `DE=` the last two Chinese characters of its title (…总结, …要点, …方案, …汇报);
    /// - `DPY=` the year it was published against the year it speaks from;
    /// - `DB=` whether it presents a budget or final accounts (`BudgetPages`: budget, final, none).
    ///
    /// ```swift
    /// // a page titled 县教育局2016年工作要点 whose sentences mostly say 将, 力争:
    /// // ["DF=plan", "DP=hi", "DA=lo", "DN=8+", "DE=要点", "DPY=none", "DB=none"]
    /// ```
    public static func documentFeatures(
        _ document: CleanDocument, cues: StatusCues, referenceYear: Int?, budget: BudgetPage? = nil
    ) -> [String] {
        let lean = cues.leaning(of: document.bodyLines.map(\.text))
        var features: [String] = []
        let timed = lean.planned + lean.achieved
        // Coarse shares, none of only a few sentences: finer ones learn pages, not kinds of page
        // (site folds 0.872 against 0.868 for fifths and tenths).
        if timed < minimumTimed {
            features.append("DF=few")
        } else {
            features.append(
                "DF=" + (lean.planned * 3 < timed ? "past" : lean.planned * 3 > timed * 2 ? "plan" : "mixed"))
        }
        for (name, count) in [("DP=", lean.planned), ("DA=", lean.achieved)] {
            guard lean.sentences >= minimumSentences else {
                features.append(name + "few")
                continue
            }
            let share = Double(count) / Double(lean.sentences)
            features.append(name + (count == 0 ? "0" : share < 0.1 ? "lo" : share < 0.3 ? "mid" : "hi"))
        }
        features.append("DN=" + YearGate.bucket(lean.sentences, [0, 8, 20, 50, 120]))
        let titles = document.lines.filter { $0.label == .title }.map(\.text) + [document.title ?? ""]
        if let ending = titles.lazy.compactMap(lastHanPair).first { features.append("DE=" + ending) }
        let published = publishedYear(document.metadata.publishedAt)
        var relation = "none"
        if let published, let referenceYear {
            relation = published < referenceYear ? "earlier" : published == referenceYear ? "same" : "later"
        }
        features.append("DPY=" + relation)
        features.append("DB=" + (budget?.kind.rawValue ?? "none"))
        return features
    }

    /// Fewest sentences with a word of intent or of the past whose shares are read (`DF=`).
    static let minimumTimed = 4
    /// Fewest sentences a page's shares of intent and past are read of (`DP=`, `DA=`).
    static let minimumSentences = 5

    /// The features of the figure's paragraph and period: how its line leans (`LP=`/`LA=`: none,
    /// some or most of its sentences hold a word of intent or of the past), the first two Chinese
    /// characters of its sentence and of its line after any list mark (`sh=`, `lo=`: 一、目标任务 →
    /// 目标), and its year against the period the report covers (`YR=`: before, in, after).
    static func context<S: Sink>(_ c: Context, rules: String, into out: inout S) {
        if let line = c.line, line.sentences > 0 {
            for (name, count) in [("LP=", line.planned), ("LA=", line.achieved)] {
                let share = count == 0 ? "none" : count * 2 >= line.sentences ? "most" : "some"
                out.add(name, share, "", "")
                out.add("R|" + name, rules, "|", share)
            }
        }
        if let start = firstHanPair(c.scalars, from: c.sentence.lowerBound, limit: c.sentence.upperBound) {
            out.add("sh=", c.scalars[start..<(start + 2)])
        }
        if c.sentence.lowerBound > 0, let start = firstHanPair(c.scalars, from: 0, limit: c.scalars.count) {
            out.add("lo=", c.scalars[start..<(start + 2)])
        }
        if let period = c.period, let year = c.year {
            let place = year < period.lowerBound ? "before" : year > period.upperBound ? "after" : "in"
            out.add("YR=", place, "", "")
            out.add("R|YR=", rules, "|", place)
        }
    }

    /// How far into a sentence its first words may stand after a list mark (（一）, 1., ①, 一是…).
    static let openingReach = 6

    /// Where the first two Chinese characters standing together begin, within `openingReach` of `from`.
    static func firstHanPair(_ scalars: [Unicode.Scalar], from: Int, limit: Int) -> Int? {
        var index = from
        let end = min(limit, scalars.count, from + openingReach + 2)
        while index + 1 < end {
            if isHan(scalars[index]), isHan(scalars[index + 1]) { return index }
            index += 1
        }
        return nil
    }

    /// The last two Chinese characters of `text` that stand together (工作要点（试行） → 试行; …总结_范文 → 范文).
    static func lastHanPair(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        var index = scalars.count - 1
        while index > 0 {
            if isHan(scalars[index]), isHan(scalars[index - 1]) { return String(scalars: scalars[(index - 1)...index]) }
            index -= 1
        }
        return nil
    }

    /// The year of a page's publication date (2016-03-02 08:05, 2016年3月2日), if it is one of `YearSpan.known`.
    public static func publishedYear(_ date: String?) -> Int? {
        SiteMetadata(publishedAt: date).publishedYear
    }
}
