@testable import BriefingCore
import Foundation
import Testing

@Suite("Load: front matter, plain text, dates, decoding")
struct LoadStageTests {
    @Test func frontMatterSplitsAndCountsLines() throws {
        let split = try FrontMatter.split("---\ntitle: T\ndate: 2025-01-02\n---\nBody line.\n", file: "seeds/a.md")
        #expect(split?.yaml == "title: T\ndate: 2025-01-02")
        #expect(split?.body == "Body line.\n")
        #expect(split?.bodyLineOffset == 4)
    }

    @Test func frontMatterErrorsCarryTheSeedLine() {
        #expect(throws: Diagnostic.error(.load, at: SourceLocation(file: "seeds/a.md", line: 3, column: 7),
                                         "date `soon` is not a date; write it as YYYY-MM-DD, e.g. 2025-10-25")) {
            _ = try FrontMatter.parse("title: T\ndate: soon", file: "seeds/a.md")
        }
    }

    @Test func tagsAcceptAListOrCommaSeparatedText() throws {
        #expect(try FrontMatter.parse("title: T\ntags: [a, b]", file: "f").0.tags == ["a", "b"])
        #expect(try FrontMatter.parse("title: T\ntags: a, b", file: "f").0.tags == ["a", "b"])
    }

    @Test func plainTextTitleAndParagraphsWithLines() throws {
        let (title, paragraphs) = try PlainTextSeed.parse("\n  Title  \nFirst.\n\n\nSecond.\n", file: "f")
        #expect(title == "Title")
        #expect(paragraphs.map(\.text) == ["First.", "Second."])
        #expect(paragraphs.map(\.line) == [3, 6])
    }

    @Test(arguments: [
        ("2025-10-25", "2025-10-25"), ("2024-02-29", "2024-02-29"), ("2025-10-25T08:00:00Z", "2025-10-25"),
    ])
    func validDates(_ text: String, _ expected: String) {
        #expect(ArticleDate(text)?.description == expected)
    }

    @Test(arguments: ["2025-02-29", "2025-13-01", "25-10-2025", "2025/10/25", "October 25", "2025-10-25junk", ""])
    func invalidDates(_ text: String) {
        #expect(ArticleDate(text) == nil)
    }

    @Test func decodingStripsBOMAndNormalisesLineEnds() throws {
        let text = try TextDecoding.decode(Data([0xEF, 0xBB, 0xBF] + Array("a\r\nb\rc\0d".utf8)), file: "f")
        #expect(text == "a\nb\nc\u{FFFD}d")
    }

    @Test func invalidUTF8ReportsLineAndColumn() {
        #expect(throws: Diagnostic.error(.load, at: SourceLocation(file: "f", line: 2, column: 3),
                                         "file is not valid UTF-8; re-save it as UTF-8 (e.g. iconv -f latin1 -t utf-8)")) {
            _ = try TextDecoding.decode(Data(Array("ok\nab".utf8) + [0xC3, 0x28]), file: "f")
        }
    }

    @Test func slugRules() {
        #expect(Slugger.slug("Nicolás Maduro") == "nicolas-maduro")
        #expect(Slugger.slug("U.S. officials") == "us-officials")
        #expect(Slugger.isValidSlug("venezuela-igla_s"))
        #expect(!Slugger.isValidSlug("../etc"))
        #expect(!Slugger.isValidSlug("a%2fb"))
        #expect(!Slugger.isValidSlug("саша")) // Cyrillic look-alikes are not page names
    }
}
