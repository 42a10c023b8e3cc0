import Foundation

/// The picture of who claims what: a static SVG drawn at build time, inserted into the
/// index (the whole briefing) and into each source page (the source and its neighbours).
///
/// - Sources are circles on a ring, sized by claim count: filled when named, hollow and
///   dashed when anonymous (told apart by shape, not only colour). Each is a link to its
///   source page with a `<title>`.
/// - Lines: red where claims dispute each other, dashed green where they support each
///   other, grey where the sources speak in the same article (thicker for more articles).
/// - The layout is a pure function of the sorted selection: no randomness, numbers written
///   with one decimal, so the same graph gives the same bytes. Linear in the lines drawn.
///
/// All text goes through `escape` (XML escaping; characters XML cannot hold are dropped),
/// so the string is safe to insert raw (`{{{graph}}}`) and parses as XML on its own.
struct SourceGraphSVG {
    let graph: SiteGraph
    let network: SourceNetwork

    /// Labels longer than this are cut with "…" (the full name is in the node's title).
    static let labelLength = 30
    /// Up to this many nodes labels are horizontal; past it they follow the radius.
    static let horizontalLabelLimit = 16

    // MARK: - Pictures

    /// The whole briefing, for the index page. Nil when there are no sources.
    func overview(from page: String) -> (svg: String, shown: Int, total: Int, minimumShared: Int)? {
        guard !graph.sources.isEmpty else { return nil }
        let selection = network.overview(sourceCount: graph.sources.count)
        let title = selection.nodes.count < selection.candidates
            ? "Who claims what: the \(selection.nodes.count) most connected of \(selection.candidates) sources"
            : "Who claims what: \(selection.nodes.count) source\(selection.nodes.count == 1 ? "" : "s")"
        let svg = draw(selection, centred: false, title: title, from: page)
        return (svg, selection.nodes.count, selection.candidates, selection.minimumShared)
    }

    /// The source and the sources around it, for its page. Nil when it has no neighbours.
    func neighbourhood(of sourceID: String, from page: String) -> (svg: String, shown: Int, total: Int, minimumShared: Int)? {
        guard let centre = network.sourcePosition[sourceID] else { return nil }
        let selection = network.neighbourhood(of: centre)
        guard selection.nodes.count > 1 else { return nil }
        let name = graph.sources[centre].name
        let others = selection.nodes.count - 1
        let title = selection.nodes.count < selection.candidates
            ? "Who \(name) is connected to: the \(others) closest of \(selection.candidates - 1) sources"
            : "Who \(name) is connected to: \(others) source\(others == 1 ? "" : "s")"
        let svg = draw(selection, centred: true, title: title, from: page)
        return (svg, selection.nodes.count, selection.candidates, selection.minimumShared)
    }

    // MARK: - Layout

    private struct Point {
        var x: Double
        var y: Double
    }

    private func nodeRadius(_ source: Int) -> Double {
        min(18, 4 + 2.5 * Double(network.claimCounts[source]).squareRoot())
    }

