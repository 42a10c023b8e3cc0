import BriefingTestSupport
import Foundation
import Testing

/// Script payloads in every field that reaches a page: front matter (title, author,
/// publication, tags), the article text (claim text and source names come from it), the
/// sidecar (source name, role, descriptor, aliases, cue, note, evidence URL), and
/// `briefing.yml`. Every payload calls `alert(` so that any real tag or attribute that
/// carries one is an injection, wherever it lands: HTML, JSON-LD, the feed, the sitemap.
@Suite("Hostile input: markup in every field")
struct HostileMarkupTests {
    static let payloads = [
        #"<script>alert(1)</script>"#,
        #""><img src=x onerror=alert(2)>"#,
        #"'><svg onload=alert(3)>"#,
        #"</title><script>alert(4)</script>"#,
        #"</script><script>alert(5)</script>"#,
        #"<iframe src="javascript:alert(6)"></iframe>"#,
        #"x" onmouseover="alert(7)" y=""#,
        #"]]><script>alert(8)</script><![CDATA["#,
        #"{{alert(9)}}{{{alert(10)}}}"#,
        "<a href=\"jav&#x09;ascript:alert(11)\">x</a>",
        "\u{FF1C}script\u{FF1E}alert(12)\u{FF1C}/script\u{FF1E}",  // full-width look-alikes
        #"<!--<script>alert(13)//-->"#,
    ]

