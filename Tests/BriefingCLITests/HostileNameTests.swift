import BriefingTestSupport
import Foundation
import Testing

/// File names, titles, ids and references that try to leave the output folder, pass for
/// each other, or loop.
@Suite("Hostile input: names, paths and loops")
struct HostileNameTests {
    // MARK: - Seed file names

    @Test(arguments: [
        "..%2f..%2fescape.md", "%2e%2e.md", "a%2fb.md", "..md", ".hidden.md", "-dash.md", "a b.md", "a:b.md",
        "gооd.md",      // Cyrillic o
        "ｇood.md",      // full-width g
        "caf\u{E9}.md", "cafe\u{301}.md", "\u{202E}dm.txt", "a\u{200B}b.md", "index.md", "INDEX.txt",
        "a\\b.md", "CON.md", String(repeating: "x", count: 250) + ".md",
    ])
    func fileNamesThatCannotBePageNames(name: String) throws {
        let project = try TestProject(Hostile.goodSeed)
        try project.write("seeds/\(name)", Hostile.markdown("The minister said so."))
        let before = Hostile.filesOutsideOutput(project)
        let run = try Hostile.run(project)
        if name.hasPrefix(".") || name == "CON.md" {
            // Hidden files are skipped; CON is a fine name on Linux.
            #expect(run.result.status == 0, "\(run.result.stderr)")
        } else {
            #expect(run.result.status == 1, "\(name): \(run.result.stderr)")
            #expect(run.errors.contains { $0.hasPrefix("seeds/") && $0.contains(":1:1: error: ") }, "\(name): \(run.result.stderr)")
        }
        Hostile.expectNothingWrittenOutside(project, before: before)
        for file in project.files(under: "site") {
            #expect(!file.contains(".."), "site/\(file)")
        }
    }

    @Test func namesThatDifferOnlyByCase() throws {
        try Hostile.expectError("two seeds have the slug `good`") { try $0.write("seeds/GOOD.md", Hostile.markdown("Text.")) }
        try Hostile.expectError("two seeds have the slug `good`") { try $0.write("seeds/Good.txt", "Good\nText.\n") }
        try Hostile.expectError("two seeds have the slug `good`") { try $0.write("seeds/good.txt", "Good\nText.\n") }
    }

    @Test func sidecarNamedWithAnotherCaseWarns() throws {
        let project = try TestProject(Hostile.goodSeed)
        try project.write("seeds/GOOD.claims.yml", "claims:\n  - id: x\n    text: nowhere\n")
        let run = try Hostile.expectClean(project, page: "articles/good.html")
        #expect(run.result.stderr.contains("seeds/GOOD.claims.yml:1:1: warning: sidecar has no article"), "\(run.result.stderr)")
    }

    @Test func mixedCaseSlugsAreDistinctFromOtherPages() throws {
        let project = try TestProject()
        try project.write("seeds/Report_2025.md", Hostile.markdown("The minister said so."))
        try project.write("seeds/claims.md", Hostile.markdown("The minister said so."))
        try project.write("seeds/sources.txt", "Sources\nThe minister said so.\n")
        try Hostile.expectClean(project, page: "articles/Report_2025.html")
        #expect(project.exists("site/articles/claims.html") && project.exists("site/claims/index.html"))
    }

    // MARK: - Titles, ids and values that look like paths

    @Test func titlesAndValuesThatLookLikePaths() throws {
        let project = try TestProject("""
            -- seeds/paths.md --
            ---
            title: ../../../../etc/passwd
            author: /etc/shadow
            publication: "..%2f..%2f..%2fescape"
            tags: ["../x", "/", "%2e%2e%2f", "..\\\\..\\\\win", "index.html"]
            ---
            The spokesman for ../../etc said the bridge would open. A /root/.ssh official said it would not.
            -- seeds/paths.claims.yml --
            sources:
              - id: spokesman
                name: ../../escape/../../name
                aliases: ["/etc/passwd", "..\\\\.."]
            claims:
              - text: the bridge would open
                source: spokesman
                note: ../../note
            """)
        try Hostile.expectClean(project, page: "articles/paths.html")
        for file in project.files(under: "site") {
            #expect(!file.contains("..") && !file.contains("%2") && !file.contains("\\"), "site/\(file)")
            #expect(file.unicodeScalars.allSatisfy { $0.isASCII }, "site/\(file)")
        }
    }

