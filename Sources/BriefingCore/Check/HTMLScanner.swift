/// A start tag found in an HTML page: its name, attributes and where it starts.
struct HTMLTag: Sendable {
    /// Lowercased.
    var name: String
    /// In document order; names lowercased, values with character references decoded,
    /// `nil` for an attribute written without a value.
    var attributes: [(name: String, value: String?)]
    /// UTF-8 offset of the `<` in the page.
    var offset: Int
    /// The text of a `<script>` element (for JSON-LD); nil for other tags.
    var scriptText: String?

    func value(_ attribute: String) -> String? {
        attributes.first { $0.name == attribute }?.value
    }
}

/// A small, tolerant scanner of start tags, for checking built pages (`briefing check`).
///
/// It is no HTML parser, but knows what matters for finding links and ids: comments,
/// doctype and end tags are skipped; attribute values may be double-quoted, single-quoted
/// or bare; character references (`&amp;`, `&#39;`, `&#x2F;`) are decoded; the text of
/// `<script>`, `<style>`, `<textarea>` and `<title>` is not read as markup.
enum HTMLScanner {
    static func tags(in html: String) -> [HTMLTag] {
        let bytes = Array(html.utf8)
        var tags: [HTMLTag] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count else {
                index += 1
                continue
            }
            let next = bytes[index + 1]
            if next == UInt8(ascii: "!") {
                index = bytes.starts(with: "<!--", at: index)
                    ? bytes.end(of: "-->", from: index + 4) : bytes.end(of: ">", from: index + 2)
            } else if next == UInt8(ascii: "/") || next == UInt8(ascii: "?") {
                index = bytes.end(of: ">", from: index + 2)
            } else if next.isASCIILetter {
                var tag: HTMLTag
                (tag, index) = startTag(bytes, at: index)
                if ["script", "style", "textarea", "title"].contains(tag.name) {
                    let close = bytes.firstCaseInsensitive("</" + tag.name, from: index) ?? bytes.count
                    if tag.name == "script" { tag.scriptText = String(decoding: bytes[index..<close], as: UTF8.self) }
                    index = close
                }
                tags.append(tag)
            } else {
                index += 1
            }
        }
        return tags
    }

    /// Reads `<name attr="value" …>` starting at `start`; returns the tag and the index after it.
    private static func startTag(_ bytes: [UInt8], at start: Int) -> (HTMLTag, Int) {
        var index = start + 1
        let nameStart = index
        while index < bytes.count, !bytes[index].isHTMLSpace, bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "/") {
            index += 1
        }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
        var attributes: [(String, String?)] = []
        while index < bytes.count {
            while index < bytes.count, bytes[index].isHTMLSpace || bytes[index] == UInt8(ascii: "/") { index += 1 }
            guard index < bytes.count, bytes[index] != UInt8(ascii: ">") else { break }
            let attributeStart = index
            while index < bytes.count, !bytes[index].isHTMLSpace, bytes[index] != UInt8(ascii: "="),
                  bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "/") {
                index += 1
            }
            let attribute = String(decoding: bytes[attributeStart..<index], as: UTF8.self).lowercased()
            while index < bytes.count, bytes[index].isHTMLSpace { index += 1 }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
                attributes.append((attribute, nil))
                continue
            }
            index += 1
            while index < bytes.count, bytes[index].isHTMLSpace { index += 1 }
            let valueStart: Int, valueEnd: Int
            if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                let quote = bytes[index]
                valueStart = index + 1
                valueEnd = bytes[valueStart...].firstIndex(of: quote) ?? bytes.count
                index = min(valueEnd + 1, bytes.count)
            } else {
                valueStart = index
                while index < bytes.count, !bytes[index].isHTMLSpace, bytes[index] != UInt8(ascii: ">") { index += 1 }
                valueEnd = index
            }
            attributes.append((attribute, decodeReferences(String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self))))
        }
        return (HTMLTag(name: name, attributes: attributes, offset: start, scriptText: nil), min(index + 1, bytes.count))
    }

    // MARK: - Character references

    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "sol": "/",
        "num": "#", "quest": "?", "equals": "=", "percnt": "%", "colon": ":", "period": ".",
    ]

    /// Decodes `&name;`, `&#NN;` and `&#xHH;`; anything else is left as written.
    static func decodeReferences(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let afterAmp = rest.index(after: amp)
            guard let semicolon = rest[afterAmp...].prefix(32).firstIndex(of: ";") else {
                result += "&"
                rest = rest[afterAmp...]
                continue
            }
            let reference = rest[afterAmp..<semicolon]
            if let decoded = decode(reference) {
                result += decoded
                rest = rest[rest.index(after: semicolon)...]
            } else {
                result += "&"
                rest = rest[afterAmp...]
            }
        }
        return result + rest
    }

    private static func decode(_ reference: Substring) -> String? {
        if reference.hasPrefix("#x") || reference.hasPrefix("#X") {
            return UInt32(reference.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
        }
        if reference.hasPrefix("#") {
            return UInt32(reference.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
        }
        return named[String(reference)]
    }
}

// MARK: - Byte helpers

private extension UInt8 {
    var isHTMLSpace: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0C || self == 0x0D }
    var isASCIILetter: Bool { (self >= 0x41 && self <= 0x5A) || (self >= 0x61 && self <= 0x7A) }
    var asciiLowercased: UInt8 { self >= 0x41 && self <= 0x5A ? self | 0x20 : self }
}

private extension Array where Element == UInt8 {
    func starts(with text: String, at index: Int) -> Bool {
        let pattern = Array(text.utf8)
        return index + pattern.count <= count && self[index..<(index + pattern.count)].elementsEqual(pattern)
    }

    /// The index just after the first `text` at or after `from`; the end when there is none.
    func end(of text: String, from start: Int) -> Int {
        let pattern = Array(text.utf8)
        var index = start
        while index + pattern.count <= count {
            if self[index..<(index + pattern.count)].elementsEqual(pattern) { return index + pattern.count }
            index += 1
        }
        return count
    }

    /// The index of the first `text` (ASCII, compared ignoring case) at or after `from`.
    func firstCaseInsensitive(_ text: String, from start: Int) -> Int? {
        let pattern = Array(text.lowercased().utf8)
        var index = start
        while index + pattern.count <= count {
            if zip(self[index..<(index + pattern.count)], pattern).allSatisfy({ $0.asciiLowercased == $1 }) {
                return index
            }
            index += 1
        }
        return nil
    }
}
