/// What the Analyze stage adds to `briefing.json` (see `docs/briefing.schema.json`):
///
/// - per claim: `cluster`, `suggestedCredibility` (1, never set by the build),
///   `independent: false` (from the sidecar), its own `retraction`, what retracted material
///   it `dependsOnRetracted`, and `quoteFindings` (misattribution, drift with a word diff);
/// - per source: its `retraction` and `sameOrigin` declarations;
/// - `clusters`: every cluster's claims in provenance order, its cue changes, and its
///   corroboration with the origin chains that have more than one step (a supporter not
///   listed is its own origin).
///
/// Fields are left out when empty, so a briefing without findings reads as before.
extension BriefingJSON {
    struct RetractionEntry: Encodable {
        var kind: String
        var reason: String
        var link: String?

        init(_ mark: Retraction) {
            kind = mark.kind.rawValue
            reason = mark.reason
            link = mark.link
        }
    }

    /// A claim's dependency on a retracted or discredited source or claim.
    struct DependencyEntry: Encodable {
        /// `itself`, `source`, `cites` or `corroboration`.
        var kind: String
        /// `source` or `claim`.
        var subjectType: String
        var subject: String
    }

    struct QuoteFindingEntry: Encodable {
        /// `misattribution` or `drift`.
        var kind: String
        /// Other speakers' claims (misattribution), or the earlier wording (drift).
        var claims: [String]
        /// Drift only: pieces `same`, `removed` or `added`, in order.
        var diff: [DiffPiece]?
    }

    struct DiffPiece: Encodable {
        var kind: String
        var text: String
    }

    struct ClusterEntry: Encodable {
        var id: String
        var path: String
        /// First appearance first.
        var claims: [String]
        /// Where the cue changed from the appearance before.
        var cueChanges: [CueChangeEntry]
        var corroboration: CorroborationEntry?
    }

    struct CueChangeEntry: Encodable {
        var claim: String
        var from: String
        var to: String
        /// `hardened`, `softened`, `reversed` or `reworded`.
        var shift: String
    }

    struct CorroborationEntry: Encodable {
        /// `corroborated` or `circular`.
        var verdict: String
        var origins: [String]
        var sources: [String]
        var chains: [ChainEntry]
    }

    struct ChainEntry: Encodable {
        var claim: String
        /// The claim's source first, the origin last.
        var sources: [String]
        /// One per step: `cites`, `same_origin` or `repeats`.
        var steps: [String]
    }

    func addAnalysis(of claim: Claim, to entry: inout ClaimEntry) {
        let analysis = graph.analysis
        let id = claim.id
        entry.cluster = analysis.placement(of: id).map { analysis.clusters[$0.cluster].id }
        if analysis.credibilityOneSuggested.contains(id) { entry.suggestedCredibility = 1 }
        if !claim.isIndependent { entry.independent = false }
        entry.retraction = claim.retraction.map(RetractionEntry.init)
        if let dependencies = analysis.retractions.claims[id] {
            entry.dependsOnRetracted = dependencies.map { dependency in
                let type: String
                switch dependency.subject {
                case .source: type = "source"
                case .claim: type = "claim"
                }
                return DependencyEntry(kind: dependency.kind.rawValue, subjectType: type, subject: dependency.subject.id)
            }
        }
        if let findings = analysis.quoteFindings[id] {
            entry.quoteFindings = findings.map { finding in
                QuoteFindingEntry(
                    kind: finding.kind.rawValue, claims: finding.otherClaimIDs,
                    diff: finding.kind == .drift ? finding.diff.map { DiffPiece(kind: $0.kind.rawValue, text: $0.text) } : nil)
            }
        }
    }

    func addAnalysis(of source: Source, to entry: inout SourceEntry) {
        entry.retraction = source.retraction.map(RetractionEntry.init)
        if !source.sameOriginIDs.isEmpty { entry.sameOrigin = source.sameOriginIDs }
    }

    func clusterEntry(_ cluster: ClaimCluster) -> ClusterEntry {
        ClusterEntry(
            id: cluster.id, path: SitePaths.cluster(cluster.id), claims: cluster.claimIDs,
            cueChanges: cluster.entries.compactMap { entry in
                guard let shift = entry.cueShift, let previous = entry.previousCue else { return nil }
                return CueChangeEntry(claim: entry.claimID, from: previous, to: entry.cue, shift: shift.rawValue)
            },
            corroboration: cluster.corroboration.map { corroboration in
                CorroborationEntry(
                    verdict: corroboration.verdict.rawValue, origins: corroboration.origins,
                    sources: corroboration.supporterSourceIDs,
                    chains: corroboration.chains.filter { $0.sourceIDs.count > 1 }.map {
                        ChainEntry(claim: $0.claimID, sources: $0.sourceIDs, steps: $0.steps.map(\.rawValue))
                    })
            })
    }
}
