@testable import BriefingCore

/// Runs the extractor over paragraphs given as strings.
func extract(_ paragraphs: String...) -> Extraction {
    ClaimExtractor().extract(paragraphs.enumerated().map { TextBlock(index: $0.offset, text: $0.element, line: $0.offset + 1) })
}

extension Extraction {
    /// The name of the source of claim `index`.
    func sourceName(ofClaim index: Int) -> String? {
        guard claims.indices.contains(index) else { return nil }
        return sources.first { $0.key == claims[index].sourceKey }?.name
    }
}

/// The text a span covers, or nil when it does not fall on character boundaries.
func text(at span: TextSpan, in paragraphs: [String]) -> String? {
    let utf8 = paragraphs[span.block].utf8
    guard span.start >= 0, span.end <= utf8.count, span.start <= span.end else { return nil }
    let start = utf8.index(utf8.startIndex, offsetBy: span.start)
    let end = utf8.index(utf8.startIndex, offsetBy: span.end)
    return String(utf8[start..<end])
}

/// The sentences `SentenceSplitter` finds, as text.
func sentences(_ text: String) -> [String] {
    let paragraph = AnalyzedParagraph(TextBlock(index: 0, text: text, line: 1))
    return paragraph.sentences.map { sentence in
        let utf8 = text.utf8
        return String(utf8[utf8.index(utf8.startIndex, offsetBy: sentence.start)..<utf8.index(utf8.startIndex, offsetBy: sentence.end)]) ?? ""
    }
}
