import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Asks the kernel to start reading the files of the clients a build is about to rebuild, in their order,
/// from a thread of its own: waiting for the disk then overlaps with parsing and rendering instead of
/// stopping a core at every file (docs/PERFORMANCE.md, "Cold and warm page cache").
///
/// It only gives the kernel a hint (`posix_fadvise(…, POSIX_FADV_WILLNEED)`, which starts reading ahead and
/// returns); nothing it does changes what the build reads or produces. Where there is no `posix_fadvise`
/// (macOS), the files are visited and no hint is given.
final class FilePrefetcher: @unchecked Sendable {
    // @unchecked: `stopped` is only read and written under `lock`; the rest is set once in `init`.
    private let lock = NSLock()
    private var stopped = false
    private let finished = DispatchSemaphore(value: 0)

    /// Starts hinting at the files of each client folder, in order: the files given (paths relative to the
    /// site, as the build's fingerprint listed them), or, where none are given, those found under
    /// `content/clients/<slug>/`. `visit`, for tests, is called on the prefetching thread with each whole
    /// path just after it was hinted.
    init(root: URL, clients: [(slug: String, files: [String]?)], visit: (@Sendable (String) -> Void)? = nil) {
        let rootPath = root.path
        let thread = Thread { [self] in
            defer { finished.signal() }
            func hint(_ path: String) {
                Self.hint(path)
                visit?(path)
            }
            for (slug, files) in clients {
                if isStopped { return }
                if let files {
                    for path in files { hint(rootPath + "/" + path) }
                } else {
                    let folder = rootPath + "/content/clients/" + slug
                    for path in FileStatus.fileNames(under: folder) { hint(folder + "/" + path) }
                }
            }
        }
        thread.name = "docket prefetch"
        thread.start()
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    /// Stops hinting (if it has not finished) and waits for its thread to end.
    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
        finished.wait()
    }

    /// Tells the kernel that a file will be read soon.
    static func hint(_ path: String) {
        #if canImport(Glibc)
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return }
            _ = posix_fadvise(descriptor, 0, 0, POSIX_FADV_WILLNEED)
            close(descriptor)
        #endif
    }
}
