import EduwhCore

// MARK: - Pieces of a sentence broken over lines

extension ScannedLine {
    /// The line opens with a bracket and closes with its match: (建议使用IE8.0以上浏览器), 【…】.
    var isBracketed: Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        return (first == "(" && last == ")") || (first == "（" && last == "）") || (first == "【" && last == "】")
            || (first == "[" && last == "]")
    }
}

extension SegmentLabeler {
    /// Units and measure words that open the line after a figure broken off from them
    /// (`15600` / `㎡,生均面积`, `4520` / `万元`).
    static let unitOpeners: Set<Unicode.Scalar> = Set(
        "㎡%％‰万亿元个所名人册台套间平亩米千百次项座栋幢班位件部辆本处家张块倍岁天户条场期节支批种".unicodeScalars)

    /// A line a shape rule took for noise that is a piece of the sentence around it, as PDF
    /// extraction breaks sentences (the line above, kept, stops mid-sentence):
    /// - a bare figure whose unit opens the next line (`学校占地面积` / `15600` / `㎡,生均面积`);
    /// - a piece of an enumeration (`电脑室` / `1个、多媒体教` / `室1个、理化生仪器室…`).
    /// A keyword injected into a sentence has no figure of its own and no 、 list: not a piece.
    func isSentencePiece(_ i: Int, decision: (LineLabel, String), after previous: LabeledLine?) -> Bool {
        guard decision.0 == .noise, decision.1 == "letter-soup" || decision.1 == "tail-residue",
            let previous, previous.label.isKept, lines[i].number - previous.number <= 2,
            let above = lines[..<i].last(where: { $0.number == previous.number }),
            !above.shape.endsSentence, !(Self.endsInColon(above))
        else { return false }
        let line = lines[i]
        if line.cellKind == .number, !line.cellText.includes(","), i + 1 < segment.upperBound,
            lines[i + 1].number - line.number <= 2,
            let opener = lines[i + 1].text.unicodeScalars.first, Self.unitOpeners.contains(opener)
        {
            return true
        }
        return decision.1 == "tail-residue" && line.text.includes("、")
            && (line.shape.digits > 0 || line.shape.length >= 10)
    }

    private static func endsInColon(_ line: ScannedLine) -> Bool {
        guard let last = line.text.unicodeScalars.last else { return false }
        return last == ":" || last == "："
    }
}
