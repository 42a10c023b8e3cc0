/// Finds every pair of word sets whose Jaccard index, |A ∩ B| / |A ∪ B|, reaches a
/// threshold, without comparing all pairs: the AllPairs / PPJoin method.
///
/// Words are ordered rarest first, and a set is indexed, and probed, by its first
/// |s| − ⌈t·|s|⌉ + 1 words only, since two sets with Jaccard ≥ t must share one of those.
/// Candidates are also filtered by size (|y| ≥ t·|x|) before the exact check. The work
/// grows with the number of similar pairs, near-linearly in the number of sets. The join
/// is exact: it finds the same pairs as comparing all of them would.
struct WordSetJoin {
    /// The Jaccard threshold as a fraction, so that the bounds are computed exactly in integers.
    var threshold: (numerator: Int, denominator: Int)

    /// - Parameters:
    ///   - sets: sorted arrays of word numbers in `0..<wordCount`, no two equal.
    /// - Returns: each similar pair once, as indices into `sets`.
    func pairs(_ sets: [[Int]], wordCount: Int) -> [(Int, Int)] {
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
    static func intersectionCount(_ a: [Int], _ b: [Int]) -> Int {
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
}
