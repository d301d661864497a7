import Testing

@testable import DocketCore

@Suite("Timesheets walked through cmark")
struct TimesheetParserTests {
    @Test("a day heading starts with a date: alone, or followed by anything but a letter or digit")
    func dayHeadings() {
        let date = CalendarDate(iso: "2026-11-02")
        #expect(date != nil)
        for text in [
            "2026-11-02", "  2026-11-02 Monday", "2026-11-02, Monday", "2026-11-02 — travel", "2026-11-02 \u{301}x",
            "2026-11-02\u{2003}Mon",
        ] {
            #expect(TimesheetParser.dayDate(text) == date, "\(text.debugDescription)")
        }
        for text in [
            "2026-11-021", "2026-11-02Monday", "2026-11-02é", "2026-11-0", "2026-1-02 Mon", "２026-11-02", "Monday",
            "2026-11-02\u{301}", "2026/11/02", "",
        ] {
            #expect(TimesheetParser.dayDate(text) == nil, "\(text.debugDescription)")
        }
        #expect(CalendarDate(iso: "2026-02-30") == nil)
        #expect(CalendarDate(iso: "0001-01-01")?.description == "0001-01-01")
    }

    @Test("days, entries, nested details and day notes")
    func structure() {
        let (sheet, diagnostics) = parseTimesheet(
            """
            # November 2026

            Intro text before the first day is ignored.

            ## 2026-11-02 Monday
            - 09:00-10:30 Inbox triage and diary #admin
            - 1h15m Drafted December newsletter #marketing
              - first draft sent for approval
            - travel 13:00-14:00 Drive to client office
            - mileage 46mi Round trip to client office
            - expense 12.50 Parking at client office

            Client was late to the meeting.

            ## 2026-11-03
            1. 30m Set up shared folder #admin #unbilled
            """)
        #expect(diagnostics.all.isEmpty)
        #expect(sheet.days.count == 2)
        #expect(sheet.days[0].date == CalendarDate(iso: "2026-11-02"))
        #expect(sheet.days[0].line == 5)
        #expect(sheet.days[0].entries.count == 5)
        #expect(sheet.days[0].entries[1].detailsHTML == "<ul>\n<li>first draft sent for approval</li>\n</ul>\n")
        #expect(sheet.days[0].entries[1].line == 7)
        #expect(sheet.days[0].notesHTML == ["<p>Client was late to the meeting.</p>\n"])
        #expect(sheet.days[1].entries.first?.isUnbilled == true)
        #expect(sheet.entries.count == 6)
    }

