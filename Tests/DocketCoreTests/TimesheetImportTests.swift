import Foundation
import Testing

@testable import DocketCore

/// `docket import`: realistic exports of each tracker, written by hand from the columns each documents.
@Suite("Importing time")
struct TimesheetImportTests {
    static let december = """
        # December 2026

        ## 2026-12-01 Tuesday
        - 1h Inbox #admin

        ## 2026-12-03 Thursday
        - 30m Call

        """

    func site() throws -> TemporarySite {
        try TemporarySite(files: [
            "content/business.md": businessMD,
            "content/clients/acme/client.md":
                "---\nname: Acme Widgets Ltd\ncontact: A\nemail: a@a.example\nrate: 30\n---\n",
            "content/clients/acme/timesheets/2026-12.md": Self.december,
            "content/clients/bright/client.md":
                "---\nname: Bright Sparks\ncontact: L\nemail: l@b.example\nrate: 30\n---\n",
        ])
    }

    /// Imports `csv`, written to the site folder, and writes the result unless told not to.
    @discardableResult
    func run(
        _ format: TimeTrackerFormat, _ csv: String, site: TemporarySite, client: String? = nil,
        map: [String: String] = [:], write: Bool = true
    ) throws -> (TimesheetImport?, Diagnostics) {
        let path = site.root.appendingPathComponent("export.csv").path
        try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
        var diagnostics = Diagnostics()
        let imported = TimesheetImport.make(
            format, path: path, root: site.root, client: client, map: map,
            today: CalendarDate(iso: "2026-12-15")!, diagnostics: &diagnostics)
        if write, let imported { try imported.write(root: site.root) }
        return (imported, diagnostics)
    }

