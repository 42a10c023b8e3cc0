import Mustache

extension SitePaths {
    /// Page `number` (from 1) of a claim cluster: `clusters/<id>.html`, `clusters/<id>.p2.html`…
    /// (ids never contain a dot, so the pages cannot collide).
    public static func cluster(_ id: String, page number: Int = 1) -> String {
        number > 1 ? "clusters/\(id).p\(number).html" : "clusters/\(id).html"
    }

    /// The hover previews of claim links on article pages.
    public static let previewScript = "assets/preview.js"
}

/// Template contexts for what the Analyze stage found (`graph.analysis`): the claim page's
/// grades, corroboration, provenance and quote findings; the retraction banners of claim,
/// article and source pages; the cluster pages; the timeline's repetition badges.
///
/// Keys are prefixed `analysis…` (or named `retractionBanner`, `repetition`) so that
/// Mustache's lookup through enclosing contexts never finds them by accident.
/// Every list is bounded, so a claim repeated ten thousand times costs its claim pages
/// no more than one repeated twice; the cluster page, paged, lists every appearance.
struct AnalysisViews {
    let graph: SiteGraph
    let models: ViewModels

    /// Appearances a claim page lists on each side of its own, besides the first.
    static let provenanceNeighbours = 1
    /// Clusters a claim page lists whole; larger ones are on their cluster page.
    static let smallCluster = 6
    /// Origin chains a claim page shows.
    static let chainsShown = 4
    /// Origins a corroboration section names.
    static let originsShown = 3
    /// Other speakers of a quote a claim page names.
    static let speakersShown = 3
    /// Flagged claims a banner lists.
    static let bannerClaims = 12
    /// Appearances per cluster page.
    static let clusterPageSize = 200

    private var analysis: Analysis { graph.analysis }

    /// `html` of a section or entry: the theme's partial rendered once per `key` and reused
    /// on every page that shows the same thing (a cluster's corroboration, its first
    /// appearance). Without a cache it is null, and the template renders the partial itself.
    /// - Parameter context: built only when the fragment is not cached yet.
    private func fragment(_ partial: String, key: String, _ context: @escaping () -> [String: Any]) -> PartialFragment {
        PartialFragment(cache: models.fragments, partial: partial, key: key, context: context)
    }

    // MARK: - Claim page

    /// The claim page's analysis keys. The default theme shows the grades and the sections
    /// as `html` rendered by their partials, most of them once per cluster (`analysisHTML`
    /// joins the sections); the values behind them are built only when a template reads
    /// them (`LazyValue`), or when a section is rendered for the first time.
    func claimContext(_ claim: Claim, from path: String) -> [String: Any] {
        let root = SitePaths.root(from: path)
        let grades = GradesContext(
            reliability: graph.sourcePosition(claim.sourceID).flatMap { graph.sources[$0].reliability }, credibility: claim.credibility,
            suggested: analysis.credibilityOneSuggested.contains(claim.id), fragments: models.fragments)
        var context: [String: Any] = ["analysisGrades": grades]
        var sections: [PartialFragment] = []
        if grades.suggested { sections.append(grades.suggestion) }
        if let banner = claimBanner(claim, from: path) { context["retractionBanner"] = banner }
        let placement = analysis.placement(of: claim.id)
        let cluster = placement.map { analysis.clusters[$0.cluster] }
        if let corroboration = cluster?.corroboration ?? analysis.unclusteredCorroboration[claim.id] {
            // Every claim of the group shows the same section (as its cluster page does):
            // rendered once, its lists built only then. The claim's own chain is in
            // `analysisPosition`.
            let group = cluster?.id ?? claim.id
            let values = LazyValue { corroborationContext(corroboration, focus: group, from: path) }
            let html = fragment("corroboration", key: group + "|" + root) { values.value }
            context["analysisCorroboration"] = SectionContext(html: html, values: values)
            sections.append(html)
        }
        let findings = analysis.quoteFindings[claim.id] ?? []
        if !findings.isEmpty {
            let quotes = LazyValue { findings.map { quoteFinding($0, from: path) } }
            context["analysisQuotes"] = quotes
            // The speakers of a quote share their findings (each names the others): rendered once.
            sections.append(fragment("quote-findings", key: Self.quoteFindingsKey(findings, from: path)) {
                ["analysisQuotes": quotes.value]
            })
        }
        if let cluster, let position = placement?.position {
            context["analysisPosition"] = positionContext(claim, cluster: cluster, position: position, from: path)
            let provenance = provenanceSection(claim, cluster: cluster, position: position, from: path)
            context["analysisProvenance"] = SectionContext(html: provenance.html, values: provenance.values)
            sections.append(provenance.html)
        }
        context["analysisHTML"] = JoinedFragments(parts: sections)
        return context
    }

