/// Thresholds of the HTML article finder (`HTMLArticleFinder`), in one place with their
/// documented defaults. Chosen on corpus/html (scripts/html-eval); the comments say what each
/// one guards against.
///
/// ```swift
/// var settings = HTMLArticleSettings()
/// settings.minArticleCharacters = 40     // accept very short notices as articles
/// ```
public struct HTMLArticleSettings: Sendable, Hashable {
    /// A block counts as a paragraph when it has this many characters (whitespace not counted)
    /// and at most `maxParagraphLinkShare` of them inside links. Default 20.
    public var minParagraphCharacters: Int
    /// See `minParagraphCharacters`. Default 0.5.
    public var maxParagraphLinkShare: Double
    /// The chosen article must hold this many characters, or the page is left to Clean alone
    /// (list pages, index pages, pages that are all navigation). Default 80.
    public var minArticleCharacters: Int
    /// Ancestors of a paragraph that receive part of its score (readability's 5). Default 5.
    public var scoredAncestorLevels: Int
    /// Weight of a class/id that names content (`content`, `article`, `正文`, `TRS_Editor`) or
    /// boilerplate (`nav`, `comment`, `share`, `related`): added to or taken from the block's
    /// score. Default 25 (readability's).
    public var classWeight: Double
    /// Other candidates scoring at least this share of the best one vote for a common ancestor
    /// (an article split over several containers). Default 0.75.
    public var alternativeShare: Double
    /// A sibling of the article container joins the article when it scores this share of the
    /// container. Default 0.2.
    public var siblingShare: Double
    /// A block inside the article with at least 2 links and more than this share of its text in
    /// links is a link list (related articles, tags, share bar) and is left out. Default 0.5.
    public var maxLinkListShare: Double
    /// A title candidate must share this fraction of its character pairs with the page's
    /// `<title>` (or `og:title`). Default 0.6.
    public var minTitleAgreement: Double
    /// Lines between the title and the article container (subtitle, date, source) are kept when
    /// there are at most this many of them. Default 30.
    public var maxLinesBetweenTitleAndArticle: Int

    /// Settings with the documented defaults, or the values given.
    public init(
        minParagraphCharacters: Int = 20, maxParagraphLinkShare: Double = 0.5, minArticleCharacters: Int = 80,
        scoredAncestorLevels: Int = 5, classWeight: Double = 25, alternativeShare: Double = 0.75,
        siblingShare: Double = 0.2,
        maxLinkListShare: Double = 0.5, minTitleAgreement: Double = 0.6, maxLinesBetweenTitleAndArticle: Int = 30
    ) {
        self.minParagraphCharacters = minParagraphCharacters
        self.maxParagraphLinkShare = maxParagraphLinkShare
        self.minArticleCharacters = minArticleCharacters
        self.scoredAncestorLevels = scoredAncestorLevels
        self.classWeight = classWeight
        self.alternativeShare = alternativeShare
        self.siblingShare = siblingShare
        self.maxLinkListShare = maxLinkListShare
        self.minTitleAgreement = minTitleAgreement
        self.maxLinesBetweenTitleAndArticle = maxLinesBetweenTitleAndArticle
    }
}
