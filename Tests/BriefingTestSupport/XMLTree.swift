import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An XML element as a small tree (a whole document when parsed with `XMLTree.parse`),
/// for tests of the sitemap and the feed. Parsing uses Foundation's `XMLParser` and fails
/// on anything that is not well-formed.
public final class XMLTree: @unchecked Sendable {
    public let name: String
    public let attributes: [String: String]
    public fileprivate(set) var children: [XMLTree] = []
    public fileprivate(set) var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// Direct children named `name`.
    public func children(_ name: String) -> [XMLTree] { children.filter { $0.name == name } }
    /// The first direct child named `name`.
    public func child(_ name: String) -> XMLTree? { children.first { $0.name == name } }

    public struct ParseError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Parses `data`, namespaces processed (names are local names).
    /// - Throws: `ParseError` with the parser's line and reason.
    public static func parse(_ data: Data) throws -> XMLTree {
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        let builder = TreeBuilder()
        parser.delegate = builder
        // On Linux `parse()` may return true after an error, or accept an unclosed element:
        // check all three.
        let parsed = parser.parse()
        guard parsed, parser.parserError == nil, builder.isBalanced, let root = builder.root else {
            throw ParseError(description: "line \(parser.lineNumber): \(parser.parserError.map { "\($0)" } ?? "no root element, or one not closed")")
        }
        return root
    }
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    var root: XMLTree?
    private var stack: [XMLTree] = []
    var isBalanced: Bool { stack.isEmpty }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        let element = XMLTree(name: elementName, attributes: attributes)
        if let parent = stack.last { parent.children.append(element) } else { root = element }
        stack.append(element)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }
}
