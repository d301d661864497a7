import Foundation
import Testing

/// `docket log` run as the real executable: what it prints, its exit status, and what it writes.
@Suite("The log command")
struct LogCommandTests {
    let cli = CLITests()
    static let sheet = "content/clients/acme/timesheets/2026-11.md"

    @Test("log an entry, then refuse one that does not read: output, exit status and the file")
    func logAndRefuse() throws {
        let site = try IssuingSite.make()
        defer { site.remove() }
        let common = ["--site", site.root.path, "--today", "2026-11-20"]

        let logged = try cli.docket(["log", "acme", "1h30m Inbox triage #admin"] + common)
        #expect(logged.status == 0, "\(logged.stderr)")
        #expect(
            logged.stdout
                == "Logged in \(Self.sheet), under a new heading 2026-11-20 Friday (line 7):\n- 1h30m Inbox triage #admin\nIt counts for 1h 30m of billable work.\n"
        )
        #expect(site.read(Self.sheet) == IssuingSite.november + "\n## 2026-11-20\n- 1h30m Inbox triage #admin\n")

        let bad = try cli.docket(["log", "acme", "travel Drive", "--date", "2026-11-02"] + common)
        #expect(bad.status == 1)
        #expect(bad.stderr.hasPrefix("\(Self.sheet): error: the entry `travel Drive` does not read"), "\(bad.stderr)")
        #expect(bad.stderr.hasSuffix("docket: 1 error, 0 warnings\ndocket: nothing was written\n"))
        #expect(site.read(Self.sheet) == IssuingSite.november + "\n## 2026-11-20\n- 1h30m Inbox triage #admin\n")
    }

    @Test(
        "usage errors exit 2 and write nothing",
        arguments: [["acme"], [], ["acme", "1h Call", "--date", "2/11/2026"], ["acme", "1h Call", "--today", "x"]])
    func usage(arguments: [String]) throws {
        let site = try IssuingSite.make()
        defer { site.remove() }
        let before = site.snapshot("content")
        let run = try cli.docket(["log"] + arguments + ["--site", site.root.path])
        #expect(run.status == 2, "\(arguments): \(run.stderr)")
        #expect(site.snapshot("content") == before)
    }
}
