import Foundation

/// schema.org JSON-LD for a claim page, inserted raw into
/// `<script type="application/ld+json">` by the claim template.
///
/// - A claim whose status an editor set is a fact check: a `ClaimReview` with the fields
///   Google's Fact Check markup requires (`claimReviewed`, `reviewRating.alternateName`,
///   `url`) and those it recommends (`author`, `itemReviewed` as a `Claim` with its
///   `author`, `appearance` and `datePublished`; the rating's `ratingValue`, `bestRating`,
///   `worstRating`, `name`).
/// - Any other claim has not been reviewed: plain `Claim` markup, no rating.
///
/// The rating scale, worst to best: false 1, disputed 2, unverified 3, corroborated 4, true 5.
///
/// URLs are absolute with a base URL; without one they are relative to the claim page
/// (JSON-LD resolves them against the page's address), so no absolute URL appears.
/// `<`, `>` and `&` are written as `\u003c`, `\u003e` and `\u0026`: seed text can never
/// close the script element or start markup inside it.
struct ClaimMarkup {
    let graph: SiteGraph

    func jsonLD(for claim: Claim) -> String {
        let page = SitePaths.claim(claim.id)
        let item = claimItem(claim, from: page)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data: Data?
        if claim.isStatusCurated {
            data = try? encoder.encode(review(claim, item: item, from: page))
        } else {
            var plain = item
            plain.context = Self.context
            plain.url = url(page, from: page)
            data = try? encoder.encode(plain)
        }
        return Self.scriptSafe(String(decoding: data ?? Data("{}".utf8), as: UTF8.self))
    }

    /// Escapes what could end a `<script>` element or confuse an HTML parser inside one.
    /// JSON allows these characters only inside strings, where `\uXXXX` means the same.
    static func scriptSafe(_ json: String) -> String {
        // Most claims have none of them: one pass over the bytes (U+2028 and U+2029 are
        // E2 80 A8 and E2 80 A9) and the text is returned as it is.
        let bytes = json.utf8
        guard bytes.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "&") || $0 == 0xE2 }) else {
            return json
        }
        var result = ""
        result.reserveCapacity(json.utf8.count)
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": result += "\\u003c"
            case ">": result += "\\u003e"
            case "&": result += "\\u0026"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The rating of a reviewed claim on the five-point scale.
    static func rating(_ status: ClaimStatus) -> Int {
        switch status {
        case .false: return 1
        case .disputed: return 2
        case .unverified: return 3
        case .corroborated: return 4
        case .true: return 5
        }
    }

    // MARK: - Building the markup

    private static let context = "https://schema.org"

    /// `target` as the markup writes it: absolute under the base URL, else relative to `page`.
    private func url(_ target: String, from page: String) -> String {
        graph.config.baseURL.map { $0 + target } ?? SitePaths.root(from: page) + target
    }

    private func review(_ claim: Claim, item: ClaimItem, from page: String) -> ClaimReview {
        let label = ViewModels(graph: graph).statusLabel(claim.status)
        return ClaimReview(
            context: Self.context, url: url(page, from: page), claimReviewed: claim.text, itemReviewed: item,
            reviewRating: Rating(ratingValue: Self.rating(claim.status), alternateName: label, name: label),
            author: Agent(type: "Organization", name: graph.config.title, url: url(SitePaths.index, from: page)),
            reviewBody: claim.note)
    }

    private func claimItem(_ claim: Claim, from page: String) -> ClaimItem {
        var item = ClaimItem(text: claim.text)
        if let source = graph.source(claim.sourceID) {
            let sourceURL = url(SitePaths.source(source.id), from: page)
            switch source.kind {
            case .person: item.author = Agent(type: "Person", name: source.name, url: sourceURL)
            case .organization, .group: item.author = Agent(type: "Organization", name: source.name, url: sourceURL)
            // A document is where a claim appears, not a person or organization behind it.
            case .document: item.firstAppearance = Work(headline: nil, name: source.name, url: sourceURL)
            }
        }
        if let article = graph.article(claim.article) {
            let sentence = SitePaths.article(article.slug) + "#" + ClaimAnchor.htmlID(for: claim.id)
            var work = Work(headline: article.title, name: nil, url: url(sentence, from: page))
            work.datePublished = article.effectiveDate?.description
            work.author = article.author.map { Agent(type: "Person", name: $0, url: nil) }
            work.publisher = article.publication.map { Agent(type: "Organization", name: $0, url: nil) }
            if let original = article.url, URLPolicy.isSafeExternal(original) { work.sameAs = original }
            item.appearance = work
            item.datePublished = article.effectiveDate?.description
        }
        return item
    }
}

// MARK: - schema.org types

private struct ClaimReview: Encodable {
    var context: String
    var type = "ClaimReview"
    var url: String
    var claimReviewed: String
    var itemReviewed: ClaimItem
    var reviewRating: Rating
    var author: Agent
    var reviewBody: String?

    enum CodingKeys: String, CodingKey {
        case context = "@context", type = "@type"
        case url, claimReviewed, itemReviewed, reviewRating, author, reviewBody
    }
}

private struct ClaimItem: Encodable {
    var context: String?
    var type = "Claim"
    var text: String
    var url: String?
    var author: Agent?
    var appearance: Work?
    var firstAppearance: Work?
    var datePublished: String?

    enum CodingKeys: String, CodingKey {
        case context = "@context", type = "@type"
        case text, url, author, appearance, firstAppearance, datePublished
    }
}

private struct Rating: Encodable {
    var type = "Rating"
    var ratingValue: Int
    var bestRating = 5
    var worstRating = 1
    var alternateName: String
    var name: String

    enum CodingKeys: String, CodingKey {
        case type = "@type"
        case ratingValue, bestRating, worstRating, alternateName, name
    }
}

private struct Agent: Encodable {
    var type: String
    var name: String
    var url: String?

    enum CodingKeys: String, CodingKey {
        case type = "@type"
        case name, url
    }
}

private struct Work: Encodable {
    var type = "CreativeWork"
    var headline: String?
    var name: String?
    var url: String
    var datePublished: String?
    var author: Agent?
    var publisher: Agent?
    var sameAs: String?

    enum CodingKeys: String, CodingKey {
        case type = "@type"
        case headline, name, url, datePublished, author, publisher, sameAs
    }
}
