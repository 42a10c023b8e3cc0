@testable import BriefingCore
import Foundation
import Testing

@Suite("Render and Write: cmark tree edits, safe mode, atomic output")
struct RenderAndWriteTests {
    let anchor = ClaimAnchor(claimID: "a--x", href: "../claims/a--x.html", label: "Claim by Someone")

    @Test func wrapsASentenceAcrossEmphasisWithOneID() {
        let document = MarkdownDocument(markdown: "She said *the plan* would fail. Then left.")
        let text = document.blockTexts()[0].text
        #expect(text == "She said the plan would fail. Then left.")
        let end = text.utf8.count - " Then left.".utf8.count
        document.wrap(TextSpan(block: 0, start: 0, end: end), in: anchor)
        let html = document.html()
        #expect(html.components(separatedBy: "id=\"claim-a--x\"").count == 2, "exactly one anchor id: \(html)")
        #expect(html.contains("<em><a class=\"claim\" href=\"../claims/a--x.html\""), "\(html)")
        #expect(html.hasSuffix(" Then left.</p>\n"), "\(html)")
    }

    @Test func neverNestsALinkInsideALink() {
        let document = MarkdownDocument(markdown: "He said [the report](https://example.org) was wrong.")
        let text = document.blockTexts()[0].text
        document.wrap(TextSpan(block: 0, start: 0, end: text.utf8.count), in: anchor)
        let html = document.html()
        #expect(!html.contains("<a href=\"https://example.org\"><a"), "\(html)")
        #expect(!html.contains("<a class=\"claim\" href=\"../claims/a--x.html\" title=\"Claim by Someone\"><a"), "\(html)")
    }

    @Test func safeModeDropsRawHTMLAndJavascriptLinks() {
        let html = MarkdownDocument(markdown: "<script>x()</script>\n\n[a](javascript:alert(1)) <img src=x onerror=y>").html()
        #expect(!html.contains("<script"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("<img"))
    }

    @Test func plainTextIsNeverReadAsMarkdown() {
        let html = MarkdownDocument(paragraphs: ["*not emphasis* <b>not bold</b>"]).html()
        #expect(html == "<p>*not emphasis* &lt;b&gt;not bold&lt;/b&gt;</p>\n")
    }

    @Test(arguments: ["../x.html", "/etc/passwd", "a/../../b", "", "a//b", "./a"])
    func unsafeOutputPathsAreRefused(_ path: String) {
        #expect(!OutputWriter.isSafe(path))
    }

    @Test func writeReplacesTheOutputAsAWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("write-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("site")
        let writer = OutputWriter(output: output, displayName: "site")
        try writer.write([RenderedPage(path: "a.html", contents: Data("one".utf8)), RenderedPage(path: "d/b.html", contents: Data("b".utf8))])
        try writer.write([RenderedPage(path: "a.html", contents: Data("two".utf8))])
        #expect(try String(contentsOf: output.appendingPathComponent("a.html"), encoding: .utf8) == "two")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("d/b.html").path), "old files go with the old output")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["site"], "no staging folder left")
    }

    @Test func pageTextSeparatesCombiningMarksFromSpecialCharacters() {
        #expect(PageText.clean("a\"\u{301}b") == "a\"b")
        #expect(PageText.clean("café") == "café")
    }

    // MARK: - Pagination

    /// A pager links the first and last pages and two on each side of the current one, so
    /// a listing of hundreds of pages does not repeat hundreds of links on each.
    @Test(arguments: [
        (count: 1, current: 1, shown: [1]),
        (count: 5, current: 3, shown: [1, 2, 3, 4, 5]),
        (count: 625, current: 1, shown: [1, 2, 3, 625]),
        (count: 625, current: 300, shown: [1, 298, 299, 300, 301, 302, 625]),
        (count: 625, current: 624, shown: [1, 622, 623, 624, 625]),
    ])
    func pagerShowsAWindowAroundTheCurrentPage(count: Int, current: Int, shown: [Int]) {
        #expect(ViewModels.shownPages(count: count, current: current) == shown)
    }

    @Test func pagerMarksWhereNumbersAreSkipped() throws {
        let models = ViewModels(graph: SiteGraph(config: SiteConfig(), articles: [], claims: [], sources: []), fragments: nil)
        let pager = models.pagination(count: 40, current: 20, from: "claims/status-unverified-20.html") { "claims/status-unverified-\($0).html" }
        let pages = try #require(pager["pages"] as? [[String: Any]])
        #expect(pages.map { $0["number"] as? Int } == [1, 18, 19, 20, 21, 22, 40])
        #expect(pages.map { $0["gapBefore"] as? Bool } == [false, true, false, false, false, false, true])
        #expect(pages.map { $0["isCurrent"] as? Bool } == [false, false, false, true, false, false, false])
        #expect(pages.first?["href"] as? String == "../claims/status-unverified-1.html")
        #expect(pager["previous"] as? String == "../claims/status-unverified-19.html")
        #expect(pager["next"] as? String == "../claims/status-unverified-21.html")
    }
}
