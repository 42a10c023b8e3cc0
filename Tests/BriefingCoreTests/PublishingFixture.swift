@testable import BriefingCore
import Foundation

/// A small linked briefing built by hand (no extraction), for the publishing tests:
/// - `alpha` (dated, with author, publication, original URL and tags): a curated,
///   disputed claim by a person whose note carries a script payload, and a claim by an
///   organization that disputes it;
/// - `beta` (undated, a hostile title with a control character): a claim from a document.
enum PublishingFixture {
    static let hostileTitle = "Beta </script><script>alert(1)</script> & \"quotes\" 'too'\u{1}"
    static let hostileNote = "See </script><script>alert(2)</script> & <!-- that -->"

    static func graph(baseURL: String? = nil) -> SiteGraph {
        let alphaText = "Maduro confirmed that the forces possess 5,000 systems. The Pentagon said it could not confirm that."
        let betaText = "A leaked memo says the talks failed."
        let alpha = article("alpha", title: "Alpha & the systems", date: ArticleDate("2025-10-24"), text: alphaText,
                            author: "Jane Doe", publication: "The Ledger", url: "https://example.com/original?a=1&b=2", tags: ["defence", "<b>"])
        let beta = article("beta", title: hostileTitle, date: nil, text: betaText)
        let firstEnd = "Maduro confirmed that the forces possess 5,000 systems.".utf8.count
        let claims = [
            claim("alpha", "one", source: "nicolas-maduro", text: "the forces possess 5,000 systems", span: TextSpan(block: 0, start: 0, end: firstEnd),
                  status: .disputed, curated: true, note: hostileNote, relations: [], inverse: [ClaimRelation(kind: .disputes, claimID: "alpha--two")]),
            claim("alpha", "two", source: "the-pentagon", text: "it could not confirm that", span: TextSpan(block: 0, start: firstEnd + 1, end: alphaText.utf8.count),
                  relations: [ClaimRelation(kind: .disputes, claimID: "alpha--one")]),
            claim("beta", "three", source: "beta--memo", text: "the talks failed", span: TextSpan(block: 0, start: 0, end: betaText.utf8.count),
                  status: .false, curated: true),
        ]
        let sources = [
            Source(id: "beta--memo", name: "a leaked memo", kind: .document, isAnonymous: true, role: nil, reliability: nil,
                   descriptor: nil, article: "beta", claimIDs: ["beta--three"], articleSlugs: ["beta"]),
            Source(id: "nicolas-maduro", name: "Nicolás Maduro", kind: .person, isAnonymous: false, role: "President",
                   reliability: "C", descriptor: nil, article: nil, claimIDs: ["alpha--one"], articleSlugs: ["alpha"]),
            Source(id: "the-pentagon", name: "The Pentagon", kind: .organization, isAnonymous: false, role: nil,
                   reliability: nil, descriptor: nil, article: nil, claimIDs: ["alpha--two"], articleSlugs: ["alpha"]),
        ]
        return SiteGraph(config: SiteConfig(title: "Test & briefing", description: "Who <claims> what", baseURL: baseURL),
                         articles: [alpha, beta], claims: claims, sources: sources)
    }

    static func article(_ slug: String, title: String, date: ArticleDate?, text: String, author: String? = nil,
                        publication: String? = nil, url: String? = nil, tags: [String] = []) -> Article {
        Article(slug: slug, file: "seeds/\(slug).txt", format: .plainText, title: title, date: date, author: author,
                publication: publication, url: url, tags: tags, markdown: "", markdownLineOffset: 0,
                blocks: [TextBlock(index: 0, text: text, line: 3)], sidecar: nil, isDraft: false)
    }

    static func claim(_ article: String, _ local: String, source: String, text: String, span: TextSpan,
                      status: ClaimStatus = .unverified, curated: Bool = false, note: String? = nil,
                      relations: [ClaimRelation] = [], inverse: [ClaimRelation] = []) -> Claim {
        Claim(id: "\(article)--\(local)", localID: local, article: article, sourceID: source, cue: "said", text: text,
              isDirectQuote: false, span: span, sentence: text, status: status, isStatusCurated: curated, credibility: curated ? 3 : nil,
              evidence: curated ? "https://example.com/fact-check" : nil, note: note, relations: relations,
              inverseRelations: inverse, citedSourceIDs: [], origin: curated ? .corrected : .extracted)
    }

    /// Every file of the site rendered with the default theme.
    static func render(_ graph: SiteGraph) throws -> [String: Data] {
        let pages = try SiteRenderer(theme: .default).render(graph)
        return Dictionary(uniqueKeysWithValues: pages.map { ($0.path, $0.contents) })
    }

    static func text(_ files: [String: Data], _ path: String) -> String {
        files[path].map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}
