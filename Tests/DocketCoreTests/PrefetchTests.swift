import Foundation
import Testing

@testable import DocketCore

/// The thread that hints a build's files to the kernel ahead of the client tasks.
@Suite("Prefetching")
struct PrefetchTests {
    @Test("the prefetcher hints the files it is given in order, lists a folder given none, changes no file, and stops")
    func prefetch() throws {
        let site = try TemporarySite(
            files: [
                "content/clients/acme/client.md": "---\nname: Acme\n---\n",
                "content/clients/acme/timesheets/2026-11.md": "## 2026-11-02\n- 1h Work\n",
            ],
            templates: false)
        defer { site.remove() }
        let root = site.root.path
        let before = site.snapshot("content")
        // The hook sees each file the prefetcher opens to hint; the hint itself (posix_fadvise) leaves no trace
        // a test can read, so what is held here is which files, in what order, and that nothing is changed.
        let visited = Visits()
        let prefetcher = FilePrefetcher(
            root: site.root,
            clients: [
                (
                    "acme",
                    [
                        "content/clients/acme/timesheets/2026-11.md", "content/none.md",
                        "content/clients/acme/client.md",
                    ]
                ),
                ("missing", nil), ("acme", nil),
            ],
            visit: { visited.add($0) })
        visited.wait(for: 5)
        prefetcher.stop()
        let paths = visited.paths
        // The files given, in their order (a missing one too: the kernel is simply not asked), then acme's
        // folder as listed (in the order the folder gives them), and nothing for a folder that is not there.
        #expect(
            Array(paths.prefix(3)) == [
                root + "/content/clients/acme/timesheets/2026-11.md", root + "/content/none.md",
                root + "/content/clients/acme/client.md",
            ])
        #expect(
            paths.dropFirst(3).sorted() == [
                root + "/content/clients/acme/client.md",
                root + "/content/clients/acme/timesheets/2026-11.md",
            ])
        #expect(site.snapshot("content") == before)

        // Stopped while it still has thousands of clients to go (each visit takes a millisecond): stop()
        // returns long before it would have finished, and once it returned no file is visited any more.
        let slow = Visits()
        let stopping = FilePrefetcher(
            root: site.root, clients: Array(repeating: ("acme", nil), count: 5_000),
            visit: {
                slow.add($0)
                usleep(1_000)
            })
        slow.wait(for: 1)
        stopping.stop()
        let atStop = slow.paths.count
        usleep(20_000)
        #expect(atStop > 0)
        #expect(atStop < 1_000)
        #expect(slow.paths.count == atStop)
    }
}

/// The paths a prefetcher visited, gathered from its thread.
final class Visits: @unchecked Sendable {
    // @unchecked: `list` is only used under `lock`.
    private let lock = NSLock()
    private var list: [String] = []

    func add(_ path: String) {
        lock.lock()
        list.append(path)
        lock.unlock()
    }

    var paths: [String] {
        lock.lock()
        defer { lock.unlock() }
        return list
    }

    /// Waits until at least `count` paths were visited (at most ten seconds).
    func wait(for count: Int) {
        for _ in 0..<10_000 where paths.count < count { usleep(1_000) }
    }
}
