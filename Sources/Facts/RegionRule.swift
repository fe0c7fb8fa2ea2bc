/// The ids of the rules that choose a report's region or leave it empty (`DocumentProfiler.regionChoice`),
/// shown by `eduwh extract --facts --explain` where a figure's region is empty or was the report's.
///
/// ```swift
/// RegionRule.national  // "docregion-national": 全国有2717个县… speaks as the country
/// ```
public enum RegionRule {
    /// The division the report names most (title 3, opening 2, body 1): 乳源县教育局工作总结.
    public static let named = "docregion-named"
    /// The city the title names when the county named most is one of its (武威2021年新建哪些学校? … 凉州区).
    public static let titleCity = "docregion-title-city"
    /// The division of the level the report speaks as (我县 in a report naming 广东省 most → its county).
    public static let speakingLevel = "docregion-speaking-level"
    /// The city a report speaks as (全市) when it names one of its counties most (兴隆县 → 承德市).
    public static let speakingCoarser = "docregion-speaking-coarser"
    /// The region whose short name the report speaks from (全港, 本澳).
    public static let shortName = "docregion-short-name"
    /// The one county named in a report that speaks as a county (我县 … 岳西县 once).
    public static let onlyNamed = "docregion-only-named"
    /// The bureau of a source or issuer line the report's text keeps (资料来源：深圳市教育局), never a metadata line.
    public static let sourceLine = "docregion-source-line"
    /// The one division a report that names none otherwise calls by its bare stem or short name, in a
    /// school's name or twice (黎川一中, 泾县中学; 高县…高县), or, in a report speaking as a county, by its
    /// bare stem twice anywhere (寧化堅持…精彩寧化): weak, left to the region chooser.
    public static let weakStem = "docregion-weak-stem"
    /// The division containing the several divisions a report names equally often, none in its title
    /// (a province's bulletin naming its cities twice each in a table), when the report names it too.
    public static let tiedParent = "docregion-tied-parent"
    /// Empty: the report names several divisions equally often and not the one containing them all.
    public static let tied = "docregion-tied"
    /// Empty: the report speaks as the country (全国) and its title names no place.
    public static let national = "docregion-national"
    /// Empty: the report names no division.
    public static let unnamed = "docregion-unnamed"
    /// Empty: no division is named often enough (once in the body, in passing); the best one follows.
    public static let weak = "docregion-weak"
    /// Empty: the report speaks as a county (我县) but does not say which (**县, or several named once).
    public static let unnamedLevel = "docregion-unnamed-level"
    /// Empty: the figure's clause names several divisions before it (凉州区…、古浪县…6所学校).
    public static let severalPlaces = "region-several-places"
    /// The report's region: the figure's clause names several of its divisions before it
    /// (夷陵区实验小学、远安县城关小学等2所学校 in 宜昌市's report); never lowered to one of them.
    public static let severalHeld = "region-several-held"
}
