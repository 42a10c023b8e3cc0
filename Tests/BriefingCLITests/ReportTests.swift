import BriefingTestSupport
import Foundation
import Testing

/// `report.html`: the briefing as one printable document.
@Suite("Report page")
struct ReportTests {
    static func sample() throws -> (TestProject, String) {
        let project = try TestProject(copying: BriefingBinary.repository)
        let result = try project.run(["build"])
        #expect(result.status == 0, "\(result.stderr)")
        return (project, try project.read("site/report.html"))
    }

    @Test func everyClaimAndEverySourceOfTheSampleAppears() throws {
        let (project, report) = try Self.sample()
        let site = project.url("site")
        let claims = PageParts.claimIDs(site), sources = PageParts.sourceIDs(site)
        #expect(!claims.isEmpty && !sources.isEmpty)
        let articles = try #require(PageParts.between(report, "id=\"articles-heading\"", "</article>"))
        for id in claims {
            #expect(articles.contains("href=\"claims/\(id).html\""), "claim \(id) missing from the report's articles")
        }
        let matrix = try #require(PageParts.between(report, "id=\"matrix-heading\"", "</table>"))
        for id in sources {
            #expect(matrix.contains("href=\"sources/\(id).html\""), "source \(id) missing from the source matrix")
        }
        #expect(report.contains("<time datetime=\"2025-10-24\">24 October 2025</time>"), "the date range")
        #expect(report.contains("<dt>Claims</dt><dd>\(claims.count)</dd>"), "the counts")
        let check = try project.run(["check", "site"])
        #expect(check.status == 0, "briefing check: \(check.stderr)")
    }

    @Test func disputedClaimsComeFirstEachBesideWhatDisputesIt() throws {
        let (_, report) = try Self.sample()
        let disputed = try #require(report.range(of: "id=\"group-disputed\""))
        let unverified = try #require(report.range(of: "id=\"group-unverified\""))
        #expect(disputed.lowerBound < unverified.lowerBound)
        let pairs = report.components(separatedBy: "<div class=\"dispute\">").dropFirst().map { chunk -> (String, String) in
            let sides = chunk.components(separatedBy: "dispute-counter")
            return (sides[0], sides.count > 1 ? sides[1].components(separatedBy: "</div>\n</div>")[0] : "")
        }
        func pair(_ claim: String, disputedBy counter: String) -> Bool {
            pairs.contains { $0.0.contains("claims/venezuela-igla-s-manpads--\(claim).html") && $0.1.contains("claims/venezuela-igla-s-manpads--\(counter).html") }
        }
        #expect(pair("maduro-5000-igla-s", disputedBy: "pentagon-not-verified"))
        #expect(pair("wapo-trump-authorized", disputedBy: "us-officials-deny"))
    }

    static let twoArticles = #"""
        -- briefing.yml --
        title: 'Rates </style><script>alert(1)</script> & "more"'
        -- seeds/a.md --
        ---
        title: Bank raises rates
        date: 2025-03-01
        url: https://example.org/original
        ---
        The governor said the bank would raise rates in March.
        -- seeds/a.claims.yml --
        sources:
          - id: governor
            name: The governor
            type: person
            reliability: B
        claims:
          - id: raise
            source: governor
            text: the bank would raise rates in March
            status: disputed
            evidence: https://example.org/evidence
            note: Not yet confirmed.
        -- seeds/b.md --
        ---
        title: Rates hold
        date: 2025-04-02
        ---
        The finance minister said rates would stay the same.
        -- seeds/b.claims.yml --
        sources:
          - id: minister
            name: The finance minister
            type: person
        claims:
          - id: hold
            source: minister
            text: rates would stay the same
            disputes: a--raise
        """#

    @Test func externalLinksBecomeNumberedReferencesAndTheRunningHeaderIsEscaped() throws {
        let project = try TestProject(Self.twoArticles)
        let result = try project.run(["build"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try project.read("site/report.html")
        let references = try #require(PageParts.between(report, "id=\"references-heading\"", "</section>"))
        #expect(references.contains("<li id=\"ref-1\"><a href=\"https://example.org/evidence\""))
        #expect(references.contains("<li id=\"ref-2\"><a href=\"https://example.org/original\""))
        #expect(report.contains("<a href=\"#ref-1\">[1]</a>") && report.contains("<a href=\"#ref-2\">[2]</a>"))
        #expect(report.contains("datetime=\"2025-03-01\"") && report.contains("datetime=\"2025-04-02\""), "from and to")
        // The site title reaches the print style's running header only as CSS escapes.
        let style = try #require(PageParts.between(report, "<style>", "</style>"))
        #expect(!style.contains("<") && !style.contains("&") && style.contains("\\00003C"), "\(style)")
        #expect(report.components(separatedBy: "</style>").count == 2)
        // A dispute across articles is shown side by side too.
        let pair = try #require(PageParts.between(report, "<div class=\"dispute\">", "</div>\n</div>"))
        #expect(pair.contains("claims/a--raise.html") && pair.contains("claims/b--hold.html"))
        let matrix = try #require(PageParts.between(report, "<tbody>\n<tr><th scope=\"row\"><a href=\"sources/governor.html\"", "</tr>"))
        #expect(matrix.contains("<td>named</td><td>B</td>"), "named or anonymous, reliability: \(matrix)")
    }

    @Test func aLargeBriefingGivesABoundedReport() throws {
        var files = ""
        for n in 1...70 {
            files += "-- seeds/n\(n).txt --\nRoad \(n)\n\nThe mayor said road \(n) would reopen in May.\n"
        }
        let project = try TestProject(files)
        let result = try project.run(["build"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try project.read("site/report.html")
        #expect(report.components(separatedBy: "<section class=\"report-article\"").count - 1 == 60)
        #expect(report.contains("all 70 articles</a> are on the site"))
        #expect(report.contains("25 of 70 shown"), "key claims are capped per status")
        #expect(report.contains("<th scope=\"col\" class=\"num\">Other</th>"), "the matrix caps its columns")
        #expect(report.components(separatedBy: "<th scope=\"col\" class=\"num\"><abbr").count - 1 == 8)
    }

    @Test(.enabled(if: ReaderTools.chromium != nil, "\(ReaderTools.chromiumMissing)"))
    func printsToAPDFWithARunningHeaderAndPageNumbers() throws {
        let (project, _) = try Self.sample()
        let chromium = try #require(ReaderTools.chromium)
        let pdf = project.url("report.pdf")
        let result = try ReaderTools.run(chromium, [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
            "--user-data-dir=\(project.url(".chromium").path)",
            "--print-to-pdf=\(pdf.path)", project.url("site/report.html").absoluteString,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let data = try Data(contentsOf: pdf)
        #expect(data.starts(with: Data("%PDF".utf8)))
        guard let pdftotext = ReaderTools.executable(["pdftotext"]) else { return }
        let text = try ReaderTools.run(pdftotext, ["-layout", pdf.path, "-"]).stdout
        #expect(text.contains("Briefing report"), "running header")
        #expect(text.contains("Page 1 of"), "page numbers")
        #expect(text.contains("Sources and articles") && text.contains("Key claims by status"))
        #expect(!text.contains("Skip to content") && !text.contains("Search claims"), "screen-only parts are not printed")
    }
}
