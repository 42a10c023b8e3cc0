@testable import BriefingCore
import BriefingTestSupport
import Foundation
import Testing

/// The machine-readable outputs: sitemap, Atom feed, briefing.json, claim JSON-LD.
@Suite("Publishing formats")
struct PublishingFormatTests {
    static let base = "https://example.org/briefing/"

    // MARK: - Which files

    @Test func withoutBaseURLOnlyBriefingJSONAndNoAbsoluteURLs() throws {
        let files = try PublishingFixture.render(PublishingFixture.graph())
        #expect(files["briefing.json"] != nil)
        #expect(files["sitemap.xml"] == nil)
        #expect(files["feed.xml"] == nil)
        for (path, data) in files where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            #expect(!html.contains("rel=\"canonical\""), "\(path)")
            #expect(!html.contains("application/atom+xml"), "\(path)")
            #expect(!html.contains("example.org"), "\(path): an absolute URL of the site")
        }
    }

    @Test func withBaseURLSitemapFeedCanonicalAndFeedLink() throws {
        let files = try PublishingFixture.render(PublishingFixture.graph(baseURL: Self.base))
        #expect(files["sitemap.xml"] != nil)
        #expect(files["feed.xml"] != nil)
        for (path, data) in files where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            #expect(html.contains("<link rel=\"canonical\" href=\"\(Self.base)\(path)\">"), "\(path)")
            #expect(html.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Test &amp; briefing\" href=\"\(Self.base)feed.xml\">"), "\(path)")
        }
    }

    @Test func renderedSitePassesTheChecker() throws {
        for base in [nil, Self.base] {
            let files = try PublishingFixture.render(PublishingFixture.graph(baseURL: base))
            let report = SiteChecker().check(InMemorySiteFiles(files))
            #expect(report.problems.isEmpty, "\(report.problems)")
        }
    }

    // MARK: - Sitemap

    @Test func sitemapListsEveryPageOnceWithAbsoluteURLs() throws {
        let files = try PublishingFixture.render(PublishingFixture.graph(baseURL: Self.base))
        let pages = files.keys.filter { $0.hasSuffix(".html") }.sorted()
        let xml = try #require(files["sitemap.xml"])
        #expect(String(decoding: xml, as: UTF8.self).contains("xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""))
        let root = try XMLTree.parse(xml)
        #expect(root.name == "urlset")
        let locs = root.children("url").compactMap { $0.child("loc")?.text }
        #expect(locs == pages.map { Self.base + $0 })
    }

    @Test func sitemapBecomesAnIndexPastTheLimit() throws {
        let paths = (1...5).map { "claims/c\($0).html" }
        let files = SitemapWriter(baseURL: Self.base).files(for: paths, limit: 2)
        #expect(files.map(\.path) == ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"])
        let index = try XMLTree.parse(files[0].contents)
        #expect(index.name == "sitemapindex")
        #expect(index.children("sitemap").compactMap { $0.child("loc")?.text } == (1...3).map { "\(Self.base)sitemap-\($0).xml" })
        var listed: [String] = []
        for part in files.dropFirst() {
            let urlset = try XMLTree.parse(part.contents)
            #expect(urlset.children("url").count <= 2)
            listed += urlset.children("url").compactMap { $0.child("loc")?.text }
        }
        #expect(listed == paths.map { Self.base + $0 })
    }

    @Test func sitemapEscapesTheBaseURL() throws {
        let files = SitemapWriter(baseURL: "https://example.org/a&b/").files(for: ["index.html"])
        let text = String(decoding: files[0].contents, as: UTF8.self)
        #expect(text.contains("<loc>https://example.org/a&amp;b/index.html</loc>"))
        #expect(try XMLTree.parse(files[0].contents).child("url")?.child("loc")?.text == "https://example.org/a&b/index.html")
    }

    // MARK: - Feed

    @Test func feedHasIdsUpdatedDatesAndLinks() throws {
        let feed = AtomFeed(graph: PublishingFixture.graph(baseURL: Self.base), baseURL: Self.base).file()
        #expect(feed.path == "feed.xml")
        #expect(String(decoding: feed.contents, as: UTF8.self).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""))
        let root = try XMLTree.parse(feed.contents)
        #expect(root.name == "feed")
        #expect(root.child("id")?.text == Self.base)
        #expect(root.child("title")?.text == "Test & briefing")
        #expect(root.child("updated")?.text == "2025-10-24T00:00:00Z", "the newest article's date, never the clock")
        #expect(root.child("author")?.child("name")?.text == "Test & briefing")
        let links = root.children("link")
        #expect(links.contains { $0.attributes["rel"] == "self" && $0.attributes["href"] == Self.base + "feed.xml" })
        #expect(links.contains { $0.attributes["rel"] == "alternate" && $0.attributes["href"] == Self.base + "index.html" })

        let entries = root.children("entry")
        #expect(entries.count == 2)
        for entry in entries {
            let id = try #require(entry.child("id")?.text)
            #expect(id.hasPrefix(Self.base + "articles/") && id.hasSuffix(".html"))
            #expect(entry.child("title") != nil)
            #expect(entry.child("updated")?.text.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"#, options: .regularExpression) != nil)
            #expect(entry.children("link").contains { $0.attributes["rel"] == "alternate" && $0.attributes["href"] == id })
        }
        let alpha = try #require(entries.first)
        #expect(alpha.child("id")?.text == Self.base + "articles/alpha.html", "newest first")
        #expect(alpha.child("published")?.text == "2025-10-24T00:00:00Z")
        #expect(alpha.child("author")?.child("name")?.text == "Jane Doe")
        #expect(alpha.children("link").contains { $0.attributes["rel"] == "related" && $0.attributes["href"] == "https://example.com/original?a=1&b=2" })
        #expect(alpha.children("category").compactMap { $0.attributes["term"] } == ["defence", "<b>"])
        let beta = try #require(entries.last)
        #expect(beta.child("updated")?.text == AtomFeed.undatedTimestamp, "an undated article has a fixed date")
        #expect(beta.child("published") == nil)
    }

    @Test func feedCarriesHostileTextAsText() throws {
        let feed = AtomFeed(graph: PublishingFixture.graph(baseURL: Self.base), baseURL: Self.base).file()
        let root = try XMLTree.parse(feed.contents)
        let title = root.children("entry").last?.child("title")?.text
        #expect(title == PublishingFixture.hostileTitle.replacingOccurrences(of: "\u{1}", with: ""), "escaped, control character dropped")
    }

    @Test func feedWithoutAnyDateUsesTheEpoch() throws {
        var graph = PublishingFixture.graph(baseURL: Self.base)
        graph = SiteGraph(config: graph.config, articles: graph.articles.map { var a = $0; a.date = nil; return a },
                          claims: graph.claims, sources: graph.sources)
        let root = try XMLTree.parse(AtomFeed(graph: graph, baseURL: Self.base).file().contents)
        #expect(root.child("updated")?.text == "1970-01-01T00:00:00Z")
    }

    // MARK: - briefing.json

    @Test func briefingJSONHasEveryEntityWithIdsPathsAndRelations() throws {
        let data = BriefingJSON(PublishingFixture.graph()).data()
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        let articles = try #require(object["articles"] as? [[String: Any]])
        #expect(articles.compactMap { $0["path"] as? String } == ["articles/alpha.html", "articles/beta.html"])
        let claims = try #require(object["claims"] as? [[String: Any]])
        #expect(claims.compactMap { $0["id"] as? String } == ["alpha--one", "alpha--two", "beta--three"])
        #expect(claims.first?["sentencePath"] as? String == "articles/alpha.html#claim-alpha--one")
        #expect(claims.first?["statusSetByEditor"] as? Bool == true)
        let sources = try #require(object["sources"] as? [[String: Any]])
        #expect(sources.compactMap { $0["path"] as? String }.contains("sources/nicolas-maduro.html"))
        let relations = try #require(object["relations"] as? [[String: String]])
        #expect(relations == [["kind": "disputes", "from": "alpha--two", "to": "alpha--one"]])
        #expect((object["site"] as? [String: Any])?["baseURL"] == nil, "no absolute URL without a base URL")
    }

    @Test func briefingJSONBytesAreStableAndLaidOutByUs() throws {
        let first = BriefingJSON(PublishingFixture.graph()).data()
        #expect(first == BriefingJSON(PublishingFixture.graph()).data())
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"articles\": [\n    {\n"))
        #expect(text.contains("\"cites\": []"))
        #expect(!text.contains("\" : "))
        #expect(text.hasSuffix("}\n"))
    }

    @Test func jsonLayoutKeepsStringsIntact() throws {
        let compact = Data(#"{"a":["x,y","{[\"]}:",[],{}],"b":{"c":1.5,"d":null}}"#.utf8)
        let pretty = JSONLayout.pretty(compact)
        let before = try JSONSerialization.jsonObject(with: compact) as? NSDictionary
        let after = try JSONSerialization.jsonObject(with: pretty) as? NSDictionary
        #expect(before == after)
        #expect(String(decoding: pretty, as: UTF8.self) == """
            {
              "a": [
                "x,y",
                "{[\\"]}:",
                [],
                {}
              ],
              "b": {
                "c": 1.5,
                "d": null
              }
            }

            """)
    }

    /// A document streamed member by member and element by element, in small chunks, has
    /// the bytes of the whole document encoded and laid out at once.
    @Test func jsonStreamWriterMatchesTheWholeLaidOut() throws {
        struct Item: Encodable { var name: String; var tags: [String]; var extra: [String: Int]? }
        struct Document: Encodable { var items: [Item]; var empty: [Item]; var title: String; var nested: Item; var version: Int }
        let items = [Item(name: "a,\"b\"", tags: ["x/y", "{["], extra: nil), Item(name: "c", tags: [], extra: ["k": 1, "j": 2])]
        let document = Document(items: items, empty: [], title: "t:1", nested: items[1], version: 1)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var chunks: [[UInt8]] = []
        var json = JSONStreamWriter(encoder: encoder, chunkSize: 16) { chunks.append($0) }
        try json.member("empty", elements: document.empty)
        try json.member("items", elements: document.items)
        try json.member("nested", document.nested)
        try json.member("title", document.title)
        try json.member("version", document.version)
        try json.finish()
        #expect(chunks.count > 2)
        #expect(Data(chunks.joined()) == JSONLayout.pretty(try encoder.encode(document)))

        var emptyObject: [UInt8] = []
        var nothing = JSONStreamWriter(encoder: encoder) { emptyObject += $0 }
        try nothing.finish()
        #expect(String(decoding: emptyObject, as: UTF8.self) == "{}\n")
    }

    @Test func briefingJSONIsStreamedWithItsMembersInKeyOrder() throws {
        let graph = PublishingFixture.graph(baseURL: Self.base)
        let streamed = try #require(SiteRenderer(theme: .default).render(graph).first { $0.path == BriefingJSON.path })
        #expect(streamed.contents == BriefingJSON(graph).data())
        let keys = String(decoding: streamed.contents, as: UTF8.self).split(separator: "\n")
            .filter { $0.hasPrefix("  \"") && !$0.hasPrefix("   ") }
            .map { $0.dropFirst(3).prefix { $0 != "\"" } }
        #expect(keys == ["articles", "claims", "clusters", "generator", "relations", "site", "sources", "version"])
    }

    // MARK: - Claim markup

    /// The JSON-LD object of `claim` as a dictionary.
    func markup(_ id: String, baseURL: String? = nil) throws -> [String: Any] {
        let graph = PublishingFixture.graph(baseURL: baseURL)
        let claim = try #require(graph.claim(id))
        let json = ClaimMarkup(graph: graph).jsonLD(for: claim)
        #expect(!json.contains("<") && !json.contains(">") && !json.contains("&"), "markup characters are escaped")
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test func curatedClaimIsAClaimReviewWithGooglesFields() throws {
        let review = try markup("alpha--one", baseURL: Self.base)
        #expect(review["@context"] as? String == "https://schema.org")
        #expect(review["@type"] as? String == "ClaimReview")
        // Required by Google: claimReviewed, reviewRating.alternateName, url (the page itself).
        #expect(review["claimReviewed"] as? String == "the forces possess 5,000 systems")
        #expect(review["url"] as? String == Self.base + "claims/alpha--one.html")
        let rating = try #require(review["reviewRating"] as? [String: Any])
        #expect(rating["@type"] as? String == "Rating")
        #expect(rating["alternateName"] as? String == "Disputed")
        #expect(rating["ratingValue"] as? Int == 2)
        #expect(rating["bestRating"] as? Int == 5)
        #expect(rating["worstRating"] as? Int == 1)
        // Recommended: the fact-checker as author, the claim with its author and appearance.
        let author = try #require(review["author"] as? [String: Any])
        #expect(author["@type"] as? String == "Organization")
        #expect(author["name"] as? String == "Test & briefing")
        let item = try #require(review["itemReviewed"] as? [String: Any])
        #expect(item["@type"] as? String == "Claim")
        let claimAuthor = try #require(item["author"] as? [String: Any])
        #expect(claimAuthor["@type"] as? String == "Person")
        #expect(claimAuthor["name"] as? String == "Nicolás Maduro")
        #expect(claimAuthor["url"] as? String == Self.base + "sources/nicolas-maduro.html")
        let appearance = try #require(item["appearance"] as? [String: Any])
        #expect(appearance["url"] as? String == Self.base + "articles/alpha.html#claim-alpha--one")
        #expect(appearance["headline"] as? String == "Alpha & the systems")
        #expect(appearance["sameAs"] as? String == "https://example.com/original?a=1&b=2")
        #expect(item["datePublished"] as? String == "2025-10-24")
        #expect(review["reviewBody"] as? String == PublishingFixture.hostileNote, "escaping round-trips")
    }

    @Test func ratingScaleFollowsTheStatus() {
        #expect(ClaimStatus.allCases.map(ClaimMarkup.rating) == [3, 4, 2, 1, 5])
    }

    @Test func uncuratedClaimIsPlainClaimMarkup() throws {
        let claim = try markup("alpha--two")
        #expect(claim["@type"] as? String == "Claim")
        #expect(claim["reviewRating"] == nil)
        #expect(claim["text"] as? String == "it could not confirm that")
        #expect((claim["author"] as? [String: Any])?["@type"] as? String == "Organization")
        #expect(claim["url"] as? String == "../claims/alpha--two.html", "relative without a base URL")
    }

    @Test func documentSourceIsAnAppearanceNotAnAuthor() throws {
        let review = try markup("beta--three")
        let item = try #require(review["itemReviewed"] as? [String: Any])
        #expect(item["author"] == nil)
        #expect((item["firstAppearance"] as? [String: Any])?["name"] as? String == "a leaked memo")
        #expect((review["reviewRating"] as? [String: Any])?["alternateName"] as? String == "False")
        #expect(review["url"] as? String == "../claims/beta--three.html")
    }

    @Test func claimPagesEmbedTheMarkupInertly() throws {
        let files = try PublishingFixture.render(PublishingFixture.graph())
        let page = PublishingFixture.text(files, "claims/alpha--one.html")
        let open = try #require(page.range(of: #"<script type="application/ld+json">"#))
        let close = try #require(page.range(of: "</script>", range: open.upperBound..<page.endIndex))
        let script = open.upperBound..<close.lowerBound
        #expect(!page[script].contains("<"), "the markup holds no `<` at all")
        #expect(page.components(separatedBy: "application/ld+json").count == 2)
        #expect(!page.contains("<script>alert(2)"), "the note cannot close the JSON-LD script and open another")
        #expect(page[script].contains("\\u003c/script\\u003e"))
    }
}
