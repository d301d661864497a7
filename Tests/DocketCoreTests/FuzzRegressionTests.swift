import Foundation
import Testing

@testable import DocketCore

/// Inputs the fuzzers of `Fuzz/` found (scripts/fuzz, docs/testing.md), kept so that each bug stays fixed.
@Suite("Found by fuzzing")
struct FuzzRegressionTests {
    /// The crashing input, as libFuzzer saved it (base64): a day heading, then an entry line with a lone
    /// carriage return followed by U+0746, a combining mark.
    static let crLineBeforeCombiningMark = "IyMgMjAyNi0xMS0wMgkAAAotIDFoMHIfHx8fHx8fHx8fHx8fHw3dhmxpbGUfHx8fCR8fHw=="

    @Test("a lone carriage return before a combining mark is a line ending, as cmark counts it: no crash")
    func carriageReturnBeforeCombiningMark() throws {
        let data = try #require(Data(base64Encoded: Self.crLineBeforeCombiningMark))
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.utf8.contains(0x0D))
        let file = SourceFile(path: "content/clients/acme/timesheets/2026-11.md", text: text)
        // Three lines, as cmark sees them: the heading, the entry up to the carriage return, and the rest.
        #expect(file.lines.count == 3)
        #expect(!file.text.utf8.contains(0x0D))
        // Read both ways (line by line, and by cmark's blocks): the same days and messages, and no crash.
        var byLines = Diagnostics()
        var byBlocks = Diagnostics()
        let month = YearMonth(iso: "2026-11")!
        let plain = TimesheetParser.parse(file, month: month, currency: .gbp, diagnostics: &byLines, plain: true)
        let blocks = TimesheetParser.parse(file, month: month, currency: .gbp, diagnostics: &byBlocks, plain: false)
        #expect(plain.days.map(\.date) == blocks.days.map(\.date))
        #expect(byLines.all == byBlocks.all)
    }

    @Test("line endings are made \\n byte by byte: CRLF, a lone CR, and a CR before a combining mark")
    func lineEndingsByteByByte() {
        let file = SourceFile(path: "a.md", text: "\u{FEFF}one\r\ntwo\rthree\r\u{0746}four\n")
        #expect(file.text == "one\ntwo\nthree\n\u{0746}four\n")
        #expect(file.lines == ["one", "two", "three", "\u{0746}four", ""])
    }
}
