import BriefingTestSupport
import Foundation
import Testing

/// The sample briefing built for publishing: with and without a base URL, its
/// sitemap, feed, briefing.json (validated against docs/briefing.schema.json) and claim
/// JSON-LD, as the CLI writes them.
@Suite("Publishing the sample site")
struct PublishingSiteTests {
    static let base = "https://example.org/briefing/"

    /// The sample project built into `site/`, with `arguments` added to `build`.
    static func built(_ arguments: [String] = [], files: String = "") throws -> TestProject {
        let project = try TestProject(files, copying: BriefingBinary.repository)
        let result = try project.run(["build", "--quiet"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return project
    }

    static func htmlPages(_ project: TestProject) -> [String] {
        project.files(under: "site").filter { $0.hasSuffix(".html") }
    }

    @Test func withBaseURLSitemapFeedAndCanonicalLinks() throws {
        let project = try Self.built(["--base-url", Self.base])
        let pages = Self.htmlPages(project)
        #expect(!pages.isEmpty)

        let sitemap = try XMLTree.parse(Data(contentsOf: project.url("site/sitemap.xml")))
        #expect(sitemap.name == "urlset")
        let locs = sitemap.children("url").compactMap { $0.child("loc")?.text }
        #expect(locs == pages.map { Self.base + $0 }, "every page once, absolute")

        let feed = try XMLTree.parse(Data(contentsOf: project.url("site/feed.xml")))
        #expect(feed.name == "feed")
        #expect(feed.child("id")?.text == Self.base)
        #expect(feed.child("updated") != nil)
        #expect(feed.children("link").contains { $0.attributes["rel"] == "self" && $0.attributes["href"] == Self.base + "feed.xml" })
        let entries = feed.children("entry")
        #expect(entries.count == project.files(under: "site/articles").filter { $0 != "index.html" }.count)
        for entry in entries {
            let id = try #require(entry.child("id")?.text)
            #expect(id.hasPrefix(Self.base + "articles/"))
            #expect(entry.child("updated")?.text.hasSuffix("T00:00:00Z") == true)
            #expect(entry.children("link").contains { $0.attributes["href"] == id })
        }

        for page in pages {
            let html = try project.read("site/\(page)")
            #expect(html.contains("<link rel=\"canonical\" href=\"\(Self.base)\(page)\">"), "\(page)")
            #expect(html.contains("href=\"\(Self.base)feed.xml\""), "\(page): feed autodiscovery")
        }
        let check = try project.run(["check", "site"])
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test func withoutBaseURLNoAbsoluteURLsOfTheSite() throws {
        let project = try Self.built()
        #expect(!project.exists("site/sitemap.xml"))
        #expect(!project.exists("site/feed.xml"))
        #expect(project.exists("site/briefing.json"))
        for page in Self.htmlPages(project) {
            let html = try project.read("site/\(page)")
            #expect(!html.contains("rel=\"canonical\""), "\(page)")
            #expect(!html.contains("application/atom+xml"), "\(page)")
        }
        #expect(try !project.read("site/briefing.json").contains("baseURL"))
    }

    @Test(.enabled(if: Python.executable != nil, "python3 is not installed: cannot run PyPI jsonschema"))
    func briefingJSONValidatesAgainstItsSchema() throws {
        // The sample with a base URL, and a small project that uses every optional field.
        let sample = try Self.built(["--base-url", Self.base])
        let rich = try TestProject(Self.richProject)
        let richBuild = try rich.run(["build", "--quiet"])
        #expect(richBuild.status == 0, "\(richBuild.stderr)")
        let richJSON = try rich.read("site/briefing.json")
        for field in ["\"date\"", "\"author\"", "\"evidence\"", "\"reliability\"", "\"descriptor\"", "\"credibility\"", "\"supports\""] {
            #expect(richJSON.contains(field), "the rich project exercises \(field)")
        }

        let python = try #require(Python.executable)
        let result = try BriefingBinary.runProgram(
            python, [BriefingBinary.repository.appendingPathComponent("scripts/validate-json-schema.py").path,
                     BriefingBinary.repository.appendingPathComponent("docs/briefing.schema.json").path,
                     sample.url("site/briefing.json").path, rich.url("site/briefing.json").path],
            in: BriefingBinary.repository)
        #expect(result.status != 3, "PyPI jsonschema is missing: pip install jsonschema (make deps installs it)")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test func claimPagesCarryClaimReviewOrClaimMarkup() throws {
        let project = try Self.built(["--base-url", Self.base])
        let data = try Data(contentsOf: project.url("site/briefing.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let claims = try #require(json["claims"] as? [[String: Any]])
        var reviews = 0
        for claim in claims {
            let path = try #require(claim["path"] as? String)
            let html = try project.read("site/\(path)")
            let markup = try #require(Self.jsonLD(in: html), "\(path): no JSON-LD")
            if claim["statusSetByEditor"] as? Bool == true {
                reviews += 1
                #expect(markup["@type"] as? String == "ClaimReview", "\(path)")
                #expect(markup["claimReviewed"] as? String == claim["text"] as? String)
                #expect(markup["url"] as? String == Self.base + path)
                let rating = markup["reviewRating"] as? [String: Any]
                #expect(rating?["alternateName"] as? String != nil, "\(path): Google requires reviewRating.alternateName")
                #expect((markup["itemReviewed"] as? [String: Any])?["@type"] as? String == "Claim")
            } else {
                #expect(markup["@type"] as? String == "Claim", "\(path)")
                #expect(markup["reviewRating"] == nil)
            }
        }
        #expect(reviews > 0, "the sample's sidecar sets statuses")
    }

    /// With a base URL too, two builds in different folders at different times give the
    /// same bytes: feed dates come from the articles, never the clock.
    @Test func publishingFilesAreByteIdenticalAcrossFoldersAndTimes() throws {
        let first = try Self.built(["--base-url", Self.base])
        Thread.sleep(forTimeInterval: 1.1)
        let second = try Self.built(["--base-url", Self.base])
        let files = first.files(under: "site")
        #expect(files == second.files(under: "site"))
        for file in files {
            #expect(try Data(contentsOf: first.url("site/\(file)")) == Data(contentsOf: second.url("site/\(file)")), "\(file) differs")
        }
    }

    /// The object in the page's `<script type="application/ld+json">`.
    static func jsonLD(in html: String) -> [String: Any]? {
        guard let open = html.range(of: "<script type=\"application/ld+json\">"),
              let close = html.range(of: "</script>", range: open.upperBound..<html.endIndex) else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(html[open.upperBound..<close.lowerBound].utf8))) as? [String: Any]
    }

    /// Seeds and a sidecar that fill every optional field of briefing.json.
    static let richProject = """
        -- briefing.yml --
        title: Harbour
        description: Who claims what about the harbour.
        base_url: https://example.org/harbour/
        -- seeds/harbour.md --
        ---
        title: The harbour reopens
        date: 2025-11-02
        author: Ann Writer
        publication: The Coast Daily
        url: https://example.com/harbour
        tags: [harbour, ports]
        ---
        The mayor said the harbour would reopen in May.

        According to a port official, the dredging is finished.
        -- seeds/harbour.claims.yml --
        sources:
          - id: the-mayor
            name: The mayor
            type: person
            reliability: B
          - id: port-official
            name: a port official
            type: person
            anonymous: true
            descriptor: Works at the harbour office.
        claims:
          - id: reopen-may
            text: the harbour would reopen in May
            source: the-mayor
            status: corroborated
            credibility: 2
            evidence: https://example.com/notice
            note: The notice confirms the date.
          - id: dredging-done
            text: the dredging is finished
            source: port-official
            supports: reopen-may
            cites: [the-mayor]
        """
}

/// Finding `python3` on the PATH.
enum Python {
    static let executable: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("python3") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()
}
