import Foundation
import Testing

@testable import DocketCore

/// The plain-Markdown reader against cmark: whatever it accepts, it must read into exactly the blocks cmark
/// gives (kinds, lines, columns, text and HTML), since timesheets, task lists and terms are read through it.
@Suite struct PlainBlocksTests {
    /// Whether the plain reader accepted the text; records a difference from cmark as a failure.
    @discardableResult
    func check(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        guard let plain = PlainBlocks.blocks(text) else { return false }
        let cmark = Markdown.cmarkBlocks(text)
        #expect(plain == cmark, "\(text.debugDescription)", sourceLocation: sourceLocation)
        return true
    }

    @Test("the forms timesheets and task lists use are read without cmark, exactly as cmark reads them")
    func accepted() {
        let texts = [
            "",
            "\n\n",
            "# November 2026\n\n## 2026-11-02 Monday\n- 09:00-10:30 Inbox triage #admin\n- 1h15m Newsletter\n",
            "## 2026-11-02\n- 1h Work\n  - sent for approval\n  - \"quoted\" > arrow\n- travel 30m Drive\n\nThe client called.\nTwice.\n\n## 2026-11-03\n- 2h Report",
            "## 2026-11-02\n- 1h Work\n\n- 2h More\n\n\n## 2026-11-03\n- 1h\n\n",
            "Intro.\n- an item straight after a paragraph\n",
            "###### six\n### three\n####### seven is text? no\n",
            "- Brochure\n  - due: 2026-12-01\n  - asked: 2026-11-20 photos\n- Flyer\n",
            "\n\n\n## 2026-11-02\n- expense 12.50 Parking £ ü 中文 #travel\n",
            "A note with \"quotes\" and > and 'apostrophes' and 1) not a list and 2.5h of text.\n",
            "##  2026-11-02   Monday\n- 1h x\n  - y\n\n",
        ]
        var accepted = 0
        for text in texts where check(text) { accepted += 1 }
        // Only the seven-hash heading line is outside the plain form.
        #expect(accepted == texts.count - 1)
    }

    @Test("anything else is left to cmark")
    func declined() {
        for text in [
            "- item\ncontinued", "- item\n  continued", "* star", "+ plus", "1. one", "3) three", "> quote",
            "    code", "```\ncode\n```", "<div>x</div>", "a *b*", "a_b", "[link](x)", "a & b", "a\\b", "`c`",
            "text  \nbreak", "trailing ", "\tTab", "Para\n===", "Para\n---", "---", "- - -", "-", "- ",
            "-  two spaces", "## closed ##", "#no space", " one space", "   - three", "    - four",
            "- a\n\n  - nested after a blank", "Para\n  - nested under a paragraph", "  - nested first",
            "- # heading in an item", "- > quote in an item", "- 1. ordered in an item", "ctrl\u{1}char",
        ] {
            #expect(PlainBlocks.blocks(text) == nil, "\(text.debugDescription)")
            // The text still reads, through cmark: every one of these texts makes at least one block.
            #expect(!Markdown.blocks(text).isEmpty, "\(text.debugDescription)")
        }
    }

