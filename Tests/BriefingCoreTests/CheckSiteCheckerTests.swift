@testable import BriefingCore
import Foundation
import Testing

/// `SiteChecker` on small sites held in memory: each kind of problem, and what is fine.
@Suite("Site checker")
struct CheckSiteCheckerTests {
    static func page(_ body: String, title: String = "Page") -> String {
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>\(title)</title></head>\n<body>\n\(body)\n</body>\n</html>\n"
    }

    /// A site that is correct in every way the checker looks at.
    static let goodSite: [String: String] = [
        "index.html": page("""
            <a href="articles/a.html">A</a> <a href='articles/a.html#claim-x'>single quotes</a>
            <a href=sources/index.html>bare</a> <a href="articles/a.html?x=1&amp;y=2#claim-x">entity</a>
            <a href="articles/q%20r.html">escaped</a> <a href="#top">top</a> <a href="#main" id="main">self</a>
            <a href="https://example.org/">web</a> <a href="mailto:desk@example.org">mail</a>
            <a href="ftp://example.org/file" rel="noopener external">marked</a>
            <!-- <a href="commented-out.html"> -->
            <script>var s = '<a href="in-a-script.html">';</script>
            <script type="application/ld+json">{"@type": "Claim", "text": "a \\u003c b"}</script>
            <img src="assets/logo.png" srcset="assets/logo.png 1x, assets/logo@2x.png 2x" alt="">
            <link rel="canonical" href="https://example.org/index.html">
            """),
        "articles/a.html": page("<p><a class=\"claim\" id=\"claim-x\" href=\"../index.html\">x</a> <a href=\"./../sources/index.html\">s</a></p>"),
        "articles/q r.html": page("<a href=\"../index.html\">home</a>"),
        "sources/index.html": page("<a href=\"../articles/a.html#claim-x\">x</a>"),
        "404.html": page("Not found. <a href=\"index.html\">Home</a>"),
        "assets/logo.png": "png",
        "assets/logo@2x.png": "png",
        "briefing.json": #"{"articles": []}"#,
        "feed.xml": #"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>"#,
    ]

    func check(_ files: [String: String]) -> [Diagnostic] {
        SiteChecker(displayRoot: "site").check(InMemorySiteFiles(texts: files)).problems
    }

    @Test func goodSiteHasNoProblems() {
        let report = SiteChecker().check(InMemorySiteFiles(texts: Self.goodSite))
        #expect(report.problems.isEmpty, "\(report.problems.map(\.description).joined(separator: "\n"))")
        #expect(report.pageCount == 5)
    }

