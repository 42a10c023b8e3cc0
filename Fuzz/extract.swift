@testable import BriefingCore
import Foundation

/// The extractor over the text's lines as paragraphs (as for a plain-text seed), then the
/// merge that gives claims their ids: spans must lie inside their paragraph, ids must be
/// valid and unique.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExtract(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let text = FuzzInput.text(data, size),
          let (title, paragraphs) = try? PlainTextSeed.parse("Title\n" + text, file: "seeds/fuzz.txt")
    else { return 0 }
    let blocks = paragraphs.enumerated().map { TextBlock(index: $0.offset, text: $0.element.text, line: $0.element.line) }
    let extraction = ClaimExtractor().extract(blocks)
    for claim in extraction.claims {
        let span = claim.span
        precondition(span.block >= 0 && span.block < blocks.count, "claim in no paragraph")
        let length = blocks[span.block].text.utf8.count
        precondition(0 <= span.start && span.start <= span.end && span.end <= length, "span \(span) outside its paragraph of \(length) bytes")
    }
    let article = Article(
        slug: "fuzz", file: "seeds/fuzz.txt", format: .plainText, title: title, date: nil, author: nil, publication: nil,
        url: nil, tags: [], markdown: "", markdownLineOffset: 0, blocks: blocks, sidecar: nil, isDraft: false)
    let (merged, _) = ClaimMerger(article: article).merge(extraction)
    var ids: Set<String> = []
    for claim in merged.claims {
        precondition(Slugger.isValidID(claim.id), "invalid claim id \(claim.id)")
        precondition(ids.insert(claim.id).inserted, "duplicate claim id \(claim.id)")
    }
    return 0
}