    /// "Appearance 3 of 12", the change of cue from the appearance before, and how the
    /// claim traces back to its origin when it is not its own.
    private func positionContext(_ claim: Claim, cluster: ClaimCluster, position: Int, from path: String) -> [String: Any] {
        let ownChain = cluster.corroboration?.chains(of: claim.id).first { $0.sourceIDs.count > 1 }
        return [
            "number": position + 1, "count": cluster.entries.count,
            "clusterHref": SitePaths.root(from: path) + SitePaths.cluster(cluster.id),
            "cueChange": Self.cueChange(cluster.entries[position]) ?? false,
            "chain": ownChain.map { chain($0, focus: claim.id, from: path) } ?? false,
        ]
    }

    /// The claim page's provenance section: a small cluster whole, each appearance with its
    /// wording (rendered for this page: it marks the current claim); a large one by its
    /// first appearance, the same on every claim page of the cluster (rendered once); the
    /// cluster page lists every appearance.
    private func provenanceSection(_ claim: Claim, cluster: ClaimCluster, position: Int, from path: String) -> (values: LazyValue<[String: Any]>, html: PartialFragment) {
        if cluster.entries.count <= Self.smallCluster {
            let values = LazyValue {
                provenanceContext(cluster, shown: Array(cluster.entries.indices), current: claim.id, from: path, more: false, withText: true)
            }
            return (values, PartialFragment(cache: models.fragments, partial: "provenance", key: nil) { values.value })
        }
        let isFirst = position == 0
        let values = LazyValue {
            provenanceContext(cluster, shown: [0], current: claim.id, from: path, more: true, withText: false)
        }
        return (values, fragment("provenance", key: "\(cluster.id)|\(SitePaths.root(from: path))|\(isFirst)") { values.value })
    }

    private func corroborationContext(_ corroboration: Corroboration, focus: String, from path: String) -> [String: Any] {
        // A few origins by name (a claim repeated everywhere can have hundreds).
        let origins = corroboration.origins.prefix(Self.originsShown).compactMap { graph.source($0) }.map { models.source($0, from: path) }
        let (shown, chainCount) = Self.shownChains(corroboration, focus: focus)
        let count = corroboration.supporterSourceIDs.count
        // Corroborated by the reporting, but not once retracted material is set aside
        // (`focus` is the group: the cluster's id, or the lone claim's).
        let weakened = analysis.retractions.lostCorroboration.contains(focus)
        return [
            "weakened": weakened,
            "corroborated": corroboration.verdict == .corroborated,
            "circular": corroboration.verdict == .circular,
            "sourceCount": count,
            "originCount": corroboration.origins.count,
            "origins": origins,
            "moreOrigins": corroboration.origins.count > origins.count ? corroboration.origins.count - origins.count : false,
            "chains": shown.map { chain($0, focus: focus, from: path) },
            "moreChains": chainCount > shown.count ? chainCount - shown.count : false,
        ]
    }

