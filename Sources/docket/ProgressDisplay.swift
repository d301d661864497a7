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
        let thread = Thread { [self] in
            while true {
                Thread.sleep(forTimeInterval: 0.1)
                lock.lock()
                defer { lock.unlock() }
                guard running else { return }
                if let frame = ProgressLine.frame(progress.snapshot, elapsed: ContinuousClock.now - started) {
                    FileHandle.standardError.write(Data(frame.utf8))
                    drawn = true
                }
            }
        }
        self.thread = thread
        thread.start()
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
