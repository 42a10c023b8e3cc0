import BriefingTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The static SVG of who claims what, on the index and on each source page.
@Suite("Graph of who claims what")
struct GraphTests {
    /// Parses `svg` as a standalone XML document.
    static func isWellFormed(_ svg: String) -> Bool {
        XMLParser(data: Data(svg.utf8)).parse()
    }

    /// The `href` of every node (source link) in an SVG.
    static func nodeLinks(_ svg: String) -> [String] {
        svg.components(separatedBy: "<a class=\"node ").dropFirst().compactMap { PageParts.between($0, "href=\"", "\"") }
    }

    @Test func indexPictureIsWellFormedWithOneLinkedNodePerSource() throws {
        let project = try TestProject(copying: BriefingBinary.repository)
        #expect(try project.run(["build"]).status == 0)
        let site = project.url("site")
        let svg = try #require(PageParts.svg(in: try project.read("site/index.html")))
        #expect(Self.isWellFormed(svg), "\(svg.prefix(400))")
        #expect(svg.contains("<title id=\"graph-title\">") && svg.contains("<desc id=\"graph-desc\">"))
        let links = Self.nodeLinks(svg)
        let sources = PageParts.sourceIDs(site)
        #expect(links.count == sources.count, "one node per source")
        #expect(Set(links) == Set(sources.map { "sources/\($0).html" }))
        for link in links {
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(link).path), "\(link) does not resolve")
        }
        #expect(svg.contains("class=\"edge edge-disputes\""), "the sample's disputes are drawn")
        #expect(svg.components(separatedBy: "<a class=\"node anonymous").count > 1 && svg.components(separatedBy: "<a class=\"node named").count > 1)
    }

    @Test func sourcePagesShowTheSourceAmongItsNeighbours() throws {
        let project = try TestProject(copying: BriefingBinary.repository)
        #expect(try project.run(["build"]).status == 0)
        let page = try project.read("site/sources/nicolas-maduro.html")
        let svg = try #require(PageParts.svg(in: page))
        #expect(Self.isWellFormed(svg))
        #expect(svg.contains("<a class=\"node named current\" href=\"../sources/nicolas-maduro.html\">"), "the source itself, marked")
        for link in Self.nodeLinks(svg) {
            let target = project.url("site/sources").appendingPathComponent(link).standardizedFileURL
            #expect(FileManager.default.fileExists(atPath: target.path), "\(link) does not resolve")
        }
        #expect(svg.contains("a senior Pentagon official"), "whoever disputes Maduro is a neighbour")
        let check = try project.run(["check", "site"])
        #expect(check.status == 0, "briefing check: \(check.stderr)")
    }

    @Test func picturesAreByteIdenticalAcrossBuilds() throws {
        let a = try TestProject(copying: BriefingBinary.repository)
        let b = try TestProject(copying: BriefingBinary.repository)
        #expect(try a.run(["build"]).status == 0)
        #expect(try b.run(["build", "--output", "elsewhere"]).status == 0)
        let pages = ["index.html"] + PageParts.sourceIDs(a.url("site")).map { "sources/\($0).html" }
        for page in pages {
            let first = PageParts.svg(in: try a.read("site/\(page)"))
            let second = PageParts.svg(in: try b.read("elsewhere/\(page)"))
            #expect(first == second, "\(page): the picture differs between builds")
        }
    }

    @Test func beyondFiftySourcesTheMostConnectedAreShownAndNamesAreEscaped() throws {
        var article = "---\ntitle: Many voices\ndate: 2025-01-02\n---\n"
        var sidecar = "sources:\n"
        var claims = "claims:\n"
        for n in 1...60 {
            article += "Speaker \(n) said that item \(n) happened.\n\n"
            let name = n == 7 ? #"<b onclick=x>Bad & \"Name\"</b>"# : "Speaker \(n)"
            sidecar += "  - id: s\(n)\n    name: \"\(name)\"\n    type: person\n"
            claims += "  - id: c\(n)\n    source: s\(n)\n    text: item \(n) happened\n"
            if n == 2 { claims += "    disputes: c1\n" }
        }
        let project = try TestProject("-- seeds/many.md --\n\(article)-- seeds/many.claims.yml --\n\(sidecar)\(claims)")
        let result = try project.run(["build"])
        #expect(result.status == 0, "\(result.stderr)")
        let index = try project.read("site/index.html")
        let svg = try #require(PageParts.svg(in: index))
        #expect(Self.isWellFormed(svg))
        #expect(Self.nodeLinks(svg).count == 50)
        #expect(svg.contains("the 50 most connected of 60 sources"))
        #expect(index.contains("Showing 50 of 60 sources, the most connected"))
        #expect(!svg.contains("<b") && !index.contains("<b onclick"), "names are escaped")
        // The disputing pair has the most connections: both are shown.
        #expect(svg.contains("href=\"sources/s1.html\"") && svg.contains("href=\"sources/s2.html\""))
    }
}
