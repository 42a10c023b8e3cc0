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
        let all = paragraphs()
        guard span.block < all.count else { return }
        let paragraph = all[span.block]
        split(paragraph, at: span.start)
        split(paragraph, at: span.end)
        let leaves = leaves(of: paragraph)
        if span.start >= span.end {
            insertMarker(anchor, in: paragraph, at: span.start, leaves: leaves)
            return
        }
        let covered = leaves.filter { $0.start >= span.start && $0.end <= span.end && !$0.isInsideLink }
        var groups: [[OpaquePointer]] = []
        var previous: OpaquePointer?
        for leaf in covered {
            if let previous, cmark_node_next(previous) == leaf.node, !groups.isEmpty {
                groups[groups.count - 1].append(leaf.node)
            } else {
                groups.append([leaf.node])
            }
            previous = leaf.node
        }
        for (index, group) in groups.enumerated() {
            guard let first = group.first else { continue }
            let link = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
            cmark_node_set_on_enter(link, anchor.openingTag(withID: index == 0))
            cmark_node_set_on_exit(link, "</a>")
            cmark_node_insert_before(first, link)
            for node in group { cmark_node_append_child(link, node) }
        }
    }

    private func insertMarker(_ anchor: ClaimAnchor, in paragraph: OpaquePointer, at offset: Int, leaves: [Leaf]) {
        let marker = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
        cmark_node_set_on_enter(marker, anchor.markerTag())
        cmark_node_set_on_exit(marker, "")
        if let leaf = leaves.last(where: { $0.end <= offset }) {
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

    /// Splits the text node that contains byte `offset` of the paragraph's text into two.
    private func split(_ paragraph: OpaquePointer, at offset: Int) {
        guard let leaf = leaves(of: paragraph).first(where: { $0.start < offset && offset < $0.end }),
              leaf.isSplittable else { return }
        let bytes = Array(leaf.text.utf8)
        let cut = offset - leaf.start
        guard let head = String(validating: bytes[..<cut], as: UTF8.self),
              let tail = String(validating: bytes[cut...], as: UTF8.self) else { return }
        let second = cmark_node_new(CMARK_NODE_TEXT)
        cmark_node_set_literal(second, tail)
        cmark_node_set_literal(leaf.node, head)
        cmark_node_insert_after(leaf.node, second)
    }

    // MARK: - HTML

    /// The document as HTML, in cmark's safe mode.
    func html() -> String {
        guard let buffer = cmark_render_html(root, CMARK_OPT_DEFAULT) else { return "" }
        defer { free(buffer) }
        return String(cString: buffer)
    }
}
