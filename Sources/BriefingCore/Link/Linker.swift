/// Gives every claim and source its site-wide id, shares named sources across articles,
/// resolves every reference and builds the backlinks. A pure function of its input.
public struct Linker: Sendable {
    public init() {}

    /// - Returns: the graph and warnings.
    /// - Throws: `BuildFailure` listing every unresolved reference.
    public func link(_ merged: [ArticleClaims], config: SiteConfig) throws -> (SiteGraph, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var sourcesByID: [String: Source] = [:]
        var sourceOrigin: [String: String] = [:]
        var claims: [Claim] = []
        var claimIDs: Set<String> = []

        for entry in merged {
            let prefix = Self.idPrefix(for: entry.article.slug)
            var sourceMap: [String: String] = [:]
            // Every local id first: `same_origin` may name a source listed after it.
            for source in entry.sources { sourceMap[source.id] = source.article == nil ? source.id : "\(prefix)--\(source.id)" }
            for source in entry.sources {
                var source = source
                let globalID = source.article == nil ? source.id : "\(prefix)--\(source.id)"
                sourceMap[source.id] = globalID
                source.id = globalID
                source.sameOriginIDs = source.sameOriginIDs.map { sourceMap[$0] ?? $0 }
                if let existing = sourcesByID[globalID] {
                    sourcesByID[globalID] = Self.combine(existing, source)
                    if existing.kind != source.kind || existing.isAnonymous != source.isAnonymous,
                       let sidecar = entry.article.sidecar {
                        diagnostics.append(.warning(.link, at: SourceLocation(file: sidecar.file),
                                                    "source `\(globalID)` is described differently in \(sourceOrigin[globalID] ?? "another article"); the first description is used"))
                    }
                } else {
                    sourcesByID[globalID] = source
                    sourceOrigin[globalID] = entry.article.file
                }
            }
            let localClaimIDs = Set(entry.claims.map(\.id))
            for claim in entry.claims {
                var claim = claim
                claim.id = "\(prefix)--\(claim.localID)"
                claim.sourceID = sourceMap[claim.sourceID] ?? claim.sourceID
                claim.citedSourceIDs = claim.citedSourceIDs.map { sourceMap[$0] ?? $0 }
                claim.relations = claim.relations.map { ClaimRelation(kind: $0.kind, claimID: "\(prefix)--\($0.claimID)") }
                for reference in entry.references where reference.claimID == claim.localID {
                    let target = localClaimIDs.contains(reference.target) ? "\(prefix)--\(reference.target)" : reference.target
                    claim.relations.append(ClaimRelation(kind: reference.kind, claimID: target))
                }
                if claimIDs.insert(claim.id).inserted { claims.append(claim) }
            }
            if entry.claims.isEmpty {
                diagnostics.append(.warning(.link, at: SourceLocation(file: entry.article.file, line: 1, column: 1),
                                            "no claims found in this article; add them in \(Self.sidecarPath(for: entry.article)) if it has any"))
            }
        }
        Self.mergeSurnames(&sourcesByID, &claims)

        // Resolve references written in sidecars.
        let referenceLocations = Dictionary(
            merged.flatMap { entry in
                entry.references.map { ("\(Self.idPrefix(for: entry.article.slug))--\($0.claimID)|\($0.target)", $0.location) }
            }, uniquingKeysWith: { a, _ in a })
        for index in claims.indices {
            var kept: [ClaimRelation] = []
            for relation in claims[index].relations {
                if claimIDs.contains(relation.claimID), relation.claimID != claims[index].id {
                    if !kept.contains(relation) { kept.append(relation) }
                    continue
                }
                let written = relation.claimID.components(separatedBy: "--").last ?? relation.claimID
                let location = referenceLocations["\(claims[index].id)|\(relation.claimID)"]
                    ?? referenceLocations["\(claims[index].id)|\(written)"]
                let message = relation.claimID == claims[index].id
                    ? "claim `\(claims[index].localID)` \(relation.kind.rawValue) itself; remove the reference"
                    : "claim `\(claims[index].localID)` \(relation.kind.rawValue) `\(relation.claimID)`, which does not exist; use a claim id from this sidecar, or `<article>--<id>` for another article's claim"
                diagnostics.append(.error(.link, at: location ?? SourceLocation(file: claims[index].article), message))
            }
            claims[index].relations = kept
        }
        if diagnostics.contains(where: { $0.severity == .error }) {
            throw BuildFailure(diagnostics.sortedForPrinting())
        }

        let articles = merged.map(\.article).sorted(by: Self.articleOrder)
        let order = Dictionary(uniqueKeysWithValues: articles.enumerated().map { ($0.element.slug, $0.offset) })
        claims = Self.sortedByArticleAndSpan(claims, order: order)

        // Backlinks.
        var claimPosition: [String: Int] = [:]
        for (index, claim) in claims.enumerated() { claimPosition[claim.id] = index }
        for claim in claims {
            for relation in claim.relations {
                guard let target = claimPosition[relation.claimID] else { continue }
                claims[target].inverseRelations.append(ClaimRelation(kind: relation.kind, claimID: claim.id))
            }
            sourcesByID[claim.sourceID]?.claimIDs.append(claim.id)
            for cited in claim.citedSourceIDs { sourcesByID[cited]?.citedByClaimIDs.append(claim.id) }
            if sourcesByID[claim.sourceID]?.articleSlugs.last != claim.article {
                sourcesByID[claim.sourceID]?.articleSlugs.append(claim.article)
            }
        }
        for (id, source) in sourcesByID {
            sourcesByID[id]?.articleSlugs = Array(Set(source.articleSlugs)).sorted()
        }
        // Sources nobody speaks for or cites are dropped; cited ones (and `same_origin` targets) stay.
        let cited = Set(claims.flatMap(\.citedSourceIDs)).union(sourcesByID.values.flatMap(\.sameOriginIDs))
        let sources = sourcesByID.values.filter { !$0.claimIDs.isEmpty || cited.contains($0.id) }.sorted { $0.id < $1.id }
        let graph = SiteGraph(config: config, articles: articles, claims: claims, sources: sources)
        return (graph, diagnostics.sortedForPrinting())
    }

