import Foundation
import Testing

@testable import DocketCore

/// The parts a build is made of: pages staged on disk, work on several threads, file status as the record
/// writes it, passphrase names found in client.md, and files written in batches.
@Suite("Build parts")
struct BuildPartsTests {
    @Test("pages kept on disk come back byte for byte, and a replaced file is swapped in whole")
    func stageAndWrite() throws {
        let site = try TemporarySite(files: [:], templates: false)
        defer { site.remove() }
        let stage = try PageStage(directory: site.root.appendingPathComponent("stage"))
        let files = [
            OutputFile(path: "t/index.html", text: "<p>é\n\n</p>"), OutputFile(path: "t/empty.json", data: Data()),
            OutputFile(path: "t/bin", data: Data([0, 10, 255, 10])),
        ]
        try stage.put("acme", files)
        #expect(try stage.take("acme") == files)
        #expect(!site.exists("stage/acme"))
        stage.discard()
        #expect(!site.exists("stage"))

        let path = site.root.appendingPathComponent("page.html").path
        try SiteWriter.writeFile(Data("first".utf8), to: path, replacing: false)
        try SiteWriter.writeFile(Data("second".utf8), to: path, replacing: true)
        #expect(site.read("page.html") == "second")
        #expect(!site.exists("page.html.docket-new"))
        #expect(throws: (any Error).self) {
            try SiteWriter.writeFile(
                Data(), to: site.root.appendingPathComponent("missing/page.html").path, replacing: false)
        }
    }

    @Test(
        "a batch makes its folders, writes new and changed files, leaves equal ones, and names a file in a folder's way"
    )
    func batches() throws {
        let site = try TemporarySite(files: [:], templates: false)
        defer { site.remove() }
        let writer = SiteWriter(root: site.root)
        try writer.begin()
        let first = [
            OutputFile(path: "t/hours/2026-11.html", text: "A"), OutputFile(path: "t/index.html", text: "B"),
            OutputFile(path: "top.html", text: "C"),
        ]
        #expect(try writer.writeBatch(first) == SiteWriter.Outcome(written: 3, unchanged: 0, removed: 0))
        #expect(site.read("public/t/hours/2026-11.html") == "A")
        let second = [
            OutputFile(path: "t/hours/2026-11.html", text: "A"), OutputFile(path: "t/index.html", text: "B2"),
            OutputFile(path: "t/terms/1.html", text: "D"),
        ]
        #expect(try writer.writeBatch(second) == SiteWriter.Outcome(written: 2, unchanged: 1, removed: 0))
        #expect(site.read("public/t/index.html") == "B2")
        #expect(site.read("public/t/terms/1.html") == "D")
        #expect(SiteWriter.parent(of: "a/b/c.html") == "a/b")
        #expect(SiteWriter.parent(of: "c.html") == "")

        try site.write("public/u", "a file where a folder goes")
        do {
            _ = try writer.writeBatch([OutputFile(path: "u/index.html", text: "E")])
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "u: Not a directory")
        }
    }

    @Test("work spread over threads of its own keeps its order")
    func threads() {
        let numbers = Array(0..<1_000)
        #expect(numbers.parallelMap(threads: 8) { $0 * 2 } == numbers.map { $0 * 2 })
        #expect([7].parallelMap(threads: 8) { $0 + 1 } == [8])
        #expect([Int]().parallelMap(threads: 8) { $0 } == [])
    }

    @Test("a client's passphrase names are found in its client.md; the word search finds a word anywhere, and only it")
    func passphraseNames() throws {
        #expect(BuildCache.contains(Data("abc portal_passphrase_env: X".utf8), "portal_passphrase_env"))
        #expect(BuildCache.contains(Data("portal_passphrase_env".utf8), "portal_passphrase_env"))
        #expect(!BuildCache.contains(Data("portal_passphrase_en".utf8), "portal_passphrase_env"))
        #expect(!BuildCache.contains(Data("pportal_passphrase_en v".utf8), "portal_passphrase_env"))
        #expect(!BuildCache.contains(Data(), "portal_passphrase_env"))
        let site = try TemporarySite(files: [
            "content/clients/a/client.md": "---\nname: A\nportal_passphrase_env: A_PASS\n---\n",
            "content/clients/b/client.md": "---\nname: B\n---\n",
        ])
        defer { site.remove() }
        #expect(BuildCache.passphraseNames(slug: "a", rootPath: site.root.path, environment: [:]) == ["A_PASS"])
        #expect(BuildCache.passphraseNames(slug: "b", rootPath: site.root.path, environment: [:]) == [])
    }

    @Test("a file status is written in the record as `size modified changed inode`, digit by digit")
    func statusLines() {
        let cases: [(FileStatus, String)] = [
            (FileStatus(size: 0, modified: 0, changed: 0, inode: 0), "0 0 0 0"),
            (
                FileStatus(size: 4_096, modified: 1_764_400_000_123_456_789, changed: -1, inode: UInt64.max),
                "4096 1764400000123456789 -1 18446744073709551615"
            ),
            (
                FileStatus(size: Int.max, modified: Int.min + 1, changed: 42, inode: 7),
                "9223372036854775807 -9223372036854775807 42 7"
            ),
            (FileStatus(size: 1, modified: 2, changed: 3, inode: UInt64.max), "1 2 3 18446744073709551615"),
        ]
        for (status, expected) in cases {
            var bytes: [UInt8] = []
            status.appendLine(to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == expected)
            #expect(status.line == expected)
            // And read back by the record's reader.
            #expect(
                BuildCache.status(Array(expected.utf8), 0..<expected.utf8.count)
                    == (status.size >= 0 && status.modified >= 0 && status.changed >= 0 ? status : nil))
        }
    }

    @Test(
        "files found by their types are the files found by their status (which adds links), hidden and nested ones included"
    )
    func fileNamesFromTypes() throws {
        let site = try TemporarySite(files: [
            "content/clients/a/client.md": "x", "content/clients/a/.hidden": "x",
            "content/clients/a/timesheets/2026-11.md": "x", "content/clients/a/deep/er/note.txt": "x",
        ])
        defer { site.remove() }
        let folder = site.root.path + "/content/clients/a"
        try FileManager.default.createSymbolicLink(
            atPath: folder + "/link.md", withDestinationPath: folder + "/client.md")
        let names = FileStatus.fileNames(under: folder).sorted()
        #expect(names == [".hidden", "client.md", "deep/er/note.txt", "timesheets/2026-11.md"])
        // The status walk lists the link too, with its own status (never followed), so that adding one changes
        // a fingerprint; the names walk (prefetch hints) leaves it out.
        #expect(
            FileStatus.files(under: folder).map(\.path) == [
                ".hidden", "client.md", "deep/er/note.txt", "link.md", "timesheets/2026-11.md",
            ])
    }

    @Test("files written into a folder a batch made come back with the status they were left with")
    func statusesOfNewFiles() throws {
        let site = try TemporarySite(files: [:], templates: false)
        defer { site.remove() }
        let writer = SiteWriter(root: site.root)
        try writer.begin()
        try site.write("public/old/x.html", "X")
        let files = [
            OutputFile(path: "t/a.html", text: "A"), OutputFile(path: "t/hours/b.html", text: "BB"),
            OutputFile(path: "old/y.html", text: "Y"), OutputFile(path: "top.html", text: "T"),
        ]
        let (outcome, statuses) = try writer.writeBatchKeepingStatus(files)
        #expect(outcome == SiteWriter.Outcome(written: 4, unchanged: 0, removed: 0))
        #expect(statuses.count == 4)
        #expect(statuses[0] != nil && statuses[0] == FileStatus.of(site.root.path + "/public/t/a.html"))
        #expect(statuses[1]?.size == 2 && statuses[1] == FileStatus.of(site.root.path + "/public/t/hours/b.html"))
        // A folder that was there already, and the output folder itself: not known.
        #expect(statuses[2] == nil && statuses[3] == nil)
        #expect(site.read("public/t/hours/b.html") == "BB" && site.read("public/old/y.html") == "Y")
    }
}
