import Foundation
import Testing

/// `docket init`, `docket new` and `docket templates` through the real executable: what they print and how
/// they exit, and a copied executable that works on its own.
@Suite("Command line: starting a site")
struct ScaffoldCLITests {
    func docket(_ arguments: [String]) throws -> CLITests.Run { try CLITests().docket(arguments) }

    @Test("init DIR makes the folder and exits 0; again, it exits 1 naming each file and writing nothing")
    func initTwice() throws {
        let site = try TemporarySite(files: [:], templates: false)
        defer { site.remove() }
        let folder = site.root.appendingPathComponent("my site").path
        let first = try docket(["init", folder])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(
            first.stdout.hasPrefix(
                "Started a Docket site in \(folder):\n  content/business.md\n  content/clients/example-client/client.md\n  .gitignore\n"
            ))
        let again = try docket(["init", "--site", folder])
        #expect(again.status == 1)
        #expect(again.stdout.isEmpty)
        #expect(
            again.stderr.hasPrefix(
                ".gitignore: error: already exists; `docket init` never writes over a file: start the site in an empty folder, or move this file aside\n"
            ))
        #expect(again.stderr.hasSuffix("docket: 3 errors, 0 warnings\ndocket: nothing was written\n"))
        let check = try docket(["check", "--site", folder])
        #expect(check.status == 1)
        #expect(check.stderr.contains("content/business.md:8:7: error: still to fill in: `name`"))
        #expect(check.stderr.hasSuffix("docket: 11 errors, 0 warnings\n"))
        #expect(try docket(["init", folder, "--site", folder]).status == 2)
    }

    @Test("new client and new terms exit 0 when written, 1 when refused; templates --eject writes templates/")
    func newAndEject() throws {
        let site = try TemporarySite(files: ["content/business.md": businessMD], templates: false)
        defer { site.remove() }
        let path = site.root.path
        let client = try docket(["new", "client", "acme", "--site", path])
        #expect(client.status == 0, "\(client.stderr)")
        #expect(client.stdout.hasPrefix("Wrote content/clients/acme/client.md.\n"))
        let bad = try docket(["new", "client", "Acme", "--site", path])
        #expect(bad.status == 1)
        #expect(bad.stderr.hasPrefix("content/clients/Acme: error: invalid client folder name `Acme`"))
        let terms = try docket(["new", "terms", "acme", "--site", path, "--today", "2026-11-30"])
        #expect(terms.status == 0, "\(terms.stderr)")
        #expect(
            terms.stdout.hasPrefix(
                "Wrote content/clients/acme/terms/1.md: version 1, status: proposed, a first version.\n"))
        #expect(try docket(["new", "terms", "acme", "--site", path]).status == 1)
        #expect(try docket(["new", "invoice", "acme", "--site", path]).status == 2)
        let eject = try docket(["templates", "--eject", "--site", path])
        #expect(eject.status == 0, "\(eject.stderr)")
        #expect(eject.stdout.hasPrefix("Wrote templates/assets/portal.css\nWrote templates/dashboard.mustache\n"))
        let listing = try docket(["templates", "--site", path])
        #expect(listing.stdout.hasPrefix("assets/portal.css       yours: templates/assets/portal.css\n"))
    }

    @Test("a copy of the executable, alone in another folder, builds a site that has no templates/")
    func copiedExecutable() throws {
        let site = try TemporarySite(
            files: [
                "content/business.md": businessMD,
                "content/clients/acme/client.md": "---\nname: Acme\ncontact: Sam\nemail: s@a.example\nrate: 30\n---\n",
            ], templates: false)
        defer { site.remove() }
        let copy = site.root.appendingPathComponent("bin/docket")
        try FileManager.default.createDirectory(
            at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLITests.executable, to: copy)
        let process = Process()
        process.executableURL = copy
        process.arguments = ["build", "--site", site.root.path, "--today", "2026-11-29"]
        process.currentDirectoryURL = copy.deletingLastPathComponent()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(site.read("public/assets/portal.css")?.hasPrefix("/* Docket portal styles.") == true)
        #expect(site.read("public/index.html")?.contains("<h1>Jo Bloggs Virtual Assistance</h1>") == true)
    }
}
