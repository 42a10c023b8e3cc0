import BriefingTestSupport
import Foundation
import Testing

/// Seed text never reaches a page as markup: titles, front matter, bodies and sidecar
/// values with script payloads render inert.
@Suite("Hostile seeds render inert")
struct HostileSeedTests {
    static let payload = #"<script>alert(1)</script>"#

    @Test func scriptsAndHandlersNeverReachThePage() throws {
        let project = try TestProject(#"""
            -- seeds/xss.md --
            ---
            title: '"><script>alert(1)</script><img src=x onerror=alert(2)>'
            author: <b onmouseover=alert(3)>Mallory</b>
            publication: "</title><script>alert(4)</script>"
            tags: ["<svg onload=alert(5)>", "'\"><iframe>"]
            url: https://example.org/a"onmouseover="alert(6)
            ---
            Mallory said <script>alert(7)</script> that <img src=x onerror=alert(8)> was fine.

            [click](javascript:alert(9)) and [again](JAVASCRIPT:alert(10)) and <a href="javascript:alert(11)">raw</a>

            A senior official said: “<iframe src=javascript:alert(12)>”
            -- seeds/xss.claims.yml --
            sources:
              - id: mallory
                name: "<script>alert(13)</script> Mallory"
                role: "<img src=x onerror=alert(14)>"
            claims:
              - text: was fine
                source: mallory
                note: "<script>alert(15)</script>"
            """#)
        let result = try project.run(["build"])
        // The url in front matter is refused with a clear error: fix it and build.
        #expect(result.status == 1)
        #expect(result.stderr.contains("seeds/xss.md:6:6: error: url"), "\(result.stderr)")
        var seed = try project.read("seeds/xss.md")
        seed = seed.replacingOccurrences(of: #"url: https://example.org/a"onmouseover="alert(6)"#, with: "url: https://example.org/a")
        try project.write("seeds/xss.md", seed)
        let second = try project.run(["build"])
        #expect(second.status == 0, "\(second.stderr)")

        for file in project.files(under: "site") where file.hasSuffix(".html") {
            let html = try project.read("site/\(file)")
            for tag in Self.tags(in: html) {
                #expect(!["script", "img", "iframe", "svg", "b", "object", "embed"].contains(tag.name) || Self.isThemeTag(tag), "\(file): <\(tag.name)> from a seed")
                #expect(!tag.attributes.contains { $0.hasPrefix("on") }, "\(file): event handler in <\(tag.text)>")
                #expect(!tag.text.lowercased().contains("javascript:"), "\(file): javascript: URL in <\(tag.text)>")
            }
        }
        let article = try project.read("site/articles/xss.html")
        #expect(article.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the title is shown, escaped")
    }

    /// Tags the theme itself writes, exactly: its script, the claim pages' JSON-LD block,
    /// and the source graph's root element.
    static func isThemeTag(_ tag: (name: String, attributes: [String], text: String)) -> Bool {
        switch tag.name {
        case "script":
            return tag.text == "script type=\"application/ld+json\""
                || tag.text.range(of: #"^script src="(\.\./)*assets/(reader|preview)\.js" defer$"#, options: .regularExpression) != nil
        case "svg":
            return tag.text.hasPrefix("svg xmlns=\"http://www.w3.org/2000/svg\" class=\"source-graph\" ")
        default:
            return false
        }
    }

    /// Real tags of a page (escaped text has no `<`): name and attribute names.
    static func tags(in html: String) -> [(name: String, attributes: [String], text: String)] {
        var result: [(String, [String], String)] = []
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            guard let close = rest.firstIndex(of: ">") else { break }
            let text = String(rest[..<close])
            rest = rest[close...]
            guard let first = text.first, first.isLetter else { continue }
            // Attribute names: words outside quoted values.
            var words: [String] = [], word = "", quote: Character?
            for character in text {
                if let open = quote {
                    if character == open { quote = nil }
                } else if character == "\"" || character == "'" {
                    quote = character
                } else if character == " " || character == "\n" || character == "=" || character == "/" {
                    if !word.isEmpty { words.append(word.lowercased()) }
                    word = ""
                } else {
                    word.append(character)
                }
            }
            if !word.isEmpty { words.append(word.lowercased()) }
            result.append((words.first ?? "", Array(words.dropFirst()), text))
        }
        return result
    }

    @Test func combiningMarkAfterQuoteCannotBreakAnAttribute() throws {
        let project = try TestProject("""
            -- seeds/marks.md --
            ---
            title: "x\\"\u{301} onmouseover=alert(1) y"
            ---
            Text.
            """)
        let result = try project.run(["build"])
        #expect(result.status == 0, "\(result.stderr)")
        let index = try project.read("site/index.html")
        #expect(!index.contains("\" onmouseover"))
        #expect(index.contains("x&quot; onmouseover=alert(1) y") || index.contains("x&quot;"))
    }
}
