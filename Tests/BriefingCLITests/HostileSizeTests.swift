import BriefingTestSupport
import Foundation
import Testing

/// Big and deep input, generated at run time: the build answers in time and in bounded
/// memory, or refuses with a clear error. Time bounds are for a debug build on 2 cores.
@Suite("Hostile input: size and depth")
struct HostileSizeTests {
    static let sentence = "The minister said the bridge would open in May, according to officials who spoke on Tuesday. "
    /// Words without a cue: what most of a long text is.
    static let filler = "The river rose past the old stone bridge and the market square fell quiet for the night. "

    /// `count` bytes (about) of `unit` repeated.
    static func repeated(_ unit: String, bytes count: Int, separator: String = "") -> String {
        Array(repeating: unit, count: max(1, count / (unit.utf8.count + separator.utf8.count))).joined(separator: separator)
    }

    // MARK: - Too big: refused at once, the file never read whole

    @Test func twentyMegabyteArticle() throws {
        try Hostile.expectError("seeds/huge.md: error: file is 19.1 MiB, more than the 4 MiB a seed may have; split it", within: 5) {
            try $0.write("seeds/huge.md", Hostile.markdown(Self.repeated(Self.sentence, bytes: 20_000_000, separator: "\n\n")))
        }
    }

    @Test func fiveMegabyteSingleLine() throws {
        try Hostile.expectError("seeds/line.txt: error: file is 4.8 MiB, more than the 4 MiB a seed may have", within: 5) {
            try $0.write("seeds/line.txt", "A line\n" + Self.repeated(Self.sentence, bytes: 5_000_000))
        }
    }

    @Test func aSeedThatIsADeviceOrAPipe() throws {
        // A link to /dev/zero would be endless; a FIFO would block the build forever.
        try Hostile.expectError("seeds/zero.md: error: not a regular file", within: 5) { project in
            try FileManager.default.createSymbolicLink(atPath: project.url("seeds/zero.md").path, withDestinationPath: "/dev/zero")
        }
        try Hostile.expectError("seeds/pipe.txt: error: not a regular file", within: 5) { project in
            #expect(mkfifo(project.url("seeds/pipe.txt").path, 0o644) == 0)
        }
        try Hostile.expectError("seeds/folder.md: error: not a regular file", within: 5) { project in
            try FileManager.default.createDirectory(at: project.url("seeds/folder.md"), withIntermediateDirectories: true)
        }
        try Hostile.expectError("seeds/good.claims.yml: error: not a regular file", within: 5) { project in
            try FileManager.default.createSymbolicLink(atPath: project.url("seeds/good.claims.yml").path, withDestinationPath: "/dev/urandom")
        }
    }

    // MARK: - Big but allowed: built, in time linear in the size

    @Test func aMegabyteSingleLine() throws {
        let project = try TestProject()
        let body = Self.repeated(Self.filler, bytes: 1_000_000) + Self.repeated(Self.sentence, bytes: 20_000)
        try project.write("seeds/line.md", Hostile.markdown(body))
        try Hostile.expectClean(project, page: "articles/line.html", within: 20)
        let page = try #require(FileManager.default.attributesOfItem(atPath: project.url("site/articles/line.html").path)[.size] as? Int)
        #expect(page > 1_000_000 && page < 3_000_000, "article page is \(page) bytes")
        // Each claim page shows its sentence with a bounded part of the paragraph around it.
        let claims = project.files(under: "site/claims").filter { !$0.hasPrefix("index") && !$0.hasPrefix("status") }
        #expect(!claims.isEmpty)
        for file in claims.prefix(20) {
            let size = try #require(FileManager.default.attributesOfItem(atPath: project.url("site/claims/\(file)").path)[.size] as? Int)
            #expect(size < 60_000, "claims/\(file) is \(size) bytes: the whole paragraph repeated?")
        }
    }

    @Test func aMegabyteSentenceWithoutEndPunctuation() throws {
        // One sentence of a megabyte, a cue every 5 kB: each claim's sentence is cut to a
        // bounded run of tokens, not the whole megabyte each.
        let project = try TestProject()
        let stretch = Self.repeated("the river rose past the old stone bridge and the market square fell quiet ", bytes: 5_000)
        let body = Self.repeated(stretch + " officials said the fox jumps over the dog and ", bytes: 1_000_000)
        try project.write("seeds/sentence.txt", "One sentence\n" + body + "\n")
        try Hostile.expectClean(project, page: "articles/sentence.html", within: 20)
        let json = try #require(FileManager.default.attributesOfItem(atPath: project.url("site/briefing.json").path)[.size] as? Int)
        #expect(json < 5_000_000, "briefing.json is \(json) bytes: every claim keeps the whole sentence?")
    }

