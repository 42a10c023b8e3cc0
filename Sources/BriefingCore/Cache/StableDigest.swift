/// A 64-bit FNV-1a digest: stable across runs and machines (unlike `Hasher`), for
/// telling whether a file, a template or a setting changed since the last build.
/// Not for security.
struct StableDigest: Hashable, Sendable, Codable, CustomStringConvertible {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    init() {}

    init(value: UInt64) {
        self.value = value
    }

    mutating func combine<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
        // A separator, so ("ab", "c") and ("a", "bc") differ.
        value ^= 0xFF
        value = value &* 0x0000_0100_0000_01B3
    }

    mutating func combine(_ text: String) {
        // A native string's bytes at once: several times faster than through its view.
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { combine(bytes: $0) }
        if done == nil { combine(bytes: text.utf8) }
    }

    mutating func combine(_ other: StableDigest) {
        withUnsafeBytes(of: other.value.littleEndian) { combine(bytes: $0) }
    }

    mutating func combine(_ number: Int) {
        withUnsafeBytes(of: Int64(number).littleEndian) { combine(bytes: $0) }
    }

    mutating func combine(_ flag: Bool) { combine(flag ? 1 : 0) }

    /// Absent and empty differ.
    mutating func combine(_ text: String?) {
        combine(text != nil)
        if let text { combine(text) }
    }

    mutating func combine(_ number: Int?) {
        combine(number != nil)
        if let number { combine(number) }
    }

    /// By its numbers (formatting it as text would cost more than all the rest).
    mutating func combine(_ date: ArticleDate?) {
        combine(date != nil)
        if let date { combine(date.year * 10_000 + date.month * 100 + date.day) }
    }

    static func of(_ parts: String...) -> StableDigest {
        var digest = StableDigest()
        for part in parts { digest.combine(part) }
        return digest
    }

    var description: String { String(value, radix: 16) }
}
