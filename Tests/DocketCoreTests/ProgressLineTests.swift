import Foundation
import Testing

@testable import DocketCore

@Suite("Build progress")
struct ProgressLineTests {
    @Test("the line appears after a second, says the phase and how many of how many, and redraws in place")
    func frames() {
        let building = BuildProgress.Snapshot(phase: "Building clients", done: 57, total: 200)
        #expect(ProgressLine.frame(building, elapsed: .milliseconds(999)) == nil)
        #expect(
            ProgressLine.frame(building, elapsed: .milliseconds(2_300))
                == "\r\u{1B}[2Kdocket: Building clients: 57 of 200 (28%)… 2 s")
        let writing = BuildProgress.Snapshot(phase: "Writing public/", done: 0, total: 0)
        #expect(ProgressLine.frame(writing, elapsed: .seconds(1)) == "\r\u{1B}[2Kdocket: Writing public/… 1 s")
        #expect(ProgressLine.clear == "\r\u{1B}[2K")
    }

    @Test("a check counts each client it builds; a build ends saving its record")
    func counts() throws {
        let site = try TemporarySite(files: [
            "content/business.md": businessMD,
            "content/clients/a/client.md": "---\nname: A\ncontact: A\nemail: a@a.example\nrate: 30\n---\n",
            "content/clients/b/client.md": "---\nname: B\ncontact: B\nemail: b@b.example\nrate: 30\n---\n",
            "content/clients/c/client.md": "---\nname: C\ncontact: C\nemail: c@c.example\nrate: 30\n---\n",
        ])
        defer { site.remove() }
        func check() -> BuildProgress.Snapshot {
            let progress = BuildProgress()
            _ = Builder.run(
                .init(root: site.root, today: CalendarDate(iso: "2026-11-30")!, mode: .check, progress: progress))
            return progress.snapshot
        }
        // A check stops after the clients: three of three built.
        #expect(check() == BuildProgress.Snapshot(phase: "Building clients", done: 3, total: 3))
        let progress = BuildProgress()
        _ = Builder.run(
            .init(root: site.root, today: CalendarDate(iso: "2026-11-30")!, mode: .build, progress: progress))
        #expect(progress.snapshot.phase == "Saving the build record")
    }

    @Test(
        "on a terminal a long build shows the line, cleared before the summary; through a pipe, no control characters",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func terminal() throws {
        let site = try TemporarySite(files: [:])
        defer { site.remove() }
        let docket = CLITests.executable.path
        let generate = Process()
        generate.executableURL = CLITests.executable
        generate.arguments = ["demo", "--clients", "12", "--out", site.root.path]
        generate.standardOutput = FileHandle.nullDevice
        try generate.run()
        generate.waitUntilExit()
        // `script` runs the build with a terminal as its standard error and copies what it printed.
        let typescript = site.root.appendingPathComponent("typescript")
        let script = Process()
        script.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        script.arguments = [
            "-qfec",
            "DOCKET_PROGRESS_DELAY_MS=0 '\(docket)' build --site '\(site.root.path)' --today 2026-11-30",
            typescript.path,
        ]
        script.standardOutput = FileHandle.nullDevice
        try script.run()
        script.waitUntilExit()
        let shown = try String(contentsOf: typescript, encoding: .utf8)
        #expect(shown.contains("\r\u{1B}[2Kdocket: Building clients: "))
        #expect(shown.contains("\r\u{1B}[2KBuilt 12 client portals in "))
        // Through a pipe (a log), from scratch again: the summary only.
        for folder in ["public", "dashboard", ".docket", ".docket-cache"] {
            try? FileManager.default.removeItem(at: site.root.appendingPathComponent(folder))
        }
        let run = try CLITests().docket(
            ["build", "--site", site.root.path, "--today", "2026-11-30"], environment: ["DOCKET_PROGRESS_DELAY_MS": "0"]
        )
        #expect(run.status == 0)
        #expect(!run.stderr.contains("\u{1B}") && !run.stdout.contains("\u{1B}") && !run.stderr.contains("\r"))
    }
}
