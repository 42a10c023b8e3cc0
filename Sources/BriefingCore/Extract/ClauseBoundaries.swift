/// Settles how the attributions of one sentence share it.
///
/// - A subject-less "…, adding that Y" / "…and added that Y" joins Y to the
///   attribution before it; other subject-less verbs take that attribution's
///   source, or the main clause's subject.
/// - An attribution whose phrase starts inside an earlier one's content at a
///   clause boundary (", though X acknowledged…", "; X said…", "with X suggesting…")
///   ends that content there. Without a boundary it is reported speech nested in
///   the earlier content ("…said that officials had warned…") and is dropped.
struct ClauseBoundaries: Sendable {
    let tokens: [Token]
    let sentence: Range<Int>

    private static let boundaryWords: Set<String> = [
        "though", "although", "while", "but", "and", "whereas", "as", "with", "after", "when", "because", "since", "yet", "even",
        "which", "who",
    ]

    func resolve(_ found: [Attribution], subjects: SubjectFinder) -> [Attribution] {
        let reader = ComplementReader(tokens: tokens, sentence: sentence)
        var result: [Attribution] = []
        for var attribution in found.sorted(by: { $0.cueIndex < $1.cueIndex }) {
            if case .previous = attribution.subject {
                if let last = result.indices.last {
                    if attribution.cueClass == .addition {
                        result[last].content = clipped(result[last].content, at: attribution.phraseStart, reader)
                        result[last].content += attribution.content
                        continue
                    }
                    attribution.subject = result[last].subject
                } else if let main = subjects.mainClauseSubject(before: attribution.phraseStart) {
                    attribution.subject = .mention(main)
                } else {
                    continue
                }
            }
            var isNested = false
            for p in result.indices {
                let earlier = result[p]
                guard let holder = earlier.content.first(where: { $0.contains(attribution.phraseStart) }) else { continue }
                if holder.lowerBound > earlier.cueIndex, isBoundary(before: attribution.phraseStart) {
                    result[p].content = clipped(earlier.content, at: attribution.phraseStart, reader)
                } else {
                    isNested = true
                }
            }
            if isNested { continue }
            if attribution.contentFirst, let previous = result.last {
                // "‘Q1,’ X said, and ‘Q2,’ Y added": Y's content starts after X's phrase.
                attribution.content = attribution.content.compactMap { range in
                    reader.trimmed(max(range.lowerBound, previous.phraseEnd + 1)..<range.upperBound)
                }
                if attribution.content.isEmpty { continue }
            }
            result.append(attribution)
        }
        return result.filter { !$0.content.isEmpty }
    }

    private func isBoundary(before index: Int) -> Bool {
        guard index > sentence.lowerBound else { return false }
        // A subject-less "…and said…" starts at its conjunction, a participle "…, calling…" at its comma.
        if tokens[index].isWord, ["and", "but"].contains(tokens[index].lower) { return true }
        if tokens[index].isPunctuation(",") || tokens[index].isPunctuation(";") { return true }
        let previous = tokens[index - 1]
        if previous.kind == .punctuation { return [",", ";", "—", ":"].contains(previous.text) }
        return previous.isWord && Self.boundaryWords.contains(previous.lower)
    }

    /// Content ranges cut at `index`, trimmed; ranges starting after it removed.
    private func clipped(_ content: [Range<Int>], at index: Int, _ reader: ComplementReader) -> [Range<Int>] {
        content.compactMap { range in
            guard range.lowerBound < index else { return nil }
            return reader.trimmed(range.lowerBound..<min(range.upperBound, index))
        }
    }
}
