import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The lock that keeps two Docket commands from writing one site at once: an advisory `flock` on
/// `.docket/lock` in the site folder (never under `public/`, which is uploaded).
///
/// `docket build` (and each rebuild of `docket serve`) holds it while it writes `public/`, `dashboard/`,
/// `outbox/`, new share tokens and the build record; `docket links`, `invoice`, `log`, `import` and `terms`
/// hold it while they change the site's files. A second command waits for the first to finish, saying so
/// once (the first one's process id is in the file). The kernel releases the lock when its holder ends in
/// any way, `SIGKILL` included, so a killed build never leaves the site locked.
public final class SiteLock: @unchecked Sendable {
    // @unchecked: the descriptor is set once and closed once, in `deinit` (-1: no lock was taken).
    private let descriptor: Int32

    /// The lock file of a site.
    static func url(root: URL) -> URL { root.appendingPathComponent(".docket/lock") }

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Takes the lock of the site in `root` for `command` (`build`, `log`…: what a command that comes to wait
    /// is told), waiting while another process holds it; `waiting` is called once before waiting, with what
    /// the holder wrote in the lock file (its process id and command). Throws when the lock file cannot be
    /// made or locked. A folder with no `content/` is no site: nothing is made there and no lock is taken.
    public static func acquire(
        root: URL, command: String, waiting: (Holder?) -> Void = SiteLock.sayWaiting
    ) throws -> SiteLock {
        // Not a site (a mistyped --site): nothing is made there, and the command says what is wrong itself.
        var isFolder: ObjCBool = false
        guard
            FileManager.default.fileExists(atPath: root.appendingPathComponent("content").path, isDirectory: &isFolder),
            isFolder.boolValue
        else { return SiteLock(descriptor: -1) }
        let url = url(root: root)
        if mkdir(url.deletingLastPathComponent().path, 0o700) != 0, errno != EEXIST { throw failure(url) }
        // Never through a symbolic link: the lock file is emptied and written below.
        let descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw failure(url) }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else {
                close(descriptor)
                throw failure(url)
            }
            waiting(holder(descriptor))
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    close(descriptor)
                    throw failure(url)
                }
            }
        }
        // Who holds it now, for a command that comes to wait.
        let line = Data("\(getpid()) \(command)\n".utf8)
        if ftruncate(descriptor, 0) == 0 { _ = SiteWriter.writeAll(line, to: descriptor) }
        return SiteLock(descriptor: descriptor)
    }

    /// Who holds the lock, as its holder wrote in the lock file.
    public struct Holder: Sendable, Equatable {
        /// Its process id.
        public var pid: Int32
        /// The Docket command it runs (`build`, `log`…).
        public var command: String
    }

    /// What the holder wrote in the lock file, if anything readable.
    private static func holder(_ descriptor: Int32) -> Holder? {
        var bytes = [UInt8](repeating: 0, count: 64)
        let count = pread(descriptor, &bytes, bytes.count, 0)
        guard count > 0 else { return nil }
        let parts = String(decoding: bytes[..<count], as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard parts.count == 2, let pid = Int32(parts[0]) else { return nil }
        return Holder(pid: pid, command: String(parts[1]))
    }

    private static func failure(_ url: URL) -> Error {
        SiteWriter.WriteError(message: "\(url.path): cannot lock the site: \(String(cString: strerror(errno)))")
    }

    /// The message a command prints, on standard error, when it waits for another.
    public static func waitingMessage(holder: Holder?) -> String {
        guard let holder else { return "docket: waiting for another docket command on this site to finish…\n" }
        let what = holder.command == "build" ? "build of this site" : "\(holder.command) on this site"
        return "docket: waiting for another docket \(what) (pid \(holder.pid)) to finish…\n"
    }

    /// Prints `waitingMessage` on standard error.
    public static func sayWaiting(_ holder: Holder?) {
        FileHandle.standardError.write(Data(waitingMessage(holder: holder).utf8))
    }

    deinit {
        // Closing the descriptor releases the lock.
        if descriptor >= 0 { close(descriptor) }
    }
}
