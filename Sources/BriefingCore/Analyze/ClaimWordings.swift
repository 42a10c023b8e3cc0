/// Claims' texts as distinct wordings, for `ClaimClusterer`: a wording is a set of
/// content words (`ContentWords.set`), the words numbered so that sets compare as integers.
struct ClaimWordings {
    /// Each wording's words as numbers, sorted.
    private(set) var sets: [[Int]] = []
    /// Each wording's words, sorted.
    private(set) var words: [[String]] = []
    /// Each wording's heads (`ContentWords.heads`) as numbers, over all texts with that wording.
    private(set) var heads: [Set<Int>] = []
    /// How many texts have each wording.
    private(set) var claimCounts: [Int] = []
    /// Each text's wording; -1 for a text of fewer than the minimum content words.
    private(set) var wordingOf: [Int]
    /// How many distinct words the wordings have.
    var wordCount: Int { wordNumbers.count }

    private var wordNumbers: [String: Int] = [:]
    private var negations: Set<Int> = []

    init(_ texts: [String], minimumWords: Int) {
        // Each distinct text read once: a claim repeated across articles (wire copy, a
        // quote carried everywhere) is what clustering is for.
        var distinctOf: [String: Int] = [:]
        var distinct: [String] = []
        let textOf = texts.map { text in
            if let index = distinctOf[text] { return index }
            distinctOf[text] = distinct.count
            distinct.append(text)
            return distinct.count - 1
        }
        let read = ConcurrentMap.map(Self.chunks(distinct.count)) { [distinct] range in
            range.map { index in
                let raw = ContentWords.rawWords(distinct[index])
                return (words: ContentWords.set(rawWords: raw), heads: ContentWords.heads(rawWords: raw))
            }
        }.flatMap { $0 }

        wordingOf = [Int](repeating: -1, count: texts.count)
        var wordingNumbers: [[Int]: Int] = [:]
        var wordingOfDistinct = [Int](repeating: -1, count: distinct.count)
        for (index, text) in read.enumerated() where text.words.count >= minimumWords {
            var numbers: [Int] = []
            for word in text.words { numbers.append(number(word)) }
            numbers.sort()
            let wording: Int
            if let existing = wordingNumbers[numbers] {
                wording = existing
            } else {
                wording = sets.count
                wordingNumbers[numbers] = wording
                sets.append(numbers)
                words.append(text.words)
                heads.append([])
                claimCounts.append(0)
            }
            wordingOfDistinct[index] = wording
            heads[wording].formUnion(text.heads.compactMap { wordNumbers[$0] })
        }
        for (index, text) in textOf.enumerated() where wordingOfDistinct[text] >= 0 {
            wordingOf[index] = wordingOfDistinct[text]
            claimCounts[wordingOf[index]] += 1
        }
        negations = Set(ContentWords.negations.compactMap { wordNumbers[$0] })
    }

    /// Rules 2 and 3 of `ClaimClusterer`, for two wordings similar enough by rule 1: no
    /// head replaced by another word, no negation in one only.
    func sameClaim(_ a: Int, _ b: Int) -> Bool {
        let onlyA = Self.difference(sets[a], sets[b]), onlyB = Self.difference(sets[b], sets[a])
        if onlyA.contains(where: negations.contains) || onlyB.contains(where: negations.contains) { return false }
        let replaced = !onlyA.isEmpty && !onlyB.isEmpty
        return !replaced || !(onlyA.contains(where: heads[a].contains) || onlyB.contains(where: heads[b].contains))
    }

    private mutating func number(_ word: String) -> Int {
        if let number = wordNumbers[word] { return number }
        wordNumbers[word] = wordNumbers.count
        return wordNumbers.count - 1
    }

    /// The words of sorted `a` not in sorted `b`.
    private static func difference(_ a: [Int], _ b: [Int]) -> [Int] {
        var result: [Int] = []
        var j = 0
        for word in a {
            while j < b.count, b[j] < word { j += 1 }
            if j == b.count || b[j] != word { result.append(word) }
        }
        return result
    }

    /// `0..<count` in a few ranges, for parallel work of even size.
    private static func chunks(_ count: Int) -> [Range<Int>] {
        let size = 2048
        return stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    }
}
