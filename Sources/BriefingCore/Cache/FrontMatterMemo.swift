import Foundation

/// Front matter parsed by the previous build, by a digest of its YAML text: parsing YAML
/// is most of loading a seed, and nearly every seed is unchanged between two builds.
/// Only front matter that parsed without warnings is kept (a warning must be printed
/// again, with its line), and the digest covers the binary, so a new `briefing` parses
/// everything afresh. Stored in `.briefing-cache/front-matter.bin` (`BuildCache`).
final class FrontMatterMemo: @unchecked Sendable {
    private let previous: [StableDigest: FrontMatter]
    private let lock = NSLock()
    /// What this build parsed or reused: what the next build may reuse.
    private var current: [StableDigest: FrontMatter] = [:]

    init(previous: [StableDigest: FrontMatter] = [:]) {
        self.previous = previous
    }

    static func key(_ yaml: String) -> StableDigest {
        StableDigest.of(BuildCache.formatVersion, BuildCache.binaryIdentity, yaml)
    }

    /// The front matter of `yaml` as parsed before, if it was.
    func frontMatter(_ yaml: String) -> FrontMatter? {
        let key = Self.key(yaml)
        guard let matter = previous[key] else { return nil }
        lock.withLock { current[key] = matter }
        return matter
    }

    /// Keeps `matter`, parsed from `yaml` without warnings, for the next build.
    func store(_ matter: FrontMatter, of yaml: String) {
        let key = Self.key(yaml)
        lock.withLock { current[key] = matter }
    }

    /// This build's front matter, for the next build.
    var entries: [StableDigest: FrontMatter] { lock.withLock { current } }
}

extension BuildCache {
    private var frontMatterURL: URL { folder.appendingPathComponent("front-matter.bin") }
    private static var frontMatterHeader: String { "briefing-front-matter \(formatVersion)" }

    func loadFrontMatter() -> FrontMatterMemo {
        guard let data = try? Data(contentsOf: frontMatterURL) else { return FrontMatterMemo() }
        var reader = BinaryReader([UInt8](data))
        guard reader.text() == Self.frontMatterHeader, let count = reader.integer(), count >= 0 else { return FrontMatterMemo() }
        var entries: [StableDigest: FrontMatter] = [:]
        entries.reserveCapacity(min(count, 1 << 20))
        for _ in 0..<count {
            guard let key = reader.number(), let matter = FrontMatter(reading: &reader) else { return FrontMatterMemo() }
            entries[StableDigest(value: key)] = matter
        }
        return reader.isAtEnd ? FrontMatterMemo(previous: entries) : FrontMatterMemo()
    }

    /// Saves what `memo` holds; a failure only costs the next build its speed.
    func save(_ memo: FrontMatterMemo) {
        var writer = BinaryWriter()
        writer.text(Self.frontMatterHeader)
        let entries = memo.entries
        writer.number(entries.count)
        for (key, matter) in entries.sorted(by: { $0.key.value < $1.key.value }) {
            writer.number(key.value)
            matter.write(to: &writer)
        }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? Data(writer.bytes).write(to: frontMatterURL, options: .atomic)
    }
}

extension FrontMatter {
    /// Every field, in declaration order.
    func write(to writer: inout BinaryWriter) {
        writer.text(title)
        writer.flag(date != nil)
        if let date {
            writer.number(date.year)
            writer.number(date.month)
            writer.number(date.day)
        }
        writer.text(author)
        writer.text(publication)
        writer.text(url)
        writer.number(tags.count)
        for tag in tags { writer.text(tag) }
        writer.flag(draft)
    }

    init?(reading reader: inout BinaryReader) {
        guard let title = reader.text(), let hasDate = reader.flag() else { return nil }
        var date: ArticleDate?
        if hasDate {
            guard let year = reader.integer(), let month = reader.integer(), let day = reader.integer(),
                  let parsed = ArticleDate(String(format: "%04d-%02d-%02d", year, month, day)) else { return nil }
            date = parsed
        }
        guard let author = reader.optionalText(), let publication = reader.optionalText(), let url = reader.optionalText(),
              let tagCount = reader.integer(), tagCount >= 0, tagCount < 1 << 16 else { return nil }
        var tags: [String] = []
        for _ in 0..<tagCount {
            guard let tag = reader.text() else { return nil }
            tags.append(tag)
        }
        guard let draft = reader.flag() else { return nil }
        self.init(title: title, date: date, author: author, publication: publication, url: url, tags: tags, draft: draft)
    }
}
