import BriefingTestSupport
import Foundation
import Testing

/// `briefing build --search`: the Pagefind index, and the search box in a real browser.
@Suite("Search")
struct SearchTests {
    /// The sample built with `--search`.
    static func indexedSample() throws -> TestProject {
        let project = try TestProject(copying: BriefingBinary.repository)
        let result = try project.run(["build", "--search"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Search index (Pagefind) in site/pagefind/"))
        return project
    }

    /// Types each query into the search box of the served site (one browser, the box cleared
    /// in between); the result links of each.
    static func search(_ project: TestProject, _ queries: [String], page: String = "index.html") throws -> [[String]] {
        let result = try ReaderTools.browser(["search", project.url("site").path] + queries + ["--page", page])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == queries.count, "\(result.stdout) \(result.stderr)")
        return zip(queries, lines).map { query, line in
            let json = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
            #expect(json?["typed"] as? String == query, "the query was typed into the box: \(line)")
            let results = json?["results"] as? [[String: Any]] ?? []
            return results.compactMap { $0["href"] as? String }
        }
    }

    @Test(.enabled(if: ReaderTools.pagefind, "\(ReaderTools.pagefindMissing)"))
    func buildWritesADeterministicIndexOfArticleClaimAndSourcePages() throws {
        let a = try Self.indexedSample()
        let b = try Self.indexedSample()
        #expect(a.exists("site/pagefind/pagefind-ui.js") && a.exists("site/pagefind/pagefind-entry.json"))
        let entry = try a.read("site/pagefind/pagefind-entry.json")
        let site = a.url("site")
        let indexed = PageParts.claimIDs(site).count + PageParts.sourceIDs(site).count
            + TestProject.files(under: site.appendingPathComponent("articles")).filter { $0 != "index.html" }.count
        #expect(entry.contains("\"page_count\":\(indexed)"), "only article, claim and source pages are indexed: \(entry)")
        let files = a.files(under: "site/pagefind")
        #expect(files == b.files(under: "site/pagefind"))
        for file in files {
            #expect(try Data(contentsOf: a.url("site/pagefind/\(file)")) == Data(contentsOf: b.url("site/pagefind/\(file)")), "\(file) differs")
        }
    }

    @Test(.enabled(if: ReaderTools.pagefind && ReaderTools.chromium != nil, "needs Pagefind and Chromium: \(ReaderTools.pagefindMissing); \(ReaderTools.chromiumMissing)"))
    func typingInTheSearchBoxFindsMaduroAndIgla() throws {
        let project = try Self.indexedSample()
        let found = try Self.search(project, ["Maduro", "Igla"], page: "sources/nicolas-maduro.html")
        let maduro = found.first ?? [], igla = found.last ?? []
        #expect(maduro.first == "/sources/nicolas-maduro.html", "\(maduro)")
        #expect(maduro.contains("/claims/venezuela-igla-s-manpads--maduro-5000-igla-s.html"), "the speaker's name finds their claims: \(maduro)")
        #expect(igla.contains("/claims/venezuela-igla-s-manpads--maduro-5000-igla-s.html"), "\(igla)")
        for href in maduro + igla {
            #expect(href.hasPrefix("/articles/") || href.hasPrefix("/claims/") || href.hasPrefix("/sources/"), "\(href)")
            #expect(project.exists("site" + href), "\(href) does not exist")
        }
    }

    @Test(.enabled(if: ReaderTools.chromium != nil, "\(ReaderTools.chromiumMissing)"))
    func theBoxHidesWhereSearchCannotRun() throws {
        let project = try TestProject(copying: BriefingBinary.repository)
        #expect(try project.run(["build"]).status == 0)
        let site = project.url("site").path
        // Opened from disk: Pagefind cannot run there.
        let fromDisk = try ReaderTools.browser(["eval", site, "claims/index.html", "document.getElementById('search').hidden", "--file"])
        #expect(fromDisk.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "true", "\(fromDisk.stdout) \(fromDisk.stderr)")
        // Served, but built without --search: the box goes away.
        let served = try ReaderTools.browser(["eval", site, "index.html", "document.getElementById('search') === null", "--settle", "1"])
        #expect(served.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "true", "\(served.stdout) \(served.stderr)")
    }

    @Test func missingPagefindIsAClearErrorAndKeepsTheOldSite() throws {
        let project = try TestProject(BadInputTests.goodSeed)
        #expect(try project.run(["build"]).status == 0)
        let before = try project.read("site/index.html")
        var environment = ProcessInfo.processInfo.environment
        environment["BRIEFING_PAGEFIND"] = project.url("no-such-pagefind").path
        let result = try ReaderTools.run(BriefingBinary.url, ["build", "--search"], in: project.root, environment: environment)
        #expect(result.status == 1)
        #expect(result.stderr.contains("site: error: cannot run"), "\(result.stderr)")
        #expect(result.stderr.contains("pip install 'pagefind[bin]'"), "\(result.stderr)")
        #expect(try project.read("site/index.html") == before)
        #expect(!project.exists("site/pagefind"))
        #expect(project.files(under: ".").allSatisfy { !$0.contains(".building-") }, "staging folder left")
    }
}
