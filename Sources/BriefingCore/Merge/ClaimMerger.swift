/// Merges an editor's sidecar over what the extractor found: the sidecar wins.
///
/// Sources match by id, name or alias; claims by id, or by text (the sidecar's text
/// found in the claim's sentence). Unmatched sidecar entries are added; `suppress: true`
/// removes. Sidecar text must occur in the article, so every claim can be highlighted.
struct ClaimMerger {
    var article: Article

    func merge(_ extraction: Extraction) -> (ArticleClaims, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let sidecar = article.sidecar
        var sources = localSources(extraction)
        var claims = localClaims(extraction, sources: sources)

        // Sources: correct, add, suppress.
        var suppressedSources: Set<String> = []
        for entry in sidecar?.sources ?? [] {
            let index = sources.firstIndex { $0.id == entry.id }
                ?? sources.firstIndex { LooseText($0.name).scalars == LooseText(entry.name ?? "\u{0}").scalars }
                ?? sources.firstIndex { source in entry.aliases.contains { LooseText($0).scalars == LooseText(source.name).scalars } }
            if entry.suppress {
                if let index { suppressedSources.insert(sources[index].id) }
                continue
            }
            var source = index.map { sources[$0] } ?? Source(
                id: entry.id, name: entry.name ?? entry.id, kind: entry.kind ?? .person,
                isAnonymous: entry.anonymous ?? false, role: nil, reliability: nil, descriptor: nil, article: nil)
            let oldID = source.id
            source.id = entry.id
            if let name = entry.name { source.name = name }
            if let kind = entry.kind { source.kind = kind }
            if let anonymous = entry.anonymous { source.isAnonymous = anonymous }
            if let role = entry.role { source.role = role }
            if let reliability = entry.reliability { source.reliability = reliability }
            if let descriptor = entry.descriptor { source.descriptor = descriptor }
            if let retraction = entry.retraction { source.retraction = retraction }
            if !entry.sameOrigin.isEmpty { source.sameOriginIDs = entry.sameOrigin.map(\.id) }
            source.article = source.isAnonymous && !entry.shared ? article.slug : nil
            if let index {
                sources[index] = source
                for i in claims.indices where claims[i].sourceID == oldID { claims[i].sourceID = entry.id }
            } else {
                sources.append(source)
            }
        }
        sources.removeAll { suppressedSources.contains($0.id) }
        claims.removeAll { suppressedSources.contains($0.sourceID) }
        let sourceIDs = Set(sources.map(\.id))

        // Claims: correct, add, suppress.
        var references: [ArticleClaims.PendingReference] = []
        var suppressedClaims: Set<String> = []
        for entry in sidecar?.claims ?? [] {
            var located: (span: TextSpan, sentence: String)?
            if let text = entry.text {
                guard let found = locate(text) else {
                    diagnostics.append(.error(.extract, at: entry.textLocation,
                                              "claim text is not in \(article.file); copy the words exactly as the article has them"))
                    continue
                }
                located = found
            }
            let index = entry.id.flatMap { id in claims.firstIndex { $0.id == id } }
                ?? located.flatMap { found in bestMatch(for: entry.text ?? "", at: found.span, in: claims) }
            if entry.suppress {
                if let index { suppressedClaims.insert(claims[index].id) }
                continue
            }
            if let sourceID = entry.source, !sourceIDs.contains(sourceID) {
                let known = sources.map(\.id).sorted().joined(separator: ", ")
                diagnostics.append(.error(.extract, at: entry.sourceLocation,
                                          "claim refers to source `\(sourceID)`, which does not exist; add it under `sources:` or use one of: \(known)"))
                continue
            }
            var claim: Claim
            if let index {
                claim = claims[index]
                claim.origin = .corrected
            } else {
                guard let located else { 
                    diagnostics.append(.error(.extract, at: entry.location,
                                              "no extracted claim has the id `\(entry.id ?? "")`; give a `text` to add a claim, or run `briefing extract` to see the ids"))
                    continue
                }
                guard let sourceID = entry.source else {
                    diagnostics.append(.error(.extract, at: entry.location, "a claim added in the sidecar needs `source:`"))
                    continue
                }
                claim = Claim(
                    id: "", localID: "", article: article.slug, sourceID: sourceID, cue: entry.cue ?? "said",
                    text: entry.text ?? "", isDirectQuote: entry.quote ?? false, span: located.span,
                    sentence: located.sentence, status: .unverified, isStatusCurated: false, credibility: nil,
                    evidence: nil, note: nil, relations: [], citedSourceIDs: [], origin: .curated)
            }
            if let id = entry.id {
                claim.id = id
                claim.localID = id
            }
            if let source = entry.source { claim.sourceID = source }
            if let cue = entry.cue { claim.cue = cue }
            if let text = entry.text, index == nil || claim.text != text {
                claim.text = text
                if let located, !(claim.span.block == located.span.block && claim.span.start <= located.span.start && located.span.end <= claim.span.end) {
                    claim.span = located.span
                    claim.sentence = located.sentence
                }
            }
            if let quote = entry.quote { claim.isDirectQuote = quote }
            if let status = entry.status {
                claim.status = status
                claim.isStatusCurated = true
            }
            if let credibility = entry.credibility { claim.credibility = credibility }
            if let evidence = entry.evidence { claim.evidence = evidence }
            if let note = entry.note { claim.note = note }
            if let retraction = entry.retraction { claim.retraction = retraction }
            if let independent = entry.independent { claim.isIndependent = independent }
            for reference in entry.cites {
                if !sourceIDs.contains(reference.id) {
                    diagnostics.append(.error(.extract, at: reference.location,
                                              "claim cites source `\(reference.id)`, which does not exist; add it under `sources:`"))
                } else if !claim.citedSourceIDs.contains(reference.id) {
                    claim.citedSourceIDs.append(reference.id)
                }
            }
            if claim.id.isEmpty {
                claim.id = uniqueID(Self.localID(forText: claim.text), taken: Set(claims.map(\.id)))
                claim.localID = claim.id
            }
            let relationPairs = entry.disputes.map { (RelationKind.disputes, $0) } + entry.supports.map { (RelationKind.supports, $0) }
            for (kind, reference) in relationPairs {
                references.append(.init(claimID: claim.id, kind: kind, target: reference.id, location: reference.location))
            }
            if let index {
                let oldID = claims[index].id
                claims[index] = claim
                if oldID != claim.id { renameRelationTargets(from: oldID, to: claim.id, in: &claims) }
            } else {
                claims.append(claim)
            }
        }
        claims.removeAll { suppressedClaims.contains($0.id) }
        for index in claims.indices {
            claims[index].relations.removeAll { suppressedClaims.contains($0.claimID) }
        }
        var seen: Set<String> = []
        for claim in claims where !seen.insert(claim.id).inserted {
            diagnostics.append(.error(.extract, at: SourceLocation(file: sidecar?.file ?? article.file),
                                      "two claims of \(article.file) have the id `\(claim.id)`; give one another id"))
        }
        claims.sort { ($0.span, $0.id) < ($1.span, $1.id) }
        return (ArticleClaims(article: article, sources: sources, claims: claims, references: references), diagnostics)
    }