    /// The origin chains a corroboration section lists, and how many it could list.
    /// Every claim of a cluster has a page: only the chains shown are built (a cluster can
    /// have thousands): the focus claim's own, found by index, then the first others. When
    /// corroborated, only chains with a step say more than the list of origins.
    static func shownChains(_ corroboration: Corroboration, focus: String) -> (shown: [OriginChain], total: Int) {
        let circular = corroboration.verdict == .circular
        var shown = Array(corroboration.chains(of: focus).filter { circular || $0.sourceIDs.count > 1 }.prefix(chainsShown))
        let candidates = circular ? Array(corroboration.chains.indices) : corroboration.derivedChains
        for index in candidates where corroboration.chains[index].claimID != focus {
            if shown.count >= chainsShown { break }
            shown.append(corroboration.chains[index])
        }
        return (shown, circular ? corroboration.chains.count : corroboration.derivedChains.count)
    }

    private func chain(_ chain: OriginChain, focus: String, from path: String) -> [String: Any] {
        var steps: [[String: Any]] = []
        for (index, id) in chain.sourceIDs.enumerated() {
            var step: [String: Any] = ["name": PageText.clean(graph.source(id)?.name ?? id), "href": SitePaths.root(from: path) + SitePaths.source(id), "via": false]
            if index > 0, index - 1 < chain.steps.count {
                switch chain.steps[index - 1] {
                case .cites: step["via"] = "citing"
                case .sameOrigin: step["via"] = "same origin as"
                case .repeats: step["via"] = "repeating"
                }
            }
            step["isOrigin"] = index == chain.sourceIDs.count - 1
            steps.append(step)
        }
        var item: [String: Any] = ["steps": steps, "isFocus": chain.claimID == focus, "articleTitle": false, "date": false]
        if let claim = graph.claim(chain.claimID) {
            item["href"] = SitePaths.root(from: path) + SitePaths.claim(claim.id)
            if let article = graph.article(claim.article) {
                item["articleTitle"] = PageText.clean(article.title)
                if let date = article.effectiveDate { item["date"] = date.longForm }
            }
        }
        return item
    }

    // MARK: - Provenance

    /// A claim page's provenance section.
    /// - Parameters:
    ///   - shown: positions in `cluster.entries` to list, ascending; a gap is marked.
    ///   - current: the page's claim.
    ///   - withText: each appearance's words too (they may differ a little).
    func provenanceContext(_ cluster: ClaimCluster, shown: [Int], current: String, from path: String, more: Bool, withText: Bool) -> [String: Any] {
        var previous = -1
        let entries: [[String: Any]] = shown.map { position in
            var item = provenanceEntry(cluster.entries[position], position: position, current: current, from: path, withText: withText)
            item["gapBefore"] = position > previous + 1 && previous >= 0
            previous = position
            return item
        }
        return [
            "count": cluster.entries.count,
            "entries": entries,
            "more": more,
            "clusterHref": SitePaths.root(from: path) + SitePaths.cluster(cluster.id),
            "isFirst": current == cluster.id,
            "showClusterLink": true,
            "this": false,
        ]
    }

    private func provenanceEntry(_ entry: ProvenanceEntry, position: Int, current: String, from path: String, withText: Bool) -> [String: Any] {
        let root = SitePaths.root(from: path)
        var item: [String: Any] = [
            "href": root + SitePaths.claim(entry.claimID),
            "cue": PageText.clean(entry.cue),
            "isFirst": position == 0,
            "isCurrent": entry.claimID == current,
            "denial": entry.isDenial,
            "sourceHref": root + SitePaths.source(entry.sourceID),
            "sourceName": PageText.clean(graph.source(entry.sourceID)?.name ?? entry.sourceID),
            "date": false, "cueChange": false, "articleTitle": false,
            // Class and badges as words, so each appearance evaluates few tags.
            "classes": "provenance-entry" + (position == 0 ? " first" : "") + (entry.claimID == current ? " current" : ""),
            "badge": position == 0 ? "first appearance" : entry.claimID == current ? "this claim" : false,
        ]
        if let date = entry.date {
            item["date"] = date.longForm
            item["dateISO"] = date.description
        }
        if let article = graph.article(entry.article) {
            item["articleTitle"] = PageText.clean(article.title)
            item["articleHref"] = root + SitePaths.article(article.slug) + "#" + ClaimAnchor.htmlID(for: entry.claimID)
        }
        item["text"] = withText ? graph.claim(entry.claimID).map { PageText.clean($0.text) } ?? false : false
        if var change = Self.cueChange(entry) {
            change["hardened"] = entry.cueShift == .hardened
            item["cueChange"] = change
        }
        // An appearance is shown on its cluster's other claim pages too: rendered once.
        let key = "\(entry.claimID)|\(root)|\(entry.claimID == current)|\(withText)"
        let context = item
        item["html"] = fragment("provenance-entry", key: key) { context }
        return item
    }

