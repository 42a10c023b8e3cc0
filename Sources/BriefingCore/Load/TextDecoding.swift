import Foundation

/// Turns a file's bytes into text the pipeline can trust: valid UTF-8, no BOM,
/// `\n` line ends, no NUL or other control character but the tab.
enum TextDecoding {
    /// - Throws: `Diagnostic` at the line and column of the first invalid byte.
    static func decode(_ data: Data, file: String) throws -> String {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard var text = String(validating: bytes, as: UTF8.self) else {
            let (line, column) = firstInvalidPosition(bytes)
            throw Diagnostic.error(.load, at: SourceLocation(file: file, line: line, column: column),
                                   "file is not valid UTF-8; re-save it as UTF-8 (e.g. iconv -f latin1 -t utf-8)")
        }
        if text.utf8.contains(0x0D) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        if text.utf8.contains(where: { ($0 < 0x20 && $0 != 0x0A && $0 != 0x09) || $0 == 0x7F }) {
            text = withoutControls(text)
        }
        return text
    }

    /// Form feeds and vertical tabs become spaces; NUL, escape and the other C0 controls
    /// (invisible, invalid in HTML and XML, able to drive a terminal) become U+FFFD.
    private static func withoutControls(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0B, 0x0C: result.append(" ")
            case 0x09, 0x0A: result.append(scalar)
            case 0x00..<0x20, 0x7F: result.append("\u{FFFD}")
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// Line and column (in bytes, 1-based) of the first byte that breaks UTF-8.
    private static func firstInvalidPosition(_ bytes: [UInt8]) -> (Int, Int) {
        var line = 1, lineStart = 0, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, index - lineStart + 1)
            }
            guard index + length <= bytes.count,
                  String(validating: bytes[index..<(index + length)], as: UTF8.self) != nil
            else { return (line, index - lineStart + 1) }
            if byte == 0x0A {
                line += 1
                lineStart = index + 1
            }
            index += length
        }
        return (line, 1)
    }
}
