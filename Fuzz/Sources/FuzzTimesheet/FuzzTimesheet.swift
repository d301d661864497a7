import FuzzSupport

@testable import DocketCore

/// The days of a timesheet, as `PlainBlocksTests` compares them.
func dump(_ sheet: Timesheet) -> [String] {
    sheet.days.map { "\($0.date) \($0.line) \($0.entries) \($0.notesHTML)" }
}

/// A timesheet (front matter, day headings, entries of every kind, details, notes, look-alike lines,
/// overlaps), read both ways: line by line (`PlainBlocks.events`) and by cmark's blocks. Both must give the
/// same days and the same messages.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let text = fuzzText(data, size) else { return 0 }
    let file = SourceFile(path: "content/clients/acme/timesheets/2026-11.md", text: text)
    let month = YearMonth(iso: "2026-11")!
    var byLinesDiagnostics = Diagnostics()
    var byBlocksDiagnostics = Diagnostics()
    let byLines = TimesheetParser.parse(
        file, month: month, currency: .gbp, diagnostics: &byLinesDiagnostics, plain: true)
    let byBlocks = TimesheetParser.parse(
        file, month: month, currency: .gbp, diagnostics: &byBlocksDiagnostics, plain: false)
    if dump(byLines) != dump(byBlocks) {
        divergence("a timesheet's days read by lines and by blocks", input: text, dump(byLines), dump(byBlocks))
    }
    if byLinesDiagnostics.all != byBlocksDiagnostics.all {
        divergence(
            "a timesheet's messages read by lines and by blocks", input: text, byLinesDiagnostics.all,
            byBlocksDiagnostics.all)
    }
    return 0
}