    /// How an appearance's cue changed from the one before: `{from, to, shift}`; nil when it did not.
    static func cueChange(_ entry: ProvenanceEntry) -> [String: Any]? {
        guard let shift = entry.cueShift, let previousCue = entry.previousCue else { return nil }
        return ["from": PageText.clean(previousCue), "to": PageText.clean(entry.cue), "shift": shift.rawValue]
    }

    /// What `cueChange(_:)` shows, as part of a fragment cache key; empty when the cue did not change.
    static func cueChangeKey(_ entry: ProvenanceEntry) -> String {
        guard let shift = entry.cueShift, let previousCue = entry.previousCue else { return "" }
        return [previousCue, entry.cue, shift.rawValue].joined(separator: "\u{1}")
    }

    // MARK: - Quotes

    /// What a claim's quote findings show: the same key, the same section.
    static func quoteFindingsKey(_ findings: [QuoteFinding], from path: String) -> String {
        var key = SitePaths.root(from: path)
        for finding in findings {
            key += "|\(finding.kind.rawValue):" + finding.otherClaimIDs.prefix(speakersShown).joined(separator: ",")
            for piece in finding.diff { key += "\u{1}\(piece.kind.rawValue)\u{2}\(piece.text)" }
        }
        return key
    }

    private func quoteFinding(_ finding: QuoteFinding, from path: String) -> [String: Any] {
        let root = SitePaths.root(from: path)
        let others: [[String: Any]] = finding.otherClaimIDs.prefix(Self.speakersShown).compactMap { id in
            guard let other = graph.claim(id) else { return nil }
            var item: [String: Any] = [
                "href": root + SitePaths.claim(id), "text": PageText.clean(other.text),
                "sourceName": PageText.clean(graph.source(other.sourceID)?.name ?? other.sourceID),
                "sourceHref": root + SitePaths.source(other.sourceID),
                "date": false, "articleTitle": false,
            ]
            if let article = graph.article(other.article) {
                item["articleTitle"] = PageText.clean(article.title)
                if let date = article.effectiveDate { item["date"] = date.longForm }
            }
            return item
        }
        return [
            "misattribution": finding.kind == .misattribution,
            "drift": finding.kind == .drift,
            "others": others,
            "diff": finding.diff.map { piece -> [String: Any] in
                ["text": PageText.clean(piece.text), "same": piece.kind == .same, "removed": piece.kind == .removed, "added": piece.kind == .added]
            },
        ]
    }

    // MARK: - Timeline

    /// A claim for the timeline: the claim item, with `repetition` when it is part of a
    /// cluster (first appearance, or a repetition, with the change of cue). Its `html`, the
    /// badge (`partials/repetition.mustache`), is rendered once per cluster and kind of
    /// appearance; its values are built only for a template that reads them.
    func timelineClaim(_ claim: Claim, from path: String) -> [String: Any] {
        var item = models.claim(claim, from: path)
        guard let placement = analysis.placement(of: claim.id) else { return item }
        let cluster = analysis.clusters[placement.cluster]
        let position = placement.position
        let change = Self.cueChange(cluster.entries[position])
        let values = LazyValue { repetitionContext(cluster, position: position, change: change, from: path) }
        let key = "\(cluster.id)|\(SitePaths.root(from: path))|\(position == 0)|" + Self.cueChangeKey(cluster.entries[position])
        let html = fragment("repetition", key: key) { values.value }
        item["repetition"] = SectionContext(html: html, values: values)
        return item
    }

