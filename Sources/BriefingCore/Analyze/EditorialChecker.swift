/// The editorial rules of `briefing check --editorial`, over the linked graph and the
/// sidecars as written:
///
/// - an anonymous source has a descriptor (what access it has, its record, possible bias);
/// - a status other than `unverified` has an `evidence:` link;
/// - a `retracted:`/`discredited:` mark has a `link:`.
///
/// Dangling references and claim texts no longer in their article are found by the
/// pipeline itself (Merge, Link, Analyze); `Build.checkEditorial` collects those too.
struct EditorialChecker: Sendable {
    let graph: SiteGraph

    func problems() -> [Diagnostic] {
        Self.sidecarProblems(graph.articles) + anonymousWithoutDescriptor()
    }

    /// Rules that need only the sidecars (they hold even when linking failed).
    static func sidecarProblems(_ articles: [Article]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for article in articles {
            guard let sidecar = article.sidecar else { continue }
            for entry in sidecar.claims where !entry.suppress {
                if let status = entry.status, status != .unverified, entry.evidence == nil {
                    problems.append(.error(.check, at: entry.statusLocation ?? entry.location,
                        "claim has status `\(status.rawValue)` but no evidence link; add `evidence: https://…` (the fact-check, the document, the correction)"))
                }
                if let mark = entry.retraction, mark.link == nil {
                    problems.append(.error(.check, at: mark.location,
                        "`\(mark.kind.rawValue):` has no `link:`; link the retraction or the evidence"))
                }
            }
            for entry in sidecar.sources where !entry.suppress {
                if let mark = entry.retraction, mark.link == nil {
                    problems.append(.error(.check, at: mark.location,
                        "`\(mark.kind.rawValue):` has no `link:`; link the retraction or the evidence"))
                }
            }
        }
        return problems
    }

    /// Anonymous sources with no descriptor, at their sidecar entry when there is one, else
    /// at the paragraph of their first claim.
    private func anonymousWithoutDescriptor() -> [Diagnostic] {
        graph.sources.filter { $0.isAnonymous && ($0.descriptor ?? "").trimmingCharacters(in: .whitespaces).isEmpty }.map { source in
            let sidecarPath = source.article.flatMap { graph.article($0) }.map(Linker.sidecarPath(for:))
            let message = "anonymous source `\(source.name)` has no descriptor; under `sources:` in \(sidecarPath ?? "its sidecar") give it `descriptor:` (what access it has, its record, possible bias)"
            return .error(.check, at: location(of: source), message)
        }
    }

    private func location(of source: Source) -> SourceLocation {
        let localID = source.article.map { String(source.id.dropFirst(Linker.idPrefix(for: $0).count + 2)) } ?? source.id
        let articles = source.article.flatMap { graph.article($0) }.map { [$0] } ?? graph.articles
        for article in articles {
            if let entry = article.sidecar?.sources.first(where: { $0.id == localID }) { return entry.location }
        }
        // Its first claim, or else the first claim that cites it.
        if let first = (source.claimIDs.first ?? source.citedByClaimIDs.first).flatMap({ graph.claim($0) }),
           let article = graph.article(first.article) {
            let line = first.span.block < article.blocks.count ? article.blocks[first.span.block].line : 1
            return SourceLocation(file: article.file, line: line, column: 1)
        }
        return SourceLocation(file: source.article.flatMap { graph.article($0)?.file } ?? "seeds", line: 1, column: 1)
    }
}

import Foundation
