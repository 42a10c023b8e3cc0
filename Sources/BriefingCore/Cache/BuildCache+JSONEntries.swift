import Foundation

/// Where the last build's `briefing.json` holds each entry (`JSONEntryCache`), in
/// `.briefing-cache/briefing-json.index`, as `BinaryRecords`: a header, the file's identity
/// (device, inode, size, modification time), the number of entries, then each entry's
/// digest, offset and length.
///
/// Anything else (another version, a damaged file) reads as no index: every entry is
/// encoded.
extension BuildCache {
    private var jsonIndexURL: URL { folder.appendingPathComponent("briefing-json.index") }
    private static var jsonIndexHeader: String { "briefing-json-index \(formatVersion)" }

    func saveJSONIndex(_ locations: [JSONEntryLocation], of file: FileIdentity) {
        var writer = BinaryWriter()
        writer.text(Self.jsonIndexHeader)
        for value in [file.device, file.inode] { writer.number(value) }
        for value in [file.size, file.modifiedSeconds, file.modifiedNanoseconds] { writer.number(Int(value)) }
        writer.number(locations.count)
        for location in locations {
            writer.number(location.digest.value)
            writer.number(location.offset)
            writer.number(location.length)
        }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? Data(writer.bytes).write(to: jsonIndexURL, options: .atomic)
    }

    func loadJSONIndex() -> (file: FileIdentity, locations: [JSONEntryLocation])? {
        guard let data = try? Data(contentsOf: jsonIndexURL) else { return nil }
        var reader = BinaryReader([UInt8](data))
        guard reader.text() == Self.jsonIndexHeader,
              let device = reader.number(), let inode = reader.number(), let size = reader.integer(),
              let seconds = reader.integer(), let nanoseconds = reader.integer(), let count = reader.integer(), count >= 0
        else { return nil }
        var locations: [JSONEntryLocation] = []
        locations.reserveCapacity(min(count, 1 << 24))
        for _ in 0..<count {
            guard let digest = reader.number(), let offset = reader.integer(), let length = reader.integer() else { return nil }
            locations.append(JSONEntryLocation(digest: StableDigest(value: digest), offset: offset, length: length))
        }
        guard reader.isAtEnd else { return nil }
        let file = FileIdentity(device: device, inode: inode, size: Int64(size), modifiedSeconds: Int64(seconds), modifiedNanoseconds: Int64(nanoseconds))
        return (file, locations)
    }

    func removeJSONIndex() {
        try? FileManager.default.removeItem(at: jsonIndexURL)
    }
}