    /// Draws `selection`: on a ring, or (`centred`) the first node in the middle and the
    /// rest on a ring around it.
    private func draw(_ selection: SourceNetwork.Selection, centred: Bool, title: String, from page: String) -> String {
        let ringNodes = centred ? Array(selection.nodes.dropFirst()) : selection.nodes
        let count = ringNodes.count
        let horizontal = count <= Self.horizontalLabelLimit
        let ring = max(centred ? 150 : 140, Double(count) * 40 / (2 * Double.pi))
        let labelSpace = 200.0, margin = 20.0
        let width = 2 * (ring + labelSpace + margin)
        let height = horizontal ? 2 * (ring + margin + 24) : width
        let centre = Point(x: width / 2, y: height / 2)

        var position: [Int: Point] = [:]
        var angle: [Int: Double] = [:]
        if count == 1, !centred, let only = ringNodes.first {
            position[only] = centre
        } else {
            for (index, source) in ringNodes.enumerated() {
                let theta = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(count)
                angle[source] = theta
                position[source] = Point(x: centre.x + ring * cos(theta), y: centre.y + ring * sin(theta))
            }
        }
        if centred, let middle = selection.nodes.first { position[middle] = centre }

        var out = ""
        out += #"<svg xmlns="http://www.w3.org/2000/svg" class="source-graph" viewBox="0 0 \#(Self.number(width)) \#(Self.number(height))" width="\#(Self.number(width))" height="\#(Self.number(height))" aria-labelledby="graph-title graph-desc">"#
        out += "\n<title id=\"graph-title\">\(Self.escape(title))</title>\n"
        out += "<desc id=\"graph-desc\">\(Self.escape(description(selection)))</desc>\n"

        // Lines: articles in common underneath, then supports, then disputes on top.
        out += "<g class=\"graph-edges\">\n"
        let layers: [(String, (SourceNetwork.Edge) -> Bool)] = [
            ("article", { $0.relations.disputes == 0 && $0.relations.supports == 0 }),
            ("supports", { $0.relations.disputes == 0 && $0.relations.supports > 0 }),
            ("disputes", { $0.relations.disputes > 0 }),
        ]
        for (kind, belongs) in layers {
            for edge in selection.edges where belongs(edge) {
                guard let a = position[edge.from], let b = position[edge.to] else { continue }
                let straight = centred && (edge.from == selection.nodes.first || edge.to == selection.nodes.first)
                let path: String
                if straight {
                    path = "M\(Self.number(a.x)) \(Self.number(a.y))L\(Self.number(b.x)) \(Self.number(b.y))"
                } else {
                    // A chord bent towards the centre of the ring.
                    let control = Point(x: centre.x + ((a.x + b.x) / 2 - centre.x) * 0.3, y: centre.y + ((a.y + b.y) / 2 - centre.y) * 0.3)
                    path = "M\(Self.number(a.x)) \(Self.number(a.y))Q\(Self.number(control.x)) \(Self.number(control.y)) \(Self.number(b.x)) \(Self.number(b.y))"
                }
                let weight = kind == "article" ? min(4, 1 + log2(Double(max(edge.sharedArticles, 1)))) : 2.5
                out += "<path class=\"edge edge-\(kind)\" d=\"\(path)\" stroke-width=\"\(Self.number(weight))\"><title>\(Self.escape(edgeTitle(edge)))</title></path>\n"
            }
        }
        out += "</g>\n<g class=\"graph-nodes\">\n"

        let current = centred ? selection.nodes.first : nil
        for source in selection.nodes {
            guard let point = position[source] else { continue }
            let item = graph.sources[source]
            let radius = nodeRadius(source)
            let classes = ["node", item.isAnonymous ? "anonymous" : "named"] + (source == current ? ["current"] : [])
            let href = SitePaths.root(from: page) + SitePaths.source(item.id)
            out += "<a class=\"\(classes.joined(separator: " "))\" href=\"\(Self.escape(href))\">"
            out += "<title>\(Self.escape(nodeTitle(source)))</title>"
            out += "<circle cx=\"\(Self.number(point.x))\" cy=\"\(Self.number(point.y))\" r=\"\(Self.number(radius))\"/>"
            out += label(for: source, at: point, radius: radius, angle: angle[source], horizontal: horizontal || angle[source] == nil)
            out += "</a>\n"
        }
        out += "</g>\n</svg>"
        return out
    }

