import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Whether an XML document is well-formed, by Foundation's `XMLParser`.
///
/// `parse()` alone is not to be trusted: on Linux it returns true for mismatched tags
/// (setting `parserError` all the same) and accepts a lone `<a>`. The document counts as
/// well-formed only when the parser reports no error, finds a root element and closes
/// every element it opened.
enum XMLCheck {
    /// Nil when well-formed; else the reason and where the parser stopped.
    static func problem(in data: Data) -> (reason: String, line: Int, column: Int)? {
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        let observer = Observer()
        parser.delegate = observer
        let parsed = parser.parse()
        if let error = observer.error ?? parser.parserError {
            // Foundation's error codes are libxml2's on Linux and its own on Apple
            // platforms, without messages: give the number.
            return ("parser error \((error as NSError).code)", parser.lineNumber, parser.columnNumber)
        }
        if !parsed { return ("the parser stopped", parser.lineNumber, parser.columnNumber) }
        if !observer.sawRoot { return ("no root element", 1, 1) }
        if observer.depth != 0 { return ("\(observer.depth) element(s) not closed", parser.lineNumber, parser.columnNumber) }
        return nil
    }

    private final class Observer: NSObject, XMLParserDelegate {
        var error: Error?
        var depth = 0
        var sawRoot = false

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            if error == nil { error = parseError }
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            depth += 1
            sawRoot = true
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            depth -= 1
        }
    }
}
