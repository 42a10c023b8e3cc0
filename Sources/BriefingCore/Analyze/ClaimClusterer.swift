/// Groups claims that assert the same thing, in any article and from any source.
///
/// **Same claim.** Each claim's text becomes its set of content words (`ContentWords.set`).
/// Two claims are near-identical, the same claim, when:
/// 1. the Jaccard index of their sets, |A ∩ B| / |A ∪ B|, is at least `threshold` (7/10 by
///    default): about one word in ten may differ, or be added or dropped;
/// 2. if each has words the other lacks (a word replaced, not only added or dropped), none
///    of those words is a head (`ContentWords.heads`, the word after "the", "a", "an"):
///    "the contract would be delayed…" and "the budget would be delayed…" are about
///    different things, while "opened on schedule" and "opened on time" are one claim
///    reworded (a quote that drifted);
/// 3. neither has a negation ("not", "never"…) the other lacks: those contradict.
/// Texts of fewer than `minimumWords` content words are left out (too short to tell).
///
/// **Clusters: every two members near-identical (complete linkage).** Not single linkage:
/// connected components of near-identical pairs chain A ≈ B ≈ C into one cluster when A
/// and C say different things, and stock phrasing repeated about many subjects then makes
/// one cluster of them all. Claims with the same word set (a *wording*) go together;
/// wordings are taken in a fixed order, each joining the first cluster (in order of
/// founding) all of whose wordings it is near-identical to, or founding one. The order:
/// the wordings most claims are near-identical to first (its own claims and its
/// near-identical neighbours'), then fewer words, then the words alphabetically. It depends
/// on the texts only, not on their order, so the clusters do not either.
///
/// **Cost.** Never all pairs: `WordSetJoin` finds the near-identical pairs of distinct
/// wordings (prefix filtering); the clustering is one pass over those pairs.
struct ClaimClusterer: Sendable {
    /// The Jaccard threshold as a fraction, `numerator / denominator`, so that the bounds
    /// are computed exactly in integers.
    var threshold: (numerator: Int, denominator: Int) = (7, 10)
    var minimumWords = 2

    /// - Parameter texts: the claims' texts.
    /// - Returns: groups of at least two indices into `texts`, each sorted, the groups
    ///   sorted by their first index.
    func clusters(_ texts: [String]) -> [[Int]] {
        let wordings = ClaimWordings(texts, minimumWords: minimumWords)
        let pairs = WordSetJoin(threshold: threshold).pairs(wordings.sets, wordCount: wordings.wordCount)
            .filter { wordings.sameClaim($0.0, $0.1) }
        let clusterOf = Self.completeLinkage(wordings, pairs)
        var groups = [[Int]](repeating: [], count: (clusterOf.max() ?? -1) + 1)
        for (index, wording) in wordings.wordingOf.enumerated() where wording >= 0 {
            groups[clusterOf[wording]].append(index)
        }
        return groups.filter { $0.count >= 2 }.sorted { $0[0] < $1[0] }
    }

    /// Each wording's cluster, numbered in order of founding (see the type's comment).
    private static func completeLinkage(_ wordings: ClaimWordings, _ pairs: [(Int, Int)]) -> [Int] {
        let count = wordings.sets.count
        var neighbours = [[Int]](repeating: [], count: count)
        for (a, b) in pairs {
            neighbours[a].append(b)
            neighbours[b].append(a)
        }
        let reach = (0..<count).map { w in neighbours[w].reduce(wordings.claimCounts[w]) { $0 + wordings.claimCounts[$1] } }
        let order = (0..<count).sorted { a, b in
            if reach[a] != reach[b] { return reach[a] > reach[b] }
            if wordings.sets[a].count != wordings.sets[b].count { return wordings.sets[a].count < wordings.sets[b].count }
            return wordings.words[a].lexicographicallyPrecedes(wordings.words[b])
        }

        var clusterOf = [Int](repeating: -1, count: count)
        var sizes: [Int] = []  // wordings per cluster
        for wording in order {
            var linked: [Int: Int] = [:]  // cluster → how many of its wordings are near-identical to this one
            for neighbour in neighbours[wording] where clusterOf[neighbour] >= 0 {
                linked[clusterOf[neighbour], default: 0] += 1
            }
            if let cluster = linked.filter({ $0.value == sizes[$0.key] }).keys.min() {
                clusterOf[wording] = cluster
                sizes[cluster] += 1
            } else {
                clusterOf[wording] = sizes.count
                sizes.append(1)
            }
        }
        return clusterOf
    }
}