    @Test(arguments: [
        ("sources:\n  - id: ../escape\n", "seeds/good.claims.yml:2:9: error: source id `../escape` may use only a-z, 0-9 and -"),
        ("sources:\n  - id: a/b\n", "seeds/good.claims.yml:2:9: error: source id `a/b` may use only a-z, 0-9 and -"),
        ("sources:\n  - id: a%2fb\n", "seeds/good.claims.yml:2:9: error: source id `a%2fb` may use only"),
        ("sources:\n  - id: Minister\n", "seeds/good.claims.yml:2:9: error: source id `Minister` may use only"),
        ("sources:\n  - id: minist\u{435}r\n", "seeds/good.claims.yml:2:9: error: source id `minist\u{435}r` may use only"),
        ("sources:\n  - id: index\n", "seeds/good.claims.yml:2:9: error: source id `index` is reserved"),
        ("sources:\n  - id: \"\"\n", "seeds/good.claims.yml:2:9: error: source id `` may use only a-z, 0-9 and -\n"),
        ("claims:\n  - id: ../../x\n    text: the bridge\n", "seeds/good.claims.yml:2:9: error: claim id `../../x` may use only a-z, 0-9 and -"),
        ("claims:\n  - id: \"x\\0y\"\n    text: the bridge\n", "seeds/good.claims.yml:2:9: error: claim id"),
        ("claims:\n  - id: x\n    text: the bridge\n    disputes: ../../../etc\n", "seeds/good.claims.yml:4:15: error: claim `x` disputes `../../../etc`, which does not exist"),
        ("claims:\n  - id: x\n    text: the bridge\n    evidence: javascript:alert(1)\n", "seeds/good.claims.yml:4:15: error: evidence `javascript:alert(1)` must be an http(s) URL"),
        ("claims:\n  - id: x\n    text: the bridge\n    evidence: file:///etc/passwd\n", "seeds/good.claims.yml:4:15: error: evidence `file:///etc/passwd` must be an http(s) URL"),
    ] as [(String, String)])
    func idsThatAreNotIds(sidecar: String, message: String) throws {
        // A message ending in "\n" must end the error line (no suggestion after it).
        let line = message.hasSuffix("\n") ? String(message.dropLast()) : message
        let run = try Hostile.expectError(line) { try $0.write("seeds/good.claims.yml", sidecar) }
        if message.hasSuffix("\n") { #expect(run.errors.contains { $0.hasSuffix(line) }, "\(run.errors)") }
    }

    @Test func controlCharactersInValuesAreEscapedInMessages() throws {
        // An id with a line break and a terminal escape: one line, nothing sent to the terminal.
        let run = try Hostile.expectError("seeds/good.claims.yml:2:9: error: claim id `x\\u{1B}[31mred\\nsecond\\u{7}` may use only") {
            try $0.write("seeds/good.claims.yml", "claims:\n  - id: \"x\\e[31mred\\nsecond\\a\"\n    text: the bridge\n")
        }
        #expect(!run.result.stderr.contains("\u{1B}") && !run.result.stderr.contains("\u{7}"))
        #expect(run.result.stderr.split(separator: "\n").count == 1, "\(run.result.stderr)")
    }

    @Test(arguments: ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "//evil.example/x", "file:///etc/passwd", "vbscript:x", " https://a.example", "https://a.example/\"onmouseover=x"])
    func articleURLsThatAreNotWebAddresses(url: String) throws {
        try Hostile.expectError("seeds/bad.md:3:6: error: url") { try $0.write("seeds/bad.md", "---\ntitle: T\nurl: '\(url)'\n---\nText.\n") }
    }

