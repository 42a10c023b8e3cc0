@testable import BriefingCore
import Foundation
import Testing

/// The pieces incremental builds rely on to skip work: each must give what the work it
/// skips would have given.
@Suite("Incremental caches: digests, shortcuts, stored records")
struct IncrementalCacheTests {
    // MARK: - EncodableDigest

    private struct Inner: Encodable {
        var b: Int
        var c: Int?
    }

    private struct Outer: Encodable {
        var a: Inner
        var c: Int?
        var list: [String]
        var flag: Bool
    }

    @Test func encodableDigestCoversValuesAndShape() {
        let base = Outer(a: Inner(b: 1, c: nil), c: 2, list: ["x", "y"], flag: true)
        #expect(EncodableDigest.of(base) == EncodableDigest.of(base))
        var moved = base
        (moved.a.c, moved.c) = (2, nil)  // the same key and value, one container deeper
        var text = base
        text.list = ["xy"]
        var split = base
        split.list = ["x", "", "y"]
        var flag = base
        flag.flag = false
        let digests = [base, moved, text, split, flag].map { EncodableDigest.of($0) }
        #expect(Set(digests).count == digests.count)
        #expect(EncodableDigest.of(1) != EncodableDigest.of("1"))
        #expect(EncodableDigest.of(Optional<Int>.none) != EncodableDigest.of(0))
    }

    // MARK: - Slugger's shortcut

    @Test func plainSlugsEqualFoldedSlugs() {
        let texts = [
            "Nicolás Maduro", "U.S. officials", "the nation’s “largest” port — so far…", "A–B ‘quoted’ 5,000 jobs",
            "  leading and trailing  ", "", "...", "Ärger im Büro", "ﬁrst ＦＵＬＬ width", "don't stop", "x.y.z 42",
        ]
        for text in texts {
            for maxWords in [0, 1, 2, 6] {
                let folded = Slugger.foldedSlug(text, maxWords: maxWords)
                if let plain = Slugger.plainSlug(text, maxWords: maxWords) {
                    #expect(plain == folded, "\(text) (\(maxWords) words)")
                }
                #expect(Slugger.slug(text, maxWords: maxWords) == folded)
            }
        }
        #expect(Slugger.plainSlug("Nicolás", maxWords: 0) == nil, "folding needed")
        #expect(Slugger.plainSlug("the nation’s “largest”", maxWords: 0) == "the-nations-largest")
    }

    // MARK: - FrontMatter.split

    /// The first implementation: every line of the seed, as Characters. Each outcome as
    /// text: the parts, "none" without front matter, "unclosed" when never closed.
    private static func referenceSplit(_ text: String) -> String {
        guard text.hasPrefix("---\n") || text == "---" else { return "none" }
        var lineCount = 1
        var yamlLines: [Substring] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines.dropFirst() {
            lineCount += 1
            if line == "---" || line == "..." {
                return describe((yamlLines.joined(separator: "\n"), lines.dropFirst(lineCount).joined(separator: "\n"), lineCount))
            }
            yamlLines.append(line)
        }
        return "unclosed"
    }

    private static func describe(_ split: (yaml: String, body: String, bodyLineOffset: Int)) -> String {
        "\(split.yaml.debugDescription) \(split.body.debugDescription) \(split.bodyLineOffset)"
    }

    @Test func frontMatterSplitMatchesSplittingEveryLine() {
        let texts = [
            "---", "---\n", "---\n---", "---\n---\n", "---\n...\nbody", "---\ntitle: T\n---\nBody.\n\nMore.\n",
            "---\ntitle: Café — “x”\ntags: [a]\n---\n", "---\ntitle: T\n--- \n---\nb", "---\ntitle: T\n",
            "---\ntitle: T\n---", "no front matter\n", "---x\n---\n", "---\n\n\n---\n\n\nbody\n\n",
        ]
        for text in texts {
            let actual: String
            do {
                actual = try FrontMatter.split(text, file: "f").map(Self.describe) ?? "none"
            } catch {
                actual = "unclosed"
            }
            #expect(actual == Self.referenceSplit(text), "\(text.debugDescription)")
        }
    }

    // MARK: - Stored records

    @Test func frontMatterRecordsRoundTripAndRejectDamage() throws {
        let matter = FrontMatter(
            title: "Budget “talks”", date: ArticleDate("2025-03-01"), author: nil, publication: "The Harbor Times",
            url: "https://example.org/a", tags: ["budget", "ferry"], draft: true)
        var writer = BinaryWriter()
        matter.write(to: &writer)
        var reader = BinaryReader(writer.bytes)
        let read = try #require(FrontMatter(reading: &reader))
        #expect(reader.isAtEnd)
        #expect((read.title, read.date, read.author, read.publication) == (matter.title, matter.date, matter.author, matter.publication))
        #expect((read.url, read.tags, read.draft) == (matter.url, matter.tags, matter.draft))
        for cut in [0, 1, 9, writer.bytes.count - 1] {
            var short = BinaryReader(Array(writer.bytes.prefix(cut)))
            #expect(FrontMatter(reading: &short) == nil, "cut at \(cut)")
        }
    }

    @Test func briefingJSONIndexRoundTripsAndRejectsDamage() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("json-index-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = BuildCache(project: Project(root: root))
        let file = FileIdentity(device: 2049, inode: 1 << 40, size: 195_312_466, modifiedSeconds: 1_764_130_000, modifiedNanoseconds: 999_999_999)
        let locations = [
            JSONEntryLocation(digest: StableDigest(value: .max), offset: 0, length: 12),
            JSONEntryLocation(digest: StableDigest(value: 7), offset: 195_000_000, length: 312_466),
        ]
        cache.saveJSONIndex(locations, of: file)
        let read = try #require(cache.loadJSONIndex())
        #expect(read.file == file)
        #expect(read.locations == locations)

        let url = cache.folder.appendingPathComponent("briefing-json.index")
        let bytes = try Data(contentsOf: url)
        for cut in [0, 5, bytes.count - 1] {
            try bytes.prefix(cut).write(to: url)
            #expect(cache.loadJSONIndex() == nil, "cut at \(cut)")
        }
        try (bytes + [0]).write(to: url)
        #expect(cache.loadJSONIndex() == nil, "a byte too many")
    }
}
