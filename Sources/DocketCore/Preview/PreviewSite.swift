import Foundation

/// The site as `docket serve` shows it: rebuilt with the incremental build whenever `content/` or
/// `templates/` change, with the errors of the latest build and a generation that changes whenever open pages
/// should reload (a build that wrote or removed files, or errors that appeared, changed or went).
///
/// A failed build writes nothing (`Builder`), so `public/` keeps the last good pages while the errors are
/// shown over them.
public final class PreviewSite: @unchecked Sendable {
    /// What a served page needs to know of the latest build.
    public struct State: Sendable {
        /// Names the build open pages should show; pages served from another one reload.
        public var generation: String
        /// The latest build's errors (empty when it succeeded).
        public var errors: [Diagnostic]
        /// The portals of the last build that succeeded.
        public var portals: [Portal]
    }

    /// The site folder.
    let root: URL
    /// The date figures are as of, asked again at each build (`--today`, or the system date).
    let today: @Sendable () -> CalendarDate
    /// The environment, for portal passphrases.
    let environment: [String: String]
    /// What identifies the Docket binary (see `Builder.Options.identity`).
    let identity: String
    /// Makes generations from different runs of `serve` differ, so a page left open across a restart reloads.
    let runID = String(UInt64(Date().timeIntervalSince1970 * 1000), radix: 36)
    private var count = 0
    private let lock = NSLock()
    private var current: State
    private var watcher: ChangeWatcher

    /// Prepares the preview of the site in `root`; nothing is built until `rebuild()`.
    public init(
        root: URL, today: @escaping @Sendable () -> CalendarDate, environment: [String: String], identity: String
    ) {
        self.root = root
        self.today = today
        self.environment = environment
        self.identity = identity
        current = State(generation: runID + "-0", errors: [], portals: [])
        watcher = ChangeWatcher(root: root)
    }

    /// The latest build's state.
    public var state: State { lock.withLock { current } }

    /// Builds the site (reusing what did not change), and moves to a new generation when open pages should
    /// reload. Returns the build's report.
    @discardableResult
    public func rebuild() -> Builder.Report {
        _ = watcher.changed()
        let report = Builder.run(
            .init(root: root, today: today(), mode: .build, environment: environment, identity: identity))
        lock.withLock {
            let errors = report.diagnostics.errors
            let changed =
                errors != current.errors
                || (report.succeeded && (report.outcome.written > 0 || report.outcome.removed > 0))
                || (count == 0)
            if report.succeeded { current.portals = report.portals.map { $0.withStoredLinkKey(root: root) } }
            current.errors = errors
            if changed {
                count += 1
                current.generation = "\(runID)-\(count)"
            }
        }
        return report
    }

    /// Whether anything under `content/` or `templates/` changed since the last look (or build).
    public func hasChanges() -> Bool { watcher.changed() }
}

/// Notices changes under a site's `content/` and `templates/` by comparing every file's status (size,
/// modification and change times, inode) with the last look: a save, an editor's rename over the file, a new
/// or removed file.
struct ChangeWatcher {
    /// The folders watched.
    let folders: [String]
    private var last: [[(path: String, status: FileStatus)]] = []

    /// Watches the site folder's `content/` and `templates/`.
    init(root: URL) {
        folders = ["content", "templates"].map { root.appendingPathComponent($0).path }
        last = folders.map { FileStatus.files(under: $0) }
    }

    /// Whether any file changed since the last call (or since the watcher was made).
    mutating func changed() -> Bool {
        let now = folders.map { FileStatus.files(under: $0) }
        defer { last = now }
        guard now.count == last.count else { return true }
        for (new, old) in zip(now, last) {
            guard new.count == old.count else { return true }
            for (a, b) in zip(new, old) where a.path != b.path || a.status != b.status { return true }
        }
        return false
    }
}
