import Foundation

/// What a build is asked to do; the CLI turns flags into this.
public struct BuildOptions: Sendable {
    public var project: Project
    public var output: URL
    /// Overrides `base_url` from `briefing.yml`.
    public var baseURL: String?
    /// Warnings fail the build.
    public var strict: Bool
    public var includeDrafts: Bool
    /// Reuse `.briefing-cache/` from the previous build (extractions, unchanged pages).
    public var useCache: Bool = true
    /// Index the written site with Pagefind (`pagefind/`) before it is swapped into place.
    public var search: Bool
    /// Run the claim analysis (clusters, corroboration, retractions, quote drift,
    /// provenance). Off, pages show no analysis sections: the benchmark measures its cost.
    public var analyze: Bool = true

    public init(project: Project, output: URL? = nil, baseURL: String? = nil, strict: Bool = false, includeDrafts: Bool = false, search: Bool = false) {
        self.project = project
        self.output = output ?? project.root.appendingPathComponent("site", isDirectory: true)
        self.baseURL = baseURL
        self.strict = strict
        self.includeDrafts = includeDrafts
        self.search = search
    }
}

/// What a successful build reports.
public struct BuildReport: Sendable {
    public var warnings: [Diagnostic]
    public var articleCount: Int
    public var claimCount: Int
    public var sourceCount: Int
    public var fileCount: Int
    /// Pages taken unchanged from the previous output (incremental build).
    public var reusedCount: Int
    /// Seconds spent in each stage, in pipeline order.
    public var timings: [StageTiming]
    /// CPU time per kind of page rendered (both cores' time summed).
    public var renderProfile: [RenderProfile.Entry] = []
    /// What the Analyze stage reports: retractions and what they changed, a summary,
    /// suggested grades. Printed unless the build is quiet.
    public var notes: [String] = []
}