    @Test(arguments: ["javascript:alert(1)", #"https://a.example/\"><script>"#, "//a.example/", "ftp://a.example/", "https:///nohost"])
    func baseURLsThatAreNotWebAddresses(url: String) throws {
        try Hostile.expectError("briefing.yml:1:11: error: base URL") { try $0.write("briefing.yml", "base_url: \"\(url)\"\n") }
    }

    // MARK: - Sidecars that refer to themselves

    static let twoSentences = "The minister said the bridge would open in May. The mayor said the tunnel would close in June."

    @Test func claimThatDisputesItself() throws {
        try Hostile.expectError("seeds/good.claims.yml:4:15: error: claim `x` disputes itself; remove the reference") {
            try $0.write("seeds/good.claims.yml", "claims:\n  - id: x\n    text: the bridge would open\n    disputes: x\n")
        }
        try Hostile.expectError("seeds/good.claims.yml:4:16: error: claim `x` supports itself") {
            try $0.write("seeds/good.claims.yml", "claims:\n  - id: x\n    text: the bridge would open\n    supports: [x, x, x]\n")
        }
    }

    @Test func claimsThatDisputeEachOtherInALoop() throws {
        // a → b → c → a in one article, and across two articles: allowed, and finite.
        let project = try TestProject("""
            -- seeds/one.md --
            ---
            title: One
            ---
            The minister said the bridge would open in May. The mayor said the tunnel would close in June. The governor said the road would flood in July.
            -- seeds/one.claims.yml --
            claims:
              - id: a
                text: the bridge would open in May
                disputes: b
                supports: two--z
              - id: b
                text: the tunnel would close in June
                disputes: c
              - id: c
                text: the road would flood in July
                disputes: [a, b]
                supports: a
            -- seeds/two.md --
            ---
            title: Two
            ---
            The engineer said the bridge would not open.
            -- seeds/two.claims.yml --
            claims:
              - id: z
                text: the bridge would not open
                disputes: [one--a, one--b, one--c]
                supports: one--c
            """)
        try Hostile.expectClean(project, page: "claims/one--a.html")
        let page = try project.read("site/claims/one--a.html")
        #expect(page.contains("one--b.html") && page.contains("one--c.html") && page.contains("two--z.html"))
    }

    @Test func sourceThatCitesItself() throws {
        let project = try TestProject(Hostile.goodSeed)
        try project.write("seeds/good.claims.yml", """
            sources:
              - id: minister
                name: the minister
                aliases: [the minister, the minister, minister]
            claims:
              - id: x
                text: the bridge would open
                source: minister
                cites: [minister, minister]
            """)
        let run = try Hostile.run(project)
        #expect(run.result.status == 0 || run.errors.allSatisfy { Hostile.isLocated($0) }, "\(run.result.stderr)")
    }

    @Test func sidecarThatIsALinkToItselfOrItsSeed() throws {
        try Hostile.expectError("seeds/good.claims.yml: error: cannot read file") { project in
            try FileManager.default.createSymbolicLink(atPath: project.url("seeds/good.claims.yml").path, withDestinationPath: "good.claims.yml")
        }
        try Hostile.expectError("seeds/good.claims.yml:3:1: error: invalid YAML: but found another document") { project in
            // The seed read as its own sidecar: `---` makes a second document.
            try FileManager.default.createSymbolicLink(atPath: project.url("seeds/good.claims.yml").path, withDestinationPath: "good.md")
        }
    }

    @Test func seedsFolderThatLinksToItself() throws {
        let project = try TestProject(Hostile.goodSeed)
        try FileManager.default.createSymbolicLink(atPath: project.url("seeds/loop").path, withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: project.url("seeds/up.md").path, withDestinationPath: "..")
        let run = try Hostile.run(project)
        #expect(run.result.status == 1)
        #expect(run.errors.contains { $0.hasPrefix("seeds/up.md: error: not a regular file") }, "\(run.result.stderr)")
    }
}
