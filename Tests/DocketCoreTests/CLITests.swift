import Foundation
import Testing

/// Runs the real `docket` executable, built next to the test bundle.
@Suite("Command line")
struct CLITests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var executable: URL {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [folder, folder.deletingLastPathComponent()].map { $0.appendingPathComponent("docket") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    func docket(_ arguments: [String], environment: [String: String]? = nil) throws -> Run {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        if let environment { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    func site() throws -> TemporarySite {
        try TemporarySite(files: [
            "content/business.md": businessMD,
            "content/clients/acme/client.md":
                "---\nname: Acme\ncontact: Sam\nemail: s@a.example\nrate: 30\n---\nSecret\n",
            "content/clients/acme/timesheets/2026-11.md": "## 2026-11-02\n- 1h Work\n",
        ])
    }

    #if os(Linux)
        @Test("the docket command allocates memory with jemalloc (linked for speed; see docs/PERFORMANCE.md)")
        func allocator() throws {
            // jemalloc prints its statistics at exit when asked; glibc's malloc ignores the variable.
            let run = try docket(["--help"], environment: ["MALLOC_CONF": "stats_print:true"])
            #expect(run.status == 0)
            #expect(run.stderr.contains("jemalloc statistics"))
        }
    #endif

    @Test(
        "build names an old portal it removed by the client's slug, or counts it when no record names it; never by its token"
    )
    func removedPortals() throws {
        let site = try site()
        defer { site.remove() }
        let build = ["build", "--site", site.root.path, "--today", "2026-11-29"]
        #expect(try docket(build).status == 0)
        for recordKept in [true, false] {
            let old = try #require(site.read("content/clients/acme/token.txt"))
                .trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(try docket(["links", "--site", site.root.path, "--rotate", "acme"]).status == 0)
            if !recordKept { try FileManager.default.removeItem(at: site.root.appendingPathComponent(".docket")) }
            let run = try docket(build)
            #expect(run.status == 0, "\(run.stderr)")
            let removed =
                recordKept ? "the old portal of acme" : "1 old portal folder (no build record named the client)"
            #expect(
                run.stdout.contains(
                    "\nRemoved \(removed) from public/. Upload public/ in a way that deletes what is gone (such as `rsync --delete`) so that its old link stops working.\n"
                ), "\(run.stdout)")
            #expect(!run.stdout.contains(old) && !run.stderr.contains(old))
            #expect(!site.exists("public/\(old)"))
        }
    }

    @Test("build exits 0, prints a summary with each portal's slug and kind; links prints one line per client")
    func buildAndLinks() throws {
        let site = try site()
        defer { site.remove() }
        #expect(
            FileManager.default.isExecutableFile(atPath: Self.executable.path),
            "docket not built at \(Self.executable.path)")
        let build = try docket(["build", "--site", site.root.path, "--today", "2026-11-29"])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stdout.hasPrefix("Built 1 client portal in "))
        let token = try #require(
            site.read("content/clients/acme/token.txt")?.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(
            build.stdout.hasSuffix(
                "\n  acme  plain  (new share token saved in content/clients/acme/token.txt)\nRun `docket links` to print the share links.\n"
            ))
        #expect(!build.stdout.contains(token))
        let links = try docket(["links", "--site", site.root.path])
        #expect(links.status == 0)
        #expect(links.stdout == "acme  https://portal.example.com/\(token)/\n")

