/// A digest of everything an `Encodable` value encodes: keys, values and the shape that
/// holds them, in encoding order (each key and element with its depth of nesting, so
/// where a container ends is plain). Two values with the same digest encode to the same
/// JSON; a field added to an entry is covered without anyone listing it here.
///
/// Much cheaper than encoding: nothing is allocated per value but the containers.
enum EncodableDigest {
    static func of(_ value: some Encodable) -> StableDigest {
        let state = DigestState()
        // `DigestingEncoder` throws nothing; a value whose `encode` throws gets a digest
        // of its own that matches no previous one.
        do {
            try value.encode(to: DigestingEncoder(state: state, depth: 0))
        } catch {
            state.digest.combine("error \(error)")
            state.digest.combine(Int.random(in: .min ... .max))
        }
        return state.digest
    }
}

/// The digest being built, shared by the encoder and its containers.
private final class DigestState {
    var digest = StableDigest()
}

private struct DigestingEncoder: Encoder {
    let state: DigestState
    let depth: Int
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        state.digest.combine("{")
        return KeyedEncodingContainer(KeyedDigestContainer(state: state, depth: depth))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        state.digest.combine("[")
        return UnkeyedDigestContainer(state: state, depth: depth)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueDigestContainer(state: state, depth: depth)
    }
}

/// Values as the containers see them: each with a tag of its kind, so `1`, `"1"` and
/// `true` differ.
private protocol DigestContainer {
    var state: DigestState { get }
    /// Containers around this one.
    var depth: Int { get }
}

extension DigestContainer {
    func combineNil() { state.digest.combine("n") }
    func combine(_ value: Bool) { state.digest.combine(value ? "t" : "f") }
    func combine(_ value: String) {
        state.digest.combine("s")
        state.digest.combine(value)
    }
    /// Every integer by its text: JSON has one kind of number.
    func combine(integer value: some BinaryInteger) {
        state.digest.combine("i")
        state.digest.combine(String(value))
    }
    func combine(floating value: some BinaryFloatingPoint & LosslessStringConvertible) {
        state.digest.combine("d")
        state.digest.combine(value.description)
    }
    func combine(_ value: some Encodable) throws {
        try value.encode(to: nested)
    }
    /// The encoder of a value inside this container.
    var nested: DigestingEncoder { DigestingEncoder(state: state, depth: depth + 1) }
}

private struct KeyedDigestContainer<Key: CodingKey>: KeyedEncodingContainerProtocol, DigestContainer {
    let state: DigestState
    let depth: Int
    var codingPath: [any CodingKey] = []

    private func key(_ key: Key) {
        state.digest.combine(depth)
        state.digest.combine(key.stringValue)
    }

    mutating func encodeNil(forKey key: Key) throws { self.key(key); combineNil() }
    mutating func encode(_ value: Bool, forKey key: Key) throws { self.key(key); combine(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { self.key(key); combine(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { self.key(key); combine(floating: value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { self.key(key); combine(floating: value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { self.key(key); combine(integer: value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { self.key(key); combine(integer: value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { self.key(key); combine(integer: value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { self.key(key); combine(integer: value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { self.key(key); combine(integer: value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { self.key(key); combine(integer: value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { self.key(key); combine(integer: value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { self.key(key); combine(integer: value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { self.key(key); combine(integer: value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { self.key(key); combine(integer: value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { self.key(key); try combine(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        self.key(key)
        return nested.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        self.key(key)
        return nested.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { nested }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        self.key(key)
        return nested
    }
}

private struct UnkeyedDigestContainer: UnkeyedEncodingContainer, DigestContainer {
    let state: DigestState
    let depth: Int
    var codingPath: [any CodingKey] = []
    private(set) var count = 0

    init(state: DigestState, depth: Int) {
        self.state = state
        self.depth = depth
    }

    private mutating func element() {
        count += 1
        state.digest.combine(depth)
        state.digest.combine(count)
    }

    mutating func encodeNil() throws { element(); combineNil() }
    mutating func encode(_ value: Bool) throws { element(); combine(value) }
    mutating func encode(_ value: String) throws { element(); combine(value) }
    mutating func encode(_ value: Double) throws { element(); combine(floating: value) }
    mutating func encode(_ value: Float) throws { element(); combine(floating: value) }
    mutating func encode(_ value: Int) throws { element(); combine(integer: value) }
    mutating func encode(_ value: Int8) throws { element(); combine(integer: value) }
    mutating func encode(_ value: Int16) throws { element(); combine(integer: value) }
    mutating func encode(_ value: Int32) throws { element(); combine(integer: value) }
    mutating func encode(_ value: Int64) throws { element(); combine(integer: value) }
    mutating func encode(_ value: UInt) throws { element(); combine(integer: value) }
    mutating func encode(_ value: UInt8) throws { element(); combine(integer: value) }
    mutating func encode(_ value: UInt16) throws { element(); combine(integer: value) }
    mutating func encode(_ value: UInt32) throws { element(); combine(integer: value) }
    mutating func encode(_ value: UInt64) throws { element(); combine(integer: value) }
    mutating func encode<T: Encodable>(_ value: T) throws { element(); try combine(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        element()
        return nested.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        element()
        return nested.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        element()
        return nested
    }
}

private struct SingleValueDigestContainer: SingleValueEncodingContainer, DigestContainer {
    let state: DigestState
    let depth: Int
    var codingPath: [any CodingKey] = []

    mutating func encodeNil() throws { combineNil() }
    mutating func encode(_ value: Bool) throws { combine(value) }
    mutating func encode(_ value: String) throws { combine(value) }
    mutating func encode(_ value: Double) throws { combine(floating: value) }
    mutating func encode(_ value: Float) throws { combine(floating: value) }
    mutating func encode(_ value: Int) throws { combine(integer: value) }
    mutating func encode(_ value: Int8) throws { combine(integer: value) }
    mutating func encode(_ value: Int16) throws { combine(integer: value) }
    mutating func encode(_ value: Int32) throws { combine(integer: value) }
    mutating func encode(_ value: Int64) throws { combine(integer: value) }
    mutating func encode(_ value: UInt) throws { combine(integer: value) }
    mutating func encode(_ value: UInt8) throws { combine(integer: value) }
    mutating func encode(_ value: UInt16) throws { combine(integer: value) }
    mutating func encode(_ value: UInt32) throws { combine(integer: value) }
    mutating func encode(_ value: UInt64) throws { combine(integer: value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try combine(value) }
}
