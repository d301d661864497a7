import Foundation
import Testing

@testable import DocketCore

/// `docket export` as run from the command line: standard output or `-o`, and nothing written on error.
@Suite("Command line: docket export")
struct ExportCommandTests {
    let cli = CLITests()

    @Test("-o writes the same bytes the command prints, and names the file on standard error")
    func output() throws {
        let site = try ExportSite.make()
        defer { site.remove() }
        let printed = try cli.docket(["export", "csv", "--site", site.root.path, "--today", "2026-11-29"])
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(printed.stdout.hasPrefix("type,invoice,client,date,"))
        let file = site.root.appendingPathComponent("invoices.csv")
        let written = try cli.docket([
            "export", "csv", "--site", site.root.path, "--today", "2026-11-29", "-o", file.path,
        ])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.isEmpty)
        #expect(site.read("invoices.csv") == printed.stdout)
    }

    @Test(
        "a site with content errors: exit 1, the errors at their place, nothing written",
        arguments: ["hledger", "xero", "csv"])
    func contentErrors(format: String) throws {
        let site = try ExportSite.make()
        defer { site.remove() }
        try site.write(
            "content/clients/acme/timesheets/2026-10.md",
            "## 2026-10-05\n- 09:00-11:10 Inbox and diary\n- 25:00-26:00 Not a time\n")
        try site.write("old.txt", "as before\n")
        let file = site.root.appendingPathComponent("old.txt")
        let run = try cli.docket(["export", format, "--site", site.root.path, "-o", file.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/clients/acme/timesheets/2026-10.md:3:"), "\(run.stderr)")
        #expect(run.stderr.contains("docket: nothing was written"))
        #expect(site.read("old.txt") == "as before\n")
        let printed = try cli.docket(["export", format, "--site", site.root.path])
        #expect(printed.status == 1)
        #expect(printed.stdout.isEmpty)
    }

    @Test("-o into public/ is refused (exit 2): public/ is uploaded")
    func publicRefused() throws {
        let site = try ExportSite.make()
        defer { site.remove() }
        try FileManager.default.createDirectory(
            at: site.root.appendingPathComponent("public/sub"), withIntermediateDirectories: true)
        for path in ["public/invoices.csv", "public/sub/x.journal", "public/../public/y.csv"] {
            let run = try cli.docket(["export", "csv", "--site", site.root.path, "-o", site.root.path + "/" + path])
            #expect(run.status == 2, "\(path)")
            #expect(run.stderr.contains("is inside public/"), "\(run.stderr)")
        }
        #expect(!site.exists("public/invoices.csv"))
        #expect(!site.exists("public/sub/x.journal"))
        #expect(!site.exists("public/y.csv"))
    }

    @Test(
        "no export of the demo holds a share token, a portal key or the bank account", arguments: ExportFormat.allCases)
    func noSecrets(format: ExportFormat) throws {
        let site = try DemoFiguresTests.demo()
        defer { site.remove() }
        let text = try #require(ExportSite.export(format, site).text)
        #expect(text.contains("Greenleaf Landscapes Ltd"))
        var secrets = ["41236587", "GB29 NWBK"]
        let clients = site.root.appendingPathComponent("content/clients")
        for slug in try FileManager.default.contentsOfDirectory(atPath: clients.path) {
            for name in ["token.txt", "portal-key.txt"] {
                if let secret = site.read("content/clients/\(slug)/\(name)") {
                    secrets.append(secret.trimmingCharacters(in: .whitespacesAndNewlines))
                }
            }
        }
        #expect(secrets.count >= 7)
        for secret in secrets { #expect(!text.contains(secret)) }
    }

    @Test("an unknown format or a bad --from is a usage error (exit 2)")
    func usage() throws {
        let site = try ExportSite.make()
        defer { site.remove() }
        #expect(try cli.docket(["export", "quickbooks", "--site", site.root.path]).status == 2)
        #expect(try cli.docket(["export", "csv", "--site", site.root.path, "--from", "1/11/2026"]).status == 2)
    }
}
