/// Article, claim and source pages (`SiteRenderer.articleContext`, `.claimContext`,
/// `.sourceContext` and what `AnalysisViews` and `ReaderPages` add to them).
extension PageInputs {
    func articlePage(_ article: Article) -> StableDigest {
        var digest = StableDigest.of("article")
        digest.combine(items.article(article.slug))
        // The body, its claims' sentences marked.
        digest.combine(article.format.rawValue)
        digest.combine(article.markdown)
        digest.combine(article.markdownLineOffset)
        if article.format == .plainText {
            for block in article.blocks { digest.combine(block.text) }
        }
        var sourceIDs: [String] = []
        for claim in graph.claims(in: article.slug) {
            digest.combine(items.claim(claim.id))
            combine(claim.span, into: &digest)
            digest.combine(claim.sourceID)
            if !sourceIDs.contains(claim.sourceID) { sourceIDs.append(claim.sourceID) }
        }
        for id in sourceIDs { digest.combine(items.source(id)) }
        digest.combine(analysis.articleBanner(article.slug))
        return digest
    }

    func claimPage(_ claim: Claim) -> StableDigest {
        var digest = StableDigest.of("claim")
        digest.combine(items.claim(claim.id))
        digest.combine(claim.sourceID)
        // The sentence in its paragraph.
        if let article = graph.articlePosition(claim.article), claim.span.block < graph.articles[article].blocks.count {
            digest.combine(graph.articles[article].blocks[claim.span.block].text)
            combine(claim.span, into: &digest)
        } else {
            digest.combine(false)
        }
        for relation in claim.relations {
            digest.combine(relation.kind.rawValue)
            digest.combine(items.claim(relation.claimID))
        }
        digest.combine("inverse")
        for relation in claim.inverseRelations {
            digest.combine(relation.kind.rawValue)
            digest.combine(items.claim(relation.claimID))
        }
        for id in claim.citedSourceIDs { digest.combine(items.source(id)) }
        digest.combine(claim.evidence)
        digest.combine(claim.note)
        digest.combine(claim.origin.rawValue)
        // The JSON-LD reads nothing the items above do not hold (config is global).
        if let source = graph.source(claim.sourceID) {
            let others = graph.otherClaimPositions(of: claim, by: source, limit: SiteRenderer.otherClaimsShown)
            for other in others.positions { digest.combine(items.claim(graph.claims[other].id)) }
            digest.combine(others.more)
        }
        digest.combine(analysis.claimSections(claim))
        return digest
    }

    func sourcePage(_ source: Source) -> StableDigest {
        var digest = StableDigest.of("source")
        digest.combine(items.source(source.id))
        // Its claims, in runs by article.
        var article: String?
        for id in source.claimIDs {
            guard let position = graph.claimPosition(id) else { continue }
            if graph.claims[position].article != article {
                article = graph.claims[position].article
                digest.combine(items.article(graph.claims[position].article))
            }
            digest.combine(items.claim(id))
        }
        digest.combine("cited by")
        for id in source.citedByClaimIDs { digest.combine(items.claim(id)) }
        digest.combine(neighbourhood(of: source))
        digest.combine(analysis.sourceBanner(source))
        return digest
    }

    /// The picture of the source and its neighbours (`SourceGraphSVG.neighbourhood`):
    /// who is shown, in which order, with which lines.
    private func neighbourhood(of source: Source) -> StableDigest {
        guard let centre = network.sourcePosition[source.id] else { return ItemDigests.absent }
        let selection = network.neighbourhood(of: centre)
        guard selection.nodes.count > 1 else { return ItemDigests.absent }
        var digest = StableDigest.of("picture")
        digest.combine(selection.candidates)
        digest.combine(selection.minimumShared)
        for node in selection.nodes {
            let shown = graph.sources[node]
            digest.combine(shown.id)
            digest.combine(shown.name)
            digest.combine(shown.kind.rawValue)
            digest.combine(shown.isAnonymous)
            digest.combine(network.claimCounts[node])
            digest.combine(shown.articleSlugs.count)
        }
        for edge in selection.edges {
            digest.combine(graph.sources[edge.from].id)
            digest.combine(graph.sources[edge.to].id)
            digest.combine(edge.relations.disputes)
            digest.combine(edge.relations.supports)
            digest.combine(edge.sharedArticles)
        }
        return digest
    }

    func combine(_ span: TextSpan, into digest: inout StableDigest) {
        digest.combine(span.block)
        digest.combine(span.start)
        digest.combine(span.end)
    }
}
