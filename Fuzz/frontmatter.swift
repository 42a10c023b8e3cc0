@testable import BriefingCore
import Foundation

/// A Markdown seed's front matter: split, composed by Yams, decoded into types, checked.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let text = FuzzInput.text(data, size) else { return 0 }
    // Both as a whole seed and as the YAML alone (most inputs lack the `---` lines).
    FuzzInput.expectDiagnostic {
        if let (yaml, _, offset) = try FrontMatter.split(text, file: "seeds/fuzz.md") {
            precondition(offset >= 2, "front matter offset \(offset)")
            _ = try FrontMatter.parse(yaml, file: "seeds/fuzz.md")
        }
    }
    FuzzInput.expectDiagnostic { _ = try FrontMatter.parse(text, file: "seeds/fuzz.md") }
    FuzzInput.expectDiagnostic { _ = try SiteConfig.parse(text, file: "briefing.yml") }
    _ = ArticleDate(text)
    return 0
}
