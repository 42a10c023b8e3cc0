/// Finds sources and attributed claims in an article's paragraphs, by rules.
///
/// A pure function of the text: the same paragraphs always give the same extraction.
///
/// The pipeline, per article:
/// 1. `AnalyzedParagraph`: `Tokenizer` → `QuoteScanner` → `SentenceSplitter`.
/// 2. `NameRegistry`: the people the article names, for later short names and pronouns.
/// 3. `ClaimAssembler`, per sentence: `AttributionFinder` (with `SubjectFinder`,
///    `ComplementReader`, `ClauseBoundaries`) finds attributions, `CoreferenceResolver`
///    maps their mentions to sources, consecutive quotations are joined.
/// 4. `RelationFinder` links claims that dispute others.
public struct ClaimExtractor: Sendable {
    public init() {}

    /// - Parameter blocks: the article's paragraphs, in order.
    /// - Returns: the sources and the claims, claims in text order.
    public func extract(_ blocks: [TextBlock]) -> Extraction {
        let paragraphs = blocks.map(AnalyzedParagraph.init)
        var assembler = ClaimAssembler(registry: NameRegistry(paragraphs: paragraphs))
        return assembler.assemble(paragraphs)
    }
}
