import BriefingTestSupport
import Foundation
import Testing

/// Each kind of bad input: one `path:line:column: error:` line that says what to do,
/// exit status 1, and the previous site left exactly as it was.
@Suite("Bad input fails cleanly")
struct BadInputTests {
    static let goodSeed = """
        -- seeds/good.md --
        ---
        title: Good
        ---
        The minister said the bridge would open in May.
        """

    /// Builds once (good), applies `damage`, builds again, and checks the failure.
    func expectFailure(
        _ damage: (TestProject) throws -> Void, message expected: String,
        arguments: [String] = ["build"], sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let project = try TestProject(Self.goodSeed)
        let first = try project.run(["build"])
        #expect(first.status == 0, "first build: \(first.stderr)", sourceLocation: sourceLocation)
        let before = try project.read("site/articles/good.html")
        try damage(project)
        let result = try project.run(arguments)
        #expect(result.status == 1, "exit status", sourceLocation: sourceLocation)
        let errors = result.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(!errors.isEmpty, "no error line in: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(expected), "stderr was: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(try project.read("site/articles/good.html") == before, "old site changed", sourceLocation: sourceLocation)
        #expect(project.files(under: ".").allSatisfy { !$0.contains(".building-") }, "staging folder left", sourceLocation: sourceLocation)
    }

    @Test func malformedFrontMatter() throws {
        try expectFailure({ try $0.write("seeds/bad.md", "---\ntitle: Bad\ntags: [a, b\n---\nText.\n") },
                          message: "seeds/bad.md:4:1: error: invalid YAML")
    }

    @Test func frontMatterThatIsNotAMapping() throws {
        try expectFailure({ try $0.write("seeds/bad.md", "---\n- just\n- a list\n---\nText.\n") },
                          message: "seeds/bad.md:2:1: error: front matter must be a mapping")
    }

    @Test func missingTitle() throws {
        try expectFailure({ try $0.write("seeds/bad.md", "---\nauthor: Someone\n---\nText.\n") },
                          message: "seeds/bad.md:1:1: error: front matter has no `title`; add a line `title: …`")
    }

    @Test func wrongTypeInFrontMatter() throws {
        try expectFailure({ try $0.write("seeds/bad.md", "---\ntitle: Bad\ndraft: maybe\n---\nText.\n") },
                          message: "seeds/bad.md:3:8: error: `draft` should be true or false")
    }

    @Test func badDate() throws {
        try expectFailure({ try $0.write("seeds/bad.md", "---\ntitle: Bad\ndate: 25/10/2025\n---\nText.\n") },
                          message: "seeds/bad.md:3:7: error: date `25/10/2025` is not a date; write it as YYYY-MM-DD")
    }

    @Test func duplicateSlug() throws {
        try expectFailure({ try $0.write("seeds/good.txt", "Good again\nA paragraph.\n") },
                          message: "seeds/good.txt:1:1: error: two seeds have the slug `good`: seeds/good.md and seeds/good.txt; rename one")
    }

    @Test func slugsThatDifferOnlyByCase() throws {
        try expectFailure({ try $0.write("seeds/Good.txt", "Good again\nA paragraph.\n") },
                          message: "two seeds have the slug `good`")
    }

    @Test func sidecarReferringToMissingSource() throws {
        try expectFailure({
            try $0.write("seeds/good.claims.yml", """
                claims:
                  - text: the bridge would open in May
                    source: the-mayor
                """)
        }, message: "seeds/good.claims.yml:3:13: error: claim refers to source `the-mayor`, which does not exist")
    }

    @Test func sidecarClaimTextNotInArticle() throws {
        try expectFailure({
            try $0.write("seeds/good.claims.yml", """
                sources:
                  - id: minister
                    name: the minister
                claims:
                  - text: the tunnel would close in June
                    source: minister
                """)
        }, message: "seeds/good.claims.yml:5:11: error: claim text is not in seeds/good.md; copy the words exactly")
    }

    @Test func sidecarRelationToMissingClaim() throws {
        try expectFailure({
            try $0.write("seeds/good.claims.yml", """
                sources:
                  - id: minister
                    name: the minister
                claims:
                  - text: the bridge would open in May
                    source: minister
                    disputes: no-such-claim
                """)
        }, message: "seeds/good.claims.yml:7:15: error: claim `bridge-would-open-may` disputes `no-such-claim`, which does not exist")
    }

    @Test func templateSyntaxError() throws {
        try expectFailure({ try $0.write("templates/article.mustache", "{{<layout}}{{$main}}{{#article}}<h1>{{title}}</h1>{{/main}}{{/layout}}\n") },
                          message: "templates/article.mustache:1:")
    }

    @Test func missingPartial() throws {
        try expectFailure({ try $0.write("templates/claims.mustache", "{{<layout}}{{$main}}\n{{>no-such-partial}}{{/main}}{{/layout}}\n") },
                          message: "templates/claims.mustache:2:1: error: template uses partial `no-such-partial`, which does not exist")
    }

    @Test func missingTemplate() throws {
        // An empty project theme file list cannot remove built-in templates, so a missing
        // page template shows up as a missing parent layout named by an override.
        try expectFailure({ try $0.write("templates/source.mustache", "{{<page-frame}}{{$main}}x{{/main}}{{/page-frame}}\n") },
                          message: "templates/source.mustache:1:1: error: template uses partial `page-frame`, which does not exist")
    }

    @Test func invalidUTF8() throws {
        try expectFailure({ try $0.write("seeds/bad.txt", Data([0x54, 0x69, 0x74, 0x6C, 0x65, 0x0A, 0x61, 0xFF, 0x62, 0x0A])) },
                          message: "seeds/bad.txt:2:2: error: file is not valid UTF-8")
    }

    @Test func unreadableFile() throws {
        try expectFailure({ project in
            try FileManager.default.createSymbolicLink(atPath: project.url("seeds/gone.md").path, withDestinationPath: "/nonexistent/file.md")
        }, message: "seeds/gone.md: error: cannot read file")
    }

    @Test func outputPathThatIsNotAFolder() throws {
        let project = try TestProject(Self.goodSeed)
        try project.write("out", "a file, not a folder\n")
        let result = try project.run(["build", "--output", "out"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("out: error: output path out exists and is not a folder"), "\(result.stderr)")
        #expect(try project.read("out") == "a file, not a folder\n")
    }

    @Test func unclosedFrontMatter() throws {
        try expectFailure({ try $0.write("seeds/bad.md", "---\ntitle: Bad\nText.\n") },
                          message: "seeds/bad.md:1:1: error: front matter opened with `---` is never closed")
    }

    @Test func strictTurnsWarningsIntoErrors() throws {
        try expectFailure({ try $0.write("briefing.yml", "title: T\ncolour: blue\n") },
                          message: "briefing.yml:2:1: error: unknown setting `colour` is ignored", arguments: ["build", "--strict"])
    }

    @Test func warningsDoNotFail() throws {
        let project = try TestProject(Self.goodSeed + "\n-- briefing.yml --\ntitle: T\ncolour: blue\n")
        let result = try project.run(["build"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("briefing.yml:2:1: warning: unknown setting `colour`"))
    }
}
