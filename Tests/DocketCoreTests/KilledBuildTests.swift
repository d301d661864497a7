import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The proof that a build killed at any moment does no harm: a 200-client site's rebuild, run as the real
/// `docket` command, is killed with SIGKILL at many random moments (a seeded generator; the seed is printed,
/// and `DOCKET_CRASH_SEED` replays it, `DOCKET_CRASH_KILLS` sets how many kills). After each kill every file
/// of `public/`, `dashboard/` and `outbox/` is as before the rebuild or as after it, the private folders and
/// drafts keep their modes, and the next build makes the three folders byte for byte what a clean build of
/// the same content makes. See docs/testing.md, "Crash-safe builds".
@Suite("Killed builds", .serialized)
struct KilledBuildTests {
    /// The environment of the builds that are killed, and of the rebuilds measured and the repairs: each file
    /// written in two halves 3 ms apart (a hook of debug builds, `SiteWriter.testWritePause`), so that
    /// the write phase is long enough for many kills to land in it, some between a file's two halves.
    static let pausing = ["DOCKET_TEST_WRITE_PAUSE_US": "3000"]

    /// Runs `docket` with `arguments`, with `HOME` at `home` (where the fingerprint key lives) and `extra`
    /// variables; its status and standard error.
    static func docket(_ arguments: [String], home: URL, extra: [String: String] = [:]) throws -> (
        status: Int32, stderr: String
    ) {
        let process = Process()
        process.executableURL = CLITests.executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(extra.merging(["HOME": home.path]) { $1 }) {
            $1
        }
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stderr, as: UTF8.self))
    }

    /// The two states of the site's content the test moves between: `A` as `docket demo` wrote it; `B` with a
    /// new month of time for 10 clients, one client more and one fewer.
    struct Inputs {
        let site: URL
        let aside: URL
        let edited = (1...10).map { String(format: "client-%05d", $0 * 17) }
        let added = "client-00201"
        let removed = "client-00013"

        var clients: URL { site.appendingPathComponent("content/clients") }

        /// Makes the added client (its client.md, terms and timesheets copied from another, no invoice and no
        /// token yet), kept aside while the site is in state A.
        func prepare() throws {
            let fileManager = FileManager.default
            let model = clients.appendingPathComponent("client-00007")
            let added = aside.appendingPathComponent(self.added)
            try fileManager.createDirectory(at: added, withIntermediateDirectories: true)
            for name in ["client.md", "terms", "timesheets"] {
                try fileManager.copyItem(
                    at: model.appendingPathComponent(name), to: added.appendingPathComponent(name))
            }
        }

        /// Puts the content in state B (`true`) or A.
        func set(b: Bool) throws {
            let fileManager = FileManager.default
            for slug in edited {
                let month = clients.appendingPathComponent("\(slug)/timesheets/2026-11.md")
                if b {
                    try Data("## 2026-11-03\n\n- 1h30m Crash-test follow-up #admin\n".utf8).write(to: month)
                } else {
                    try? fileManager.removeItem(at: month)
                }
            }
            let (inside, outside) = b ? (added, removed) : (removed, added)
            try fileManager.moveItem(
                at: aside.appendingPathComponent(inside), to: clients.appendingPathComponent(inside))
            try fileManager.moveItem(
                at: clients.appendingPathComponent(outside), to: aside.appendingPathComponent(outside))
        }
    }

    /// A small seeded generator (SplitMix64), so that a failing run can be replayed from its seed.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// What is wrong with the modes of the site's private output: `dashboard/` and `outbox/` must be 0700,
    /// every draft and the share token a build or `docket links` saved (`added`'s) 0600. (`docket demo` writes
    /// its clients' tokens with the umask's mode.)
    static func modeProblems(_ site: URL, added: String) -> [String] {
        func mode(_ path: String) -> mode_t? {
            var info = stat()
            return lstat(path, &info) == 0 ? info.st_mode & 0o777 : nil
        }
        var found: [String] = []
        for folder in ["dashboard", "outbox"] {
            let path = site.appendingPathComponent(folder).path
            if let actual = mode(path), actual != 0o700 { found.append("\(folder): mode \(String(actual, radix: 8))") }
        }
        let outbox = site.appendingPathComponent("outbox")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: outbox.path)) ?? [] {
            if let actual = mode(outbox.appendingPathComponent(name).path), actual != 0o600 {
                found.append("outbox/\(name): mode \(String(actual, radix: 8))")
            }
        }
        let clients = site.appendingPathComponent("content/clients")
        for slug in [added] {
            if let actual = mode(clients.appendingPathComponent("\(slug)/token.txt").path), actual != 0o600 {
                found.append("\(slug)/token.txt: mode \(String(actual, radix: 8))")
            }
        }
        return found
    }

    /// The seconds from the start of a build to the start of its write phase, from `--timings`' lines
    /// (`  0.123 s  phase`), and the seconds of every phase.
    static func writeStart(_ timings: String) -> (beforeWrite: Double, total: Double) {
        var before = 0.0
        var total = 0.0
        var writing = false
        for line in timings.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
            guard parts.count == 3, parts[1] == "s", let seconds = Double(parts[0]) else { continue }
            if parts[2].trimmingCharacters(in: .whitespaces).hasPrefix("write") { writing = true }
            if !writing { before += seconds }
            total += seconds
        }
        return (before, total)
    }

    @Test(
        "a 200-client rebuild killed with SIGKILL at random moments leaves every output file as before or as after, and the next build repairs it byte for byte"
    )
    func killedRebuilds() throws {
        let environment = ProcessInfo.processInfo.environment
        let seed = environment["DOCKET_CRASH_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 1...999_999)
        let kills = environment["DOCKET_CRASH_KILLS"].flatMap { Int($0) } ?? 16
        print("Killed builds: seed \(seed) (DOCKET_CRASH_SEED=\(seed) replays this run), \(kills) kills")
        var random = SeededGenerator(state: seed)

        let work = FileManager.default.temporaryDirectory.appendingPathComponent("docket-kill-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let home = work.appendingPathComponent("home")
        let site = work.appendingPathComponent("site")
        let inputs = Inputs(site: site, aside: work.appendingPathComponent("aside"))
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: inputs.aside, withIntermediateDirectories: true)
        let today = ["--today", "2026-11-29"]
        let demo = try Self.docket(
            ["demo", "--out", site.path, "--clients", "200", "--months", "3"], home: home)
        try #require(demo.status == 0, "\(demo.stderr)")
        try inputs.prepare()

        // The trees to compare with: clean builds (no record, no output yet) of a copy of each state.
        func cleanBuild(_ name: String) throws -> OutputTree {
            let copy = work.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: site.appendingPathComponent("content"), to: copy.appendingPathComponent("content"))
            let built = try Self.docket(["build", "--site", copy.path] + today, home: home)
            try #require(built.status == 0, "\(built.stderr)")
            let tree = OutputTree(site: copy)
            try FileManager.default.removeItem(at: copy)
            return tree
        }
        try inputs.set(b: true)
        // The added client's share token, saved now so that both clean builds of B give its portal one name.
        let links = try Self.docket(["links", "--site", site.path], home: home)
        try #require(links.status == 0, "\(links.stderr)")
        let treeB = try cleanBuild("clean-b")
        try inputs.set(b: false)
        let treeA = try cleanBuild("clean-a")
        let first = try Self.docket(["build", "--site", site.path] + today, home: home)
        try #require(first.status == 0, "\(first.stderr)")
        #expect(OutputTree(site: site).differences(from: treeA).isEmpty)

        // How long each rebuild takes and when its write phase starts, measured here, to spread kill times.
        func rebuild(to b: Bool) throws -> (seconds: Double, writeFrom: Double) {
            try inputs.set(b: b)
            let started = Date()
            let run = try Self.docket(
                ["build", "--site", site.path, "--timings"] + today, home: home, extra: Self.pausing)
            let seconds = Date().timeIntervalSince(started)
            try #require(run.status == 0, "\(run.stderr)")
            let differences = OutputTree(site: site).differences(from: b ? treeB : treeA)
            #expect(
                differences.isEmpty, "an uninterrupted rebuild differs from a clean build: \(differences.prefix(5))")
            let phases = Self.writeStart(run.stderr)
            // Starting the process is the time not in any phase.
            return (seconds, max(0, seconds - phases.total) + phases.beforeWrite)
        }
        let toB = try rebuild(to: true)
        let toA = try rebuild(to: false)
        print(
            "Killed builds: rebuild A→B \(String(format: "%.2f", toB.seconds)) s (writing from \(String(format: "%.2f", toB.writeFrom)) s), B→A \(String(format: "%.2f", toA.seconds)) s (writing from \(String(format: "%.2f", toA.writeFrom)) s)"
        )

        var inB = false
        var killedWriting = 0
        var finishedFirst = 0
        var attempt = 0
        // Every kill is counted; if fewer than three landed while files were being written (the journal was
        // there), a few more are aimed at the write phase.
        while attempt < kills || (killedWriting < 3 && attempt < kills + 12) {
            defer { attempt += 1 }
            let to = !inB
            let measured = to ? toB : toA
            // Half of the kills anywhere in the run, half in its write phase (which a run not measured often
            // reaches a little sooner, and ends sooner, than the measured one).
            let aimAtWrite = attempt % 2 == 1 || attempt >= kills
            let from = aimAtWrite ? measured.writeFrom * 0.85 : 0
            let delay = Double.random(in: from...(max(from, measured.seconds) * 0.95 + 0.001), using: &random)
            try inputs.set(b: to)
            let process = Process()
            process.executableURL = CLITests.executable
            process.arguments = ["build", "--site", site.path] + today
            process.environment = environment.merging(Self.pausing.merging(["HOME": home.path]) { $1 }) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let killed = process.terminationReason == .uncaughtSignal
            if !killed { finishedFirst += 1 }
            let journal = FileManager.default.fileExists(
                atPath: site.appendingPathComponent(".docket/build-journal").path)
            if killed && journal { killedWriting += 1 }
            print(
                "Killed builds: kill \(attempt + 1) at \(String(format: "%.3f", delay)) s, \(to ? "A→B" : "B→A"): \(killed ? (journal ? "killed while writing" : "killed before writing") : "had finished")"
            )

            let violations = OutputTree(site: site).violations(
                before: to ? treeA : treeB, after: to ? treeB : treeA)
            #expect(violations.isEmpty, "seed \(seed), kill \(attempt + 1): \(violations.prefix(10))")
            let modes = Self.modeProblems(site, added: inputs.added)
            #expect(modes.isEmpty, "seed \(seed), kill \(attempt + 1): \(modes)")

            let repair = try Self.docket(["build", "--site", site.path] + today, home: home, extra: Self.pausing)
            try #require(repair.status == 0, "\(repair.stderr)")
            let differences = OutputTree(site: site).differences(from: to ? treeB : treeA)
            #expect(
                differences.isEmpty,
                "seed \(seed), kill \(attempt + 1), after the next build: \(differences.prefix(10))")
            #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent(".docket/build-journal").path))
            let scratch = site.appendingPathComponent(".docket-cache/tmp").path
            #expect(((try? FileManager.default.contentsOfDirectory(atPath: scratch)) ?? []).isEmpty)
            inB = to
        }
        print(
            "Killed builds: \(attempt) kills, \(killedWriting) while writing, \(finishedFirst) after the build had finished (seed \(seed))"
        )
        #expect(killedWriting >= 3, "too few kills landed in the write phase (seed \(seed))")
    }
}
