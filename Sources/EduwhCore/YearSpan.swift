/// The years eduwh stores: facts, year mentions and a report's years outside them are kept as
/// text only, `--year` refuses them, and schema.sql's `dim_year` holds exactly them (checked by
/// `FactColumnsTests`).
///
/// ```swift
/// YearSpan.known.contains(2011)   // true
/// YearSpan.known.contains(1066)   // false
/// ```
public enum YearSpan {
    /// 1949 (the People's Republic) to 2100.
    public static let known: ClosedRange<Int> = 1949...2100
}
