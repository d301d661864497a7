import Foundation
import Testing

@testable import DocketCore

/// Front-matter fields changed in place: only the value or line asked for, every other byte as written.
@Suite("Front matter edited in place")
struct FrontMatterEditTests {
    func edited(_ text: String, _ change: (inout FrontMatterEdit) throws -> Void) throws -> String {
        var edit = FrontMatterEdit(Data(text.utf8))
        try change(&edit)
        return String(decoding: edit.data, as: UTF8.self)
    }

    @Test("a value is replaced inside its quotes, before its comment, with Windows line endings kept")
    func replaceValue() throws {
        let text =
            "---\r\nstatus: 'draft'   # flip when sent\r\nissued: \"2026-12-01\"\r\nnumber: A-1\r\n---\r\nbody\r\n"
        let result = try edited(text) {
            try $0.replaceValue(of: "status", with: "sent")
            try $0.replaceValue(of: "issued", with: "2026-12-03")
            try $0.replaceValue(of: "number", with: "A-2")
        }
        #expect(
            result
                == "---\r\nstatus: 'sent'   # flip when sent\r\nissued: \"2026-12-03\"\r\nnumber: A-2\r\n---\r\nbody\r\n"
        )
    }

    @Test("a new line goes after its anchor and ends as the anchor's line does; an existing one is replaced whole")
    func setLine() throws {
        let crlf = "---\r\nstatus: sent\r\nnumber: A-1\r\n---\r\n"
        #expect(
            try edited(crlf) { try $0.setLine(of: "total", to: "total: 1.00", after: "status") }
                == "---\r\nstatus: sent\r\ntotal: 1.00\r\nnumber: A-1\r\n---\r\n")
        let existing = "---\ntotal: 5 # old\nstatus: sent\n---\n"
        #expect(
            try edited(existing) { try $0.setLine(of: "total", to: "total: 6.00  # new", after: "status") }
                == "---\ntotal: 6.00  # new\nstatus: sent\n---\n")
        // No anchor: after the last line of the front matter, never in the body.
        let noAnchor = "---\nnumber: 1\n---\nstatus: draft\n"
        #expect(
            try edited(noAnchor) { try $0.setLine(of: "status", to: "status: sent", after: "period") }
                == "---\nnumber: 1\nstatus: sent\n---\nstatus: draft\n")
    }

    @Test("a byte-order mark and a closing `...` line are kept")
    func markAndDots() throws {
        #expect(
            try edited("\u{FEFF}---\nstatus: draft\n...\n") { try $0.replaceValue(of: "status", with: "sent") }
                == "\u{FEFF}---\nstatus: sent\n...\n")
    }

    @Test("only top-level fields with exactly that name are found; `key :` counts")
    func findsFields() throws {
        let edit = FrontMatterEdit(
            Data("---\nstatusx: 1\nretainer:\n  status: x\nperiod : 2026-11\n---\nstatus: no\n".utf8))
        #expect(try !edit.has("status"))
        #expect(try edit.has("period"))
        #expect(try edit.has("statusx"))
    }

    @Test(
        "a field not written on one line, or a file without front matter, is refused",
        arguments: [
            ("---\nstatus: >-\n  draft\n---\n", FrontMatterEdit.Failure.notOnOneLine("status")),
            ("---\nstatus:\n---\n", .notOnOneLine("status")),
            ("---\nstatus: \"draft\n---\n", .notOnOneLine("status")),
            ("---\nstatus: [draft]\n---\n", .notOnOneLine("status")),
            ("---\nnumber: 1\n", .noFrontMatter),
            ("number: 1\n---\n", .noFrontMatter),
            ("---\nnumber: 1\n---\n", .notOnOneLine("status")),
        ])
    func refused(text: String, failure: FrontMatterEdit.Failure) {
        var edit = FrontMatterEdit(Data(text.utf8))
        #expect(throws: failure) { try edit.replaceValue(of: "status", with: "sent") }
        #expect(edit.data == Data(text.utf8))
    }
}
