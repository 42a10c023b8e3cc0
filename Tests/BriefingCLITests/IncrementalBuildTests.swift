import BriefingTestSupport
import Foundation
import Testing

/// An incremental build (the cache from the previous build) gives exactly the bytes of a
/// clean build, after each kind of edit.
@Suite("Incremental builds")
struct IncrementalBuildTests {
    static let corpus = """
        -- seeds/budget.md --
        ---
        title: Budget talks stall
        date: 2025-03-01
        ---
        Finance Minister Arturo Velez said on Monday that the budget would be delayed until May.

        “We will not sign a budget we cannot pay for,” Velez told reporters.

        According to a senior ministry official, the cabinet is split.
        -- seeds/port.md --
        ---
        title: Port strike spreads
        date: 2025-03-02
        ---
        Union leaders said the strike would spread to the northern ports.

        Velez warned that the strike had cost more than 5,000 jobs.
        -- seeds/port.claims.yml --
        claims:
          - text: the strike had cost more than 5,000 jobs
            status: disputed
        -- seeds/rail.md --
        ---
        title: Rail contract questioned
        date: 2025-03-03
        ---
        The Harbor Times reported that the rail contract was signed without a tender.

        A spokesperson for the transport ministry denied that the contract was signed without a tender.
        """

    /// Builds `project` incrementally after `edit`, then clean into another folder, and compares.
    func expectIncrementalEqualsClean(_ edit: (TestProject) throws -> Void, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let project = try TestProject(Self.corpus)
        let first = try project.run(["build"])
        #expect(first.status == 0, "\(first.stderr)", sourceLocation: sourceLocation)
        try edit(project)
        let incremental = try project.run(["build"])
        #expect(incremental.status == 0, "\(incremental.stderr)", sourceLocation: sourceLocation)
        let clean = try project.run(["build", "--no-cache", "--output", "clean"])
        #expect(clean.status == 0, "\(clean.stderr)", sourceLocation: sourceLocation)
        let files = project.files(under: "site")
        #expect(files == project.files(under: "clean"), "file lists differ", sourceLocation: sourceLocation)
        for file in files {
            let a = try Data(contentsOf: project.url("site/\(file)")), b = try Data(contentsOf: project.url("clean/\(file)"))
            #expect(a == b, "\(file) differs from a clean build", sourceLocation: sourceLocation)
        }
    }

    @Test func nothingChangedReusesEveryEntityPage() throws {
        let project = try TestProject(Self.corpus)
        #expect(try project.run(["build"]).status == 0)
        let second = try project.run(["build"])
        #expect(second.stdout.contains("unchanged)"), "\(second.stdout)")
        #expect(!second.stdout.contains("(0 unchanged)"))
    }

    @Test func editingOneParagraph() throws {
        try expectIncrementalEqualsClean { project in
            var text = try project.read("seeds/budget.md")
            text = text.replacingOccurrences(of: "until May", with: "until June")
            try project.write("seeds/budget.md", text)
        }
    }

    @Test func changingAStatusInASidecar() throws {
        try expectIncrementalEqualsClean { project in
            try project.write("seeds/port.claims.yml", "claims:\n  - text: the strike had cost more than 5,000 jobs\n    status: false\n")
        }
    }

    @Test func addingAnArticleThatQuotesAKnownSource() throws {
        try expectIncrementalEqualsClean { project in
            try project.write("seeds/ferry.md", "---\ntitle: Ferry fares\ndate: 2025-03-04\n---\nVelez said ferry fares would rise.\n")
        }
    }

    @Test func removingAnArticle() throws {
        try expectIncrementalEqualsClean { project in
            try FileManager.default.removeItem(at: project.url("seeds/port.md"))
            try FileManager.default.removeItem(at: project.url("seeds/port.claims.yml"))
        }
    }

    @Test func addingADisputeAcrossArticles() throws {
        try expectIncrementalEqualsClean { project in
            try project.write("seeds/rail.claims.yml", """
                claims:
                  - text: denied that the contract was signed without a tender
                    disputes: port--strike-had-cost-more-than-5
                """)
        }
    }

    @Test func changingATemplate() throws {
        try expectIncrementalEqualsClean { project in
            try project.write("templates/partials/source-item.mustache", "<li class=\"source-item\"><a href=\"{{href}}\">{{name}}</a></li>\n")
        }
    }
}