        // Again, nothing changed: said so, and with --timings each phase's time on standard error.
        let again = try docket(["build", "--site", site.root.path, "--today", "2026-11-29", "--timings"])
        #expect(again.status == 0)
        #expect(again.stdout.hasPrefix("Nothing changed since the last build"))
        // (Standard error also has the site's warnings; a timing line is `  0.012 s  phase`.)
        var phases: [String] = []
        for line in again.stderr.split(separator: "\n") {
            let words = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
            if words.count == 3, Double(words[0]) != nil, words[1] == "s" {
                phases.append(String(words[2]).trimmingCharacters(in: .whitespaces))
            }
        }
        #expect(
            phases == [
                "business.md and templates", "read the build record", "look at and fingerprint every input file",
                "check the outputs of unchanged clients", "nothing changed",
            ])
    }

    @Test("content errors exit 1 with path:line:column: error: lines on stderr")
    func contentErrors() throws {
        let site = try site()
        defer { site.remove() }
        try site.write("content/clients/acme/timesheets/2026-11.md", "## 2026-11-02\n- 1h Work\n- 9:00-9:99 Bad\n")
        let check = try docket(["check", "--site", site.root.path, "--today", "2026-11-29"])
        #expect(check.status == 1)
        #expect(
            check.stderr.hasPrefix("content/clients/acme/timesheets/2026-11.md:3:8: error: expected an end time HH:MM"))
        #expect(check.stderr.contains("docket: 1 error, 0 warnings"))
        let build = try docket(["build", "--site", site.root.path])
        #expect(build.status == 1)
        #expect(!site.exists("public"))
    }

    @Test("build, check and links print the same error for a share token two clients hold, and exit 1")
    func duplicateTokenSameError() throws {
        let site = try site()
        defer { site.remove() }
        try site.write(
            "content/clients/beta/client.md", "---\nname: Beta\ncontact: B\nemail: b@b.example\nrate: 25\n---\n")
        try site.write("content/clients/acme/token.txt", "Xy7TOqZUjqKjDtrytKbz9A\n")
        try site.write("content/clients/beta/token.txt", "Xy7TOqZUjqKjDtrytKbz9A\n")
        let error =
            "content/clients/beta/token.txt:1:1: error: the same share token as content/clients/acme; each client needs its own: delete this file and build again to get a new one\n"
        for command in ["build", "check", "links"] {
            let run = try docket([command, "--site", site.root.path])
            #expect(run.status == 1, "\(command)")
            // (build and check also compute the clients, and warn that no terms are agreed.)
            #expect(run.stderr.contains(error), "\(command): \(run.stderr)")
            #expect(run.stderr.contains("docket: 1 error, "), "\(command): \(run.stderr)")
            #expect(run.stdout.isEmpty, "\(command)")
        }
        #expect(!site.exists("public"))
    }

    @Test("build prints no share token and no #k= key, for the demo site and for a site whose tokens it makes")
    func buildPrintsNoSecret() throws {
        let state = try StateFolder()
        defer { state.remove() }
        let demo = try TemporarySite(files: [:])
        defer { demo.remove() }
        try FileManager.default.copyItem(
            at: TemporarySite.repository.appendingPathComponent("content"),
            to: demo.root.appendingPathComponent("content"))
        let made = try TemporarySite(files: [
            "content/business.md": businessMD,
            "content/clients/acme/client.md": "---\nname: Acme\ncontact: A\nemail: a@a.example\nrate: 30\n---\n",
            "content/clients/beta/client.md":
                "---\nname: Beta\ncontact: B\nemail: b@b.example\nrate: 25\nportal_passphrase_env: BETA_PASS\n---\n",
            "content/clients/linked/client.md":
                "---\nname: Linked\ncontact: L\nemail: l@l.example\nrate: 25\nportal_encryption: link\n---\n",
        ])
        defer { made.remove() }
        let environment = ["BETA_PASS": "correct horse battery staple", "XDG_STATE_HOME": state.url.path]
        for site in [demo, made] {
            var runs: [Run] = []
            for _ in 0..<2 {  // a full build, then one with nothing changed
                let run = try docket(
                    ["build", "--site", site.root.path, "--today", "2026-11-29"], environment: environment)
                #expect(run.status == 0, "\(run.stderr)")
                runs.append(run)
            }
            let clients = try FileManager.default.contentsOfDirectory(
                atPath: site.root.appendingPathComponent("content/clients").path)
            var secrets: [String] = []
            for slug in clients {
                for name in ["token.txt", "portal-key.txt"] {
                    if let text = site.read("content/clients/\(slug)/\(name)") {
                        secrets.append(text.trimmingCharacters(in: .whitespacesAndNewlines))
                    }
                }
            }
            #expect(secrets.count >= 4, "\(site.root.path)")
            #expect(secrets.allSatisfy { $0.count >= 22 })
            for run in runs {
                #expect(run.stdout.contains("encrypted: opens with its #k= link"))
                for secret in secrets {
                    #expect(!run.stdout.contains(secret), "stdout: \(run.stdout)")
                    #expect(!run.stderr.contains(secret), "stderr: \(run.stderr)")
                }
            }
            // links is the one command that prints them.
            let links = try docket(["links", "--site", site.root.path])
            #expect(secrets.allSatisfy { links.stdout.contains($0) })
        }
        #expect(made.read("content/clients/beta/portal-salt.txt") != nil)
    }

    @Test("usage errors exit 2")
    func usage() throws {
        #expect(try docket(["build", "--today", "29/11/2026"]).status == 2)
        #expect(try docket(["frobnicate"]).status == 2)
        #expect(try docket(["build", "--site", "/nonexistent/site"]).status == 2)
        #expect(try docket(["--help"]).status == 0)
    }
}
