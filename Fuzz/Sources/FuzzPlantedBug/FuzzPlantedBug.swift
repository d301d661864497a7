import FuzzSupport

@testable import DocketCore

/// The fuzzing gate's own check: the timesheet target with a bug planted on purpose, so that
/// `scripts/fuzz --self-test` can show libFuzzer and AddressSanitizer find it and the script fail. It lives
/// only in this fuzz package, which the root's build never sees.
///
/// The bug: each entry's description is copied into a 40-byte buffer with no bounds check, a heap overflow
/// for any description longer than that.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let text = fuzzText(data, size) else { return 0 }
    var diagnostics = Diagnostics()
    let sheet = TimesheetParser.parse(
        SourceFile(path: "content/clients/acme/timesheets/2026-11.md", text: text), month: YearMonth(iso: "2026-11")!,
        currency: .gbp, diagnostics: &diagnostics)
    let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 40)
    defer { buffer.deallocate() }
    for entry in sheet.days.flatMap(\.entries) {
        for (offset, byte) in entry.description.utf8.enumerated() { (buffer + offset).pointee = byte }
    }
    return 0
}
