import Foundation

/// Lays out compact JSON (as `JSONEncoder` writes it without `.prettyPrinted`) with
/// two-space indents, `"key": value` and `[]` / `{}` for empty containers.
///
/// Foundation's pretty printer differs between versions (`"key" : value`, empty arrays
/// over three lines); laying the text out here keeps `briefing.json` byte-identical
/// whatever Foundation built it.
enum JSONLayout {
    static func pretty(_ compact: Data) -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(compact.count * 2)
        append(compact, depth: 0, to: &out)
        out.append(0x0A)
        return Data(out)
    }

    /// Appends `compact` laid out as a value nested `depth` containers deep: its first
    /// byte goes where `out` ends (the container put the line break and indent there),
    /// its inner lines are indented from `depth`.
    static func append(_ compact: Data, depth start: Int, to out: inout [UInt8]) {
        compact.withUnsafeBytes { bytes in
            var depth = start
            var inString = false
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if inString {
                    out.append(byte)
                    if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                        out.append(bytes[index + 1])
                        index += 1
                    } else if byte == UInt8(ascii: "\"") {
                        inString = false
                    }
                    index += 1
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""):
                    inString = true
                    out.append(byte)
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    let close = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                    if index + 1 < bytes.count, bytes[index + 1] == close {
                        out += [byte, close]
                        index += 1
                    } else {
                        out.append(byte)
                        depth += 1
                        newline(depth: depth, to: &out)
                    }
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    newline(depth: depth, to: &out)
                    out.append(byte)
                case UInt8(ascii: ","):
                    out.append(byte)
                    newline(depth: depth, to: &out)
                case UInt8(ascii: ":"):
                    out += [byte, 0x20]
                case 0x20, 0x0A, 0x0D, 0x09:
                    break
                default:
                    out.append(byte)
                }
                index += 1
            }
        }
    }

    /// A line break and the indent of `depth`.
    static func newline(depth: Int, to out: inout [UInt8]) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: depth * 2))
    }
}
