import EduwhCore

// MARK: - Pieces of a sentence broken over lines

extension ScannedLine {
    /// The line opens with a bracket and closes with its match: (建议使用IE8.0以上浏览器), 【…】.
    var isBracketed: Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        return (first == "(" && last == ")") || (first == "（" && last == "）") || (first == "【" && last == "】")
            || (first == "[" && last == "]")
    }

    /// The line is a template's blanked figure: `xx`, `xxxx`, `xx%`, `xx.x%`, `××`, `**` (a report
    /// published with its figures left out, each blank on its own line when extracted from PDF).
    var isBlankedFigure: Bool {
        let scalars = Array(text.unicodeScalars.filter { !LineShape.isSpace($0) })
        guard !scalars.isEmpty, scalars.count <= 8 else { return false }
        var body = ArraySlice(scalars)
        if let last = body.last, last == "%" || last == "％" { body = body.dropLast() }
        let blank: (Unicode.Scalar) -> Bool = { "xX×*＊".unicodeScalars.contains($0) }
        guard let first = body.first, blank(first), let last = body.last, blank(last) else { return false }
        return body.allSatisfy { blank($0) || $0 == "." }
    }
}

extension SegmentLabeler {
    /// Units and measure words that open the line after a figure broken off from them
    /// (`15600` / `㎡,生均面积`, `4520` / `万元`).
    static let unitOpeners: Set<Unicode.Scalar> = Set(
        "㎡%％‰万亿元个所名人册台套间平亩米千百次项座栋幢班位件部辆本处家张块倍岁天户条场期节支批种年月日届分".unicodeScalars)

    /// A line a shape rule took for noise that is a piece of the sentence around it, as PDF
    /// extraction breaks sentences (the line above, kept, stops mid-sentence):
    /// - a bare figure whose unit opens the next line (`学校占地面积` / `15600` / `㎡,生均面积`);
    /// - a piece of an enumeration (`电脑室` / `1个、多媒体教` / `室1个、理化生仪器室…`);
    /// - a template's blanked figure (`全县共有` / `xx` / `所学校`), or a percentage (`为` / `xx%` / `;`),
    ///   also where a page-number or menu rule took the figure for a page's furniture.
    /// A keyword injected into a sentence has no figure of its own and no 、 list: not a piece.
    func isSentencePiece(_ i: Int, decision: (LineLabel, String), after previous: LabeledLine?) -> Bool {
        guard decision.0 == .noise, Self.pieceRules.contains(decision.1),
            let previous, previous.label.isKept, lines[i].number - previous.number <= 2,
            let above = lines[..<i].last(where: { $0.number == previous.number }),
            !above.shape.endsSentence, !(Self.endsInColon(above))
        else { return false }
        let line = lines[i]
        if line.isBlankedFigure { return true }
        guard decision.1 == "letter-soup" || decision.1 == "tail-residue" || decision.1 == "page-number" else {
            return false
        }
        if line.cellKind == .number, let last = line.text.unicodeScalars.last, last == "%" || last == "％" {
            return true
        }
        if line.cellKind == .number, !line.cellText.includes(","), i + 1 < segment.upperBound,
            lines[i + 1].number - line.number <= 2,
            let opener = lines[i + 1].text.unicodeScalars.first, Self.unitOpeners.contains(opener)
        {
            return true
        }
        return decision.1 == "tail-residue" && line.text.includes("、")
            && (line.shape.digits > 0 || line.shape.length >= 10)
    }

    /// On a page PDF extraction broke at every figure (three or more `sentence-piece` lines in the
    /// report), a short line (12 characters or fewer) a shape rule took for noise right under a kept
    /// line that stops mid-sentence is a piece of that sentence too (`督委字〔` / `2022` / `〕`, a
    /// list's `1.`, `人补助公用经费` after a blanked figure): `broken-piece`. Pieces chain: a line
    /// kept so lets the next one be judged. Applied to the report's labels once its walk is done.
    func keepBrokenPieces(_ labeled: inout [LabeledLine]) {
        guard labeled.count(where: { $0.rule == "sentence-piece" }) >= 3 else { return }
        for k in labeled.indices.dropFirst() {
            let i = segment.lowerBound + k
            let previous = labeled[k - 1]
            guard labeled[k].label == .noise,
                Self.pieceRules.contains(labeled[k].rule) || labeled[k].rule == "related-list"
                    || labeled[k].rule == "symbols-only",
                lines[i].shape.length <= 12, previous.label.isKept, lines[i].number - previous.number <= 2,
                !lines[i - 1].shape.endsSentence, !Self.endsInColon(lines[i - 1])
            else { continue }
            labeled[k].label = .body
            labeled[k].rule = "broken-piece"
        }
    }

    /// Shape rules that take a piece of a broken sentence for noise.
    /// A bare number (`25` between `共清理` and `项，…`) is a page number only by its shape.
    private static let pieceRules: Set<String> = [
        "letter-soup", "tail-residue", "watermark-latin", "page-number", "nav-item-run",
    ]

    private static func endsInColon(_ line: ScannedLine) -> Bool {
        guard let last = line.text.unicodeScalars.last else { return false }
        return last == ":" || last == "："
    }
}

extension SegmentLabeler {
    /// Whether the line right above or below line `i` in the report also opens with a web list's
    /// bullet: a run of `- ` items (- 影院创城工作总结汇报(39篇)工作总结报告) is a list of other pages,
    /// however long each item.
    func bulletNeighbour(_ i: Int) -> Bool {
        (i > segment.lowerBound && lines[i - 1].opensWithWebBullet)
            || (i + 1 < segment.upperBound && lines[i + 1].opensWithWebBullet)
    }
}
