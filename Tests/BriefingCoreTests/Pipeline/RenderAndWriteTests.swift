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
}
