import CCmark
import Foundation

/// A cmark document tree: the one place that touches cmark.
///
/// cmark nodes are not `Sendable`; a document lives and dies inside one task. Only
/// strings and `TextBlock`s leave it. HTML is rendered in cmark's safe mode: raw HTML
/// is omitted and `javascript:`-style URLs are emptied.
final class MarkdownDocument {
    private let root: OpaquePointer
    /// Line of the seed file where the Markdown text starts (front matter before it).
    private let lineOffset: Int

    /// Parses CommonMark with smart punctuation.
    /// - Parameter lineOffset: number of seed-file lines before `markdown`.
    init(markdown: String, lineOffset: Int = 0) {
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8
        root = markdown.withCString { cmark_parse_document($0, strlen($0), options) }
        self.lineOffset = lineOffset
    }

    /// Builds a document of plain paragraphs: no Markdown syntax is interpreted.
    init(paragraphs: [String]) {
        root = cmark_node_new(CMARK_NODE_DOCUMENT)
        lineOffset = 0
        for text in paragraphs {
            let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH)
            let literal = cmark_node_new(CMARK_NODE_TEXT)
            cmark_node_set_literal(literal, text)
            cmark_node_append_child(paragraph, literal)
            cmark_node_append_child(root, paragraph)
        }
    }

    deinit {
        cmark_node_free(root)
    }

    // MARK: - Paragraph text

    /// Every paragraph, in document order, as the plain text the extractor reads.
    /// - Parameter lines: for documents built from paragraphs, the line of each in the seed.
    func blockTexts(lines: [Int]? = nil) -> [TextBlock] {
        paragraphs().enumerated().map { index, paragraph in
            let text = leaves(of: paragraph).map(\.text).joined()
            let line = lines.map { index < $0.count ? $0[index] : 0 }
                ?? Int(cmark_node_get_start_line(paragraph)) + lineOffset
            return TextBlock(index: index, text: text, line: line)
        }
    }

    private func paragraphs() -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        walk { node, entering in
            if entering, cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH { result.append(node) }
        }
        return result
    }

    /// Visits every node with enter/exit events, without recursion (trees can be deep).
    private func walk(from start: OpaquePointer? = nil, _ visit: (OpaquePointer, _ entering: Bool) -> Void) {
        guard let iterator = cmark_iter_new(start ?? root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            visit(node, event == CMARK_EVENT_ENTER)
        }
    }

    /// A run of a paragraph's plain text and the node that holds it.
    private struct Leaf {
        var node: OpaquePointer
        var text: String
        /// Byte offset of `text` in the paragraph's plain text.
        var start: Int
        var end: Int { start + text.utf8.count }
        /// Text nodes can be split; code spans and breaks cannot.
        var isSplittable: Bool
        /// Inside a link or image, where another link must not be nested.
        var isInsideLink: Bool
    }

    private func leaves(of paragraph: OpaquePointer) -> [Leaf] {
        var leaves: [Leaf] = []
        var offset = 0
        var linkDepth = 0
        walk(from: paragraph) { node, entering in
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE || type == CMARK_NODE_CUSTOM_INLINE {
                linkDepth += entering ? 1 : -1
                return
            }
            guard entering else { return }
            let text: String
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                text = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text = " "
            default:
                return
            }
            leaves.append(Leaf(
                node: node, text: text, start: offset,
                isSplittable: type == CMARK_NODE_TEXT, isInsideLink: linkDepth > 0))
            offset += text.utf8.count
        }
        return leaves
    }

    // MARK: - Claim anchors

    /// Wraps `span`'s text in a link: `<a class="claim" id="…" href="…">`.
    ///
    /// The link is a CUSTOM_INLINE node whose raw HTML is built from `anchor`, whose
    /// id and href must already be validated (cmark emits custom nodes unescaped).
    /// A span crossing emphasis or code becomes several links; only the first carries the id.
    /// A span of zero length becomes a small marker link.
    func wrap(_ span: TextSpan, in anchor: ClaimAnchor) {
        wrap([(span, anchor)])
    }

    /// Wraps every span as `wrap(_:in:)` does, one pass per paragraph: the cost is the
    /// document's size plus the number of spans, however many claims share a paragraph
    /// (a paragraph can be a megabyte-long line with thousands of them).
    ///
    /// - Parameter items: spans that do not overlap; any order.
    func wrap(_ items: [(span: TextSpan, anchor: ClaimAnchor)]) {
        let all = paragraphs()
        var byBlock: [Int: [(span: TextSpan, anchor: ClaimAnchor)]] = [:]
        for item in items where item.span.block >= 0 && item.span.block < all.count {
            byBlock[item.span.block, default: []].append(item)
        }
        for (block, group) in byBlock {
            wrap(group.sorted { $0.span.start < $1.span.start }, in: all[block])
        }
    }

    /// - Parameter items: sorted by start, not overlapping.
    private func wrap(_ items: [(span: TextSpan, anchor: ClaimAnchor)], in paragraph: OpaquePointer) {
        split(paragraph, at: Set(items.flatMap { [$0.span.start, $0.span.end] }).sorted())
        let leaves = leaves(of: paragraph)
        // Leaves are in text order and span starts only grow: both cursors only move forward.
        var firstCandidate = 0
        var lastBefore = -1
        for (span, anchor) in items {
            if span.start >= span.end {
                while lastBefore + 1 < leaves.count, leaves[lastBefore + 1].end <= span.start { lastBefore += 1 }
                insertMarker(anchor, in: paragraph, after: lastBefore >= 0 ? leaves[lastBefore] : nil)
                continue
            }
            while firstCandidate < leaves.count, leaves[firstCandidate].start < span.start { firstCandidate += 1 }
            var groups: [[OpaquePointer]] = []
            var previous: OpaquePointer?
            var index = firstCandidate
            while index < leaves.count, leaves[index].end <= span.end {
                let leaf = leaves[index]
                index += 1
                guard !leaf.isInsideLink else { continue }
                if let previous, cmark_node_next(previous) == leaf.node, !groups.isEmpty {
                    groups[groups.count - 1].append(leaf.node)
                } else {
                    groups.append([leaf.node])
                }
                previous = leaf.node
            }
            for (number, group) in groups.enumerated() {
                guard let first = group.first else { continue }
                let link = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
                cmark_node_set_on_enter(link, anchor.openingTag(withID: number == 0))
                cmark_node_set_on_exit(link, "</a>")
                cmark_node_insert_before(first, link)
                for node in group { cmark_node_append_child(link, node) }
            }
        }
    }

    /// A marker link after `leaf` (the last text ending at or before the offset), or at
    /// the start of the paragraph.
    private func insertMarker(_ anchor: ClaimAnchor, in paragraph: OpaquePointer, after leaf: Leaf?) {
        let marker = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
        cmark_node_set_on_enter(marker, anchor.markerTag())
        cmark_node_set_on_exit(marker, "")
        if let leaf {
            // After the wrapper that holds the leaf, if any, so links do not nest.
            var node = leaf.node
            while let parent = cmark_node_parent(node), parent != paragraph,
                  cmark_node_get_type(parent) == CMARK_NODE_CUSTOM_INLINE || cmark_node_get_type(parent) == CMARK_NODE_LINK {
                node = parent
            }
            cmark_node_insert_after(node, marker)
        } else {
            cmark_node_prepend_child(paragraph, marker)
        }
    }

    /// Splits the paragraph's text nodes at every byte offset of `cuts` (sorted) that falls
    /// inside one, on a character boundary; one pass over the paragraph.
    private func split(_ paragraph: OpaquePointer, at cuts: [Int]) {
        var next = 0
        for leaf in leaves(of: paragraph) where leaf.isSplittable {
            while next < cuts.count, cuts[next] <= leaf.start { next += 1 }
            var inside: [Int] = []
            while next < cuts.count, cuts[next] < leaf.end {
                inside.append(cuts[next] - leaf.start)
                next += 1
            }
            guard !inside.isEmpty else { continue }
            let bytes = Array(leaf.text.utf8)
            var pieces: [String] = []
            var from = 0
            for cut in inside {
                // A cut inside a multi-byte character is skipped.
                guard let piece = String(validating: bytes[from..<cut], as: UTF8.self) else { continue }
                pieces.append(piece)
                from = cut
            }
            guard !pieces.isEmpty, let tail = String(validating: bytes[from...], as: UTF8.self) else { continue }
            pieces.append(tail)
            cmark_node_set_literal(leaf.node, pieces[0])
            var last: OpaquePointer? = leaf.node
            for piece in pieces.dropFirst() {
                let node = cmark_node_new(CMARK_NODE_TEXT)
                cmark_node_set_literal(node, piece)
                cmark_node_insert_after(last, node)
                last = node
            }
        }
    }

    // MARK: - HTML

    /// The document as HTML, in cmark's safe mode.
    func html() -> String {
        guard let buffer = cmark_render_html(root, CMARK_OPT_DEFAULT) else { return "" }
        defer { free(buffer) }
        return String(cString: buffer)
    }
}
