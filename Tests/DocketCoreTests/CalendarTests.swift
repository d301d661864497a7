import Foundation
import Testing

@testable import DocketCore

/// Python's `icalendar` (Debian's python3-icalendar, which scripts/install-deps installs): an independent
/// reader of what Docket writes.
enum ICalendarReader {
    static let python = "/usr/bin/python3"

    /// Whether Debian's Python has the `icalendar` package.
    static var available: Bool {
        guard FileManager.default.isExecutableFile(atPath: python) else { return false }
        return (try? run("import icalendar")) != nil
    }

    /// The events of a calendar file, each as `date|end|summary|description|uid|stamp`, in file order; the
    /// calendar's name first.
    static func events(_ path: URL) throws -> [String] {
        let script = """
            import sys, icalendar
            calendar = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            print(calendar['X-WR-CALNAME'])
            for event in calendar.walk('VEVENT'):
                print('|'.join([event.decoded('DTSTART').isoformat(), event.decoded('DTEND').isoformat(),
                    str(event['SUMMARY']), str(event.get('DESCRIPTION', '')), str(event['UID']),
                    event.decoded('DTSTAMP').isoformat()]))
            """
        return try run(script, path.path).split(separator: "\n").map(String.init)
    }

    private static func run(_ script: String, _ arguments: String...) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileReadCorruptFile) }
        return String(decoding: data, as: UTF8.self)
    }
}

@Suite("Calendars")
struct CalendarTests {
    @Test("text is escaped as RFC 5545 says: backslash, semicolon, comma and line breaks; control characters dropped")
    func escape() {
        #expect(ICalendar.escape("a\\b;c,d\ne\r\nf\u{07}g") == "a\\\\b\\;c\\,d\\ne\\nfg")
        #expect(ICalendar.escape("<script>x</script>") == "‹script›x‹/script›")
    }

    @Test("lines fold at 75 octets with a space, never inside a UTF-8 character")
    func fold() {
        let line = "SUMMARY:" + String(repeating: "a", count: 66) + "é" + String(repeating: "b", count: 80)
        let folded = ICalendar.fold(line).components(separatedBy: "\r\n")
        // 8 + 66 = 74 octets, then é (2 octets) would make 76: it starts the next line.
        #expect(folded[0] == "SUMMARY:" + String(repeating: "a", count: 66))
        #expect(folded[1] == " é" + String(repeating: "b", count: 72))
        #expect(folded[2] == " " + String(repeating: "b", count: 8))
        #expect(folded.allSatisfy { $0.utf8.count <= 75 })
        #expect(ICalendar.fold("SHORT:x") == "SHORT:x")
    }

