/// Groups claims that assert the same thing, in any article and from any source.
///
/// **Similarity.** Each claim's text becomes its set of content words (`ContentWords.set`).
/// Two claims are near-identical when the Jaccard index of their sets,
/// |A ∩ B| / |A ∪ B|, is at least `threshold` (7/10 by default): one word in ten may
/// differ, or be added or dropped. Texts of fewer than `minimumWords` content words are
/// left out (too short to tell). A cluster is a connected component of near-identical
/// pairs (single linkage), so A ≈ B and B ≈ C put all three together.
///
/// **Cost.** Never all pairs. Claims with the same word set share one entry; the
/// distinct sets are joined with an inverted index and prefix filtering (the AllPairs /
/// PPJoin method): words are ordered rarest first, and a set is indexed, and probed, by
/// its first |s| − ⌈t·|s|⌉ + 1 words only, since two sets with Jaccard ≥ t must share one
/// of those. Candidates are also filtered by size (|y| ≥ t·|x|) before the exact check.
/// The work grows with the number of similar pairs, near-linearly in the number of claims.
struct ClaimClusterer: Sendable {
    /// The Jaccard threshold as a fraction, `numerator / denominator`, so that the bounds
    /// are computed exactly in integers.
    var threshold: (numerator: Int, denominator: Int) = (7, 10)
    var minimumWords = 2

    /// - Parameter texts: the claims' texts.
    /// - Returns: groups of at least two indices into `texts`, each sorted, the groups
    ///   sorted by their first index.
    func clusters(_ texts: [String]) -> [[Int]] {
        let wordSets = ConcurrentMap.map(Self.chunks(texts.count)) { range in
            range.map { ContentWords.set(texts[$0]) }
        }.flatMap { $0 }

        // Distinct word sets, as sorted arrays of word numbers.
        var wordNumbers: [String: Int] = [:]
        var distinct: [[Int]] = []
        var setNumber: [[Int]: Int] = [:]
        var claimSet = [Int](repeating: -1, count: texts.count)
        for (index, words) in wordSets.enumerated() where words.count >= minimumWords {
            var numbers: [Int] = []
            numbers.reserveCapacity(words.count)
            for word in words {
                if let number = wordNumbers[word] {
                    numbers.append(number)
                } else {
                    let number = wordNumbers.count
                    wordNumbers[word] = number
                    numbers.append(number)
                }
            }
            numbers.sort()
            if let existing = setNumber[numbers] {
                claimSet[index] = existing
            } else {
                setNumber[numbers] = distinct.count
                claimSet[index] = distinct.count
                distinct.append(numbers)
            }
        }

        var components = UnionFind(count: distinct.count)
        for (a, b) in similarPairs(distinct, wordCount: wordNumbers.count) { components.union(a, b) }

        var groups: [Int: [Int]] = [:]
        var claimsPerSet = [Int](repeating: 0, count: distinct.count)
        for set in claimSet where set >= 0 { claimsPerSet[set] += 1 }
        var componentSize: [Int: Int] = [:]
        for set in distinct.indices { componentSize[components.find(set), default: 0] += claimsPerSet[set] }
        for (index, set) in claimSet.enumerated() where set >= 0 {
            let root = components.find(set)
            if (componentSize[root] ?? 0) >= 2 { groups[root, default: []].append(index) }
        }
        return groups.values.sorted { ($0.first ?? 0) < ($1.first ?? 0) }
    }

    /// Pairs of distinct sets whose Jaccard index reaches the threshold.
    private func similarPairs(_ sets: [[Int]], wordCount: Int) -> [(Int, Int)] {
        // Rarest words first: their postings are short, so probes are cheap.
        var frequency = [Int](repeating: 0, count: wordCount)
        for set in sets { for word in set { frequency[word] += 1 } }
        let ordered: [[Int]] = sets.map { set in set.sorted { (frequency[$0], $0) < (frequency[$1], $1) } }
        let bySize = sets.indices.sorted { (sets[$0].count, $0) < (sets[$1].count, $1) }

        let (t, d) = threshold
        var index: [Int: [Int]] = [:]
        var pairs: [(Int, Int)] = []
        var seen: [Int: Int] = [:]  // candidate → the probe it was last seen for
        for x in bySize {
            let size = sets[x].count
            let required = (t * size + d - 1) / d  // ⌈t·|x|⌉
            let prefix = size - required + 1
            for word in ordered[x].prefix(prefix) {
                for y in index[word] ?? [] where seen[y] != x {
                    seen[y] = x
                    // Sizes grow along `bySize`: |y| ≤ |x|, and Jaccard ≤ |y| / |x|.
                    guard sets[y].count * d >= t * size else { continue }
                    let shared = Self.intersectionCount(sets[x], sets[y])
                    let union = size + sets[y].count - shared
                    if shared * d >= t * union { pairs.append((x, y)) }
                }
            }
            for word in ordered[x].prefix(prefix) { index[word, default: []].append(x) }
        }
        return pairs
    }

    /// |a ∩ b| for two sorted arrays.
    private static func intersectionCount(_ a: [Int], _ b: [Int]) -> Int {
        var i = 0, j = 0, count = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                count += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return count
    }

    /// `0..<count` in a few ranges, for parallel work of even size.
    private static func chunks(_ count: Int) -> [Range<Int>] {
        let size = 2048
        return stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    }
}

/// Disjoint sets over `0..<count`, with path halving and union by size.
struct UnionFind {
    private var parent: [Int]
    private var size: [Int]

    init(count: Int) {
        parent = Array(0..<count)
        size = [Int](repeating: 1, count: count)
    }

    mutating func find(_ x: Int) -> Int {
        var x = x
        while parent[x] != x {
            parent[x] = parent[parent[x]]
            x = parent[x]
        }
        return x
    }

    mutating func union(_ a: Int, _ b: Int) {
        var ra = find(a), rb = find(b)
        guard ra != rb else { return }
        if size[ra] < size[rb] { swap(&ra, &rb) }
        parent[rb] = ra
        size[ra] += size[rb]
    }
}
