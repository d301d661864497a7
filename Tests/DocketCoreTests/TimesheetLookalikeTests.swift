import Foundation
import Testing

@testable import DocketCore

/// Lines that look like a day heading or an entry but that Markdown reads as something else: each is an
/// error (when money would change) or a warning, at its line and column, the same by both readers.
@Suite("Timesheet lookalikes")
struct TimesheetLookalikeTests {
    static let path = "content/clients/acme/timesheets/2026-11.md"

    /// A timesheet, a line's mistake, and the one message expected for it (`path:line:column: kind: text`).
    struct Case: CustomTestStringConvertible, Sendable {
        let text: String
        let expected: String
        var testDescription: String { text.debugDescription }
    }

    static let dayAbove = "## 2026-11-04 Wednesday\n- 09:00-10:00 Inbox\n"

    static let cases: [Case] = [
        // Day-heading lookalikes with entries under them: errors.
        Case(
            text: dayAbove + "### 2026-11-07\n- 2h Saturday work\n",
            expected:
                "3:1: error: `### 2026-11-07` is not a day heading (a day heading has two `#`), so the entries under it would be counted on the day above; write `## 2026-11-07`"
        ),
        Case(
            text: dayAbove + "# 2026-11-07 Saturday\n- 2h Saturday work\n",
            expected:
                "3:1: error: `# 2026-11-07 Saturday` is not a day heading (a day heading has two `#`), so the entries under it would be counted on the day above; write `## 2026-11-07 Saturday`"
        ),
        Case(
            text: dayAbove + "##2026-11-07\n- 2h Saturday work\n",
            expected:
                "3:1: error: `##2026-11-07` is not a day heading (a day heading has a space after `##`), so the entries under it would be counted on the day above; write `## 2026-11-07`"
        ),
        Case(
            text: dayAbove + "**2026-11-07**\n- 2h Saturday work\n",
            expected:
                "3:1: error: `**2026-11-07**` is not a day heading (a day heading starts with `## `), so the entries under it would be counted on the day above; write `## 2026-11-07`"
        ),
        Case(
            text: dayAbove + "\n2026-11-07 Saturday\n- 2h Saturday work\n",
            expected:
                "4:1: error: `2026-11-07 Saturday` is not a day heading (a day heading starts with `## `), so the entries under it would be counted on the day above; write `## 2026-11-07 Saturday`"
        ),
        Case(
            text: "# November 2026\n\n### 2026-11-02\n- 2h Work\n",
            expected:
                "3:1: error: `### 2026-11-02` is not a day heading (a day heading has two `#`), so the entries under it would have no day; write `## 2026-11-02`"
        ),
        // With only text under them: warnings.
        Case(
            text: dayAbove + "\n### 2026-11-07\nSam called.\n",
            expected:
                "4:1: warning: `### 2026-11-07` is not a day heading (a day heading has two `#`), so the text under it is a note of the day above; if it starts a day, write `## 2026-11-07`"
        ),
        Case(
            text: "2026-11-01 Sunday\n",
            expected:
                "1:1: warning: `2026-11-01 Sunday` is not a day heading (a day heading starts with `## `), so the text under it is read as text before the first day; if it starts a day, write `## 2026-11-01 Sunday`"
        ),
        // A date that does not exist.
        Case(
            text: "## 2026-11-31\n- 1h Work\n",
            expected: "1:1: error: `2026-11-31` is not a date: November has 30 days; check the date of this day heading"
        ),
        Case(
            text: "## 2026-11-00 Sunday\n- 1h Work\n",
            expected: "1:1: error: `2026-11-00` is not a date: days start at 01; check the date of this day heading"),
        // Entry lookalikes.
        Case(
            text: dayAbove + "\t- 2h Report\n",
            expected:
                "3:1: error: this entry is indented with a tab, so it is not read as an entry and is not billed; write it at the left margin: `- 2h Report` (a detail under an entry is indented two spaces)"
        ),
        Case(
            text: dayAbove + "    - travel 1h Drive\n",
            expected:
                "3:1: error: this entry is indented 4 spaces, so it is not read as an entry and is not billed; write it at the left margin: `- travel 1h Drive` (a detail under an entry is indented two spaces)"
        ),
        Case(
            text: dayAbove + "\n    - 09:00-10:30 Inbox\n",
            expected:
                "4:1: error: this entry is indented 4 spaces, so it is not read as an entry and is not billed; write it at the left margin: `- 09:00-10:30 Inbox` (a detail under an entry is indented two spaces)"
        ),
        Case(
            text: dayAbove + "\n09:00-10:30 Inbox\n",
            expected:
                "4:1: error: this line looks like an entry but has no `- ` in front, so it is not read as an entry and is not billed; write `- 09:00-10:30 Inbox`"
        ),
        Case(
            text: dayAbove + "1h30m Newsletter\n",
            expected:
                "3:1: error: this line looks like an entry but has no `- ` in front, so it is not read as an entry and is not billed; write `- 1h30m Newsletter`"
        ),
        Case(
            text: dayAbove + "\nexpense £12.50 Parking\n",
            expected:
                "4:1: error: this line looks like an entry but has no `- ` in front, so it is not read as an entry and is not billed; write `- expense £12.50 Parking`"
        ),
        // Typed forms of times and durations: "write … instead", at the entry's column (3) plus the offset.
        Case(
            text: "## 2026-11-02\n- 90 mins Call\n",
            expected:
                "2:3: error: write `90m` instead of `90 mins`: a duration is a number with `h` or `m` straight after it"
        ),
        Case(
            text: "## 2026-11-02\n- 90min Call\n",
            expected:
                "2:3: error: write `90m` instead of `90min`: a duration is a number with `h` or `m` straight after it"),
        Case(
            text: "## 2026-11-02\n- 1 hr Call\n",
            expected:
                "2:3: error: write `1h` instead of `1 hr`: a duration is a number with `h` or `m` straight after it"),
        Case(
            text: "## 2026-11-02\n- 1.5hrs Call\n",
            expected:
                "2:3: error: write `1.5h` instead of `1.5hrs`: a duration is a number with `h` or `m` straight after it"
        ),
        Case(
            text: "## 2026-11-02\n- 1 hr 30 mins Call\n",
            expected:
                "2:3: error: write `1h30m` instead of `1 hr 30 mins`: a duration is a number with `h` or `m` straight after it"
        ),
        Case(
            text: "## 2026-11-02\n- 1h 30mins Call\n",
            expected:
                "2:3: error: write `1h30m` instead of `1h 30mins`: a duration is a number with `h` or `m` straight after it"
        ),
        Case(
            text: "## 2026-11-02\n- 2H 15 min Call\n",
            expected:
                "2:3: error: write `2h15m` instead of `2H 15 min`: a duration is a number with `h` or `m` straight after it"
        ),
        Case(
            text: "## 2026-11-02\n- travel 2 hours Drive\n",
            expected:
                "2:10: error: write `2h` instead of `2 hours`: a duration is a number with `h` or `m` straight after it"
        ),
        Case(
            text: "## 2026-11-02\n- 09.30-12.00 Call\n",
            expected:
                "2:3: error: write `09:30-12:00` instead of `09.30-12.00`: times are written on the 24-hour clock as HH:MM, with a colon"
        ),
        Case(
            text: "## 2026-11-02\n- 9am-12.30pm Call\n",
            expected:
                "2:3: error: write `09:00-12:30` instead of `9am-12.30pm`: times are written on the 24-hour clock as HH:MM, with a colon"
        ),
        Case(
            text: "## 2026-11-02\n- 9:30am Call\n",
            expected:
                "2:3: error: write `09:30` instead of `9:30am`: times are written on the 24-hour clock as HH:MM, with a colon"
        ),
        Case(
            text: "## 2026-11-02\n- 9:30am - 5pm Call\n",
            expected:
                "2:3: error: write `09:30-17:00` instead of `9:30am - 5pm`: times are written on the 24-hour clock as HH:MM, with a colon"
        ),
        Case(
            text: "## 2026-11-02\n- 18:00-25:00 Launch\n",
            expected:
                "2:9: error: write `18:00-01:00` instead of `18:00-25:00`: a time has hours 00–23, and a range whose end is before its start crosses midnight"
        ),
        Case(
            text: "## 2026-11-02\n- 22:00-24:00 Launch\n",
            expected:
                "2:9: error: write `22:00-00:00` instead of `22:00-24:00`: a time has hours 00–23, and a range whose end is before its start crosses midnight"
        ),
        Case(
            text: "## 2026-11-02\n- 24:00-02:00 Launch\n",
            expected:
                "2:3: error: write `00:00-02:00` instead of `24:00-02:00`: a time has hours 00–23, and a range whose end is before its start crosses midnight"
        ),
    ]