    @Test("folding byte by byte gives what folding character by character gives, for any text")
    func foldSameAsByCharacters() {
        /// The rule as RFC 5545 says it, one Unicode scalar at a time: the independent reference.
        func reference(_ line: String) -> String {
            var lines: [String] = [""]
            var octets = 0
            for scalar in line.unicodeScalars {
                let size = String(scalar).utf8.count
                if octets + size > 75 {
                    lines.append(" ")
                    octets = 1
                }
                lines[lines.count - 1].unicodeScalars.append(scalar)
                octets += size
            }
            return lines.joined(separator: "\r\n")
        }
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "é", "€", "😀", "e\u{301}", ";", " ", "\\n"]
        for _ in 0..<500 {
            let line =
                "SUMMARY:"
                + (0..<Int.random(in: 0...200, using: &generator)).map { _ in
                    pieces.randomElement(using: &generator)!
                }.joined()
            #expect(ICalendar.fold(line) == reference(line), "\(line)")
        }
    }

    @Test(
        "a plain portal's calendar.ics, read by python3-icalendar: each deliverable, each invoice left to pay and nothing else, event by event",
        .enabled(if: ICalendarReader.available || ProcessInfo.processInfo.environment["DOCKET_REQUIRE_TOOLS"] != nil))
    func portalCalendar() throws {
        let site = try DemoFiguresTests.demo()
        defer { site.remove() }
        let report = site.build(today: "2026-11-30")
        try #require(report.succeeded, "\(report.diagnostics.all)")
        let token = try #require(report.portals.first { $0.slug == "greenleaf-landscapes" }?.token)
        let file = site.root.appendingPathComponent("public/\(token)/calendar.ics")
        let lines = try ICalendarReader.events(file)
        #expect(lines.first == "Greenleaf Landscapes Ltd: dates from Maya Clarke Virtual Assistance")
        let events = lines.dropFirst().map {
            $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        }
        // From content/clients/greenleaf-landscapes: three deliverables; INV-2026-031 is paid, INV-2026-034 has
        // £663.77 − £300.00 = £363.77 left, INV-2026-039 is a draft; no proposals.
        #expect(
            events.map { $0[0...3].joined(separator: "|") } == [
                "2026-09-30|2026-10-01|Due: Autumn newsletter|Delivered Tuesday 6 October 2026.",
                "2026-10-16|2026-10-17|Due: Website gallery update|Delivered Tuesday 13 October 2026.",
                "2026-11-16|2026-11-17|Invoice INV-2026-034 due: £363.77|Invoice INV-2026-034, issued Monday 2 November 2026: £363.77 to pay by Monday 16 November 2026.",
                "2026-12-11|2026-12-12|Due: Spring price list and customer letter|",
            ])
        #expect(events.allSatisfy { $0[5] == "2026-11-30T00:00:00+00:00" })
        #expect(Set(events.map { $0[4] }).count == 4 && events.allSatisfy { $0[4].hasSuffix("@docket") })
        // Every line ends with CRLF and none is longer than 75 octets.
        let bytes = try Data(contentsOf: file)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasSuffix("END:VCALENDAR\r\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        // The overview links it.
        #expect(site.read("public/\(token)/index.html")?.contains("<a href=\"calendar.ics\">") == true)
        // The same content a day later: only the stamp changes, the UIDs stay.
        _ = site.build(today: "2026-12-01")
        let later = try ICalendarReader.events(file).dropFirst().map {
            $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        }
        #expect(later.map { $0[4] } == events.map { $0[4] })
        #expect(later.allSatisfy { $0[5] == "2026-12-01T00:00:00+00:00" })
    }

    @Test(
        "the dashboard's calendar holds every active client's dates with its name, the encrypted one's too; an encrypted portal has no calendar",
        .enabled(if: ICalendarReader.available || ProcessInfo.processInfo.environment["DOCKET_REQUIRE_TOOLS"] != nil))
    func dashboardCalendar() throws {
        let site = try DemoFiguresTests.demo()
        defer { site.remove() }
        let report = site.build(today: "2026-11-30")
        try #require(report.succeeded, "\(report.diagnostics.all)")
        let lines = try ICalendarReader.events(site.root.appendingPathComponent("dashboard/calendar.ics"))
        #expect(lines.first == "Maya Clarke Virtual Assistance: clients' dates")
        let summaries = lines.dropFirst().map { $0.split(separator: "|", omittingEmptySubsequences: false)[2] }
        // Greenleaf's four, Northwind's proposal (version 2, from 1 January 2027), Bright Sparks' deliverables.
        #expect(summaries.filter { $0.hasPrefix("Greenleaf Landscapes Ltd: ") }.count == 4)
        #expect(summaries.contains("Northwind Dental Practice: Proposed terms, version 2, would take effect"))
        #expect(
            lines.contains {
                $0.hasPrefix(
                    "2027-01-01|2027-01-02|Northwind Dental Practice: Proposed terms, version 2, would take effect|")
            })
        #expect(summaries.contains { $0.hasPrefix("Bright Sparks Coaching: Due: ") })
        let bright = try #require(report.portals.first { $0.slug == "bright-sparks-coaching" }?.token)
        #expect(site.snapshot("public/\(bright)").keys.allSatisfy { !$0.hasSuffix(".ics") })
        #expect(site.read("dashboard/index.html")?.contains("<a href=\"calendar.ics\">") == true)
        // Dates come back from the build record for clients that did not change.
        try site.write("content/clients/greenleaf-landscapes/timesheets/2026-11.md", "## 2026-11-02\n- 1h Quotes\n")
        let second = site.build(today: "2026-11-30")
        #expect(second.succeeded && !second.rebuiltClients.contains("northwind-dental"))
        #expect(try ICalendarReader.events(site.root.appendingPathComponent("dashboard/calendar.ics")) == lines)
    }

    @Test("two deliverables with one title and due date are two events with their own UIDs")
    func sameTitle() throws {
        let site = try TemporarySite(files: [
            "content/business.md": businessMD,
            "content/clients/acme/client.md": "---\nname: Acme\ncontact: S\nemail: s@a.example\nrate: 30\n---\n",
            "content/clients/acme/timesheets/2026-11.md": "## 2026-11-02\n- 1h Work\n",
            "content/clients/acme/tasks.md":
                "- Newsletter\n  - due: 2026-12-04\n- Newsletter\n  - due: 2026-12-04\n- Newsletter\n  - due: 2026-12-11\n",
        ])
        defer { site.remove() }
        let report = site.build(today: "2026-11-30")
        try #require(report.succeeded, "\(report.diagnostics.errors)")
        let token = try #require(report.portals.first?.token)
        let text = try #require(site.read("public/\(token)/calendar.ics"))
        let uids = text.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }
        #expect(uids.count == 3 && Set(uids).count == 3)
    }
}