/// The pipeline, top to bottom: load → extract → link → analyze → render → write.
public struct Build: Sendable {
    public var options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Runs the whole pipeline.
    /// - Throws: `BuildFailure` with every error (and, when strict, every warning);
    ///   the previous output is then left as it was.
    public func run() throws -> BuildReport {
        var clock = StageClock()
        let cache = options.useCache ? BuildCache(project: options.project) : nil
        var loader = SeedLoader(project: options.project, includeDrafts: options.includeDrafts)
        loader.frontMatterMemo = cache?.loadFrontMatter()
        var (project, warnings) = try loader.load()
        if let baseURL = options.baseURL {
            project.config.baseURL = try SiteConfig.validatedBaseURL(baseURL, location: nil)
        }
        clock.lap("load")

        let extractor = ClaimExtractor()
        // Each article's claims, merge diagnostics, and extraction digest (the cache's key).
        let merged = ConcurrentMap.map(project.articles) { article -> (ArticleClaims, [Diagnostic], StableDigest) in
            let digest = article.extractionDigest
            let extraction: Extraction
            if let cached = cache?.extraction(for: digest) {
                extraction = cached
            } else {
                extraction = extractor.extract(article.blocks)
                cache?.store(extraction, for: digest)
            }
            let (claims, diagnostics) = ClaimMerger(article: article).merge(extraction)
            return (claims, diagnostics, digest)
        }
        let mergeDiagnostics = merged.flatMap(\.1)
        warnings += mergeDiagnostics.filter { $0.severity == .warning }
        let mergeErrors = mergeDiagnostics.filter { $0.severity == .error }
        if !mergeErrors.isEmpty { throw BuildFailure(mergeErrors.sortedForPrinting()) }
        clock.lap("extract")

        var (graph, linkWarnings) = try Linker().link(merged.map(\.0), config: project.config)
        warnings += linkWarnings
        clock.lap("link")

        let analyzed = options.analyze ? ClaimAnalyzer().analyze(graph) : ClaimAnalyzer.Result(analysis: .empty, warnings: [], notes: [])
        graph.analysis = analyzed.analysis
        warnings += analyzed.warnings
        clock.lap("analyze")

        if options.strict, !warnings.isEmpty {
            throw BuildFailure(warnings.map { Diagnostic(.error, $0.stage, at: $0.location, $0.message + " (--strict)") }.sortedForPrinting())
        }

        // Render and write stream in batches; each stage's time is measured apart.
        let plan = cache.map {
            IncrementalPlan(cache: $0, project: project, graph: graph, options: options, extractionDigests: Set(merged.map(\.2)))
        }
        if plan != nil { clock.lap("plan") }
        let renderer = try SiteRenderer(theme: project.theme)
        let displayName = options.project.displayPath(options.output)
        let writer = OutputWriter(output: options.output, displayName: displayName)
        var staging = try writer.begin()
        var writeSeconds = 0.0
        func timedWrite(_ work: () throws -> Void) rethrows {
            let start = DispatchTime.now().uptimeNanoseconds
            try work()
            writeSeconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        func renderAndWrite(_ affected: AffectedPages?) throws -> (files: Int, reused: Int) {
            let counts = try renderer.render(graph, affected: affected, jsonEntries: plan?.jsonEntries) { batch in
                try timedWrite { try writer.write(batch, into: staging) }
            }
            try timedWrite { try writer.finishLinks(staging) }
            return counts
        }
        let counts: (files: Int, reused: Int)
        do {
            counts = try renderAndWrite(plan?.affected)
        } catch is OutputWriter.PreviousPageMissing {
            // A page to reuse was deleted from the output since the last build: render all.
            staging = try writer.begin()
            counts = try renderAndWrite(nil)
        }
        clock.lap("render", minus: writeSeconds)

        let indexer = options.search ? SearchIndexer() : nil
        plan?.forgetPrevious()
        let frontMatter = loader.frontMatterMemo
        try writer.finish(staging, beforeSwap: indexer.map { indexer in
            { staging in try indexer.index(staging, displayName: displayName) }
        }, afterSwap: {
            plan?.save()
            if let frontMatter { cache?.save(frontMatter) }
        })
        clock.lap("write", plus: writeSeconds)

        return BuildReport(
            warnings: warnings.sortedForPrinting(), articleCount: graph.articles.count, claimCount: graph.claims.count,
            sourceCount: graph.sources.count, fileCount: counts.files, reusedCount: counts.reused,
            timings: clock.laps, renderProfile: renderer.profile.entries, notes: analyzed.notes)
    }

    /// Extraction of one seed file, for `briefing extract`.
    public static func extract(seed url: URL, project: Project) throws -> (ArticleClaims, [Diagnostic]) {
        let (article, loadWarnings) = try SeedLoader(project: project).loadSingle(url)
        let (merged, diagnostics) = ClaimMerger(article: article).merge(ClaimExtractor().extract(article.blocks))
        let errors = diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { throw BuildFailure(errors) }
        return (merged, loadWarnings + diagnostics)
    }
}

/// Wall-clock time per stage, and the process's peak memory when each ended.
struct StageClock {
    private var last = DispatchTime.now().uptimeNanoseconds
    private(set) var laps: [StageTiming] = []

    /// Ends `stage`. Work of another stage that ran inside it (`minus`) is moved to the
    /// stage that claims it (`plus`).
    mutating func lap(_ stage: String, minus: Double = 0, plus: Double = 0) {
        let now = DispatchTime.now().uptimeNanoseconds
        laps.append(StageTiming(stage: stage, seconds: Double(now - last) / 1e9 - minus + plus, peakMiB: Self.peakMiB()))
        last = now
    }

    /// Peak resident memory of the process so far (Linux reports kilobytes).
    static func peakMiB() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss / 1024
    }
}

/// One stage of `briefing build --timings`.
public struct StageTiming: Sendable {
    public var stage: String
    public var seconds: Double
    /// Peak resident memory of the build when the stage ended.
    public var peakMiB: Int
}
