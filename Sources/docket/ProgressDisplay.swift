import DocketCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Draws `ProgressLine` on standard error while a build runs, ten times a second, when standard error is a
/// terminal (not `TERM=dumb`); otherwise does nothing, so logs and pipes get no extra output.
final class ProgressDisplay: @unchecked Sendable {
    // @unchecked: `running` and `drawn` are read and written only under `lock`.
    private let progress: BuildProgress
    private let lock = NSLock()
    private var running = true
    private var drawn = false
    private var thread: Thread?

    /// Starts drawing `progress`, if standard error is a terminal.
    init(_ progress: BuildProgress) {
        self.progress = progress
        let terminal = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
        guard terminal else { return }
        let started = ContinuousClock.now
        // DOCKET_PROGRESS_DELAY_MS (for tests) shows the line sooner than `ProgressLine.delay`.
        let delay =
            ProcessInfo.processInfo.environment["DOCKET_PROGRESS_DELAY_MS"].flatMap(Int.init).map {
                Duration.milliseconds($0)
            } ?? ProgressLine.delay
        let thread = Thread { [self] in
            // Drawn, then redrawn every tenth of a second, until `stop`.
            while draw(since: started, delay: delay) { Thread.sleep(forTimeInterval: 0.1) }
        }
        self.thread = thread
        thread.start()
    }

    /// Draws the line once its delay has passed; false once stopped.
    private func draw(since started: ContinuousClock.Instant, delay: Duration) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard running else { return false }
        if let frame = ProgressLine.frame(progress.snapshot, elapsed: ContinuousClock.now - started, delay: delay) {
            FileHandle.standardError.write(Data(frame.utf8))
            drawn = true
        }
        return true
    }

    /// Stops drawing and clears the line if one was drawn.
    func stop() {
        lock.lock()
        defer { lock.unlock() }
        running = false
        if drawn { FileHandle.standardError.write(Data(ProgressLine.clear.utf8)) }
        drawn = false
    }
}
