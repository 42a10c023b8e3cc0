/// Renders an article's body to HTML with cmark, every claim's sentence wrapped in a
/// link to its claim page (by editing cmark's tree, never the HTML string).
struct ArticleBodyRenderer {
    /// - Parameter claims: the article's claims, site ids, in text order.
    func html(for article: Article, claims: [Claim], sourceName: (String) -> String?) -> String {
        let document = article.format == .markdown
            ? MarkdownDocument(markdown: article.markdown, lineOffset: article.markdownLineOffset)
            : MarkdownDocument(paragraphs: article.blocks.map(\.text))
        var coveredEnd: [Int: Int] = [:]
        var anchors: [(span: TextSpan, anchor: ClaimAnchor)] = []
        for claim in claims.sorted(by: { ($0.span, $0.id) < ($1.span, $1.id) }) {
            var span = claim.span
            span.start = max(span.start, coveredEnd[span.block] ?? 0)
            span.end = max(span.start, span.end)
            coveredEnd[span.block] = span.end
            let label = "Claim by \(sourceName(claim.sourceID) ?? claim.sourceID) (\(claim.status.rawValue))"
            let anchor = ClaimAnchor(claimID: claim.id, href: "../" + SitePaths.claim(claim.id), label: label)
            anchors.append((span, anchor))
        }
        document.wrap(anchors)
        return document.html()
    }
}
