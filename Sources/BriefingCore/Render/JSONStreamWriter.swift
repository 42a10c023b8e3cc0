import Foundation

/// Writes a JSON object member by member, laid out as `JSONLayout.pretty` lays out the
/// whole, and hands the bytes on in chunks: a large document (`briefing.json`) is never
/// held whole, encoded or laid out.
///
/// Each value and each array element is encoded on its own with `encoder`; the result is
/// byte for byte the layout of the whole object's encoding as long as the members come
/// in the encoder's key order (`.sortedKeys`: the caller's job).
///
/// With `entries`, an array element unchanged since the previous build is copied from
/// the previous file (`JSONEntryCache`) rather than encoded, and where each element
/// lands is recorded for the next build.
struct JSONStreamWriter {
    private let chunkSize: Int
    private let encoder: JSONEncoder
    private let entries: JSONEntryCache?
    private let sink: ([UInt8]) throws -> Void
    private var buffer: [UInt8] = [UInt8(ascii: "{")]
    /// Bytes handed to `sink` so far: `flushed + buffer.count` is the offset in the file.
    private var flushed = 0
    private var memberCount = 0

    /// Starts the object.
    /// - Parameter chunkSize: bytes gathered before they are handed on (a chunk can be
    ///   larger by one value).
    /// - Parameter sink: receives the bytes, in order, in chunks.
    init(encoder: JSONEncoder, chunkSize: Int = 1 << 20, entries: JSONEntryCache? = nil, sink: @escaping ([UInt8]) throws -> Void) {
        self.encoder = encoder
        self.chunkSize = chunkSize
        self.entries = entries
        entries?.beginWriting()
        self.sink = sink
        buffer.reserveCapacity(chunkSize + chunkSize / 4)
    }

    /// `"key": value`.
    mutating func member(_ key: String, _ value: some Encodable) throws {
        startMember(key)
        try append(value, depth: 1)
    }

    /// `"key": [elements]`, one element encoded at a time.
    mutating func member<Elements: Sequence>(_ key: String, elements: Elements) throws where Elements.Element: Encodable {
        startMember(key)
        var isFirst = true
        for element in elements {
            buffer.append(isFirst ? UInt8(ascii: "[") : UInt8(ascii: ","))
            isFirst = false
            JSONLayout.newline(depth: 2, to: &buffer)
            if let entries {
                try appendEntry(element, of: key, entries)
            } else {
                try append(element, depth: 2)
            }
        }
        if isFirst {
            buffer += [UInt8(ascii: "["), UInt8(ascii: "]")]
        } else {
            JSONLayout.newline(depth: 1, to: &buffer)
            buffer.append(UInt8(ascii: "]"))
        }
    }

    /// Closes the object (an empty one is `{}`), ends the text with a newline and hands
    /// on what is left.
    mutating func finish() throws {
        if memberCount > 0 { JSONLayout.newline(depth: 0, to: &buffer) }
        buffer += [UInt8(ascii: "}"), 0x0A]
        try sink(buffer)
        buffer.removeAll()
    }

    private mutating func startMember(_ key: String) {
        if memberCount > 0 { buffer.append(UInt8(ascii: ",")) }
        memberCount += 1
        JSONLayout.newline(depth: 1, to: &buffer)
        buffer += Array("\"\(key)\": ".utf8)
    }

    private mutating func append(_ value: some Encodable, depth: Int) throws {
        JSONLayout.append(try encoder.encode(value), depth: depth, to: &buffer)
        try flushIfFull()
    }

    /// An element of the array `key`, copied from the previous file when it holds it.
    private mutating func appendEntry(_ element: some Encodable, of key: String, _ entries: JSONEntryCache) throws {
        var digest = StableDigest.of(key)
        digest.combine(EncodableDigest.of(element))
        let start = flushed + buffer.count
        if let bytes = entries.previousBytes(digest) {
            buffer.append(contentsOf: bytes)
            try flushIfFull()
        } else {
            try append(element, depth: 2)
        }
        entries.record(JSONEntryLocation(digest: digest, offset: start, length: flushed + buffer.count - start))
    }

    private mutating func flushIfFull() throws {
        guard buffer.count >= chunkSize else { return }
        try sink(buffer)
        flushed += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }
}
