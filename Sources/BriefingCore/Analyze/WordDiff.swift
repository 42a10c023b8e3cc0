/// A word-level diff of two short texts, by longest common subsequence.
///
/// Words are compared as `ContentWords.sequence` reads them (case and punctuation aside)
/// and shown as written in the newer text (or the older, for removed words). Quadratic in
/// the number of words, so only texts of at most `maximumWords` words are compared.
public enum WordDiff {
    /// Longest text diffed; a quote is far shorter.
    static let maximumWords = 80

    /// A run of words kept, removed (only in the older text) or added (only in the newer).
    public struct Piece: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable {
            case same, removed, added
        }

        public var kind: Kind
        public var text: String
    }

    /// - Returns: the pieces turning `old` into `new`, or nil when either is too long.
    static func diff(_ old: String, _ new: String) -> [Piece]? {
        let a = displayWords(old), b = displayWords(new)
        guard a.count <= maximumWords, b.count <= maximumWords else { return nil }
        let ka = a.map(comparable), kb = b.map(comparable)
        // lengths[i][j]: LCS of ka[i...] and kb[j...].
        var lengths = [[Int]](repeating: [Int](repeating: 0, count: kb.count + 1), count: ka.count + 1)
        for i in stride(from: ka.count - 1, through: 0, by: -1) {
            for j in stride(from: kb.count - 1, through: 0, by: -1) {
                lengths[i][j] = ka[i] == kb[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var pieces: [Piece] = []
        func emit(_ kind: Piece.Kind, _ word: String) {
            if let last = pieces.last, last.kind == kind {
                pieces[pieces.count - 1].text += " " + word
            } else {
                pieces.append(Piece(kind: kind, text: word))
            }
        }
        var i = 0, j = 0
        while i < ka.count || j < kb.count {
            if i < ka.count, j < kb.count, ka[i] == kb[j] {
                emit(.same, b[j])
                i += 1
                j += 1
            } else if i < ka.count, j == kb.count || lengths[i + 1][j] >= lengths[i][j + 1] {
                // Removals before additions at the same place read best: "on schedule" → "on time".
                emit(.removed, a[i])
                i += 1
            } else {
                emit(.added, b[j])
                j += 1
            }
        }
        return pieces
    }

    /// Whether two texts have the same words in the same order (case and punctuation aside).
    static func sameWording(_ a: String, _ b: String) -> Bool {
        ContentWords.sequence(a) == ContentWords.sequence(b)
    }

    /// The text's words as written, split at white space.
    private static func displayWords(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init)
    }

    /// A word as compared: `ContentWords.sequence` of it, joined.
    private static func comparable(_ word: String) -> String {
        ContentWords.sequence(word).joined(separator: " ")
    }
}
