@testable import BriefingCore
import Foundation

/// TextDecoding, then the two seed formats' first steps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDecode(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzInput.expectDiagnostic {
        let text = try TextDecoding.decode(FuzzInput.bytes(data, size), file: "seeds/fuzz.txt")
        precondition(!text.utf8.contains(0) && !text.utf8.contains(0x0D), "NUL or CR left in decoded text")
        precondition(!text.hasPrefix("\u{FEFF}") || FuzzInput.bytes(data, size).starts(with: [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF]),
                     "BOM left in decoded text")
        FuzzInput.expectDiagnostic { _ = try FrontMatter.split(text, file: "seeds/fuzz.md") }
        FuzzInput.expectDiagnostic {
            let (_, paragraphs) = try PlainTextSeed.parse(text, file: "seeds/fuzz.txt")
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
            for paragraph in paragraphs { precondition((1...lines).contains(paragraph.line), "line out of range") }
        }
    }
    return 0
}