    @Test("random texts built from Markdown's awkward pieces: whatever the plain reader accepts, cmark reads the same")
    func randomTexts() {
        var random = SeededGenerator(state: 7)
        func pick(_ choices: [String]) -> String { choices.randomElement(using: &random)! }
        func often(_ usual: [String], _ odd: [String]) -> String {
            Int.random(in: 0..<10, using: &random) < 8 ? pick(usual) : pick(odd)
        }
        let texts = [
            "09:00-10:30 Inbox #admin", "1h Work", "travel 30m Drive", "expense 12.50 Parking", "Café ü",
            "\"q\" > x", "2.5h Notes", "12 items", "a: b", "it's #tag", "~tilde~", "x | y", "a!b", "#5 first",
        ]
        let oddTexts = [
            "a *b*", "a_b_", "[x](y)", "a & b", "<b>", "`c`", "a\\", "x  ", "1. x", "1) x", "# h", "> q",
            "- x", "", " ", "---", "===", "***", "x\ty", "é  ",
        ]
        let headings = ["# ", "## ", "### ", "##  ", "###### "]
        let oddHeadings = ["####### ", "#", "#x", "## ", "  ## ", "## # "]
        var accepted = 0
        for _ in 0..<4_000 {
            var lines: [String] = []
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                switch Int.random(in: 0..<10, using: &random) {
                case 0..<2: lines.append(often(headings, oddHeadings) + often(texts, oddTexts))
                case 2..<5: lines.append(often(["- "], ["-", "-  ", "* ", "+ ", "1. "]) + often(texts, oddTexts))
                case 5..<7:
                    lines.append(often(["  - "], ["   - ", " - ", "    - ", "  ", "  * "]) + often(texts, oddTexts))
                case 7..<9: lines.append(often(texts, oddTexts))
                default: lines.append(pick(["", "", "  "]))
                }
            }
            let text = lines.joined(separator: "\n") + pick(["", "\n", "\n\n"])
            if check(text) { accepted += 1 }
        }
        // Enough of them are accepted for the comparison to mean something.
        #expect(accepted > 400)
    }

    @Test("every timesheet and task list of a generated site is read without cmark, as cmark reads it")
    func demoSite() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("docket-plain-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try DemoGenerator(clients: 8, months: 6, seed: 3, lastMonth: YearMonth(iso: "2026-10")!).write(to: root)
        var files = 0
        var accepted = 0
        for case let url as URL in FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
        where url.path.contains("/timesheets/") || url.lastPathComponent == "tasks.md" {
            var diagnostics = Diagnostics()
            let file = SourceFile(path: url.lastPathComponent, text: try String(contentsOf: url, encoding: .utf8))
            files += 1
            if check(FrontMatter.split(file, diagnostics: &diagnostics).body) { accepted += 1 }
        }
        #expect(files > 50)
        #expect(accepted == files)
    }

    /// Parses a timesheet both ways and records any difference in days, entries, notes or messages.
    @discardableResult
    func checkTimesheet(
        _ text: String, path: String = "content/clients/acme/timesheets/2026-11.md",
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> Bool {
        let file = SourceFile(path: path, text: text)
        let month = YearMonth(iso: "2026-11")!
        var lineDiagnostics = Diagnostics()
        var blockDiagnostics = Diagnostics()
        let byLines = TimesheetParser.parse(
            file, month: month, currency: .gbp, diagnostics: &lineDiagnostics, plain: true)
        let byBlocks = TimesheetParser.parse(
            file, month: month, currency: .gbp, diagnostics: &blockDiagnostics, plain: false)
        func dump(_ sheet: Timesheet) -> [String] {
            sheet.days.map { "\($0.date) \($0.line) \($0.entries) \($0.notesHTML)" }
        }
        #expect(dump(byLines) == dump(byBlocks), "\(text.debugDescription)", sourceLocation: sourceLocation)
        #expect(lineDiagnostics.all == blockDiagnostics.all, "\(text.debugDescription)", sourceLocation: sourceLocation)
        return PlainBlocks.events(FrontMatter.split(file, diagnostics: &lineDiagnostics).body) != nil
    }

    @Test("a plain timesheet read line by line gives the days and messages the blocks give")
    func timesheetsByLines() throws {
        #expect(
            checkTimesheet(
                """
                # November 2026

                ## 2026-11-02 Monday
                - 09:00-10:30 Inbox triage #admin
                - 1h Report
                  - sent for "approval" > now
                  - twice
                - travel 30m Drive
                - not an entry at all
                - 10:00-10:45 Overlap

                The client called.
                Twice, about "the invoice".

                ### A small heading
                ## 2026-11-03 Wednesday
                - expense 12.50 Parking
                ## 2026-12-01 Out of the month
                - 1h Skipped
                ## Not a date
                - 1h Skipped too

                A note under nothing.
                ## 2026-11-02
                - 2h Again
                """))
        #expect(checkTimesheet("- 1h Before any day\n\n## 2026-11-04\n- mileage 12mi Trip\n- 1h Report\u{00A0}\n"))
        #expect(checkTimesheet("---\ntitle: x\n---\n## 2026-11-05\n- 1h After front matter\n"))
        // Generated timesheets, read both ways.
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("docket-sheets-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try DemoGenerator(clients: 4, months: 6, seed: 5, lastMonth: YearMonth(iso: "2026-11")!).write(to: root)
        var files = 0
        for case let url as URL in FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
        where url.path.contains("/timesheets/2026-11") {
            files += 1
            #expect(checkTimesheet(try String(contentsOf: url, encoding: .utf8)))
        }
        #expect(files >= 4)
    }

    @Test("random timesheets: read line by line or by blocks, the same days and messages")
    func randomTimesheets() {
        var random = SeededGenerator(state: 11)
        func pick(_ choices: [String]) -> String { choices.randomElement(using: &random)! }
        let headings = [
            "## 2026-11-02", "## 2026-11-03 Tuesday", "## 2026-11-03 Monday", "## 2026-12-01", "## Notes", "# Title",
            "### Small", "## 2026-11-31", "## 2026-11-02 Mon,",
        ]
        let entries = [
            "09:00-10:30 Inbox #admin", "1h Report", "travel 45m Drive", "mileage 10mi Trip", "expense 9.99 Lunch",
            "09:15-09:45 Overlap", "1h", "nonsense", "2h Work \"quoted\" > arrow", "25:00-26:00 Bad clock",
            "1h Café ü", "30m Tagged #a #b #unbilled",
        ]
        var accepted = 0
        for _ in 0..<1_500 {
            var lines: [String] = []
            for _ in 0..<Int.random(in: 1...10, using: &random) {
                switch Int.random(in: 0..<10, using: &random) {
                case 0..<2: lines.append(pick(headings))
                case 2..<6: lines.append("- " + pick(entries))
                case 6: lines.append("  - " + pick(["detail", "more \"detail\"", "x > y"]))
                case 7: lines.append(pick(["A note.", "Another \"note\".", "Line one", "*emphasis*"]))
                default: lines.append("")
                }
            }
            if checkTimesheet(lines.joined(separator: "\n") + pick(["", "\n"])) { accepted += 1 }
        }
        #expect(accepted > 300)
    }
}