    @Test func eachKindOfProblemIsReportedWithItsPlace() {
        var site = Self.goodSite
        site["index.html"] = Self.page("""
            <a href="articles/a.html">ok</a>
            <a href="articles/missing.html">broken link</a>
            <a href="articles/a.html#nowhere">missing anchor</a>
            <a href="#nothing-here">missing anchor on the same page</a>
            <a href="../outside.html">leaves the site</a>
            <a href="/articles/a.html">root-relative</a>
            <a href="file:///etc/passwd">file URL</a>
            <a href="javascript:alert(1)">script URL</a>
            <a href="ftp://example.org/file">unmarked scheme</a>
            <a href="//cdn.example.org/x.js">protocol-relative</a>
            <a href="articles/">folder</a>
            <img src="assets/missing.png" alt="">
            <a href="sources/index.html">sources</a>
            """)
        site["orphan.html"] = Self.page("<a href=\"index.html\">home</a>")
        site["dup.html"] = Self.page("<p id=\"x\">one</p>\n<p id=\"x\">two</p>")
        site["sources/index.html"] = Self.page("<a href=\"../articles/a.html#claim-x\">x</a> <a href=\"../dup.html\">dup</a>")
        site["briefing.json"] = #"{"articles": [}"#
        site["feed.xml"] = "<feed><entry></feed>"
        site["articles/q r.html"] = Self.page("<script type=\"application/ld+json\">{\"@type\": </script>")

        let problems = check(site)
        let lines = problems.map(\.description)
        func expectProblem(_ prefix: String, _ fragment: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
            #expect(lines.contains { $0.hasPrefix(prefix) && $0.contains(fragment) },
                    "no `\(prefix)… \(fragment)` in:\n\(lines.joined(separator: "\n"))", sourceLocation: sourceLocation)
        }
        expectProblem("site/index.html:6:1: error: ", "broken link `articles/missing.html`")
        expectProblem("site/index.html:7:1: error: ", "no element with id `nowhere` on articles/a.html")
        expectProblem("site/index.html:8:1: error: ", "no element with id `nothing-here` on index.html")
        expectProblem("site/index.html:9:1: error: ", "leaves the site")
        expectProblem("site/index.html:10:1: error: ", "root-relative link `/articles/a.html`")
        expectProblem("site/index.html:11:1: error: ", "`file:` URL")
        expectProblem("site/index.html:12:1: error: ", "`javascript:` URL")
        expectProblem("site/index.html:13:1: error: ", "`ftp:` URL `ftp://example.org/file` leaves the site without rel=\"external\"")
        expectProblem("site/index.html:14:1: error: ", "protocol-relative URL")
        expectProblem("site/index.html:15:1: error: ", "leads to a folder")
        expectProblem("site/index.html:16:1: error: ", "broken link `assets/missing.png`")
        expectProblem("site/orphan.html: error: ", "not reachable from index.html")
        expectProblem("site/articles/q r.html: error: ", "not reachable from index.html")
        expectProblem("site/dup.html:6:1: error: ", "id `x` is used twice on the page (first on line 5)")
        expectProblem("site/briefing.json: error: ", "not valid JSON")
        expectProblem("site/feed.xml:", "not well-formed XML")
        expectProblem("site/articles/q r.html:5:1: error: ", "JSON-LD")
        #expect(lines.count == 17, "\(lines.joined(separator: "\n"))")
        #expect(problems.allSatisfy { $0.severity == .error && $0.stage == .check })
        #expect(problems == problems.sortedForPrinting(), "sorted by file and position")
    }

    @Test func missingIndexMeansNothingIsReachable() {
        var site = Self.goodSite
        site["index.html"] = nil
        let lines = check(site).map(\.description)
        #expect(lines.contains { $0.contains("site/index.html") && $0.contains("no index.html") }, "\(lines)")
    }

    @Test func columnsCountCharactersNotBytes() {
        let index = LineIndex("ab\nčé <a>")
        #expect(index.position(of: 0) == (1, 1))
        #expect(index.position(of: "ab\nčé ".utf8.count) == (2, 4))
    }

    // MARK: - Links

    @Test(arguments: [
        ("articles/a.html", "../claims/b.html#x", LinkTarget.file(path: "claims/b.html", fragment: "x")),
        ("index.html", "./claims/./b.html", .file(path: "claims/b.html", fragment: nil)),
        ("index.html", "a%20b.html?x=1", .file(path: "a b.html", fragment: nil)),
        ("index.html", "", .samePage(fragment: nil)),
        ("index.html", "?page=2#top", .samePage(fragment: "top")),
        ("claims/a.html", "../", .folder(path: "")),
        ("claims/a.html", "../sources", .file(path: "sources", fragment: nil)),
        ("index.html", " HTTPS://example.org ", .external),
        ("index.html", "tel:+4412345", .external),
    ])
    func resolves(_ page: String, _ url: String, _ expected: LinkTarget) {
        #expect(LinkTarget.resolve(url, from: page, isNavigation: true, markedExternal: false) == expected)
    }

    @Test func problemsAndExternals() {
        func resolve(_ url: String, page: String = "articles/a.html", navigation: Bool = true, external: Bool = false) -> LinkTarget {
            LinkTarget.resolve(url, from: page, isNavigation: navigation, markedExternal: external)
        }
        #expect(resolve("../../x.html").isProblem)
        #expect(resolve("/x.html").isProblem)
        #expect(resolve("file:x").isProblem)
        #expect(resolve("JavaScript:void(0)").isProblem)
        #expect(resolve("javascript:void(0)", external: true).isProblem, "never external")
        #expect(resolve("data:text/html,hi").isProblem, "a data: link to follow")
        #expect(resolve("data:image/png;base64,AA", navigation: false) == .external, "an embedded data: image")
        #expect(resolve("gopher://x", external: true) == .external)
        #expect(resolve("%zz.html").isProblem)
    }

    // MARK: - Scanner

    @Test func scannerReadsQuotesEntitiesAndSkipsRawText() {
        let html = """
            <!DOCTYPE html><!-- <a href="c.html"> --><A HREF='a.html?x=1&amp;y=&#50;&#x33;' Title="it&#39;s">x</A>
            <style>a[href="s.html"] {}</style><textarea><a href="t.html"></textarea>
            <input disabled value=bare><script>document.write('<a href="j.html">')</SCRIPT><a href="b.html">
            """
        let tags = HTMLScanner.tags(in: html)
        #expect(tags.map(\.name) == ["a", "style", "textarea", "input", "script", "a"])
        #expect(tags[0].value("href") == "a.html?x=1&y=23")
        #expect(tags[0].value("title") == "it's")
        #expect(tags[3].attributes.map(\.name) == ["disabled", "value"])
        #expect(tags[3].value("value") == "bare")
        #expect(tags[4].scriptText == "document.write('<a href=\"j.html\">')")
        #expect(tags[5].value("href") == "b.html")
    }

    @Test func unknownReferencesStayAsWritten() {
        #expect(HTMLScanner.decodeReferences("a&b; &unknown; &amp &lt;x&gt;") == "a&b; &unknown; &amp <x>")
    }
}

extension LinkTarget {
    var isProblem: Bool {
        if case .problem = self { return true }
        return false
    }
}
