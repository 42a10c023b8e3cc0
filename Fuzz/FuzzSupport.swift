@testable import BriefingCore
import Foundation

/// Bytes from libFuzzer as the pipeline would read them from a file.
enum FuzzInput {
    static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Data {
        guard let data, size > 0 else { return Data() }
        return Data(bytes: data, count: size)
    }

    /// The decoded text, or nil when the loader would refuse the bytes (with a diagnostic).
    static func text(_ data: UnsafePointer<UInt8>?, _ size: Int) -> String? {
        try? TextDecoding.decode(bytes(data, size), file: "seeds/fuzz.md")
    }

    /// A thrown error must be a located `Diagnostic`: anything else is a finding.
    static func expectDiagnostic(_ body: () throws -> Void) {
        do {
            try body()
        } catch let diagnostic as Diagnostic {
            guard diagnostic.location != nil, !diagnostic.message.isEmpty else {
                fatalError("diagnostic without a location or message: \(diagnostic)")
            }
        } catch let failure as BuildFailure {
            guard !failure.diagnostics.isEmpty else { fatalError("empty BuildFailure") }
        } catch {
            fatalError("an error that is not a Diagnostic: \(error)")
        }
    }
}
