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

    /// `"key": [elements]`. Elements are taken a batch at a time; a batch's digests
    /// (incremental builds) and encodings are computed in parallel, then laid down in
    /// order: the same bytes as one element after the other.
    mutating func member<Elements: Sequence>(_ key: String, elements: Elements) throws where Elements.Element: Encodable & Sendable {
        startMember(key)
        var count = 0
        var iterator = elements.makeIterator()
        while true {
            var batch: [Elements.Element] = []
            batch.reserveCapacity(Self.batchSize)
            while batch.count < Self.batchSize, let element = iterator.next() { batch.append(element) }
            if batch.isEmpty { break }
            let digests = entries.map { _ in ConcurrentMap.map(batch) { Self.digest(of: $0, in: key) } }
            // Unchanged since the previous build: copied from its file, not encoded.
            let reused = digests.map { digests in digests.map { entries?.hasPrevious($0) ?? false } } ?? []
            let encoded = try encode(batch, skipping: reused)
            for index in batch.indices {
                buffer.append(count == 0 ? UInt8(ascii: "[") : UInt8(ascii: ","))
                count += 1
                JSONLayout.newline(depth: 2, to: &buffer)
                let start = flushed + buffer.count
                if let digests, reused[index], let bytes = entries?.previousBytes(digests[index]) {
                    buffer.append(contentsOf: bytes)
                } else if reused.isEmpty || !reused[index] {
                    buffer += encoded[index]
                } else {
                    // In the previous file's index but not readable from it: encoded after all.
                    buffer += try Self.laidOut(batch[index], depth: 2, with: encoder)
                }
                if let digests {
                    entries?.record(JSONEntryLocation(digest: digests[index], offset: start, length: flushed + buffer.count - start))
                }
                try flushIfFull()
            }
        }
        if count == 0 {
            buffer += [UInt8(ascii: "["), UInt8(ascii: "]")]
        } else {
            JSONLayout.newline(depth: 1, to: &buffer)
            buffer.append(UInt8(ascii: "]"))
        }
    }

    /// Elements encoded together, then spread over the cores.
    static let batchSize = 512
    /// Elements one encoder takes in a row.
    private static let chunkSize = 32

    /// Each element laid out at depth 2 (empty where `skipping` is true), in parallel:
    /// one encoder per chunk of elements, as `JSONEncoder` is a class.
    private func encode<Element: Encodable & Sendable>(_ batch: [Element], skipping: [Bool]) throws -> [[UInt8]] {
        let formatting = encoder.outputFormatting
        let chunks = stride(from: 0, to: batch.count, by: Self.chunkSize).map { $0..<min($0 + Self.chunkSize, batch.count) }
        let results = ConcurrentMap.map(chunks) { chunk -> Result<[[UInt8]], Error> in
            let encoder = JSONEncoder()
            encoder.outputFormatting = formatting
            return Result {
                try chunk.map { index in
                    guard !(index < skipping.count && skipping[index]) else { return [] }
                    return try Self.laidOut(batch[index], depth: 2, with: encoder)
                }
            }
        }
        return try results.flatMap { try $0.get() }
    }

    /// `value` encoded and laid out as it sits at `depth` in the document.
    private static func laidOut(_ value: some Encodable, depth: Int, with encoder: JSONEncoder) throws -> [UInt8] {
        var bytes: [UInt8] = []
        JSONLayout.append(try encoder.encode(value), depth: depth, to: &bytes)
        return bytes
    }

    /// What identifies an element of the array `key` in the entry cache.
    private static func digest(of element: some Encodable, in key: String) -> StableDigest {
        var digest = StableDigest.of(key)
        digest.combine(EncodableDigest.of(element))
        return digest
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

    private mutating func flushIfFull() throws {
        guard buffer.count >= chunkSize else { return }
        try sink(buffer)
        flushed += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }
}
