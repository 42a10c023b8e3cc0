import Foundation

/// The manifest as text, quick to write and read for a site of a hundred thousand pages:
///
///     briefing-cache <format version>
///     global <digest>
///     output <path>
///     <digest> <page path>        (one line per page)
///
/// Digests are hexadecimal. Anything else (another version, a damaged line) reads as no
/// manifest at all: a full build.
extension BuildCache.Manifest {
    private static var header: String { "briefing-cache \(BuildCache.formatVersion)" }

    var text: Data {
        var bytes = Array("\(Self.header)\nglobal \(globalDigest)\noutput \(outputPath)\n".utf8)
        bytes.reserveCapacity(pages.count * 64)
        // A path with a line break has no line: its page is always rendered.
        for (path, digest) in pages where !path.utf8.contains(UInt8(ascii: "\n")) {
            digest.appendHex(to: &bytes)
            bytes.append(UInt8(ascii: " "))
            bytes += path.utf8
            bytes.append(UInt8(ascii: "\n"))
        }
        return Data(bytes)
    }

    init?(text data: Data) {
        let parsed: (global: StableDigest, output: String, pages: [String: StableDigest])? = data.withUnsafeBytes { buffer in
            var lines = Lines(buffer.bindMemory(to: UInt8.self))
            guard lines.next().map(Array.init) == Array(Self.header.utf8),
                  let globalLine = lines.next(), let global = Self.field("global", globalLine).flatMap(StableDigest.init(hex:)),
                  let outputLine = lines.next(), let output = Self.field("output", outputLine)
            else { return nil }
            var pages: [String: StableDigest] = [:]
            while let line = lines.next() {
                guard let space = line.firstIndex(of: UInt8(ascii: " ")), let digest = StableDigest(hex: line[..<space])
                else { return nil }
                pages[String(decoding: line[(space + 1)...], as: UTF8.self)] = digest
            }
            // The last line ends with a line break: a file cut short does not.
            guard lines.endedCleanly else { return nil }
            return (global, String(decoding: output, as: UTF8.self), pages)
        }
        guard let parsed else { return nil }
        self.init(globalDigest: parsed.global, outputPath: parsed.output, pages: parsed.pages)
    }

    /// The rest of `line` after `name` and a space.
    private static func field(_ name: String, _ line: Line) -> Line? {
        let prefix = Array((name + " ").utf8)
        guard line.starts(with: prefix) else { return nil }
        return line.dropFirst(prefix.count)
    }
}

extension StableDigest {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// `description`'s bytes.
    fileprivate func appendHex(to bytes: inout [UInt8]) {
        let digits = Self.hexDigits
        var shift = (64 - value.leadingZeroBitCount + 3) / 4 * 4
        if shift == 0 { shift = 4 }
        while shift > 0 {
            shift -= 4
            bytes.append(digits[Int((value >> UInt64(shift)) & 0xF)])
        }
    }

    /// From `description`'s bytes (lowercase hexadecimal).
    fileprivate init?(hex: Line) {
        guard !hex.isEmpty, hex.count <= 16 else { return nil }
        var value: UInt64 = 0
        for byte in hex {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = value << 4 | UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = value << 4 | UInt64(byte - UInt8(ascii: "a") + 10)
            default: return nil
            }
        }
        self.init(value: value)
    }
}

fileprivate typealias Line = Slice<UnsafeBufferPointer<UInt8>>

/// The lines of a buffer, each without its line break.
private struct Lines {
    let bytes: UnsafeBufferPointer<UInt8>
    private var start = 0
    /// Whether the buffer ended right after a line break (or was empty).
    private(set) var endedCleanly = true

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func next() -> Line? {
        guard start < bytes.count else { return nil }
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
        endedCleanly = end < bytes.count
        let line = bytes[start..<end]
        start = end + 1
        return line
    }
}