    // MARK: - From extraction to local ids

    private func localSources(_ extraction: Extraction) -> [Source] {
        var taken: Set<String> = []
        var next: [String: Int] = [:]
        return extraction.sources.map { found in
            let id = uniqueID(Self.localID(forSourceName: found.name), taken: taken, next: &next)
            taken.insert(id)
            return Source(
                id: id, name: found.name, kind: found.kind, isAnonymous: found.isAnonymous, role: found.role,
                reliability: nil, descriptor: nil, article: found.isAnonymous ? article.slug : nil)
        }
    }

    private func localClaims(_ extraction: Extraction, sources: [Source]) -> [Claim] {
        let idForKey = Dictionary(zip(extraction.sources.map(\.key), sources.map(\.id)), uniquingKeysWith: { a, _ in a })
        var taken: Set<String> = []
        var next: [String: Int] = [:]
        let ids: [String] = extraction.claims.map { found in
            let id = uniqueID(Self.localID(forText: found.text), taken: taken, next: &next)
            taken.insert(id)
            return id
        }
        return extraction.claims.enumerated().compactMap { index, found in
            guard let sourceID = idForKey[found.sourceKey] else { return nil }
            let relations = found.relations.compactMap { relation in
                relation.target < ids.count && relation.target != index
                    ? ClaimRelation(kind: relation.kind, claimID: ids[relation.target]) : nil
            }
            return Claim(
                id: ids[index], localID: ids[index], article: article.slug, sourceID: sourceID, cue: found.cue,
                text: found.text, isDirectQuote: found.isDirectQuote, span: found.span,
                sentence: sentence(at: found.span), status: .unverified, isStatusCurated: false, credibility: nil,
                evidence: nil, note: nil, relations: relations,
                citedSourceIDs: found.citedSourceKeys.compactMap { idForKey[$0] }, origin: .extracted)
        }
    }

