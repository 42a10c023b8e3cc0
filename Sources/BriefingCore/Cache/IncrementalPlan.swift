import Foundation

/// Decides, from the cache manifest, what an incremental build may reuse, and records
/// this build for the next one.
struct IncrementalPlan {
    let cache: BuildCache
    /// nil: render everything (no usable previous build, or something global changed).
    let affected: AffectedPages?
    private let manifest: BuildCache.Manifest
    private let extractionDigests: Set<StableDigest>

    init(cache: BuildCache, project: LoadedProject, graph: SiteGraph, options: BuildOptions) {
        self.cache = cache
        let digests = Dictionary(uniqueKeysWithValues: project.articles.map { ($0.slug, $0.contentDigest) })
        var global = Self.globalDigest(project: project, options: options)
        // Clusters tie pages of different articles together: when what they show changes, render all.
        global.combine(AnalysisDigest.of(graph.analysis, in: graph))
        let outputPath = options.output.standardizedFileURL.path
        let previous = cache.loadManifest()
        if let previous, previous.globalDigest == global, previous.outputPath == outputPath,
           FileManager.default.fileExists(atPath: outputPath) {
            var changed = Set(previous.articles.keys).subtracting(digests.keys)
            for (slug, digest) in digests where previous.articles[slug]?.digest != digest { changed.insert(slug) }
            affected = AffectedPages(changed: changed, graph: graph, previous: previous.articles)
        } else {
            affected = nil
        }
        var records: [String: BuildCache.ArticleRecord] = [:]
        for article in project.articles {
            records[article.slug] = AffectedPages.record(for: article, digest: digests[article.slug] ?? StableDigest(), in: graph)
        }
        manifest = BuildCache.Manifest(
            formatVersion: BuildCache.formatVersion, globalDigest: global, outputPath: outputPath, articles: records)
        extractionDigests = Set(project.articles.map(\.extractionDigest))
    }

    /// Saves the manifest of the build that just succeeded, and drops unused extractions.
    func save() {
        cache.save(manifest)
        cache.prune(keeping: extractionDigests)
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
        for part in [config.title, config.description ?? "", config.language, config.baseURL ?? ""] { digest.combine(part) }
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