    @Test("errors carry line and column, counting the front matter")
    func errorPositions() {
        let (_, diagnostics) = parseTimesheet(
            """
            ---
            # checked by Jo
            ---
            # November 2026

            ## 2026-11-02 Monday
            - 09:00-10:30 Inbox triage #admin
            - 25:00-26:00 Broken
              - nested detail
            - travel 1x Drive

            ## 2026-12-01
            - 1h Outside the month

            ## 2026-11-03 Tuesday
            - mileage 46 furlongs Trip
            - expense $5.00 Coffee
            """)
        let errors = diagnostics.errors.map { "\($0.line):\($0.column)" }
        #expect(errors == ["8:3", "10:10", "12:1", "16:14", "17:11"])
        #expect(diagnostics.errors[2].message.contains("not in November 2026"))
        #expect(
            diagnostics.errors[2].description.hasPrefix(
                "content/clients/acme/timesheets/2026-11.md:12:1: error: the day 2026-12-01"))
    }

    @Test("a list before the first day heading is an error")
    func entriesBeforeDay() {
        let (_, diagnostics) = parseTimesheet(
            """
            # November

            - 1h Something
            """)
        #expect(diagnostics.errors.count == 1)
        #expect(diagnostics.errors[0].line == 3)
        #expect(diagnostics.errors[0].message.contains("before the first day"))
    }

    @Test("a level-2 heading that is not a date is an error, and its list is not reported again")
    func badHeading() {
        let (sheet, diagnostics) = parseTimesheet(
            """
            ## Monday the second
            - 1h Something
            - not an entry at all
            """)
        #expect(diagnostics.errors.count == 1)
        #expect(diagnostics.errors[0].line == 1)
        #expect(sheet.days.isEmpty)
    }

    @Test("a weekday that does not match the date is a warning")
    func weekdayMismatch() {
        let (_, diagnostics) = parseTimesheet("## 2026-11-02 Tuesday\n- 1h Work\n")
        #expect(diagnostics.errors.isEmpty)
        #expect(diagnostics.warnings.map(\.message) == ["2026-11-02 is a Monday, not a Tuesday"])
    }

    @Test("the weekday after a heading's date: read from ASCII by bytes exactly as by characters")
    func writtenWeekdays() {
        #expect(TimesheetParser.writtenWeekday("2026-11-02 Monday") == .monday)
        #expect(TimesheetParser.writtenWeekday("2026-11-02\tTue, travel") == .tuesday)
        #expect(TimesheetParser.writtenWeekday("2026-11-02 (Wed)") == .wednesday)
        #expect(TimesheetParser.writtenWeekday("2026-11-02") == nil)
        #expect(TimesheetParser.writtenWeekday("2026-11-02 Mondays") == nil)
        // The rule as first written, by characters: the reference.
        func reference(_ text: String) -> Weekday? {
            let rest = text.dropFirst(10).trimmingWhitespace()
            guard let word = rest.split(separator: " ").first.map(String.init) else { return nil }
            return Weekday(name: word.trimmingPunctuation())
        }
        var random = SeededGenerator(state: 5)
        let pieces = ["Monday", "mon", "TUE", "Sun", ",", ".", "(", ")", " ", "  ", "\t", "x", "é", "—", "travel", "1"]
        for _ in 0..<5_000 {
            let text =
                "2026-11-02"
                + (0..<Int.random(in: 0...5, using: &random)).map { _ in pieces.randomElement(using: &random)! }
                .joined()
            #expect(TimesheetParser.writtenWeekday(text) == reference(text), "\(text.debugDescription)")
        }
    }

    @Test("an entry's text is read as written, trimmed of Unicode spaces too")
    func entryTextAsWritten() {
        let (sheet, diagnostics) = parseTimesheet(
            "## 2026-11-02\n- 1h Report\u{00A0}\n- 1h \\#notatag\n- 2h Plain words #admin\n")
        #expect(diagnostics.errors.isEmpty)
        #expect(sheet.entries.map(\.description) == ["Report", "\\#notatag", "Plain words"])
        #expect(sheet.entries.map(\.tags) == [[], [], ["admin"]])
    }

    @Test("weekday names in ASCII compared by bytes match the names read by the general rule")
    func weekdayNamesByBytes() {
        var words = ["mo", "mond", "mondays", "wednesdays", "xyz", "sundae"]
        for day in Weekday.allCases {
            for word in [day.name, day.abbreviation] {
                words += [
                    word, word.lowercased(), word.uppercased(),
                    String(
                        word.enumerated().map { $0.offset % 2 == 0 ? Character($0.element.uppercased()) : $0.element }),
                ]
            }
        }
        for word in words {
            let bytes = Array(word.utf8)
            let byBytes = bytes.withUnsafeBufferPointer { Weekday(asciiLetters: $0) }
            #expect(byBytes == Weekday(name: word), "\(word)")
        }
        #expect(Array("TuE".utf8).withUnsafeBufferPointer { Weekday(asciiLetters: $0) } == .tuesday)
    }

    @Test("overlapping clock ranges on one day are a warning")
    func overlaps() {
        let (_, diagnostics) = parseTimesheet(
            """
            ## 2026-11-02
            - 09:00-10:30 Inbox
            - 10:00-11:00 Call
            - 11:00-12:00 Report
            """)
        #expect(diagnostics.errors.isEmpty)
        #expect(diagnostics.warnings.count == 1)
        #expect(diagnostics.warnings[0].line == 3)
        #expect(diagnostics.warnings[0].message.contains("line 2"))
    }

    @Test("a date under two headings: a warning naming the first heading's line; overlaps are found across both")
    func repeatedDay() {
        let (sheet, diagnostics) = parseTimesheet(
            """
            ## 2026-11-03
            - 09:00-10:00 Inbox
            ## 2026-11-02
            - 1h Report
            ## 2026-11-03
            - 09:30-11:00 Call
            ## 2026-11-03
            - 30m Post
            """)
        #expect(diagnostics.errors.isEmpty)
        // Lines 5 and 7 repeat line 1's date (reported as read); then the overlaps, checked once the file is
        // read: line 6's range starts at 09:30, before line 2's ends at 10:00.
        #expect(diagnostics.warnings.map(\.line) == [5, 7, 6])
        #expect(
            diagnostics.warnings[0].message
                == "the day 2026-11-03 already has a heading on line 1; its entries are added to the same day")
        #expect(
            diagnostics.warnings[1].message
                == "the day 2026-11-03 already has a heading on line 1; its entries are added to the same day")
        #expect(diagnostics.warnings[2].message.contains("line 2 (09:00-10:00)"))
        #expect(sheet.days.map(\.date.description) == ["2026-11-03", "2026-11-02", "2026-11-03", "2026-11-03"])
    }

    @Test("an empty list item is an error naming the entry forms")
    func emptyItem() {
        let (_, diagnostics) = parseTimesheet("## 2026-11-02\n-\n- 1h Work\n")
        #expect(diagnostics.errors.count == 1)
        #expect(diagnostics.errors[0].line == 2)
        #expect(diagnostics.errors[0].column == 1)
    }

    @Test("raw HTML in notes and details stays out (cmark's safe default)")
    func safeHTML() {
        let (sheet, _) = parseTimesheet(
            """
            ## 2026-11-02
            - 1h Work
              - <script>alert(1)</script> [x](javascript:alert(1))

            <img src=x onerror=alert(1)>
            """)
        let html = sheet.days[0].entries[0].detailsHTML + sheet.days[0].notesHTML.joined()
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("javascript:"))
    }

    @Test("cmark's HTML is kept for notes and details only, where a page shows it")
    func htmlWhereShown() {
        let blocks = Markdown.blocks("## Day\n\nA *note*.\n\n- 1h Entry\n\n  Detail *one*.\n\n  - sub\n- 2h Other\n")
        #expect(blocks.map(\.kind) == [.heading(level: 2), .paragraph, .list])
        #expect(blocks[0].html.isEmpty)
        #expect(blocks[1].html == "<p>A <em>note</em>.</p>\n")
        #expect(blocks[2].html.isEmpty)
        let item = blocks[2].children[0]
        #expect(item.html.isEmpty && item.children[0].html.isEmpty)
        #expect(item.children[1].html == "<p>Detail <em>one</em>.</p>\n")
        #expect(item.children[2].html == "<ul>\n<li>sub</li>\n</ul>\n")
    }
}
