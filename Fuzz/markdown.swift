@testable import BriefingCore
import Foundation

/// cmark over the text, the paragraphs' plain text, claim links wrapped around spans the
/// input chooses (its first bytes), and the HTML: no crash, and no unbalanced links.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    guard bytes.count >= 8, let text = try? TextDecoding.decode(bytes.dropFirst(8), file: "seeds/fuzz.md") else { return 0 }
    let document = MarkdownDocument(markdown: text)
    let blocks = document.blockTexts()
    guard !blocks.isEmpty else { _ = document.html(); return 0 }
    // Up to four spans from the first eight bytes, made non-overlapping as the renderer does.
    var anchors: [(span: TextSpan, anchor: ClaimAnchor)] = []
    var coveredEnd: [Int: Int] = [:]
    let header = Array(bytes.prefix(8))
    let spans = stride(from: 0, to: 8, by: 2).map { index -> TextSpan in
        let block = Int(header[index]) % blocks.count
        let length = blocks[block].text.utf8.count
        let start = length == 0 ? 0 : Int(header[index]) * 7 % (length + 1)
        let end = min(length, start + Int(header[index + 1]))
        return TextSpan(block: block, start: start, end: end)
    }.sorted()
    for (number, original) in spans.enumerated() {
        var span = original
        span.start = max(span.start, coveredEnd[span.block] ?? 0)
        span.end = max(span.start, span.end)
        coveredEnd[span.block] = span.end
        anchors.append((span, ClaimAnchor(claimID: "c\(number)", href: "../claims/c\(number).html", label: "Claim \(number)")))
    }
    document.wrap(anchors)
    let html = document.html()
    let opened = html.components(separatedBy: "<a class=\"claim\"").count - 1
    precondition(opened <= html.components(separatedBy: "</a>").count - 1, "a claim link is not closed")
    for number in 0..<anchors.count {
        precondition(html.components(separatedBy: "id=\"claim-c\(number)\"").count - 1 <= 1, "claim anchor id twice")
    }
    return 0
}
