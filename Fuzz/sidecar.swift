@testable import BriefingCore
import Foundation

/// A sidecar: YAML composed, decoded into its typed entries, every value checked.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSidecar(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let text = FuzzInput.text(data, size) else { return 0 }
    FuzzInput.expectDiagnostic {
        let (sidecar, warnings) = try Sidecar.parse(text, file: "seeds/fuzz.claims.yml")
        for warning in warnings { precondition(warning.location != nil, "warning without a location") }
        for source in sidecar.sources { precondition(Slugger.isValidID(source.id), "invalid source id accepted: \(source.id)") }
        for claim in sidecar.claims {
            if let id = claim.id { precondition(Slugger.isValidID(id), "invalid claim id accepted: \(id)") }
            if let evidence = claim.evidence { precondition(URLPolicy.isSafeExternal(evidence), "unsafe evidence accepted") }
        }
    }
    return 0
}
