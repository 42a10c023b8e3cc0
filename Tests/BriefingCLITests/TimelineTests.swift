import BriefingTestSupport
import Foundation
import Testing

/// `timeline.html` (articles and claims by date), its summary on the index, and the claim
/// listings a reader narrows without JavaScript.
@Suite("Timeline and claim filters")
struct TimelineTests {
    static let dated = """
        -- seeds/late.md --
        ---
        title: Late article
        date: 2025-10-24
        ---
        The mayor said the bridge would reopen.
        -- seeds/early.md --
        ---
        title: Early article
        date: 2025-09-01
        ---
        The mayor said the bridge was closed.
        -- seeds/middle.txt --
        Middle article

        A senior official said the repairs were late.
        -- seeds/middle.claims.yml --
        date: 2025-10-01
        -- seeds/undated.md --
        ---
        title: Undated article
        ---
        The mayor said nothing had changed.
        """

    @Test func articlesRunOldestFirstUndatedLastWithSidecarDates() throws {
        let project = try TestProject(Self.dated)
        let result = try project.run(["build"])
        #expect(result.status == 0, "\(result.stderr)")
        let timeline = try project.read("site/timeline.html")
        let positions = try ["early", "middle", "late", "undated"].map { slug in
            try #require(timeline.range(of: "<h3><a href=\"articles/\(slug).html\">"), "\(slug) missing").lowerBound
        }
        #expect(positions == positions.sorted(), "timeline order")
        #expect(timeline.contains("<li class=\"timeline-day\" id=\"d-2025-10-01\">"), "the sidecar's date of a plain-text seed")
        #expect(timeline.contains("<li class=\"timeline-day undated\" id=\"undated\">"))
        #expect(timeline.contains("From <time datetime=\"2025-09-01\">1 September 2025</time> to <time datetime=\"2025-10-24\">24 October 2025</time>"))
        let index = try project.read("site/index.html")
        #expect(index.contains("<a href=\"timeline.html#d-2025-10-24\">"), "the index summarises the timeline")
        #expect(index.contains("1 undated."))
        let check = try project.run(["check", "site"])
        #expect(check.status == 0, "briefing check: \(check.stderr)")
    }

    @Test func aLongTimelineIsPaged() throws {
        var files = ""
        for n in 1...105 {
            files += "-- seeds/a\(n).md --\n---\ntitle: Article \(n)\ndate: 2024-\(String(format: "%02d", n % 12 + 1))-\(String(format: "%02d", n % 28 + 1))\n---\nThe mayor said item \(n) was ready.\n"
        }
        let project = try TestProject(files)
        #expect(try project.run(["build"]).status == 0)
        let first = try project.read("site/timeline.html")
        let second = try project.read("site/timeline-2.html")
        #expect(first.components(separatedBy: "class=\"timeline-article\"").count - 1 == 100)
        #expect(second.components(separatedBy: "class=\"timeline-article\"").count - 1 == 5)
        #expect(first.contains("<a rel=\"next\" href=\"timeline-2.html\">"))
    }

    @Test func claimsNarrowByStatusSourceKindAndArticleWithoutScript() throws {
        let project = try TestProject(Self.dated)
        #expect(try project.run(["build"]).status == 0)
        let listing = try project.read("site/claims/index.html")
        let filters = try #require(PageParts.between(listing, "<nav class=\"filters\"", "</nav>"))
        #expect(filters.contains("href=\"../claims/status-unverified.html\""))
        #expect(filters.contains("href=\"../claims/named.html\"") && filters.contains("href=\"../claims/anonymous.html\""))
        #expect(filters.contains("<details class=\"filter-articles\">") && filters.contains("href=\"../articles/late.html#article-claims\""))
        let anonymous = try project.read("site/claims/anonymous.html")
        #expect(anonymous.contains("data-source=\"anonymous\""))
        #expect(!anonymous.contains("data-source=\"named\""), "only claims of anonymous sources")
        #expect(anonymous.contains("<a href=\"../claims/anonymous.html\" aria-current=\"page\">"))
        let named = try project.read("site/claims/named.html")
        #expect(named.contains("data-source=\"named\"") && !named.contains("data-source=\"anonymous\""))
        #expect(try project.read("site/articles/late.html").contains("id=\"article-claims\""))
        let check = try project.run(["check", "site"])
        #expect(check.status == 0, "briefing check: \(check.stderr)")
    }
}