    /// One project with a payload in every field; `n` picks the payload.
    static func project(_ n: Int) throws -> TestProject {
        let p = payloads[n % payloads.count]
        func yaml(_ text: String) -> String {
            "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        let project = try TestProject()
        try project.write("briefing.yml", """
            title: \(yaml("Site " + p))
            description: \(yaml("About " + p))
            base_url: https://example.org/briefing/
            """)
        try project.write("seeds/xss.md", """
            ---
            title: \(yaml("Title " + p))
            author: \(yaml("Author " + p))
            publication: \(yaml("Publication " + p))
            date: 2025-10-24
            tags: [\(yaml("tag " + p)), \(yaml(p))]
            ---
            Mayor Alert Onerror said that \(p) would open the bridge.

            A senior official said: “\(p)”

            [link](javascript:alert(20)) [link2](JaVaScRiPt:alert(21)) ![img](javascript:alert(22)) <javascript:alert(23)>

            <script>alert(24)</script> <img src=x onerror=alert(25)> <a href="javascript:alert(26)">raw</a>

            ```html
            \(p)
            ```
            """)
        try project.write("seeds/xss.claims.yml", """
            sources:
              - id: alert-onerror
                name: \(yaml("Mayor Alert Onerror " + p))
                role: \(yaml("Role " + p))
                descriptor: \(yaml("Descriptor " + p))
                aliases: [\(yaml("Alias " + p)), Mayor Alert Onerror]
              - id: invented
                name: \(yaml(p))
                anonymous: true
                descriptor: \(yaml(p))
            claims:
              - id: main
                text: would open the bridge
                source: alert-onerror
                cue: \(yaml("said " + p))
                status: disputed
                note: \(yaml("Note " + p))
                evidence: https://example.org/check?q=%3Cscript%3Ealert(30)%3C/script%3E
              - id: second
                text: \(yaml(p))
                source: invented
                disputes: main
            """)
        return project
    }

    @Test(arguments: 0..<payloads.count)
    func payloadStaysText(n: Int) throws {
        let project = try Self.project(n)
        let run = try Hostile.run(project, within: 15)
        if run.result.status != 0 {
            // The payload as claim text may not be in the text cmark gives (it drops raw HTML),
            // or may land on the sentence of `main` and take it over: clear, located errors.
            // The rest of the check needs a site: drop that claim and build again.
            #expect(!run.errors.isEmpty && run.errors.allSatisfy { Hostile.isLocated($0) }, "\(run.result.stderr)")
            try project.write("seeds/xss.claims.yml", try project.read("seeds/xss.claims.yml")
                .components(separatedBy: "  - id: second")[0])
            let again = try Hostile.run(project, within: 15)
            try #require(again.result.status == 0, "\(again.result.stderr)")
        }
        try Self.expectInert(project)
    }

    /// Every output file: no tag or attribute carries a payload, scripts hold only the
    /// theme's own code or escaped JSON, the JSON parses, the XML is well-formed.
    static func expectInert(_ project: TestProject, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let files = project.files(under: "site")
        #expect(files.contains("articles/xss.html"), sourceLocation: sourceLocation)
        for file in files {
            let data = try #require(FileManager.default.contents(atPath: project.url("site/\(file)").path))
            let text = String(decoding: data, as: UTF8.self)
            switch (file as NSString).pathExtension {
            case "html":
                for tag in HostileSeedTests.tags(in: text) {
                    // Escaped payloads inside quoted values are text; outside them, a payload
                    // is a tag or an attribute of its own.
                    #expect(!tag.name.contains("alert") && !tag.attributes.contains { $0.contains("alert") || $0.hasPrefix("on") },
                            "site/\(file): <\(tag.text.prefix(300))>", sourceLocation: sourceLocation)
                    for value in Self.attributeValues(tag.text) {
                        let scheme = value.trimmingCharacters(in: .whitespaces).lowercased()
                        #expect(!scheme.hasPrefix("javascript:") && !scheme.hasPrefix("data:") && !scheme.hasPrefix("vbscript:"),
                                "site/\(file): <\(tag.text.prefix(300))>", sourceLocation: sourceLocation)
                    }
                }
                for script in Self.scripts(in: text) where script.contains("alert(") {
                    // Only JSON-LD may quote seed text, with every < written \u003c.
                    #expect(!script.contains("<") && (try? JSONSerialization.jsonObject(with: Data(script.utf8))) != nil,
                            "site/\(file): a payload inside <script>: \(script.prefix(300))", sourceLocation: sourceLocation)
                }
                #expect(!text.contains("<!--<script>"), "site/\(file): a comment opened by seed text", sourceLocation: sourceLocation)
            case "json":
                #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "site/\(file) is not JSON", sourceLocation: sourceLocation)
            case "xml":
                #expect(throws: Never.self, "site/\(file)", sourceLocation: sourceLocation) { _ = try XMLTree.parse(data) }
                #expect(!text.contains("<script"), "site/\(file)", sourceLocation: sourceLocation)
            default:
                #expect(!text.contains("alert("), "site/\(file)", sourceLocation: sourceLocation)
            }
        }
    }

    /// The quoted attribute values of a tag's text.
    static func attributeValues(_ tag: String) -> [String] {
        var values: [String] = []
        var rest = tag[...]
        while let equals = rest.firstIndex(of: "=") {
            rest = rest[rest.index(after: equals)...].drop { $0 == " " }
            guard let quote = rest.first, quote == "\"" || quote == "'" else { continue }
            rest = rest.dropFirst()
            guard let close = rest.firstIndex(of: quote) else { break }
            values.append(String(rest[..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return values
    }

    /// The contents of every `<script>` element.
    static func scripts(in html: String) -> [Substring] {
        var result: [Substring] = []
        var rest = html[...]
        while let open = rest.range(of: "<script") {
            guard let end = rest[open.upperBound...].range(of: ">") else { break }
            guard let close = rest[end.upperBound...].range(of: "</script>") else { break }
            result.append(rest[end.upperBound..<close.lowerBound])
            rest = rest[close.upperBound...]
        }
        return result
    }

    @Test func payloadsInFileNamesNeverReachAPage() throws {
        let project = try TestProject(Hostile.goodSeed)
        try project.write("seeds/<script>alert(1)<%2fscript>.md", Hostile.markdown("Text."))
        let run = try Hostile.run(project)
        #expect(run.result.status == 1)
        #expect(run.errors.contains { $0.contains("cannot be a page name") }, "\(run.result.stderr)")
    }
}
