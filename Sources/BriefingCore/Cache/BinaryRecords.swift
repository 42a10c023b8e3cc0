/// A compact binary form for cache files read on every build, far quicker than JSON:
/// little-endian 64-bit numbers and length-prefixed UTF-8 strings. A reader that runs
/// past the end or finds a bad length returns nil, and the cache entry counts as absent.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    mutating func number(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    mutating func number(_ value: Int) { number(UInt64(bitPattern: Int64(value))) }

    mutating func flag(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func text(_ value: String) {
        number(value.utf8.count)
        bytes += value.utf8
    }

    /// A flag, then the text when there is one.
    mutating func text(_ value: String?) {
        flag(value != nil)
        if let value { text(value) }
    }
}

struct BinaryReader {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { position == bytes.count }

    mutating func number() -> UInt64? {
        guard bytes.count - position >= 8 else { return nil }
        let value = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: position, as: UInt64.self)) }
        position += 8
        return value
    }

    mutating func integer() -> Int? { number().map { Int(Int64(bitPattern: $0)) } }

    mutating func flag() -> Bool? {
        guard position < bytes.count, bytes[position] <= 1 else { return nil }
        position += 1
        return bytes[position - 1] == 1
    }

    mutating func text() -> String? {
        guard let count = integer(), count >= 0, bytes.count - position >= count else { return nil }
        let value = String(validating: bytes[position..<position + count], as: UTF8.self)
        position += count
        return value
    }

    /// nil when the record is damaged; `.some(nil)` when the text is absent.
    mutating func optionalText() -> String?? {
        guard let present = flag() else { return nil }
        guard present else { return .some(nil) }
        return text().map { .some($0) }
    }
}
