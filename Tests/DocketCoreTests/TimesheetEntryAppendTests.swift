import Foundation
import Testing

@testable import DocketCore

/// `docket log SLUG "ENTRY"`: one entry placed in the month's timesheet, byte for byte, or refused with
/// nothing written. The sites are `IssuingSite`'s Acme (£30 an hour, no increment, no core hours).
@Suite("Logging an entry")
struct TimesheetEntryAppendTests {
    static let sheet = "content/clients/acme/timesheets/2026-11.md"

    /// Logs `text` for `slug` and writes it; the result and what was reported.
    func log(
        _ site: TemporarySite, _ text: String, slug: String = "acme", date: String? = nil,
        today: String = "2026-11-20"
    ) throws -> (TimesheetEntryAppend?, Diagnostics) {
        var diagnostics = Diagnostics()
        let logged = TimesheetEntryAppend.make(
            root: site.root, slug: slug, text: text, date: date.map(IssuingSite.date),
            today: IssuingSite.date(today), diagnostics: &diagnostics)
        try logged?.write(root: site.root, diagnostics: &diagnostics)
        return (logged, diagnostics)
    }

    @Test("into a month with no timesheet: a new file with the month's title, the day heading and the entry")
    func newMonth() throws {
        let site = try IssuingSite.make()
        defer { site.remove() }
        let (logged, diagnostics) = try log(site, "1h30m Inbox triage #admin", today: "2026-12-05")
        #expect(logged?.isNewFile == true, "\(diagnostics.all)")
        #expect(
            site.read("content/clients/acme/timesheets/2026-12.md")
                == "# December 2026\n\n## 2026-12-05 Saturday\n- 1h30m Inbox triage #admin\n")
        #expect(site.read(Self.sheet) == IssuingSite.november)
    }

    @Test("on a day between two days: a new heading before the later day, in the style of the file's headings")
    func betweenDays() throws {
        let site = try IssuingSite.make([Self.sheet: "## 2026-11-02\n- 1h A\n\n## 2026-11-20\n- 2h B\n"])
        defer { site.remove() }
        let (logged, diagnostics) = try log(site, "travel 45m Drive to the office", date: "2026-11-10")
        #expect(logged?.entry.line == 5, "\(diagnostics.all)")
        #expect(
            site.read(Self.sheet)
                == "## 2026-11-02\n- 1h A\n\n## 2026-11-10\n- travel 45m Drive to the office\n\n## 2026-11-20\n- 2h B\n"
        )
    }

    @Test("under a day heading that exists: after the day's last entry and its details, before the day's notes")
    func existingDay() throws {
        let before =
            "# November 2026\n\n## 2026-11-02 Monday\n* 1h A #admin\n  * sent for approval\n\nA note.\n\n## 2026-11-03 Tuesday\n- 1h B\n"
        let site = try IssuingSite.make([Self.sheet: before])
        defer { site.remove() }
        let (logged, diagnostics) = try log(site, "expense £8.40 Parking", date: "2026-11-02")
        #expect(logged?.entry.line == 6, "\(diagnostics.all)")
        #expect(
            site.read(Self.sheet)
                == "# November 2026\n\n## 2026-11-02 Monday\n* 1h A #admin\n  * sent for approval\n* expense £8.40 Parking\n\nA note.\n\n## 2026-11-03 Tuesday\n- 1h B\n"
        )
    }

    @Test("a CRLF file stays CRLF, and a last line without a line ending gets one before the new day")
    func crlf() throws {
        let site = try IssuingSite.make([Self.sheet: "## 2026-11-02\r\n- 1h A\r\n\r\n## 2026-11-04\r\n- 2h B"])
        defer { site.remove() }
        _ = try log(site, "15m C", date: "2026-11-02")
        #expect(site.read(Self.sheet) == "## 2026-11-02\r\n- 1h A\r\n- 15m C\r\n\r\n## 2026-11-04\r\n- 2h B")
        let (logged, diagnostics) = try log(site, "expense 3.20 Train", date: "2026-11-09")
        #expect(logged?.isNewFile == false, "\(diagnostics.all)")
        #expect(
            site.read(Self.sheet)
                == "## 2026-11-02\r\n- 1h A\r\n- 15m C\r\n\r\n## 2026-11-04\r\n- 2h B\r\n\r\n## 2026-11-09\r\n- expense 3.20 Train\r\n"
        )
    }

    @Test(
        "a day with notes and no entry, a day that is only a heading, the first day of a file with front matter",
        arguments: [
            (
                "## 2026-11-02\nCalled, no answer.\n\n## 2026-11-03\n", "2026-11-02",
                "## 2026-11-02\nCalled, no answer.\n\n- 1h X\n\n## 2026-11-03\n"
            ),
            ("## 2026-11-02\n## 2026-11-03\n- 1h A\n", "2026-11-02", "## 2026-11-02\n- 1h X\n## 2026-11-03\n- 1h A\n"),
            (
                "---\n---\n# November\n\n## 2026-11-03 Tue\n- 1h A\n", "2026-11-01",
                "---\n---\n# November\n\n## 2026-11-01 Sunday\n- 1h X\n\n## 2026-11-03 Tue\n- 1h A\n"
            ),
        ])
    func placement(before: String, date: String, after: String) throws {
        let placed = TimesheetInsertion.insert("1h X", on: IssuingSite.date(date), into: Array(before.utf8))
        #expect(String(decoding: placed.bytes, as: UTF8.self) == after)
    }

    @Test("an entry that does not read is an error in the grammar's words, and no byte is written")
    func badEntry() throws {
        let site = try IssuingSite.make()
        defer { site.remove() }
        let before = site.snapshot("content")
        let (logged, diagnostics) = try log(site, "1h30x Inbox triage")
        #expect(logged == nil)
        #expect(
            diagnostics.all.map(\.description) == [
                "\(Self.sheet): error: the entry `1h30x Inbox triage` does not read, at character 1: expected a duration like `2h`, `1h30m` or `1.5h`, found `1h30x`"
            ])
        #expect(site.snapshot("content") == before)
    }

    @Test("an unknown client, an archived client: refused, nothing written")
    func unknownAndArchived() throws {
        let site = try IssuingSite.make()
        defer { site.remove() }
        let before = site.snapshot("content")
        let (unknown, reported) = try log(site, "1h Call", slug: "nobody")
        #expect(unknown == nil)
        #expect(
            reported.all.map(\.description) == [
                "content/clients/nobody: error: there is no client `nobody`: expected a folder content/clients/nobody with client.md (clients: acme)"
            ])
        try site.write(
            "content/clients/acme/client.md",
            IssuingSite.client.replacingOccurrences(of: "rate: 30\n", with: "rate: 30\nstatus: archived\n"))
        let (archived, diagnostics) = try log(site, "1h Call")
        #expect(archived == nil)
        #expect(diagnostics.all.first?.message.hasPrefix("acme is archived") == true, "\(diagnostics.all)")
        #expect(
            site.snapshot("content").filter { !$0.key.hasSuffix("client.md") }
                == before.filter { !$0.key.hasSuffix("client.md") })
    }

    @Test("a month billed by a sent invoice is refused, naming the invoice and the ways out; #unbilled time is not")
    func billedMonth() throws {
        let site = try IssuingSite.make([
            "content/clients/acme/invoices/INV-0041.md":
                "---\nnumber: INV-0041\nissued: 2026-12-01\nperiod: 2026-11\nstatus: sent\ntotal: 95.00\n---\n"
        ])
        defer { site.remove() }
        let (refused, diagnostics) = try log(site, "1h Late call", date: "2026-11-30", today: "2026-12-05")
        #expect(refused == nil)
        #expect(
            diagnostics.all.map(\.description) == [
                "content/clients/acme/invoices/INV-0041.md:2: error: November 2026 is billed by INV-0041, sent 1 Dec 2026: an entry there would change a sent invoice. Log it on a day of a month not yet invoiced (`--date YYYY-MM-DD`, today is 2026-12-05), tag it #unbilled to record it as free time, or void INV-0041 (`status: void`) and issue a new invoice"
            ])
        #expect(site.read(Self.sheet) == IssuingSite.november)
        let (free, reported) = try log(site, "1h Late call #unbilled", date: "2026-11-30", today: "2026-12-05")
        #expect(free != nil, "\(reported.all)")
        #expect(site.read(Self.sheet) == IssuingSite.november + "\n## 2026-11-30\n- 1h Late call #unbilled\n")
    }

    @Test("what is printed: the rounded time, the core-hours split and the retainer time left this month")
    func printed() throws {
        let client = IssuingSite.client.replacingOccurrences(
            of: "rate: 30\n",
            with: "rate: 30\nincrement: 15m\ncore_hours: Mon-Fri 09:00-15:00\nretainer:\n  hours: 10\n  fee: 300.00\n")
        let site = try IssuingSite.make([
            "content/clients/acme/client.md": client,
            Self.sheet: "## 2026-11-02 Monday\n- 09:00-11:15 Report\n",
        ])
        defer { site.remove() }
        // 14:20-15:40 on a Tuesday: 40m in core hours and 40m after, each rounded up to 45m. The retainer's
        // 10h less 2h 15m and 45m used leaves 7h.
        let (logged, diagnostics) = try log(site, "14:20-15:40 Call #calls", date: "2026-11-03")
        #expect(
            logged?.printed == """
                Logged in \(Self.sheet), under a new heading 2026-11-03 Tuesday (line 5):
                - 14:20-15:40 Call #calls
                It counts for 1h 30m of billable work (1h 20m logged, rounded up to the 15m increment): 45m in core hours, 45m out of hours (core hours Mon-Fri 09:00-15:00; out-of-hours work never uses the retainer).
                Retainer, November 2026: 7h left of 10h available (3h used).

                """, "\(diagnostics.all)")
    }

    @Test("an entry in a month no invoice bills is refused when it would change a later sent invoice (rollover)")
    func rolloverKnockOn() throws {
        // A 10h retainer rolling over up to 5h: October uses 2h, so 5h roll into November, which uses 14h of
        // its 15h: INV-0042 bills the £300.00 fee alone. Five more hours in October leave 3h to roll over, and
        // November would go 1h (£30.00) beyond its 13h.
        let client = IssuingSite.client.replacingOccurrences(
            of: "rate: 30\n", with: "rate: 30\nretainer:\n  hours: 10\n  fee: 300.00\n  rollover: 5\n")
        let site = try IssuingSite.make([
            "content/clients/acme/client.md": client,
            "content/clients/acme/timesheets/2026-10.md": "## 2026-10-05\n- 2h Set-up\n",
            Self.sheet: "## 2026-11-02\n- 14h Big job\n",
            "content/clients/acme/invoices/INV-0042.md":
                "---\nnumber: INV-0042\nissued: 2026-12-01\nperiod: 2026-11\nstatus: sent\ntotal: 300.00\n---\n",
        ])
        defer { site.remove() }
        let before = site.snapshot("content")
        let (refused, diagnostics) = try log(site, "5h Late work", date: "2026-10-20", today: "2026-12-05")
        #expect(refused == nil)
        let message = try #require(diagnostics.all.first, "nothing reported").description
        #expect(
            message.hasPrefix(
                "content/clients/acme/invoices/INV-0042.md:2: error: an entry in October 2026 would change INV-0042, which is sent: its total would go from £300.00 to £330.00"
            ), "\(message)")
        #expect(site.snapshot("content") == before)
        // Logged as free time it changes nothing, and is written.
        #expect(try log(site, "5h Late work #unbilled", date: "2026-10-20", today: "2026-12-05").0 != nil)
    }

    @Test("a site with content errors is refused first, with its errors")
    func siteErrors() throws {
        let site = try IssuingSite.make(["content/clients/acme/timesheets/2026-10.md": "## 2026-10-05\n- 1x Typo\n"])
        defer { site.remove() }
        let before = site.snapshot("content")
        let (refused, diagnostics) = try log(site, "1h Call")
        #expect(refused == nil)
        #expect(diagnostics.all.first?.path == "content/clients/acme/timesheets/2026-10.md")
        #expect(
            diagnostics.all.last?.description
                == "content: error: the site has content errors; fix them (`docket check` lists them) before logging time"
        )
        #expect(site.snapshot("content") == before)
    }
}
