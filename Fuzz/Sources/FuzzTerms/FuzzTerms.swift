import FuzzSupport

@testable import DocketCore

/// A terms version: its fields, billing figures, placeholders in its body, and its fingerprint.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let text = fuzzText(data, size) else { return 0 }
    var diagnostics = Diagnostics()
    let file = SourceFile(path: "content/clients/acme/terms/1.md", text: text)
    _ = Terms.parse(file, currency: .gbp, diagnostics: &diagnostics)
    return 0
}
