extension Build {
    /// `briefing check --editorial`: runs the pipeline up to Analyze without writing
    /// anything, and lists every editorial problem as an error at `path:line:column`:
    /// dangling sidecar references (sources, `cites`, `disputes`/`supports`, `same_origin`),
    /// corrected claim texts no longer in their article, anonymous sources without a
    /// descriptor, statuses without evidence, retractions without a link.
    ///
    /// Unlike a build it does not stop at the first failing stage: what later stages can
    /// still check is checked.
    /// - Returns: the problems, sorted; empty when the sidecars are in order.
    public static func checkEditorial(project: Project, includeDrafts: Bool = false) -> [Diagnostic] {
        let loaded: LoadedProject
        do {
            loaded = try SeedLoader(project: project, includeDrafts: includeDrafts).load().0
        } catch let failure as BuildFailure {
            return failure.diagnostics
        } catch let diagnostic as Diagnostic {
            return [diagnostic]
        } catch {
            return [.error(.check, at: nil, "\(error)")]
        }
        let extractor = ClaimExtractor()
        let merged = ConcurrentMap.map(loaded.articles) { article in
            ClaimMerger(article: article).merge(extractor.extract(article.blocks))
        }
        var problems = merged.flatMap(\.1).filter { $0.severity == .error }
        do {
            let (graph, _) = try Linker().link(merged.map(\.0), config: loaded.config)
            problems += ClaimAnalyzer().danglingSameOrigin(graph).map { Diagnostic(.error, $0.stage, at: $0.location, $0.message) }
            problems += EditorialChecker(graph: graph).problems()
        } catch let failure as BuildFailure {
            // Only sidecar relations can fail to link: report them, then check the rest without them.
            problems += failure.diagnostics
            let withoutRelations = merged.map { entry -> ArticleClaims in
                var claims = entry.0
                claims.references = []
                return claims
            }
            if let (graph, _) = try? Linker().link(withoutRelations, config: loaded.config) {
                problems += ClaimAnalyzer().danglingSameOrigin(graph).map { Diagnostic(.error, $0.stage, at: $0.location, $0.message) }
                problems += EditorialChecker(graph: graph).problems()
            } else {
                problems += EditorialChecker.sidecarProblems(loaded.articles)
            }
        } catch {
            problems.append(.error(.check, at: nil, "\(error)"))
        }
        return Array(Set(problems)).sortedForPrinting()
    }
}
