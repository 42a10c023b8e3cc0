/// Finds sources and attributed claims in an article's paragraphs, by rules.
///
/// A pure function of the text: the same paragraphs always give the same extraction.
public struct ClaimExtractor: Sendable {
    public init() {}

    /// - Parameter blocks: the article's paragraphs, in order.
    /// - Returns: the sources and the claims, claims in text order.
    public func extract(_ blocks: [TextBlock]) -> Extraction {
        Extraction()
    }
}