    private func repetitionContext(_ cluster: ClaimCluster, position: Int, change: [String: Any]?, from path: String) -> [String: Any] {
        let root = SitePaths.root(from: path)
        var repetition: [String: Any] = [
            "isFirst": position == 0, "count": cluster.entries.count, "cueChange": change ?? false, "firstDate": false,
            "clusterHref": root + SitePaths.cluster(cluster.id),
        ]
        if position > 0, let first = cluster.entries.first {
            repetition["firstHref"] = root + SitePaths.claim(first.claimID)
            if let date = first.date { repetition["firstDate"] = date.longForm }
        }
        // The badge's words, so the partial evaluates few tags.
        repetition["label"] = position == 0
            ? "first of \(cluster.entries.count) appearances"
            : "repeated" + ((repetition["firstDate"] as? String).map { ", first on \($0)" } ?? "")
        return repetition
    }

    // MARK: - Retraction banners

    private func claimBanner(_ claim: Claim, from path: String) -> [String: Any]? {
        guard let dependencies = analysis.retractions.claims[claim.id] else { return nil }
        return [
            "scope": "claim", "reasons": dependencies.map { reason($0, from: path) },
            "own": false, "count": false, "one": false, "claims": [[String: Any]](), "more": false,
        ]
    }

    /// The banner of an article page: its claims that depend on retracted material.
    func articleBanner(_ slug: String, from path: String) -> [String: Any]? {
        banner(analysis.retractions.articles[slug], scope: "article", from: path)
    }

    /// The banner of a source page: its own claims and those citing it that depend on
    /// retracted material, and the source's own mark.
    func sourceBanner(_ source: Source, from path: String) -> [String: Any]? {
        var banner = banner(analysis.retractions.sources[source.id], scope: "source", from: path)
        if let mark = source.retraction {
            var result = banner ?? ["scope": "source", "claims": [[String: Any]](), "count": false, "one": false, "more": false, "reasons": false]
            result["own"] = markContext(mark)
            banner = result
        }
        return banner
    }

    private func banner(_ claimIDs: [String]?, scope: String, from path: String) -> [String: Any]? {
        guard let claimIDs, !claimIDs.isEmpty else { return nil }
        let shown = claimIDs.prefix(Self.bannerClaims).compactMap { id -> [String: Any]? in
            guard let claim = graph.claim(id) else { return nil }
            return [
                "claim": models.claim(claim, from: path),
                "reasons": (analysis.retractions.claims[id] ?? []).map { reason($0, from: path) },
            ]
        }
        return [
            "scope": scope, "count": claimIDs.count, "one": claimIDs.count == 1, "claims": shown,
            "more": claimIDs.count > shown.count ? claimIDs.count - shown.count : false,
            "own": false, "reasons": false,
        ]
    }

    private func markContext(_ mark: Retraction) -> [String: Any] {
        var item: [String: Any] = [
            "kind": mark.kind.rawValue, "label": mark.kind == .retracted ? "Retracted" : "Discredited",
            "reason": PageText.clean(mark.reason),
        ]
        if let link = mark.link, URLPolicy.isSafeExternal(link) { item["link"] = link }
        return item
    }

    /// One line of why a claim is flagged: "Its source, Kestrel Wire, was retracted: …".
    private func reason(_ dependency: RetractionDependency, from path: String) -> [String: Any] {
        let root = SitePaths.root(from: path)
        var item = markContext(dependency.retraction)
        let subjectName: String, subjectHref: String
        switch dependency.subject {
        case .source(let id):
            subjectName = PageText.clean(graph.source(id)?.name ?? id)
            subjectHref = root + SitePaths.source(id)
        case .claim(let id):
            subjectName = "“" + PageText.clean(graph.claim(id)?.text ?? id) + "”"
            subjectHref = root + SitePaths.claim(id)
        }
        item["subjectName"] = subjectName
        item["subjectHref"] = subjectHref
        let verb = dependency.retraction.kind.rawValue
        switch dependency.kind {
        case .itself: item["how"] = "This claim was \(verb)"
        case .source: item["how"] = "Its source was \(verb)"
        case .cites: item["how"] = "It relies on a \(verb) source"
        case .corroboration: item["how"] = "It was corroborated only through \(verb) material"
        }
        return item
    }

