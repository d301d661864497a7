import Foundation
import Testing

@testable import DocketCore

#if canImport(Glibc)
    import Glibc
#endif

/// The parts of crash-safe builds, one by one: the site's lock, the journal an interrupted build leaves, the
/// temporary files kept out of `public/`, and the checker the killed-build proof relies on (shown to catch
/// what it must). `KilledBuildTests` kills real builds.
@Suite("Crash-safe builds")
struct CrashSafetyTests {
    func site() throws -> TemporarySite {
        try TemporarySite(files: [
            "content/business.md": businessMD,
            "content/clients/acme/client.md": "---\nname: Acme\ncontact: Sam\nemail: s@a.example\nrate: 30\n---\n",
            "content/clients/acme/timesheets/2026-11.md": "## 2026-11-02\n- 1h Work\n",
            "content/clients/bolt/client.md": "---\nname: Bolt\ncontact: Jo\nemail: j@b.example\nrate: 40\n---\n",
            "content/clients/bolt/timesheets/2026-11.md": "## 2026-11-03\n- 2h Work\n",
        ])
    }

    @Test("a second build of a site waits, saying for whom, until the first one's lock is released")
    func secondBuildWaits() throws {
        let site = try site()
        var lock: SiteLock? = try SiteLock.acquire(root: site.root, command: "build", waiting: { _ in })
        #expect(lock != nil)
        let errors = site.root.appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let process = Process()
        process.executableURL = CLITests.executable
        process.arguments = ["build", "--site", site.root.path, "--today", "2026-11-29"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        let expected = "docket: waiting for another docket build of this site (pid \(getpid())) to finish…"
        var said = ""
        for _ in 0..<400 where !said.contains(expected) {
            Thread.sleep(forTimeInterval: 0.05)
            said = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        }
        #expect(said.contains(expected), "\(said)")
        Thread.sleep(forTimeInterval: 0.3)
        #expect(process.isRunning)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("public").path))
        lock = nil
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("public/index.html").path))
    }

    @Test("the lock makes nothing in a folder that is no site, and never writes through a symbolic link")
    func lockLeavesOtherFilesAlone() throws {
        // A mistyped --site: no content/ folder, so no .docket/ is made there (the command says what is wrong).
        let stray = try TemporarySite(files: ["notes.txt": "mine\n"], templates: false)
        defer { stray.remove() }
        _ = try SiteLock.acquire(root: stray.root, command: "build", waiting: { _ in })
        #expect(!stray.exists(".docket"))
        // A lock file that is a symbolic link to a file of the VA's: refused, and the file left as it was.
        let site = try site()
        defer { site.remove() }
        try site.write("precious.txt", "do not empty me\n")
        try FileManager.default.createDirectory(
            at: site.root.appendingPathComponent(".docket"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: site.root.appendingPathComponent(".docket/lock").path,
            withDestinationPath: site.root.appendingPathComponent("precious.txt").path)
        #expect(throws: (any Error).self) {
            _ = try SiteLock.acquire(root: site.root, command: "build", waiting: { _ in })
        }
        #expect(site.read("precious.txt") == "do not empty me\n")
    }

    @Test("the waiting message names the other command and its process id")
    func waitingMessage() {
        #expect(
            SiteLock.waitingMessage(holder: .init(pid: 42, command: "build"))
                == "docket: waiting for another docket build of this site (pid 42) to finish…\n")
        #expect(
            SiteLock.waitingMessage(holder: .init(pid: 7, command: "log"))
                == "docket: waiting for another docket log on this site (pid 7) to finish…\n")
        #expect(
            SiteLock.waitingMessage(holder: nil)
                == "docket: waiting for another docket command on this site to finish…\n")
    }

    @Test("the lock is the kernel's: a second taker in this process waits too, and gets it once it is released")
    func lockIsExclusive() throws {
        let site = try site()
        var first: SiteLock? = try SiteLock.acquire(root: site.root, command: "build", waiting: { _ in })
        let waited = Locked<SiteLock.Holder?>(nil)
        let done = DispatchSemaphore(value: 0)
        let root = site.root
        Thread.detachNewThread {
            let second = try? SiteLock.acquire(root: root, command: "log", waiting: { waited.set($0) })
            withExtendedLifetime(second) { _ = done.signal() }
        }
        #expect(done.wait(timeout: .now() + 0.5) == .timedOut)
        #expect(waited.get() == SiteLock.Holder(pid: getpid(), command: "build"))
        #expect(first != nil)
        first = nil
        #expect(done.wait(timeout: .now() + 10) == .success)
    }

    @Test(
        "after an interrupted build, the files its journal names that this build does not produce are removed, with its temporary files"
    )
    func journalRemovesWhatAKilledBuildWrote() throws {
        let site = try site()
        #expect(site.build().succeeded)
        let clean = OutputTree(site: site.root)
        let token = try #require(site.read("content/clients/acme/token.txt")).trimmingCharacters(
            in: .whitespacesAndNewlines)
        // What a build killed while writing could leave: a page of a month no longer produced, a temporary
        // file beside a page (an output folder on another file system), and its journal.
        try site.write("public/\(token)/hours/2026-12.html", "<p>half")
        try site.write("public/\(token)/index.html.docket-new", "<p>half")
        try site.write("dashboard/old.html", "stale")
        try site.write(
            ".docket/build-journal",
            "C\tacme\nO\tpublic/\(token)/hours/2026-12.html\nO\tpublic/\(token)/index.html\nO\tdashboard/old.html\n")
        let report = site.build()
        #expect(report.succeeded)
        #expect(report.rebuiltClients == ["acme"])
        #expect(!report.reusedCache)
        #expect(OutputTree(site: site.root).differences(from: clean).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent(".docket/build-journal").path))
        // And the next build, with nothing changed, reuses everything again.
        #expect(site.build().reusedCache)
    }

    @Test("a rebuild writes no temporary file into public/: they go to .docket-cache/tmp (0700), left empty")
    func temporaryFilesOutsidePublic() throws {
        let site = try site()
        #expect(site.build().succeeded)
        try site.write("content/clients/acme/timesheets/2026-11.md", "## 2026-11-02\n- 3h Work\n")
        let report = site.build()
        #expect(report.succeeded)
        #expect(report.outcome.written > 0)
        let names = OutputTree(site: site.root).files.keys
        #expect(!names.contains { $0.hasSuffix(".docket-new") || $0.contains("/\(getpid())-") })
        let scratch = site.root.appendingPathComponent(".docket-cache/tmp").path
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch).isEmpty)
        var info = stat()
        #expect(stat(scratch, &info) == 0 && info.st_mode & 0o777 == 0o700)
    }

    @Test("a file written by the site writer is created with the writer's mode, whole")
    func writerMode() throws {
        let site = try site()
        try SiteWriter.Scratch(root: site.root).prepare()
        let writer = SiteWriter(root: site.root, folder: "outbox", mode: 0o600)
        try writer.begin()
        _ = try writer.writeBatch([OutputFile(path: "a.eml", data: Data("one".utf8))])
        _ = try writer.writeBatch([OutputFile(path: "a.eml", data: Data("two".utf8))])
        var info = stat()
        #expect(stat(site.root.appendingPathComponent("outbox/a.eml").path, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        #expect(site.read("outbox/a.eml") == "two")
    }

    @Test(
        "the checker of a killed build flags a half-written file, a temporary file and a stale file, and passes a mix of before and after"
    )
    func checkerCatchesDamage() {
        let before = OutputTree(files: ["public/a.html": Data("old a".utf8), "public/gone.html": Data("gone".utf8)])
        let after = OutputTree(files: ["public/a.html": Data("new a, longer".utf8), "public/b.html": Data("b".utf8)])
        // Each file as before or as after, some not yet written or not yet removed: fine.
        let mixed = OutputTree(files: [
            "public/a.html": Data("new a, longer".utf8), "public/gone.html": Data("gone".utf8),
        ])
        #expect(mixed.violations(before: before, after: after).isEmpty)
        let damaged = OutputTree(files: [
            "public/a.html": Data("new a".utf8),
            "public/a.html.docket-new": Data("new a, longer".utf8),
            "public/stale.html": Data("x".utf8),
        ])
        #expect(
            damaged.violations(before: before, after: after) == [
                "public/a.html: neither as before nor as after (5 bytes, expected 5 or 13)",
                "public/a.html.docket-new: in neither the tree before nor the tree after (13 bytes)",
                "public/stale.html: in neither the tree before nor the tree after (1 bytes)",
            ])
        #expect(damaged.differences(from: after).count == 4)
        // A page in both trees taken away (as a writer that deletes, then writes again, would leave it).
        let taken = OutputTree(files: ["public/gone.html": Data("gone".utf8)])
        #expect(
            taken.violations(before: before, after: after) == [
                "public/a.html: missing, though it is in the tree before and the tree after"
            ])
    }

    @Test("the checker catches a page cut short on disk, as a killed build without whole-file writes would leave it")
    func checkerCatchesHalfWrittenPage() throws {
        let site = try site()
        #expect(site.build().succeeded)
        let before = OutputTree(site: site.root)
        try site.write("content/clients/acme/timesheets/2026-11.md", "## 2026-11-02\n- 3h Work\n")
        #expect(site.build().succeeded)
        let after = OutputTree(site: site.root)
        let token = try #require(site.read("content/clients/acme/token.txt")).trimmingCharacters(
            in: .whitespacesAndNewlines)
        let page = "public/\(token)/index.html"
        let full = try #require(after.files[page])
        try site.write(page, full.prefix(full.count / 2))
        #expect(
            OutputTree(site: site.root).violations(before: before, after: after) == [
                "\(page): neither as before nor as after (\(full.count / 2) bytes, expected \(before.files[page]!.count) or \(full.count))"
            ])
    }
}

/// A value shared between threads.
final class Locked<Value: Sendable>: @unchecked Sendable {
    // @unchecked: `value` is read and written under `lock` only.
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func get() -> Value { lock.withLock { value } }
    func set(_ newValue: Value) { lock.withLock { value = newValue } }
}