    @Test(
        "each lookalike line and typed form has its one message, line and column, the same by both readers",
        arguments: cases)
    func lookalike(_ example: Case) {
        let file = SourceFile(path: Self.path, text: example.text)
        for plain in [true, false] {
            var diagnostics = Diagnostics()
            _ = TimesheetParser.parse(
                file, month: YearMonth(iso: "2026-11")!, currency: .gbp,
                diagnostics: &diagnostics, plain: plain)
            #expect(diagnostics.all.map(\.description) == ["\(Self.path):\(example.expected)"], "plain: \(plain)")
        }
    }

    @Test("valid timesheets get no new message: details indented two spaces, notes that mention dates and times, code")
    func validStaysQuiet() {
        let (sheet, diagnostics) = parseTimesheet(
            """
            # November 2026

            ## 2026-11-02 Monday
            - 09:00-10:30 Inbox triage #admin
              - 30m of it on the phone
              - 10:00 call with Sam
            - 1h15m Newsletter

            Sam asked on 2026-10-30 for the newsletter; 12 people replied.
            Expense report sent to Sam.

            ```
            09:00-10:30 as an example
            ## 2026-11-09
            ```
            """)
        #expect(diagnostics.all.isEmpty, "\(diagnostics.all)")
        #expect(sheet.entries.count == 2)
    }

