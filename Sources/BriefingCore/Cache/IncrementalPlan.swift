import Foundation

/// Decides, from the cache manifest, which pages an incremental build may take from the
/// previous output, and records this build for the next one.
struct IncrementalPlan: Sendable {
    let cache: BuildCache
    /// nil: render everything (no usable previous build, or something global changed).
    let affected: AffectedPages?
    /// The previous `briefing.json`'s entries (when its pages are reused), and this one's.
    let jsonEntries: JSONEntryCache
    private let manifest: BuildCache.Manifest
    private let extractionDigests: Set<StableDigest>

    /// - Parameter extractionDigests: those of this build's articles (the others are pruned).
    init(cache: BuildCache, project: LoadedProject, graph: SiteGraph, options: BuildOptions, extractionDigests: Set<StableDigest>) {
        self.cache = cache
        let global = Self.globalDigest(project: project, options: options)
        let pages = PageDigests(graph).byPath
        let outputPath = options.output.standardizedFileURL.path
        if let previous = cache.loadManifest(), previous.globalDigest == global, previous.outputPath == outputPath,
           FileManager.default.fileExists(atPath: outputPath) {
            affected = AffectedPages(previous: previous.pages, current: pages)
            jsonEntries = JSONEntryCache(previous: cache.loadJSONIndex().flatMap { index in
                PreviousJSONFile(path: Self.jsonPath(outputPath), identity: index.file, locations: index.locations)
            })
        } else {
            affected = nil
            jsonEntries = JSONEntryCache(previous: nil)
        }
        manifest = BuildCache.Manifest(globalDigest: global, outputPath: outputPath, pages: pages)
        self.extractionDigests = extractionDigests
    }

    /// Forgets the previous build before its output is replaced: its manifest describes
    /// that output, and must never be read beside another.
    func forgetPrevious() {
        cache.removeManifest()
        cache.removeJSONIndex()
    }

    /// Saves the manifest of the build that just succeeded, and drops unused extractions.
    func save() {
        cache.save(manifest)
        if let written = FileIdentity.of(Self.jsonPath(manifest.outputPath)) {
            cache.saveJSONIndex(jsonEntries.locations, of: written)
        }
        cache.prune(keeping: extractionDigests)
    }

    private static func jsonPath(_ outputPath: String) -> String {
        outputPath + "/" + BriefingJSON.path
    }

    /// Everything that is not an article but reaches pages.
    private static func globalDigest(project: LoadedProject, options: BuildOptions) -> StableDigest {
        var digest = StableDigest.of(BuildCache.formatVersion, BriefingVersion.current, BuildCache.binaryIdentity)
        for name in project.theme.templates.keys.sorted() {
            digest.combine(name)
            digest.combine(project.theme.templates[name]?.text ?? "")
        }
        for name in project.theme.assets.keys.sorted() {
            digest.combine(name)
            digest.combine(bytes: project.theme.assets[name] ?? Data())
        }
        let config = project.config
        digest.combine(config.title)
        digest.combine(config.description)
        digest.combine(config.language)
        digest.combine(config.baseURL)
        digest.combine(options.includeDrafts ? "drafts" : "")
        digest.combine(options.search ? "search" : "")
        digest.combine(options.analyze ? "" : "no-analysis")
        return digest
    }
}

extension BuildCache {
    /// The running binary: its path, size and modification time. A rebuilt `briefing`
    /// may extract or render differently, so its cache starts afresh.
    static let binaryIdentity: String = {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? Int) ?? 0
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(path)|\(size)|\(modified)"
    }()
}