    // MARK: - Cluster pages

    func clusterPageCount(_ cluster: ClaimCluster) -> Int {
        max(1, (cluster.entries.count + Self.clusterPageSize - 1) / Self.clusterPageSize)
    }

    func clusterContext(_ cluster: ClaimCluster, page: Int, from path: String) -> [String: Any] {
        let start = (page - 1) * Self.clusterPageSize
        let positions = start..<min(cluster.entries.count, start + Self.clusterPageSize)
        let sourceCount = Set(cluster.entries.map(\.sourceID)).count
        let articleCount = Set(cluster.entries.map(\.article)).count
        var context: [String: Any] = [
            "appearances": ["count": cluster.entries.count, "days": appearanceDays(cluster, positions, from: path)] as [String: Any],
            "pagination": models.pagination(count: clusterPageCount(cluster), current: page, from: path) { SitePaths.cluster(cluster.id, page: $0) },
            "count": cluster.entries.count,
            "sourceCount": sourceCount,
            "articleCount": articleCount,
            "sourceCountLabel": ReportPage.plural(sourceCount, "source"),
            "articleCountLabel": ReportPage.plural(articleCount, "article"),
        ]
        if let first = graph.claim(cluster.id) {
            context["first"] = models.claim(first, from: path)
        }
        if let corroboration = cluster.corroboration {
            context["analysisCorroboration"] = corroborationContext(corroboration, focus: cluster.id, from: path)
        }
        let flagged = cluster.entries.map(\.claimID).filter { analysis.retractions.claims[$0] != nil }
        if let banner = banner(flagged, scope: "cluster", from: path) { context["retractionBanner"] = banner }
        return context
    }

    /// A cluster page's appearances under their dates (provenance order is date order).
    /// Each is the claim's item, the one every other page lists (cached), so a cluster page
    /// costs no more than a listing of as many claims; the first appearance and each change
    /// of cue get a note before their item (`appearance-note`, rendered once per kind).
    /// `itemsHTML` is a day's notes and items as HTML, joined: one tag for the whole day.
    private func appearanceDays(_ cluster: ClaimCluster, _ positions: Range<Int>, from path: String) -> [[String: Any]] {
        var days: [[String: Any]] = []
        var items: [Any] = []
        var html: [any MustacheCustomRenderable] = []
        var date: ArticleDate?
        func closeDay() {
            guard !items.isEmpty else { return }
            days.append([
                "date": date?.longForm ?? false, "dateISO": date?.description ?? false,
                "undated": date == nil, "items": items, "itemsHTML": JoinedFragments(parts: html, separator: ""),
            ])
            (items, html) = ([], [])
        }
        for position in positions {
            let entry = cluster.entries[position]
            guard let claim = graph.claim(entry.claimID) else { continue }
            if items.isEmpty || entry.date != date {
                closeDay()
                date = entry.date
            }
            if let note = appearanceNote(entry, isFirst: position == 0) {
                items.append(note.values)
                html.append(note.html)
            }
            let item = models.claimItem(claim, from: path)
            items.append(item)
            if let itemHTML = (item as? ClaimListItem)?.html { html.append(itemHTML) }
        }
        closeDay()
        return days
    }

    /// "First appearance", or how the cue changed from the appearance before; nil otherwise.
    private func appearanceNote(_ entry: ProvenanceEntry, isFirst: Bool) -> (values: [String: Any], html: PartialFragment)? {
        let change = Self.cueChange(entry)
        guard isFirst || change != nil else { return nil }
        let values: [String: Any] = ["note": true, "isFirst": isFirst, "cueChange": change.map { $0 as Any } ?? false]
        let html = fragment("appearance-note", key: (isFirst ? "first|" : "|") + Self.cueChangeKey(entry)) { values }
        return (values.merging(["html": html]) { $1 }, html)
    }

