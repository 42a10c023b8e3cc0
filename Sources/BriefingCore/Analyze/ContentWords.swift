/// A claim's text reduced to the words that carry its content, so that two claims can be
/// compared whatever their punctuation, case or grammar.
///
/// Normalisation, in order:
/// 1. lower case; curly quotes and apostrophes as straight ones; Latin accents folded
///    ("Nicolás" → "nicolas");
/// 2. words are runs of letters and digits; a number keeps its separators out
///    ("5,000" → "5000", "1.2" → "1.2"); "’s" is dropped; "n’t" becomes "not";
/// 3. stop words (articles, pronouns, auxiliaries, prepositions, conjunctions) and single
///    letters are dropped; negations ("not", "no", "never"…) are kept, since they reverse
///    a claim;
/// 4. a light suffix stemmer: "-ies" → "-y", then "-s", "-ed", "-ing", a final "-e", and a
///    doubled final consonant are removed ("opened", "opens", "opening" → "open";
///    "gates" → "gat").
///
/// `set` is what `ClaimClusterer` compares, with `heads` and `negations`; `sequence` keeps
/// every word in order, for quote wording.
enum ContentWords {
    /// The distinct content words of `text`, sorted.
    static func set(_ text: String) -> [String] { set(rawWords: rawWords(text)) }

    /// `set` of words already read by `rawWords`.
    static func set(rawWords: [String]) -> [String] {
        var words: [String] = []
        for word in rawWords {
            for part in splitContraction(word) { if let content = contentWord(part) { words.append(content) } }
        }
        return Array(Set(words)).sorted()
    }

    /// The content words right after an article ("the contract", "a flood"): the nouns, or
    /// their first adjective, that say what a claim is about. Sorted, distinct, stemmed as in `set`.
    static func heads(_ text: String) -> [String] { heads(rawWords: rawWords(text)) }

    /// `heads` of words already read by `rawWords`.
    static func heads(rawWords: [String]) -> [String] {
        var heads: Set<String> = []
        var afterArticle = false
        for word in rawWords {
            if afterArticle, let head = splitContraction(word).first.flatMap(contentWord) { heads.insert(head) }
            afterArticle = articles.contains(word)
        }
        return heads.sorted()
    }

    /// Words that reverse a claim, as `set` stems them: two claims that differ by one of
    /// these contradict each other.
    static let negations: Set<String> = Set(
        ["not", "no", "never", "nobody", "none", "nothing", "neither", "nor", "nowhere"].map(stem))

    private static let articles: Set<String> = ["the", "a", "an"]

    /// A word as `set` keeps it, stemmed; nil for stop words and single letters ("a.m." →
    /// "a", "m"; "Igla-S" → "s"), which carry nothing on their own.
    private static func contentWord(_ word: String) -> String? {
        guard !stopWords.contains(word), !(word.utf8.count == 1 && word.utf8.first.map { $0 > 0x39 } ?? false) else { return nil }
        return stem(word)
    }

    /// Every word of `text` in order, lower case, without punctuation: how quoted wording
    /// is compared ("On schedule," → ["on", "schedule"]).
    static func sequence(_ text: String) -> [String] {
        rawWords(text)
    }

    // MARK: - Words

    /// Lower-case words of letters and digits (apostrophes inside a word kept as `'`).
    static func rawWords(_ text: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        let scalars = Array(text.unicodeScalars)
        func flush() {
            while current.last == UInt8(ascii: "'") { current.removeLast() }
            if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        func isDigit(_ index: Int) -> Bool {
            index >= 0 && index < scalars.count && scalars[index].value >= 0x30 && scalars[index].value <= 0x39
        }
        for (index, scalar) in scalars.enumerated() {
            let value = scalar.value
            if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) {
                current.append(UInt8(value))
            } else if (0x41...0x5A).contains(value) {
                current.append(UInt8(value + 0x20))
            } else if value == 0x27 || value == 0x2019 {
                // An apostrophe inside a word ("nation's", "didn't"); at an edge it is a quote mark.
                if !current.isEmpty { current.append(UInt8(ascii: "'")) }
            } else if (value == 0x2C || value == 0x2E), isDigit(index - 1), isDigit(index + 1) {
                if value == 0x2E { current.append(UInt8(ascii: ".")) }
            } else if value >= 0x80, let folded = fold(scalar) {
                current.append(contentsOf: folded.utf8)
            } else {
                flush()
            }
        }
        flush()
        return words
    }

