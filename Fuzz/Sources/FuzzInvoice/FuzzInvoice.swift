import FuzzSupport

@testable import DocketCore

/// An invoice record: number, dates, status, payments, sealed total, extra lines.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let text = fuzzText(data, size) else { return 0 }
    var diagnostics = Diagnostics()
    let file = SourceFile(path: "content/clients/acme/invoices/INV-0001.md", text: text)
    _ = InvoiceRecord.parse(file, currency: .gbp, diagnostics: &diagnostics)
    return 0
}