    /// "a senior Pentagon official" → "senior-pentagon-official".
    static func localID(forSourceName name: String) -> String {
        var words = Slugger.slug(name).split(separator: "-").map(String.init)
        if let first = words.first, ["a", "an", "one", "the"].contains(first), words.count > 1,
           !(first == "the" && name.first?.isUppercase == true) {
            words.removeFirst()
        }
        let id = words.joined(separator: "-")
        if Slugger.reservedNames.contains(id) { return id + "-source" }
        return id.isEmpty ? "source" : id
    }

    /// The first content words of a claim: "venezuelan-armed-forces-possess-5000-igla".
    static func localID(forText text: String) -> String {
        let words = Slugger.slug(text).split(separator: "-").map(String.init).filter { !idSkippedWords.contains($0) }
        let id = words.prefix(6).joined(separator: "-")
        return id.isEmpty ? "claim" : String(id.prefix(80)).trimmingCharacters(in: ["-"])
    }

    /// Words a claim id leaves out.
    private static let idSkippedWords: Set<String> = ["the", "a", "an", "of", "to", "that", "and", "in", "on", "is", "are", "was", "were", "be", "it", "its", "for"]

    private func uniqueID(_ base: String, taken: Set<String>) -> String {
        var next: [String: Int] = [:]
        return uniqueID(base, taken: taken, next: &next)
    }

    /// `base`, else the first of `base-2`, `base-3`… not taken. `next` keeps where each
    /// base's search ended, so n claims with the same first words cost n steps, not n²
    /// (a pasted paragraph repeated); valid while `taken` only grows.
    private func uniqueID(_ base: String, taken: Set<String>, next: inout [String: Int]) -> String {
        guard taken.contains(base) else { return base }
        var n = next[base] ?? 2
        while taken.contains("\(base)-\(n)") { n += 1 }
        next[base] = n + 1
        return "\(base)-\(n)"
    }

    private func renameRelationTargets(from old: String, to new: String, in claims: inout [Claim]) {
        for i in claims.indices {
            for j in claims[i].relations.indices where claims[i].relations[j].claimID == old {
                claims[i].relations[j].claimID = new
            }
        }
    }

    // MARK: - Finding sidecar text in the article

    /// The text of `span`, as written in the article.
    private func sentence(at span: TextSpan) -> String {
        guard span.block < article.blocks.count else { return "" }
        let bytes = Array(article.blocks[span.block].text.utf8)
        let start = max(0, min(span.start, bytes.count)), end = max(start, min(span.end, bytes.count))
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Finds `text` in the article: whole, or as its sentences in order within one paragraph
    /// (a quote interrupted by "she said").
    func locate(_ text: String) -> (span: TextSpan, sentence: String)? {
        let trimmed = text.trimmingCharacters(in: Self.edgePunctuation)
        let whole = LooseText(trimmed)
        guard !whole.isEmpty else { return nil }
        let fragments = trimmed.split(whereSeparator: { ".;:!?".contains($0) })
            .map { LooseText($0.trimmingCharacters(in: Self.edgePunctuation)) }
            .filter { $0.scalars.count >= 3 }
        for block in article.blocks {
            let haystack = LooseText(block.text)
            if let range = haystack.firstRange(of: whole) {
                let span = TextSpan(block: block.index, start: range.lowerBound, end: range.upperBound)
                return (span, sentence(at: span))
            }
            guard fragments.count > 1 else { continue }
            var ranges: [Range<Int>] = []
            for fragment in fragments {
                guard let range = haystack.firstRange(of: fragment), range.lowerBound >= (ranges.last?.upperBound ?? 0) else { break }
                ranges.append(range)
            }
            if ranges.count == fragments.count, let first = ranges.first, let last = ranges.last {
                let span = TextSpan(block: block.index, start: first.lowerBound, end: last.upperBound)
                return (span, sentence(at: span))
            }
        }
        return nil
    }

    private static let edgePunctuation = CharacterSet(charactersIn: " \n\t.,;:!?\"'\u{2018}\u{2019}\u{201C}\u{201D}")

    /// The extracted claim a sidecar text refers to: one whose span contains the text,
    /// preferring the one whose own text overlaps it most.
    private func bestMatch(for text: String, at span: TextSpan, in claims: [Claim]) -> Int? {
        let candidates = claims.indices.filter {
            claims[$0].span.block == span.block && claims[$0].span.start < span.end && span.start < claims[$0].span.end
        }
        let needle = LooseText(text)
        return candidates.max { a, b in
            let sa = LooseText(claims[a].text).contains(needle) || needle.contains(LooseText(claims[a].text)) ? 1 : 0
            let sb = LooseText(claims[b].text).contains(needle) || needle.contains(LooseText(claims[b].text)) ? 1 : 0
            return (sa, -a) < (sb, -b)
        }
    }
}

import Foundation
