/// The Clean stage's thresholds, in one place, with their defaults.
///
/// ```swift
/// var settings = CleanSettings()
/// settings.maxTitleLines = 2
/// let cleaner = Cleaner(rules: .standard, settings: settings)
/// ```
public struct CleanSettings: Sendable, Hashable {
    /// A line counts as a body paragraph (it anchors the head/body/tail zones) when no line
    /// rule claims it, it has at least this many non-space characters (low enough for text
    /// hard-wrapped at 25 characters a line) … Default 20.
    public var paragraphMinLength = 20
    /// … and at least this many sentence punctuation marks (，。；！？). Default 2.
    public var paragraphMinPunctuation = 2
    /// At most this many title lines per report (main title, subtitle, site title). Default 4.
    public var maxTitleLines = 4
    /// A head line longer than this is not a title. Default 64 characters.
    public var maxTitleLength = 64
    /// A line starts a new glued report when its split-cue points reach this. Default 3.
    public var splitThreshold = 3
    /// A report must have this many body lines before a (non-marker) split can end it. Default 3.
    public var minLinesBeforeSplit = 3
    /// Points added when a line is indented in a file whose lines mostly are not. Default 1.
    public var indentWeight = 1
    /// "Mostly not indented": at most this share of the file's lines is indented. Default 0.25.
    public var rareIndentShare = 0.25
    /// After the last paragraph (or a closing line), this many lines may still be the speaker's
    /// signature (name, office, date). Default 3.
    public var signatureWindow = 3
    /// A new report may begin up to this many title-like lines before its first cue. Default 2.
    public var splitBacktrackLines = 2
    /// Outside the head, a line that contains a title and is at most this many characters
    /// longer is a repeated title. Default 12.
    public var titleRepeatSlack = 12
    /// On a collection page, one or two paragraphs within this many lines of the top above the
    /// first piece (篇一：…, …总结 篇1) are the site's intro to the collection. Default 16 lines.
    public var collectionIntroWindow = 16

    /// The defaults above.
    public init() {}
}