    @Test("a day-heading lookalike skips its section, so its entries are neither merged nor reported twice")
    func lookalikeSkipsItsSection() {
        let (sheet, diagnostics) = parseTimesheet(
            Self.dayAbove + "### 2026-11-07\n- 2h Saturday\n- oops\n\n## 2026-11-09\n- 1h Monday\n")
        #expect(diagnostics.errors.map(\.line) == [3])
        #expect(sheet.days.map(\.date.description) == ["2026-11-04", "2026-11-09"])
        #expect(sheet.entries.map(\.description) == ["Inbox", "Monday"])
    }

    @Test("`### 2026-10-10` and a tab-indented entry can no longer change what is billed in silence")
    func moneyIsNeverMovedSilently() throws {
        let client = "rate: 30.00\nout_of_hours_rate: 45.00\ncore_hours: \"Mon-Fri 09:00-17:00\"\n"
        let terms = [FiguresOverTimeTests.agreed(1, "2026-09-01")]
        func compute(_ sheet: String) -> (ComputedClient?, Diagnostics) {
            FiguresOverTimeTests.compute(client: client, terms: terms, sheets: [("2026-10", sheet)])
        }
        // Written right: Wednesday 60 core minutes; Saturday 120 out of hours; a further 120 core on Wednesday.
        let right =
            "## 2026-10-07 Wednesday\n- 09:00-10:00 Inbox\n- 2h Report\n## 2026-10-10 Saturday\n- 09:00-11:00 Launch\n"
        let (computed, rightDiagnostics) = compute(right)
        #expect(rightDiagnostics.errors.isEmpty, "\(rightDiagnostics.errors)")
        let october = try #require(computed?.figures.months.first { $0.month.description == "2026-10" })
        #expect(october.inHoursMinutes == 180)
        #expect(october.outOfHoursMinutes == 120)

        // Saturday under `###` would have been Wednesday's core work; the tab-indented report a detail.
        let wrong =
            "## 2026-10-07 Wednesday\n- 09:00-10:00 Inbox\n\t- 2h Report\n### 2026-10-10 Saturday\n- 09:00-11:00 Launch\n"
        let (_, wrongDiagnostics) = compute(wrong)
        #expect(wrongDiagnostics.errors.map { "\($0.line):\($0.column)" } == ["3:1", "4:1"])

        // And the build stops on them: nothing is written.
        let site = try TemporarySite(files: [
            "content/business.md": businessMD,
            "content/clients/beta/client.md": BuildTests.betaClient,
            "content/clients/beta/terms/1.md": BuildTests.agreedTerms,
            "content/clients/beta/timesheets/2026-10.md": wrong,
        ])
        defer { site.remove() }
        let report = site.build()
        #expect(!report.succeeded)
        #expect(report.diagnostics.errors.map(\.line) == [3, 4])
        #expect(!site.exists("public/index.html"))
    }
}