    /// "Velez" quoted in one article is the "Arturo Velez" of another: a named person known
    /// by one word becomes the named person whose last name it is, when exactly one is.
    static func mergeSurnames(_ sources: inout [String: Source], _ claims: inout [Claim]) {
        var byLastName: [String: [String]] = [:]
        for (id, source) in sources where source.kind == .person && !source.isAnonymous {
            let words = source.name.split(separator: " ")
            if words.count >= 2, let last = words.last { byLastName[Slugger.slug(String(last)), default: []].append(id) }
        }
        var remap: [String: String] = [:]
        for (id, source) in sources where source.kind == .person && !source.isAnonymous && !source.name.contains(" ") {
            if let full = byLastName[Slugger.slug(source.name)], full.count == 1, let target = full.first, target != id {
                remap[id] = target
            }
        }
        guard !remap.isEmpty else { return }
        for index in claims.indices {
            claims[index].sourceID = remap[claims[index].sourceID] ?? claims[index].sourceID
            claims[index].citedSourceIDs = claims[index].citedSourceIDs.map { remap[$0] ?? $0 }
        }
        for (alias, target) in remap {
            if let short = sources[alias], let full = sources[target] { sources[target] = combine(full, short) }
            sources[alias] = nil
        }
    }

    /// Claims in article order, then by place in the article; claims in the same place keep
    /// their order. Positions are sorted, not claims: a claim is large to move, and the
    /// keys are looked up once each.
    static func sortedByArticleAndSpan(_ claims: [Claim], order: [String: Int]) -> [Claim] {
        let keys = claims.map { (article: order[$0.article] ?? 0, span: $0.span) }
        let positions = claims.indices.sorted { a, b in
            (keys[a].article, keys[a].span, a) < (keys[b].article, keys[b].span, b)
        }
        return positions.map { claims[$0] }
    }

    /// Newest first; undated after dated; then by slug.
    static func articleOrder(_ a: Article, _ b: Article) -> Bool {
        switch (a.effectiveDate, b.effectiveDate) {
        case let (x?, y?) where x != y: return x > y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.slug < b.slug
        }
    }

    /// The article part of claim and anonymous-source ids.
    static func idPrefix(for slug: String) -> String {
        let slug = Slugger.slug(slug)
        return slug.isEmpty ? "article" : slug
    }

    static func sidecarPath(for article: Article) -> String {
        let folder = article.file.split(separator: "/").dropLast().joined(separator: "/")
        return (folder.isEmpty ? "" : folder + "/") + article.slug + Sidecar.suffix
    }

    /// One source described in two articles: curated values win, then the first.
    private static func combine(_ first: Source, _ second: Source) -> Source {
        var result = first
        result.role = first.role ?? second.role
        result.reliability = first.reliability ?? second.reliability
        result.descriptor = first.descriptor ?? second.descriptor
        result.retraction = first.retraction ?? second.retraction
        result.sameOriginIDs = first.sameOriginIDs + second.sameOriginIDs.filter { !first.sameOriginIDs.contains($0) }
        return result
    }
}