    /// A non-ASCII letter as lower-case ASCII where it has an accent-free form
    /// ("á" → "a", "ß" → "ss"); other letters (Greek, Cyrillic…) as themselves, lower case.
    private static func fold(_ scalar: Unicode.Scalar) -> String? {
        guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil else { return nil }
        let lower = String(scalar).lowercased()
        if scalar.value == 0xDF { return "ss" }
        let decomposed = lower.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
            !$0.properties.isDiacritic && $0.properties.generalCategory != .nonspacingMark
        }
        let result = String(String.UnicodeScalarView(decomposed))
        return result.isEmpty ? nil : result
    }

    /// "didn't" → ["did", "not"]; "nation's" → ["nation"]; other apostrophes removed.
    private static func splitContraction(_ word: String) -> [String] {
        guard word.contains("'") else { return [word] }
        if word.hasSuffix("n't") { return [String(word.dropLast(3)), "not"] }
        if word.hasSuffix("'s") { return [String(word.dropLast(2))] }
        return [word.replacingOccurrences(of: "'", with: "")]
    }

    // MARK: - Stemming

    /// A deliberately light stemmer: enough to match inflections of the same word, never
    /// so aggressive that different words meet. Words with digits ("2023", "a320") are left alone.
    static func stem(_ word: String) -> String {
        guard word.count > 3, !word.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return word }
        var w = word
        if w.hasSuffix("ies"), w.count > 4 {
            w = String(w.dropLast(3)) + "y"
        } else if w.hasSuffix("sses") {
            w = String(w.dropLast(2))
        } else if w.hasSuffix("s"), !w.hasSuffix("ss"), !w.hasSuffix("us"), !w.hasSuffix("is") {
            w = String(w.dropLast())
        }
        if w.hasSuffix("ing"), w.count > 5 {
            w = String(w.dropLast(3))
        } else if w.hasSuffix("ed"), w.count > 4 {
            w = String(w.dropLast(2))
        }
        if w.hasSuffix("e"), w.count > 3 { w = String(w.dropLast()) }
        let tail = Array(w.utf8.suffix(2))
        if tail.count == 2, tail[0] == tail[1], w.count > 3, !"lsz".utf8.contains(tail[0]),
           !"aeiou".utf8.contains(tail[0]) {
            w = String(w.dropLast())
        }
        return w
    }

    // MARK: - Stop words

    /// Function words that say nothing about what is claimed. Negations are not here.
    static let stopWords: Set<String> = [
        "a", "an", "the", "this", "that", "these", "those", "such",
        "i", "me", "my", "we", "us", "our", "ours", "you", "your", "he", "him", "his", "she", "her", "hers",
        "it", "its", "they", "them", "their", "theirs", "who", "whom", "whose", "which", "what",
        "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done", "doing",
        "have", "has", "had", "having", "will", "would", "shall", "should", "can", "could", "may", "might",
        "must", "ca", "wo", "sha",
        "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "onto", "about", "as", "than",
        "over", "under", "after", "before", "between", "during", "through", "against", "upon", "within",
        "and", "or", "but", "if", "so", "then", "because", "while", "although", "though", "whether",
        "also", "just", "very", "there", "here", "all", "any", "some", "each", "every", "both", "more", "most",
        "other", "own", "same", "only", "too", "again", "already", "yet", "still", "even",
    ]
}
