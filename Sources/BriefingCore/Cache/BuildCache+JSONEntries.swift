import Foundation

/// Where the last build's `briefing.json` holds each entry (`JSONEntryCache`), in
/// `.briefing-cache/briefing-json.index`:
///
///     briefing-json-index <format version> <device> <inode> <size> <mtime s> <mtime ns>
///     <digest, offset, length as three little-endian UInt64s>…  (binary, to the end)
///
/// Anything else (another version, a damaged file) reads as no index: every entry is
/// encoded.
extension BuildCache {
    private var jsonIndexURL: URL { folder.appendingPathComponent("briefing-json.index") }
    private static var jsonIndexHeader: String { "briefing-json-index \(formatVersion)" }
    private static let recordSize = 24

    func saveJSONIndex(_ locations: [JSONEntryLocation], of file: FileIdentity) {
        var bytes = Array("\(Self.jsonIndexHeader) \(file.device) \(file.inode) \(file.size) \(file.modifiedSeconds) \(file.modifiedNanoseconds)\n".utf8)
        bytes.reserveCapacity(bytes.count + locations.count * Self.recordSize)
        for location in locations {
            for value in [location.digest.value, UInt64(location.offset), UInt64(location.length)] {
                withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
            }
        }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? Data(bytes).write(to: jsonIndexURL, options: .atomic)
    }

    func loadJSONIndex() -> (file: FileIdentity, locations: [JSONEntryLocation])? {
        guard let data = try? Data(contentsOf: jsonIndexURL), let newline = data.firstIndex(of: 0x0A) else { return nil }
        let fields = String(decoding: data[..<newline], as: UTF8.self).split(separator: " ").map(String.init)
        let headerFields = Self.jsonIndexHeader.split(separator: " ").count
        guard fields.count == headerFields + 5, fields.prefix(headerFields).joined(separator: " ") == Self.jsonIndexHeader,
              let device = UInt64(fields[headerFields]), let inode = UInt64(fields[headerFields + 1]),
              let size = Int64(fields[headerFields + 2]), let seconds = Int64(fields[headerFields + 3]),
              let nanoseconds = Int64(fields[headerFields + 4])
        else { return nil }
        let records = data[(newline + 1)...]
        guard records.count % Self.recordSize == 0 else { return nil }
        let locations = records.withUnsafeBytes { buffer -> [JSONEntryLocation] in
            stride(from: 0, to: buffer.count, by: Self.recordSize).map { start in
                func value(_ field: Int) -> UInt64 {
                    UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: start + field * 8, as: UInt64.self))
                }
                return JSONEntryLocation(digest: StableDigest(value: value(0)), offset: Int(truncatingIfNeeded: value(1)),
                                         length: Int(truncatingIfNeeded: value(2)))
            }
        }
        let file = FileIdentity(device: device, inode: inode, size: size, modifiedSeconds: seconds, modifiedNanoseconds: nanoseconds)
        return (file, locations)
    }

    func removeJSONIndex() {
        try? FileManager.default.removeItem(at: jsonIndexURL)
    }
}
