import EduwhCore
import Normalize

extension FactBuilder {
    /// The facts of a line's table cells (`TableScope`): each cell that has a column header or a
    /// row label is read as if they were written before it (厦门市第二实验小学 编制人数 `124`,
    /// 教育支出 本年预算数 `1,250`), so the dictionary, the grammar, the status cues and the
    /// budget columns see what the cell counts and when; the years of the header (2015年, 本年)
    /// date it. Returns the quantities left for the line's own reading (no cell, or a cell with
    /// neither header nor label). The fact keeps its own line and offset; `tableCell` says what
    /// it was read with (`table-header:编制人数 table-row:第二实验小学`).
    func cellFacts(
        _ quantities: [QuantityMention], cells: [TableScope.Cell], line: LabeledLine, years: [YearMention],
        frame: DocumentTimeFrame, profile: DocumentProfile, scope: SectionScope.State, into found: inout [Fact]
    ) -> [QuantityMention] {
        var rest: [QuantityMention] = []
        var rowPlaces: [String: [PlaceMention]] = [:]
        for quantity in quantities {
            guard tableScope,
                let cell = cells.first(where: {
                    $0.range.contains(quantity.offset) || $0.range.lowerBound == quantity.offset
                }),
                cell.header != nil || cell.label != nil
            else {
                rest.append(quantity)
                continue
            }
            let label = Self.clipped(cell.label ?? "")
            let header = Self.clipped(cell.header ?? "")
            // A row that lost its label (1820 1903 1988) is read after a blank: its column year stands before it.
            let joined = label + (label.isEmpty || header.isEmpty ? "" : " ") + header
            let prefix = joined.isEmpty ? " " : joined
            let lineScalars = line.text.unicodeScalars.map { $0 }
            let cellText = String(
                String.UnicodeScalarView(
                    lineScalars[cell.range.lowerBound..<min(cell.range.upperBound, lineScalars.count)]))
            let shift = prefix.unicodeScalars.count - cell.range.lowerBound
            var reading = line
            reading.text = prefix + cellText
            var moved = quantity
            moved.offset += shift
            // The header's own years (2015年, 本年), then the line's within the cell (a column year
            // the header row gave, `table-column`, stands just before the cell).
            // A column titled by a bare year (年份 | 1949 | 1980, a yearbook's row of years) dates its
            // cells as 1980年 would: the year is read with 年 after it (the header ends the prefix).
            let yearText = cell.header.map(TableScope.isBareYear) == true ? prefix + "年" : prefix
            var cellYears = normalizer.years(
                in: normalizer.yearScan(of: yearText), frame: frame, lineNumber: line.number
            )
            .filter { !Normalizer.undatingYearRules.contains($0.rule) }
            for year in years where year.offset >= cell.range.lowerBound - 1 && year.offset < cell.range.upperBound {
                var shifted = year
                shifted.offset = max(0, min(year.offset + shift, moved.offset - 1))
                cellYears.append(shifted)
            }
            let start = found.count
            facts(
                [moved], line: reading, years: cellYears, places: Self.rowPlaces(label, cache: &rowPlaces),
                profile: profile, scope: scope, inherited: nil, into: &found)
            for index in start..<found.count {
                found[index].quantity.offset = quantity.offset
                found[index].tableCell = Self.tableLineage(cell)
            }
        }
        return rest
    }

    /// The divisions a table row's label names (济南市 in a province's table of its cities, 厦门市第二实验小学
    /// in a city's table of its schools), resolved on the label alone: the row's cells are that
    /// division's figures, as a figure its clause places (fx21's 17 city rows gave the province's
    /// region). The label stands first in the cell's reading, so its offsets hold. An ambiguous or
    /// unsupported name (a bare stem, 朝阳) names none. Read once per label (`cache`).
    static func rowPlaces(_ label: String, cache: inout [String: [PlaceMention]]) -> [PlaceMention] {
        guard !label.isEmpty else { return [] }
        if let known = cache[label] { return known }
        let places = PlaceResolver.standard.places(inText: label).map(\.mention).filter { $0.status == .resolved }
        cache[label] = places
        return places
    }

    /// `table-header:编制人数 table-row:第二实验小学` (`-` for a part the table does not show).
    static func tableLineage(_ cell: TableScope.Cell) -> String {
        "table-header:\(cell.header.map(clipped) ?? "-") table-row:\(cell.label.map(clipped) ?? "-")"
    }

    /// A header or label cut to its last `TableScope.contextLimit` scalars (the words nearest the
    /// figure), tabs made spaces.
    static func clipped(_ text: String) -> String {
        let scalars = text.unicodeScalars.map { $0 == "\t" ? " " : $0 }
        return String(String.UnicodeScalarView(scalars.suffix(TableScope.contextLimit)))
    }
}