extension TimesheetLookalikeTests {
    @Test("random timesheets full of lookalikes: both readers give the same days and messages")
    func randomLookalikes() {
        var random = SeededGenerator(state: 13)
        func pick(_ choices: [String]) -> String { choices.randomElement(using: &random)! }
        let lines = [
            "## 2026-11-02", "## 2026-11-03 Tuesday", "## 2026-11-31", "# November 2026", "### 2026-11-07",
            "# 2026-11-07 Saturday", "##2026-11-07", "**2026-11-07**", "2026-11-07 Saturday", "### Small",
            "- 09:00-10:30 Inbox", "- 1h Report", "- 90 mins Call", "- 9am-12.30pm Call", "- 18:00-25:00 Late",
            "- 1h 30mins Call", "  - a detail", "  - 10:00 call", "\t- 2h Tabbed", "    - 1h Deep", "\t- tabbed detail",
            "09:00-10:00 No dash", "A note.", "Expense report sent.", "", "",
        ]
        for _ in 0..<800 {
            let text = (0..<Int.random(in: 1...12, using: &random)).map { _ in pick(lines) }.joined(separator: "\n")
            let file = SourceFile(path: Self.path, text: text)
            var byLines = Diagnostics()
            var byBlocks = Diagnostics()
            let month = YearMonth(iso: "2026-11")!
            let lineSheet = TimesheetParser.parse(
                file, month: month, currency: .gbp, diagnostics: &byLines, plain: true)
            let blockSheet = TimesheetParser.parse(
                file, month: month, currency: .gbp, diagnostics: &byBlocks, plain: false)
            #expect(
                lineSheet.days.map { "\($0.date) \($0.entries) \($0.notesHTML)" }
                    == blockSheet.days.map { "\($0.date) \($0.entries) \($0.notesHTML)" }, "\(text.debugDescription)")
            #expect(byLines.all == byBlocks.all, "\(text.debugDescription)")
        }
    }
}

extension TimesheetLookalikeTests {
    @Test(
        "found by review, no longer errors: a note that wraps onto a line starting with a time, a line going on from an entry, a detail of a detail"
    )
    func reviewValidCases() {
        let (sheet, diagnostics) = parseTimesheet(
            """
            ## 2026-11-04 Wednesday
            - 09:30-11:00 Trade show application
              9am call moved to Tuesday
              - details of the call
                - 1h of this was calls

            Camille and I agreed that
            10am on Monday works for her.
            """)
        #expect(diagnostics.all.isEmpty, "\(diagnostics.all)")
        // One entry: 90 minutes; the rest are its details and the day's note.
        #expect(sheet.entries.count == 1)
        if case .work(let span)? = sheet.entries.first?.kind {
            #expect(span.minutes == 90)
        } else {
            Issue.record("no work entry")
        }
    }

    @Test("found by review: a date in emphasis inside a heading is still a day-heading lookalike")
    func emphasisInHeading() {
        let (_, diagnostics) = parseTimesheet(Self.dayAbove + "### **2026-11-07**\n- 2h Report\n")
        #expect(
            diagnostics.all.map(\.description) == [
                "\(Self.path):3:1: error: `### **2026-11-07**` is not a day heading (a day heading has two `#`), so the entries under it would be counted on the day above; write `## 2026-11-07`"
            ])
    }
}