    /// The December figures of a client as the site computes them now.
    func december(_ site: TemporarySite, _ slug: String) throws -> MonthFigures {
        var diagnostics = Diagnostics()
        let checked = try #require(
            CheckedSite.load(root: site.root, today: CalendarDate(iso: "2026-12-15")!, diagnostics: &diagnostics))
        #expect(!checked.diagnostics.hasErrors, "\(checked.diagnostics.errors)")
        return try #require(checked.client(slug)?.figures.months.first { $0.month.description == "2026-12" })
    }

    @Test(
        "Toggl Track: a BOM, CRLF, a quoted comma and quotes, tags with spaces, a non-billable entry crossing midnight; placed under their days; a second import adds nothing"
    )
    func toggl() throws {
        let site = try site()
        defer { site.remove() }
        let csv =
            "\u{FEFF}User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount ()\r\n"
            + "Maya,maya@example.com,Acme Widgets Ltd,Website,,\"Copy, layout and \"\"hero\"\" text\",Yes,2026-12-02,09:00:00,2026-12-02,10:30:45,01:30:45,\"content writing, web\",45.00\r\n"
            + "Maya,maya@example.com,Acme Widgets Ltd,Admin,,Invoice chase,No,2026-12-01,23:30:00,2026-12-02,00:15:00,00:45:00,,0.00\r\n"
        let (imported, diagnostics) = try run(.toggl, csv, site: site)
        #expect(!diagnostics.hasErrors, "\(diagnostics.all)")
        #expect(imported?.changes.map(\.added.count) == [2])
        let expected = """
            # December 2026

            ## 2026-12-01 Tuesday
            - 1h Inbox #admin
            - 23:30-00:15 Admin: Invoice chase #unbilled

            ## 2026-12-02 Wednesday
            - 09:00-10:30 Website: Copy, layout and "hero" text #content-writing #web

            ## 2026-12-03 Thursday
            - 30m Call

            """
        #expect(site.read("content/clients/acme/timesheets/2026-12.md") == expected)
        // 1h + 1h30m + 30m billed; 45 minutes given free, across midnight, on the day it started.
        let figures = try december(site, "acme")
        #expect(figures.billableMinutes == 180)
        #expect(figures.unbilledMinutes == 45)
        // The same file again: recognised, nothing added, not a byte changed.
        let (again, _) = try run(.toggl, csv, site: site)
        #expect(again?.changes.isEmpty == true && again?.alreadyThere == 2)
        #expect(site.read("content/clients/acme/timesheets/2026-12.md") == expected)
    }

    @Test("Clockify: day-first dates, 12-hour times, the Client column mapped with --map; a new month file")
    func clockify() throws {
        let site = try site()
        defer { site.remove() }
        let csv = """
            Project,Client,Description,Task,User,Group,Email,Tags,Billable,Start Date,Start Time,End Date,End Time,Duration (h),Duration (decimal),Billable Rate (GBP),Billable Amount (GBP)
            Launch,Bright Sparks Coaching,Sales page draft,Copy,Maya,,maya@example.com,"launch, copy",Yes,14/12/2026,09:15:00 AM,14/12/2026,11:45:00 AM,02:30:00,2.50,30.00,75.00
            Launch,Bright Sparks Coaching,Call with Lena,,Maya,,maya@example.com,,Yes,14/12/2026,01:00:00 PM,14/12/2026,01:20:00 PM,00:20:00,0.33,30.00,10.00

            """
        let (_, diagnostics) = try run(.clockify, csv, site: site, map: ["Bright Sparks Coaching": "bright"])
        #expect(!diagnostics.hasErrors, "\(diagnostics.all)")
        #expect(
            site.read("content/clients/bright/timesheets/2026-12.md") == """
                # December 2026

                ## 2026-12-14 Monday
                - 09:15-11:45 Launch / Copy: Sales page draft #launch #copy
                - 13:00-13:20 Launch: Call with Lena

                """)
        #expect(try december(site, "bright").billableMinutes == 170)
    }

    @Test(
        "Harvest: decimal hours (0.33 h is 20 minutes), two identical rows are two entries; a re-import after one was deleted adds that one"
    )
    func harvest() throws {
        let site = try site()
        defer { site.remove() }
        let csv = """
            Date,Client,Project,Project Code,Task,Notes,Hours,Hours Rounded,Billable?,Invoiced?,First Name,Last Name
            2026-12-04,Acme Widgets Ltd,Support,,Admin,Inbox,0.33,0.5,Yes,No,Maya,Clarke
            2026-12-04,Acme Widgets Ltd,Support,,Admin,Inbox,0.33,0.5,Yes,No,Maya,Clarke
            2026-12-04,Acme Widgets Ltd,Support,,Admin,Filing,1.5,1.5,No,No,Maya,Clarke

            """
        _ = try run(.harvest, csv, site: site, client: "acme")
        let expected =
            Self.december + """

                ## 2026-12-04 Friday
                - 20m Support / Admin: Inbox
                - 20m Support / Admin: Inbox
                - 1h30m Support / Admin: Filing #unbilled

                """
        #expect(site.read("content/clients/acme/timesheets/2026-12.md") == expected)
        // One of the two identical entries deleted by hand: importing again puts back one.
        try site.write(
            "content/clients/acme/timesheets/2026-12.md",
            expected.replacingOccurrences(
                of: "- 20m Support / Admin: Inbox\n- 20m", with: "- 20m"))
        let (again, _) = try run(.harvest, csv, site: site, client: "acme")
        #expect(again?.alreadyThere == 2 && again?.changes.first?.added.count == 1)
        // It goes where a new entry of the day goes: after the day's last one.
        #expect(
            site.read("content/clients/acme/timesheets/2026-12.md")
                == expected.replacingOccurrences(
                    of: "- 20m Support / Admin: Inbox\n- 1h30m Support / Admin: Filing #unbilled\n",
                    with: "- 1h30m Support / Admin: Filing #unbilled\n- 20m Support / Admin: Inbox\n"))
    }

    @Test(
        "errors name the row and column (the header is row 1) with the header's name; every unmapped client in one error; nothing written"
    )
    func errors() throws {
        let site = try site()
        defer { site.remove() }
        let before = site.snapshot("content")
        let csv = """
            User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags
            Maya,m@x.example,Other Co,P,,A,Yes,2026-12-02,09:00:00,2026-12-02,10:00:00,01:00:00,
            Maya,m@x.example,Acme Widgets Ltd,P,,B,Perhaps,2026-12-02,9h,2026-12-02,10:00:00,01:00:00,2026 plan
            Maya,m@x.example,Third Co,P,,C,Yes,2026-12-02,11:00:00,2026-12-01,12:00:00,01:00:00,
            Maya,m@x.example,Third Co,P,,D,Yes,2026-12-03,11:00:00,2026-12-03,12:00:00,01:00:00,

            """
        let (imported, diagnostics) = try run(.toggl, csv, site: site)
        #expect(imported == nil)
        let path = site.root.appendingPathComponent("export.csv").path
        #expect(
            diagnostics.errors.map(\.description) == [
                "\(path):3:7: error: `Billable` is `Perhaps`; expected Yes or No",
                "\(path):3:13: error: the tag `2026 plan` cannot be a Docket tag, which starts with a letter; rename it in Toggl Track (or remove it) and export again",
                "\(path):3:9: error: `Start time` is `9h`; expected a time of day like 09:30, 09:30:00 or 9:30 AM",
                "\(path):4:10: error: this entry runs from 2026-12-02 11:00 to 2026-12-01 12:00; expected an end after its start and less than a day later (split a longer one in Toggl Track)",
                "\(path): error: no Docket client for `Other Co`, `Third Co` in the Client column; expected one `--map \"Other Co=slug\"` for each (or `--client SLUG` for all the rows), or a client.md whose `name` is that name",
            ])
        #expect(site.snapshot("content") == before)
        // A header that is not the tracker's.
        let (_, wrong) = try run(.harvest, csv, site: site, write: false)
        #expect(wrong.errors.first?.message.hasPrefix("the header has no `Date`, `Hours` columns") == true)
    }

    @Test("slash dates that never show which part is the day are an error naming the fix")
    func ambiguousDates() throws {
        let site = try site()
        defer { site.remove() }
        let csv = """
            Project,Client,Description,Task,User,Group,Email,Tags,Billable,Start Date,Start Time,End Date,End Time
            P,Acme Widgets Ltd,A,,Maya,,m@x.example,,Yes,01/12/2026,09:00,01/12/2026,10:00

            """
        let (imported, diagnostics) = try run(.clockify, csv, site: site)
        #expect(imported == nil)
        #expect(diagnostics.errors.first?.line == 2 && diagnostics.errors.first?.column == 10)
        #expect(diagnostics.errors.first?.message.contains("set Clockify's date format to YYYY-MM-DD") == true)
    }

    @Test("the command: --dry-run prints each entry and writes nothing; then the import writes; a bad file exits 1")
    func command() throws {
        let site = try site()
        defer { site.remove() }
        let csv = site.root.appendingPathComponent("harvest.csv")
        try Data(
            "Date,Client,Project,Task,Notes,Hours,Billable?\n2026-12-04,Acme Widgets Ltd,Support,Admin,Inbox,0.5,Yes\n"
                .utf8
        ).write(to: csv)
        let arguments = ["import", "harvest", csv.path, "--site", site.root.path, "--today", "2026-12-15"]
        let dry = try CLITests().docket(arguments + ["--dry-run"])
        #expect(dry.status == 0)
        #expect(
            dry.stdout == """
                content/clients/acme/timesheets/2026-12.md: 1 entry
                  + 2026-12-04  30m Support / Admin: Inbox
                Would add 1 entry. Nothing was written (--dry-run).

                """)
        #expect(site.read("content/clients/acme/timesheets/2026-12.md") == Self.december)
        let real = try CLITests().docket(arguments)
        #expect(real.status == 0 && real.stdout.hasSuffix("Added 1 entry.\n"))
        #expect(
            site.read("content/clients/acme/timesheets/2026-12.md")?.hasSuffix("- 30m Support / Admin: Inbox\n") == true
        )
        let bad = try CLITests().docket(["import", "toggl", csv.path, "--site", site.root.path])
        #expect(bad.status == 1 && bad.stderr.contains("the header has no `Start date`"))
    }

    @Test(
        "a billable row in a month a sent invoice bills is refused, whatever its tags say (`Unbilled work` is not #unbilled); a non-billable one is imported"
    )
    func billedMonth() throws {
        let site = try IssuingSite.make([
            "content/clients/acme/invoices/INV-0041.md":
                "---\nnumber: INV-0041\nissued: 2026-12-01\nperiod: 2026-11\nstatus: sent\ntotal: 95.00\n---\n"
        ])
        defer { site.remove() }
        let (refused, diagnostics) = try run(
            .toggl,
            "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags\n"
                + "M,m@x.example,Acme Widgets Ltd,P,,Late call,Yes,2026-11-20,09:00,2026-11-20,10:00,01:00:00,Unbilled work\n",
            site: site)
        #expect(refused == nil)
        #expect(diagnostics.errors.first?.message.hasPrefix("November 2026 is billed by INV-0041") == true)
        let (imported, none) = try run(
            .harvest,
            "Date,Client,Project,Task,Notes,Hours,Billable?\n2026-11-20,Acme Widgets Ltd,P,T,Late call,1,No\n",
            site: site)
        #expect(!none.hasErrors, "\(none.all)")
        #expect(imported?.changes.first?.added.map(\.text) == ["1h P / T: Late call #unbilled"])
    }

    @Test(
        "rows that would change a later sent invoice (a retainer's rollover) are refused, naming the months imported into"
    )
    func rolloverKnockOn() throws {
        // As in TimesheetEntryAppendTests.rolloverKnockOn: 10h a month rolling over up to 5h; October used 2h, so
        // 5h roll into November, whose sent INV-0042 bills the fee alone for 14h of 15h. Five more hours in
        // October leave 3h to roll over, and November would go 1h (£30.00) beyond.
        let client = IssuingSite.client.replacingOccurrences(
            of: "rate: 30\n", with: "rate: 30\nretainer:\n  hours: 10\n  fee: 300.00\n  rollover: 5\n")
        let site = try IssuingSite.make([
            "content/clients/acme/client.md": client,
            "content/clients/acme/timesheets/2026-10.md": "## 2026-10-05\n- 2h Set-up\n",
            "content/clients/acme/timesheets/2026-11.md": "## 2026-11-02\n- 14h Big job\n",
            "content/clients/acme/invoices/INV-0042.md":
                "---\nnumber: INV-0042\nissued: 2026-12-01\nperiod: 2026-11\nstatus: sent\ntotal: 300.00\n---\n",
        ])
        defer { site.remove() }
        let (refused, diagnostics) = try run(
            .harvest,
            "Date,Client,Project,Task,Notes,Hours,Billable?\n2026-10-20,Acme Widgets Ltd,P,T,Late work,5,Yes\n",
            site: site)
        #expect(refused == nil)
        #expect(
            diagnostics.errors.first?.message.hasPrefix(
                "the entries imported into October 2026 would change INV-0042, which is sent: its total would go from £300.00 to £330.00"
            ) == true, "\(diagnostics.all)")
    }

    @Test(
        "Harvest hours: more than a day or a huge number is an error; a value not in whole minutes is rounded and said")
    func harvestHours() throws {
        let site = try site()
        defer { site.remove() }
        let header = "Date,Client,Project,Task,Notes,Hours,Billable?\n"
        let (none, errors) = try run(
            .harvest,
            header
                + "2026-12-04,Acme Widgets Ltd,P,T,A,999999999999999999,Yes\n2026-12-04,Acme Widgets Ltd,P,T,B,24.5,Yes\n",
            site: site, write: false)
        #expect(none == nil)
        #expect(errors.errors.map { "\($0.line):\($0.column)" } == ["2:6", "3:6"])
        let (imported, _) = try run(
            .harvest,
            header + "2026-12-04,Acme Widgets Ltd,P,T,A,0.33,Yes\n2026-12-04,Acme Widgets Ltd,P,T,B,0.25,Yes\n",
            site: site, write: false)
        #expect(
            imported?.diagnostics.warnings.map(\.description).first?.hasSuffix(
                ":2:6: warning: this row's `Hours` is not a whole number of minutes, and was rounded to the nearest minute (0.33 h is 20 minutes); check it against Harvest"
            ) == true)
    }

    @Test("an imported range overlapping an entry already there is imported and said, so it is not billed twice unseen")
    func overlap() throws {
        let site = try site()
        defer { site.remove() }
        try site.write(
            "content/clients/acme/timesheets/2026-12.md",
            "# December 2026\n\n## 2026-12-01 Tuesday\n- 09:00-10:30 Call\n")
        let (imported, _) = try run(
            .toggl,
            "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags\n"
                + "M,m@x.example,Acme Widgets Ltd,P,,Call with Sam,Yes,2026-12-01,09:30,2026-12-01,10:00,00:30:00,\n",
            site: site, write: false)
        #expect(imported?.changes.count == 1)
        #expect(imported?.diagnostics.warnings.contains { $0.message.contains("overlap") } == true)
    }

    @Test("values as trackers write them: dates, times, decimal hours, tags, text")
    func values() {
        #expect(TrackedValues.time("9:05 PM") == 21 * 60 + 5)
        #expect(TrackedValues.time("12:10 AM") == 10)
        #expect(TrackedValues.time("12:10 PM") == 12 * 60 + 10)
        #expect(TrackedValues.time("24:00") == nil && TrackedValues.time("13:00 PM") == nil)
        #expect(TrackedValues.decimalHours("0.25") == 15 && TrackedValues.decimalHours("2") == 120)
        #expect(TrackedValues.decimalHours("0.0083") == 0 && TrackedValues.decimalHours("0.0084") == 1)
        #expect(TrackedValues.date("02.12.2026", order: nil) == CalendarDate(iso: "2026-12-02"))
        #expect(TrackedValues.date("12/02/2026", order: .monthFirst) == CalendarDate(iso: "2026-12-02"))
        #expect(TrackedValues.tags("Content Writing,  web , web").tags == ["content-writing", "web"])
        #expect(
            TrackedValues.text(project: "Site", task: nil, description: "Call #sam\nabout #2")
                == "Site: Call sam about #2")
    }
}
