import Foundation

/// What the previous build left in `.briefing-cache/`: its extraction of each article
/// and a manifest of what each article contributed to the site, so the next build
/// re-extracts and re-renders only what changed (see `AffectedPages`).
///
/// The cache is an optimisation only: a missing, stale or unreadable cache gives a full
/// build, and the output is byte-identical either way.
struct BuildCache: Sendable {
    /// `<project>/.briefing-cache`
    let folder: URL

    static let folderName = ".briefing-cache"
    /// Bumped whenever extraction or rendering changes in a way old entries cannot know.
    static let formatVersion = "2"

    init(project: Project) {
        folder = project.root.appendingPathComponent(Self.folderName, isDirectory: true)
    }

    /// The previous build, as far as incremental rebuilds need it.
    struct Manifest: Sendable, Equatable {
        /// Digest of everything that is not an article: theme, config, options, version.
        var globalDigest: StableDigest
        /// The output folder it wrote.
        var outputPath: String
        /// The digest of each page it wrote (`PageDigests`), by path.
        var pages: [String: StableDigest]
    }

    private var manifestURL: URL { folder.appendingPathComponent("manifest.txt") }
    private var extractionsFolder: URL { folder.appendingPathComponent("extractions", isDirectory: true) }

    func loadManifest() -> Manifest? {
        (try? Data(contentsOf: manifestURL)).flatMap(Manifest.init(text:))
    }

    /// Saves the manifest; a failure only costs the next build its speed.
    func save(_ manifest: Manifest) {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? manifest.text.write(to: manifestURL, options: .atomic)
    }

    func removeManifest() {
        try? FileManager.default.removeItem(at: manifestURL)
    }

    // MARK: - Extractions, one file per content digest

    private func extractionURL(_ digest: StableDigest) -> URL {
        extractionsFolder.appendingPathComponent("\(digest).json")
    }

    func extraction(for digest: StableDigest) -> Extraction? {
        guard let data = try? Data(contentsOf: extractionURL(digest)) else { return nil }
        return try? JSONDecoder().decode(Extraction.self, from: data)
    }

    func store(_ extraction: Extraction, for digest: StableDigest) {
        let url = extractionURL(digest)
        guard !FileManager.default.fileExists(atPath: url.path) else { return }
        try? FileManager.default.createDirectory(at: extractionsFolder, withIntermediateDirectories: true)
        if let data = try? JSONEncoder().encode(extraction) {
            try? data.write(to: url, options: .atomic)
        }
    }

    /// Removes extraction files no article uses any more.
    func prune(keeping digests: Set<StableDigest>) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: extractionsFolder.path)) ?? []
        let keep = Set(digests.map { "\($0).json" })
        for name in names where !keep.contains(name) {
            try? FileManager.default.removeItem(at: extractionsFolder.appendingPathComponent(name))
        }
    }
}

extension Article {
    /// Digest of everything in the article that extraction and merging read.
    var extractionDigest: StableDigest {
        var digest = StableDigest.of(BuildCache.formatVersion, BuildCache.binaryIdentity)
        for block in blocks {
            digest.combine(block.text)
            digest.combine(String(block.line))
        }
        return digest
    }
}
