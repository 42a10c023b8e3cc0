import Foundation

/// A digest of a template context made of plain values (text, numbers, flags, lists and
/// dictionaries), for the small contexts that are cheaper to build than to mirror: the
/// filter bar of the claim listings, the timeline's date range.
enum ContextDigest {
    /// Any other value (a fragment rendered on demand, say) cannot be digested: it gets a
    /// value new with every build, so a page that holds one is always rendered again.
    private static let opaque = UInt64.random(in: .min ... .max)

    static func of(_ value: Any?) -> StableDigest {
        var digest = StableDigest()
        combine(value, into: &digest)
        return digest
    }

    private static func combine(_ value: Any?, into digest: inout StableDigest) {
        switch value {
        case nil:
            digest.combine("nil")
        case let text as String:
            digest.combine("s")
            digest.combine(text)
        case let flag as Bool:
            digest.combine("b")
            digest.combine(flag)
        case let number as Int:
            digest.combine("i")
            digest.combine(number)
        case let dictionary as [String: Any]:
            digest.combine("d")
            for key in dictionary.keys.sorted() {
                digest.combine(key)
                combine(dictionary[key], into: &digest)
            }
        case let list as [Any]:
            digest.combine("l")
            digest.combine(list.count)
            for element in list { combine(element, into: &digest) }
        default:
            digest.combine("opaque")
            withUnsafeBytes(of: opaque) { digest.combine(bytes: $0) }
        }
    }
}
