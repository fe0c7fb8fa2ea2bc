import EduwhCore

// MARK: - Head lines that are no title: addressees and a site's category

extension SegmentLabeler {
    /// A line of one office's name closed by a colon (no other punctuation, 30 characters at most)
    /// right above a paragraph.
    func isNamedAddressee(_ i: Int) -> Bool {
        let line = lines[i]
        guard line.shape.length <= 30, line.shape.punctuation == 0, i + 1 < segment.upperBound, paragraph[i + 1],
            let last = line.text.unicodeScalars.last, last == ":" || last == "："
        else { return false }
        return namesAddressee(line)
    }

    /// Whether a `label：` line names whom a report is addressed to: its label ends in an office
    /// (`org-suffix`: 县政府, 教育委员会) or a role (`role-title`: 代表, 主任).
    func namesAddressee(_ line: ScannedLine) -> Bool {
        var scalars = Substring(line.matchText).unicodeScalars
        while let last = scalars.last, last == ":" || last == "：" || LineShape.isSpace(last) { scalars.removeLast() }
        let label = String(scalars)
        return (cleaner.rules.words("org-suffix") + cleaner.rules.words("role-title")).contains { label.hasSuffix($0) }
    }

    /// A site's category under the report's title: shorter than the title, with no figure, and
    /// ending in the title's last four or more characters, its kind of document (部门工作总结 under
    /// 镇教育2011年工作总结).
    func isCategoryCrumb(_ line: ScannedLine) -> Bool {
        guard let title = titles.first, !line.startsWithDash, line.shape.digits == 0 else { return false }
        let own = Array(line.comparable.unicodeScalars)
        let theirs = Array(title.unicodeScalars)
        guard own.count >= 4, own.count < theirs.count else { return false }
        var shared = 0
        while shared < own.count, own[own.count - 1 - shared] == theirs[theirs.count - 1 - shared] { shared += 1 }
        return shared >= 4 && shared < own.count
    }
}