    /// The cluster's claim text, for the page title.
    func clusterTitle(_ cluster: ClaimCluster) -> String {
        let text = graph.claim(cluster.id)?.text ?? cluster.id
        let words = text.split(separator: " ")
        return "Same claim: " + words.prefix(12).joined(separator: " ") + (words.count > 12 ? "…" : "")
    }
}

/// A partial rendered through `FragmentCache` when a template asks for `{{{html}}}`:
/// once per `key` and reused, or, without a key, for this page only.
struct PartialFragment: MustacheCustomRenderable {
    /// nil only for contexts that are digested, never rendered.
    let cache: FragmentCache?
    let partial: String
    let key: String?
    /// The partial's context, built on the first render of `key` only.
    let context: () -> [String: Any]

    var renderText: String {
        guard let cache else { return "" }
        return key.map { cache.partial(partial, key: $0, context) } ?? cache.render(partial, context())
    }
    var isNull: Bool { false }
}

/// Pieces of HTML rendered by partials, joined when a template asks for them
/// (`{{{analysisHTML}}}`, a cluster page's `{{{itemsHTML}}}`): one tag for many.
struct JoinedFragments: MustacheCustomRenderable {
    let parts: [any MustacheCustomRenderable]
    var separator = "\n"

    var renderText: String { parts.map(\.renderText).joined(separator: separator) }
    var isNull: Bool { false }
}

/// A context value built on first use, then kept. Mustache looks through it
/// (`MustacheCustomRepresentation`), so a template reads it as the value itself; one that
/// never reads it never builds it. Used by one page render, on one thread, like every context.
final class LazyValue<Value>: MustacheCustomRepresentation {
    private var build: (() -> Value)?
    private var built: Value?

    init(_ build: @escaping () -> Value) {
        self.build = build
    }

    var value: Value {
        if let built { return built }
        let value = build!()
        (built, build) = (value, nil)
        return value
    }

    var representation: Any? { value }
}

/// A section as a template opens it: `{{#section}}{{{html}}}{{/section}}` reads the
/// rendered `html` without building the values behind it, which are built on the first
/// lookup of any other key.
final class SectionContext: MustacheParent {
    private let html: PartialFragment
    private let values: LazyValue<[String: Any]>

    init(html: PartialFragment, values: LazyValue<[String: Any]>) {
        (self.html, self.values) = (html, values)
    }

    func child(named name: String) -> Any? {
        name == "html" ? html : values.value[name]
    }
}

/// `analysisGrades` of a claim page: source reliability, information credibility, the
/// Admiralty code ("B2"), and the credibility the build suggests (never set by it);
/// `html` (the badges) and `suggestionHTML` rendered once per combination of grades.
final class GradesContext: MustacheParent {
    let reliability: String?
    let credibility: Int?
    let suggested: Bool
    private let fragments: FragmentCache?

    init(reliability: String?, credibility: Int?, suggested: Bool, fragments: FragmentCache?) {
        (self.reliability, self.credibility, self.suggested, self.fragments) = (reliability, credibility, suggested, fragments)
    }

    /// Absent grades are false, not missing, so Mustache does not find the claim's own keys.
    private(set) lazy var values: [String: Any] = [
        "reliability": reliability ?? false,
        "credibility": credibility ?? false,
        "code": reliability.flatMap { r in credibility.map { "\(r)\($0)" } } ?? false,
        "suggested": suggested ? 1 : false,
        "suggestedCode": suggested ? reliability.map { "\($0)1" } ?? false : false,
    ]

    /// Few distinct grades: each kind of badge line and suggestion is rendered once.
    private var key: String { "\(reliability ?? "-")|\(credibility ?? 0)|\(suggested)" }

    var badges: PartialFragment { PartialFragment(cache: fragments, partial: "analysis-grades", key: key) { self.values } }
    var suggestion: PartialFragment { PartialFragment(cache: fragments, partial: "analysis-suggestion", key: key) { self.values } }

    func child(named name: String) -> Any? {
        switch name {
        case "html": badges
        case "suggestionHTML": suggestion
        default: values[name]
        }
    }
}
