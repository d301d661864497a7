import Foundation

/// How far a running build has got, for the progress line `docket build` shows on a terminal: the build
/// writes it, another thread reads it.
public final class BuildProgress: @unchecked Sendable {
    // @unchecked: every stored value is read and written only under `lock`.
    private let lock = NSLock()
    private var phase = "Reading the site"
    private var done = 0
    private var total = 0

    /// A progress at its start.
    public init() {}

    /// Where the build is: its phase, and the clients built so far of those to build (0 of 0 outside that
    /// phase).
    public var snapshot: Snapshot {
        lock.lock()
        defer { lock.unlock() }
        return Snapshot(phase: phase, done: done, total: total)
    }

    /// A new phase, with the number of things it counts (0 when it counts nothing).
    func begin(_ phase: String, total: Int = 0) {
        lock.lock()
        self.phase = phase
        self.total = total
        done = 0
        lock.unlock()
    }

    /// One more thing of the phase done.
    func advance() {
        lock.lock()
        done += 1
        lock.unlock()
    }

    /// Where a build was at one moment.
    public struct Snapshot: Sendable, Equatable {
        /// `Building clients`.
        public var phase: String
        /// Things done in the phase.
        public var done: Int
        /// Things the phase counts; 0 when it counts nothing.
        public var total: Int
    }
}

/// The one line a terminal shows while a build runs longer than a second: redrawn in place (a carriage
/// return, then the line cleared), and cleared at the end so that the build's own summary follows.
public enum ProgressLine {
    /// How long a build runs before the line appears: a quick build shows nothing.
    public static let delay: Duration = .seconds(1)

    /// What to write to the terminal `elapsed` into the build, or nil before `delay`.
    public static func frame(_ snapshot: BuildProgress.Snapshot, elapsed: Duration, delay: Duration = delay)
        -> String?
    {
        guard elapsed >= delay else { return nil }
        var text = "docket: \(snapshot.phase)"
        if snapshot.total > 0 {
            text += ": \(snapshot.done) of \(snapshot.total) (\(snapshot.done * 100 / snapshot.total)%)"
        }
        return "\r\u{1B}[2K\(text)… \(elapsed.components.seconds) s"
    }

    /// What clears the line once the build is over.
    public static let clear = "\r\u{1B}[2K"
}