    /// Claims per second must not fall as an article grows: n and 4n claims, the second
    /// given (generously) 8 times as long, where a quadratic path needs 16.
    @Test func buildTimeGrowsLinearlyWithClaims() throws {
        func time(_ paragraphs: Int, distinct: Bool) throws -> Double {
            let project = try TestProject()
            let body = (0..<paragraphs).map { index in
                distinct ? "Minister \(index) said the bridge number \(index) would open in May." : Self.sentence
            }.joined(separator: "\n\n")
            try project.write("seeds/many.md", Hostile.markdown(body))
            return try Hostile.expectClean(project, page: "articles/many.html", within: 60).seconds
        }
        for distinct in [false, true] {
            // The larger run twice, its best kept: other tests share the 2 cores.
            let small = try time(100, distinct: distinct)
            let large = min(try time(400, distinct: distinct), try time(400, distinct: distinct))
            #expect(large < max(small, 0.5) * 8, "100 paragraphs: \(small) s, 400: \(large) s (distinct: \(distinct))")
        }
    }

    // MARK: - Depth: nothing recursive on the nesting

    @Test(arguments: [
        ("blockquotes", String(repeating: "> ", count: 10_000) + "The minister said so."),
        ("blockquote lines", (1...2_000).map { String(repeating: ">", count: $0) + " the minister said so" }.joined(separator: "\n")),
        ("bullets", String(repeating: "- ", count: 10_000) + "The minister said so."),
        ("ordered", String(repeating: "1. ", count: 10_000) + "The minister said so."),
        ("indented lists", (0..<3_000).map { String(repeating: " ", count: $0 * 2 % 60) + "- the minister said item \($0)" }.joined(separator: "\n")),
        ("emphasis", String(repeating: "*", count: 50_000) + "said" + String(repeating: "*", count: 50_000)),
        ("brackets", String(repeating: "[", count: 50_000) + "said" + String(repeating: "]", count: 50_000)),
        ("links", String(repeating: "[a](", count: 20_000) + String(repeating: ")", count: 20_000)),
        ("backticks", (1...1_000).map { String(repeating: "`", count: $0) }.joined(separator: " x ")),  // 0.5 MB
        ("html", String(repeating: "<div>", count: 20_000) + "The minister said so." + String(repeating: "</div>", count: 20_000)),
        ("entities", String(repeating: "&amp;&#x41;&#65;&notanentity;", count: 20_000)),
        ("headings", (1...20_000).map { _ in "# The minister said so" }.joined(separator: "\n")),
    ] as [(String, String)])
    func deepMarkdown(name: String, body: String) throws {
        let project = try TestProject()
        try project.write("seeds/deep.md", Hostile.markdown(body, title: name))
        try Hostile.expectClean(project, page: "articles/deep.html", within: 15)
    }

    @Test func tenThousandParagraphsOfOneWord() throws {
        let project = try TestProject()
        try project.write("seeds/words.txt", "Words\n" + (0..<10_000).map { "w\($0)" }.joined(separator: "\n"))
        try Hostile.expectClean(project, page: "articles/words.html", within: 15)
    }

    @Test func threeHundredSeeds() throws {
        let project = try TestProject()
        for index in 0..<300 {
            try project.write("seeds/s\(index).txt", "Seed \(index)\nThe minister said bridge \(index) would open.\n")
        }
        try Hostile.expectClean(project, page: "articles/s299.html", within: 30)
    }

    @Test func aSidecarWithThousandsOfClaims() throws {
        let project = try TestProject()
        try project.write("seeds/big.txt", "Big\n" + (0..<500).map { "Minister \($0) said bridge \($0) would open." }.joined(separator: "\n"))
        let claims = (0..<500).map { "  - text: bridge \($0) would open\n    status: disputed\n    note: checked \($0)" }
        try project.write("seeds/big.claims.yml", "claims:\n" + claims.joined(separator: "\n") + "\n")
        let run = try Hostile.run(project, within: 30)
        #expect(run.result.status == 0 || run.errors.allSatisfy { Hostile.isLocated($0) }, "\(run.result.stderr.prefix(1_000))")
    }
}
