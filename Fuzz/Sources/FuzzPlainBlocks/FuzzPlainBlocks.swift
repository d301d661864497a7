import FuzzSupport

@testable import DocketCore

/// The plain-Markdown reader against cmark, on the contract `PlainBlocksTests` holds it to: it either reads
/// exactly the blocks cmark reads (kinds, lines, columns, text and HTML) or declines, and the text goes to
/// cmark. Its line events exist exactly when its blocks do.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let text = fuzzText(data, size) else { return 0 }
    let plain = PlainBlocks.blocks(text)
    let events = PlainBlocks.events(text)
    if (plain == nil) != (events == nil) {
        divergence(
            "PlainBlocks gave blocks without events or events without blocks", input: text, plain as Any,
            events as Any)
    }
    let cmark = Markdown.cmarkBlocks(text)
    if let plain, plain != cmark {
        divergence("PlainBlocks and cmark read different blocks", input: text, plain, cmark)
    }
    _ = Markdown.html(text)
    return 0
}