    /// The node's name beside it: outside the ring, horizontal or along the radius;
    /// below the node in the middle.
    private func label(for source: Int, at point: Point, radius: Double, angle: Double?, horizontal: Bool) -> String {
        let text = Self.escape(Self.shortened(graph.sources[source].name))
        guard let theta = angle else {
            let y = point.y + radius + 15
            return "<text class=\"label label-centre\" x=\"\(Self.number(point.x))\" y=\"\(Self.number(y))\" text-anchor=\"middle\">\(text)</text>"
        }
        let gap = radius + 6
        let x = point.x + gap * cos(theta), y = point.y + gap * sin(theta)
        if horizontal {
            let c = cos(theta)
            let anchor = abs(c) < 0.2 ? "middle" : (c > 0 ? "start" : "end")
            // Above or below the node when the label is centred on it.
            let dy = abs(c) < 0.2 ? (sin(theta) < 0 ? -4.0 : 10.0) : 4.0
            return "<text class=\"label\" x=\"\(Self.number(x))\" y=\"\(Self.number(y + dy))\" text-anchor=\"\(anchor)\">\(text)</text>"
        }
        let degrees = theta * 180 / Double.pi
        let onLeft = cos(theta) < 0
        let rotation = onLeft ? degrees + 180 : degrees
        return "<text class=\"label\" x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" dy=\"4\" text-anchor=\"\(onLeft ? "end" : "start")\" transform=\"rotate(\(Self.number(rotation)) \(Self.number(x)) \(Self.number(y)))\">\(text)</text>"
    }

    // MARK: - Words

    private func nodeTitle(_ source: Int) -> String {
        let item = graph.sources[source]
        let claims = network.claimCounts[source]
        let articles = item.articleSlugs.count
        return "\(item.name): \(item.isAnonymous ? "anonymous" : "named") \(item.kind.rawValue), \(claims) claim\(claims == 1 ? "" : "s") in \(articles) article\(articles == 1 ? "" : "s")"
    }

    private func edgeTitle(_ edge: SourceNetwork.Edge) -> String {
        var parts: [String] = []
        if edge.relations.disputes > 0 { parts.append("\(edge.relations.disputes) dispute\(edge.relations.disputes == 1 ? "" : "s")") }
        if edge.relations.supports > 0 { parts.append("\(edge.relations.supports) support\(edge.relations.supports == 1 ? "" : "s")") }
        if edge.sharedArticles > 0 { parts.append("\(edge.sharedArticles) article\(edge.sharedArticles == 1 ? "" : "s") in common") }
        return "\(graph.sources[edge.from].name) and \(graph.sources[edge.to].name): \(parts.joined(separator: ", "))"
    }

    /// What the picture shows, in words, for screen readers: the key and the related pairs.
    private func description(_ selection: SourceNetwork.Selection) -> String {
        var text = "Each circle is a source, larger for more claims: filled for a named source, hollow and dashed for an anonymous one. "
            + "Red lines join sources whose claims dispute each other, dashed green lines sources whose claims support each other, "
            + (selection.minimumShared > 1
                ? "grey lines sources quoted together in at least \(selection.minimumShared) articles."
                : "grey lines sources quoted in the same article.")
        let related = selection.edges.filter { $0.relations.disputes > 0 || $0.relations.supports > 0 }
        if !related.isEmpty {
            let listed = related.prefix(20).map { edge -> String in
                let verb = edge.relations.disputes > 0 ? "dispute" : "support"
                return "\(graph.sources[edge.from].name) and \(graph.sources[edge.to].name) \(verb) each other"
            }
            text += " " + listed.joined(separator: "; ") + (related.count > 20 ? "; and \(related.count - 20) more pairs." : ".")
        }
        return text
    }

    // MARK: - Text

    static func shortened(_ name: String) -> String {
        name.count > labelLength ? String(name.prefix(labelLength - 1)).trimmingCharacters(in: .whitespaces) + "…" : name
    }

    /// One decimal, `.` as separator, never `-0.0`: the same bytes on every machine.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    /// XML text and attribute escaping; drops characters XML 1.0 cannot contain.
    static func escape(_ text: String) -> String {
        var kept = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x20, scalar != "\t", scalar != "\n", scalar != "\r" { continue }
            if value == 0xFFFE || value == 0xFFFF { continue }
            kept.append(scalar)
        }
        return HTML.escape(String(kept))
    }
}
