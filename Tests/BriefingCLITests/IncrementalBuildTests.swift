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
    /// - Returns: the HTML pages the incremental build rendered (the others it reused).
    @discardableResult
    func expectIncrementalEqualsClean(
        _ project: TestProject? = nil, _ edit: (TestProject) throws -> Void, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> Set<String> {
        let project = try project ?? TestProject(Self.corpus)
        let first = try project.run(["build"])
        #expect(first.status == 0, "\(first.stderr)", sourceLocation: sourceLocation)
        let before = try Self.fileNumbers(project)
        try edit(project)
        let incremental = try project.run(["build"])
        #expect(incremental.status == 0, "\(incremental.stderr)", sourceLocation: sourceLocation)
        let after = try Self.fileNumbers(project)
        let clean = try project.run(["build", "--no-cache", "--output", "clean"])
        #expect(clean.status == 0, "\(clean.stderr)", sourceLocation: sourceLocation)
        let files = project.files(under: "site")
        #expect(files == project.files(under: "clean"), "file lists differ", sourceLocation: sourceLocation)
        for file in files {
            let a = try Data(contentsOf: project.url("site/\(file)")), b = try Data(contentsOf: project.url("clean/\(file)"))
            #expect(a == b, "\(file) differs from a clean build", sourceLocation: sourceLocation)
        }
        return Set(after.filter { $0.key.hasSuffix(".html") && before[$0.key] != $0.value }.keys)
    }

    /// The file number (inode) of every file in `site/`. A reused page is a hard link to the
    /// previous build's file, so it keeps its number; a rendered one is a new file. (The
    /// previous files exist until the new ones are all written: their numbers are not reused.)
    static func fileNumbers(_ project: TestProject) throws -> [String: Int] {
        var numbers: [String: Int] = [:]
        for file in project.files(under: "site") {
            let attributes = try FileManager.default.attributesOfItem(atPath: project.url("site/\(file)").path)
            numbers[file] = (attributes[.systemFileNumber] as? NSNumber)?.intValue
        }
        return numbers
    }

    /// Pages that sum up the whole briefing, rendered by every build.
    static let alwaysRendered: Set<String> = ["index.html", "report.html"]

    @Test func nothingChangedReusesEveryEntityPage() throws {
        let project = try TestProject(Self.corpus)
        #expect(try project.run(["build"]).status == 0)
        let second = try project.run(["build"])
        #expect(second.stdout.contains("unchanged)"), "\(second.stdout)")
        #expect(!second.stdout.contains("(0 unchanged)"))
    }

    /// A page deleted from `site/` by hand cannot be linked from the previous output: the
    /// build renders everything instead of failing, and the page is back.
    @Test func aPageDeletedFromTheOutputIsRenderedAgain() throws {
        try expectIncrementalEqualsClean { project in
            try FileManager.default.removeItem(at: project.url("site/sources/arturo-velez.html"))
            var text = try project.read("seeds/budget.md")
            text = text.replacingOccurrences(of: "until May", with: "until June")
            try project.write("seeds/budget.md", text)
        }
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

    // MARK: - What the cache keeps besides pages

    @Test func editingFrontMatter() throws {
        try expectIncrementalEqualsClean { project in
            try Self.edit(project, "seeds/port.md", replacing: "title: Port strike spreads", with: "title: Port strike spreads north\ntags: [ports, unions]")
            try Self.edit(project, "seeds/rail.md", replacing: "date: 2025-03-03", with: "date: 2025-03-03\ndraft: true")
        }
    }

    /// A front-matter warning is printed by every build, not only by the one that parsed
    /// the front matter first.
    @Test func frontMatterWarningsRepeatOnEveryBuild() throws {
        let project = try TestProject(Self.corpus)
        try Self.edit(project, "seeds/budget.md", replacing: "date: 2025-03-01", with: "date: 2025-03-01\nsection: politics")
        for _ in 0..<2 {
            let build = try project.run(["build"])
            #expect(build.status == 0, "\(build.stderr)")
            #expect((build.stdout + build.stderr).contains("unknown front matter key `section`"))
        }
    }

    /// `briefing.json` copies unchanged entries from the previous file only when that file
    /// is the one the cache indexed: edited in place (same size, same inode), it is
    /// encoded whole again.
    @Test func aBriefingJSONEditedInPlaceIsNotCopiedFrom() throws {
        try expectIncrementalEqualsClean { project in
            let url = project.url("site/briefing.json")
            let text = try project.read("site/briefing.json")
            let range = try #require(text.range(of: "Velez"))
            let handle = try FileHandle(forUpdating: url)
            try handle.seek(toOffset: UInt64(text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound)))
            try handle.write(contentsOf: Data("Vilez".utf8))
            try handle.close()
            try Self.edit(project, "seeds/budget.md", replacing: "until May", with: "until June")
        }
    }

    @Test func damagedCacheFilesCostOnlySpeed() throws {
        try expectIncrementalEqualsClean { project in
            for file in ["briefing-json.index", "front-matter.bin"] {
                let url = project.url(".briefing-cache/\(file)")
                let data = try Data(contentsOf: url)
                try data.prefix(data.count / 2 + 3).write(to: url)
            }
            try Self.edit(project, "seeds/budget.md", replacing: "until May", with: "until June")
        }
    }

    // MARK: - Precision: only the pages that show a change are rendered again

    /// Tests/Fixtures/analysis: clusters, corroboration, quote findings, retractions.
    static func analysisProject() throws -> TestProject {
        try TestProject(copying: BriefingBinary.repository.appendingPathComponent("Tests/Fixtures/analysis"))
    }

    static func edit(_ project: TestProject, _ file: String, replacing old: String, with new: String) throws {
        let text = try project.read(file)
        #expect(text.contains(old), "\(file) contains \(old)")
        try project.write(file, text.replacingOccurrences(of: old, with: new))
    }

    @Test func editingASentenceWithoutClaimsRendersItsArticleOnly() throws {
        let rendered = try expectIncrementalEqualsClean(Self.analysisProject()) { project in
            try Self.edit(project, "seeds/a1-corran-gates-fail.md", replacing: "in the school on Mill Road", with: "in the church on Mill Road")
        }
        #expect(rendered == Self.alwaysRendered.union(["articles/a1-corran-gates-fail.html"]))
    }

    @Test func editingAParagraphWithAClaimRendersItsClaimPageToo() throws {
        let rendered = try expectIncrementalEqualsClean(Self.analysisProject()) { project in
            try Self.edit(project, "seeds/a4-council-questions.md", replacing: "Councillor Ivo Dane said", with: "On Friday, Councillor Ivo Dane said")
        }
        // The claim's sentence in context; nothing about the claim itself changed.
        #expect(rendered == Self.alwaysRendered.union(["articles/a4-council-questions.html", "claims/a4-council-questions--dane-sabotage.html"]))
    }

    @Test func editingAClaimInACluster() throws {
        let rendered = try expectIncrementalEqualsClean(Self.analysisProject()) { project in
            // The generator cluster's cues: suggested → said → admitted becomes suggested → conceded → admitted.
            try Self.edit(project, "seeds/a3-sandvik-defends-utility.md", replacing: "Sandvik said that the backup", with: "Sandvik conceded that the backup")
        }
        #expect(rendered.contains("clusters/a1-corran-gates-fail--sandvik-generator-suggested.html"))
        #expect(rendered.contains("claims/a6-generator-admission--sandvik-generator-admitted.html"))
        // Another cluster, in an article the edit did not touch.
        #expect(!rendered.contains("claims/a2-harbor-times-sabotage--authority-gates-jammed.html"))
        #expect(!rendered.contains("clusters/a2-harbor-times-sabotage--authority-gates-jammed.html"))
    }

    @Test func movingAClaimOutOfItsCluster() throws {
        try expectIncrementalEqualsClean(Self.analysisProject()) { project in
            try Self.edit(project, "seeds/a4-council-questions.md", replacing: "saboteurs had tampered with the gate motors", with: "vandals had damaged the fence")
            try Self.edit(project, "seeds/a4-council-questions.claims.yml", replacing: "saboteurs had tampered with the gate motors", with: "vandals had damaged the fence")
        }
    }

    @Test func editingAClaimOfASharedSource() throws {
        let rendered = try expectIncrementalEqualsClean(Self.analysisProject()) { project in
            // Piet Sandvik speaks in four articles: his other claims' pages list this one.
            try Self.edit(project, "seeds/a5-who-said-it.md", replacing: "Piet Sandvik said in a radio interview", with: "Piet Sandvik told a radio interviewer")
        }
        #expect(rendered.contains("claims/a1-corran-gates-fail--sandvik-on-schedule.html"))
        #expect(rendered.contains("sources/piet-sandvik.html"))
        #expect(!rendered.contains("claims/a3-sandvik-defends-utility--okafor-gates-jammed.html"))
        #expect(!rendered.contains("sources/lena-okafor.html"))
    }

    @Test func addingAnArticleToACluster() throws {
        let rendered = try expectIncrementalEqualsClean(Self.analysisProject()) { project in
            try project.write("seeds/a7-inquiry.md", """
                ---
                title: Inquiry opens into the Corran Dam failure
                date: 2026-03-10
                ---
                Lena Okafor said that the spillway gates jammed shortly after 2 a.m.
                """)
        }
        #expect(rendered.contains("articles/a7-inquiry.html"))
        #expect(rendered.contains("clusters/a2-harbor-times-sabotage--authority-gates-jammed.html"))
        #expect(!rendered.contains("claims/a4-council-questions--valley-post-warnings.html"))
    }

    @Test func removingAnArticleFromAClusterAndItsSidecar() throws {
        try expectIncrementalEqualsClean(Self.analysisProject()) { project in
            try FileManager.default.removeItem(at: project.url("seeds/a3-sandvik-defends-utility.md"))
            try FileManager.default.removeItem(at: project.url("seeds/a3-sandvik-defends-utility.claims.yml"))
        }
    }

    @Test func retractingAClaimInASidecar() throws {
        let rendered = try expectIncrementalEqualsClean(Self.analysisProject()) { project in
            try Self.edit(project, "seeds/a3-sandvik-defends-utility.claims.yml", replacing: """
                  - id: okafor-gates-jammed
                    text: the spillway gates jammed shortly after 2 a.m
                """, with: """
                  - id: okafor-gates-jammed
                    text: the spillway gates jammed shortly after 2 a.m
                    retracted:
                      reason: Okafor was not at the dam that night.
                """)
        }
        // The claim, its cluster (no longer corroborated) and the pages showing the banner.
        #expect(rendered.contains("claims/a3-sandvik-defends-utility--okafor-gates-jammed.html"))
        #expect(rendered.contains("claims/a2-harbor-times-sabotage--authority-gates-jammed.html"))
        #expect(rendered.contains("sources/lena-okafor.html"))
        #expect(!rendered.contains("claims/a4-council-questions--valley-post-warnings.html"))
    }

    @Test func withdrawingASourceRetraction() throws {
        try expectIncrementalEqualsClean(Self.analysisProject()) { project in
            try Self.edit(project, "seeds/a1-corran-gates-fail.claims.yml", replacing: """
                    retracted:
                      reason: Kestrel Wire withdrew its sabotage report on 9 March; the gate motors had not been touched.
                      link: https://example.org/kestrel-wire/corrections/2026-03-09

                """, with: "\n")
        }
    }

    /// 30 articles of 8 claims each: the status listing runs to two pages.
    static func pagedProject() throws -> TestProject {
        var files = ""
        for article in 0..<30 {
            files += "-- seeds/report-\(article).md --\n---\ntitle: Report \(article)\ndate: 2025-04-\(10 + article % 18)\n---\n"
            for claim in 0..<8 {
                files += "Minister Aino Kallas said that the bridge \(article * 8 + claim) would close in week \(claim + 2).\n\n"
            }
        }
        return try TestProject(files)
    }

    @Test func changingAClaimOnOnePageOfAListing() throws {
        var pages: (listing: String, other: String)?
        let rendered = try expectIncrementalEqualsClean(Self.pagedProject()) { project in
            let first = "claims/status-unverified.html", second = "claims/status-unverified-2.html"
            pages = try project.read("site/\(first)").contains("the bridge 3 would close") ? (first, second) : (second, first)
            try Self.edit(project, "seeds/report-0.md", replacing: "the bridge 3 would close", with: "the tunnel 3 would close")
        }
        let (listing, other) = try #require(pages)
        #expect(rendered.contains(listing))
        #expect(!rendered.contains(other), "the other page lists neither the old claim nor the new")
    }

    @Test func changingAStatusMovesAClaimBetweenListings() throws {
        try expectIncrementalEqualsClean(Self.pagedProject()) { project in
            try project.write("seeds/report-29.claims.yml", "claims:\n  - text: the bridge 239 would close in week 9\n    status: disputed\n")
        }
    }

    /// Nine appearances of one claim by nine speakers: a large cluster, whose claim pages
    /// show the first appearance and their own place rather than every appearance.
    static func largeClusterProject() throws -> TestProject {
        let speakers = ["Aino Kallas", "Bram Oosting", "Cato Rhee", "Dara Voss", "Emil Strand", "Fenna Graaf", "Gus Ilves", "Hedda Lund", "Ivar Moen"]
        var files = ""
        for (day, speaker) in speakers.enumerated() {
            files += "-- seeds/dam-\(day).md --\n---\ntitle: Dam report \(day)\ndate: 2025-05-0\(day + 1)\n---\n"
            files += "\(speaker) said that the dam would be repaired by June.\n\nThe river stayed high on day \(day).\n"
        }
        return try TestProject(files)
    }

    static let largeCluster = "clusters/dam-0--dam-would-repaired-by-june.html"

    @Test func editingTheFirstAppearanceOfALargeCluster() throws {
        let rendered = try expectIncrementalEqualsClean(Self.largeClusterProject()) { project in
            #expect(project.exists("site/\(Self.largeCluster)"), "the nine claims make one cluster")
            try Self.edit(project, "seeds/dam-0.md", replacing: "title: Dam report 0", with: "title: First dam report")
        }
        // Every member's page shows the first appearance, with its article's title.
        #expect(rendered.contains("claims/dam-8--dam-would-repaired-by-june.html"))
        #expect(rendered.contains(Self.largeCluster))
    }

    @Test func editingAMiddleAppearanceOfALargeCluster() throws {
        let rendered = try expectIncrementalEqualsClean(Self.largeClusterProject()) { project in
            try Self.edit(project, "seeds/dam-4.md", replacing: "Emil Strand said that", with: "Emil Strand insisted that")
        }
        // Its cue, and the cue change the next appearance shows.
        #expect(rendered.contains("claims/dam-4--dam-would-repaired-by-june.html"))
        #expect(rendered.contains("claims/dam-5--dam-would-repaired-by-june.html"))
        #expect(rendered.contains(Self.largeCluster))
        #expect(!rendered.contains("claims/dam-7--dam-would-repaired-by-june.html"))
    }
}
