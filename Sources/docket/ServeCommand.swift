import ArgumentParser
import DocketCore
import FlyingFox
import FlyingSocks
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `docket serve`: builds the site, serves `public/` and the dashboard on this computer, rebuilds on every
/// change to `content/` or `templates/`, and reloads open pages. The routes, the pages' changes and the
/// builds are DocketCore's (`PreviewRoute`, `PreviewPage`, `PreviewSite`); this is the HTTP glue (FlyingFox).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site on this computer; rebuild and reload open pages on every change.")

    /// `--site` and `--today`.
    @OptionGroup var options: CommonOptions

    /// `--port`.
    @Option(help: "The port to listen on (0: any free port).") var port: Int = 8000

    /// `--host`.
    @Option(
        help: ArgumentHelp(
            "The address to listen on. Anything but 127.0.0.1 lets others on that network read every portal.",
            valueName: "addr"))
    var host: String = "127.0.0.1"

    /// Refuses a port out of range and a host that is not an address.
    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        guard (try? address()) != nil else {
            throw ValidationError("--host must be an IPv4 or IPv6 address such as 127.0.0.1, found `\(host)`")
        }
    }

    /// The address to listen on.
    func address() throws -> any SocketAddress {
        let name = host == "localhost" ? "127.0.0.1" : host
        if name.contains(":") { return try sockaddr_in6.inet6(ip6: name, port: UInt16(port)) }
        return try sockaddr_in.inet(ip4: name, port: UInt16(port))
    }

    /// Whether only this computer can connect.
    var isLoopback: Bool { host == "localhost" || host == "::1" || host.hasPrefix("127.") }

    /// Builds, serves, watches, and waits for SIGINT or SIGTERM.
    func run() throws {
        let fixedToday = try options.today.map { _ in try options.todayDate() }
        let site = PreviewSite(
            root: options.root,
            today: { fixedToday ?? CommonOptions.systemToday() },
            environment: ProcessInfo.processInfo.environment, identity: executableIdentity())
        report(site.rebuild(), first: true)

        let events = EventStreams()
        let server = HTTPServer(address: try address(), timeout: 15, logger: .disabled)
        let responder = PreviewResponder(root: options.root, site: site, events: events)
        let stopped = DispatchSemaphore(value: 0)
        let stopping = Stopping()
        let watcher = Watcher(site: site, events: events, report: { report($0, first: false) })
        let signals = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                guard stopping.begin() else { return }
                watcher.stop()
                events.finishAll()
                Task {
                    await server.stop(timeout: 1)
                    stopped.signal()
                }
            }
            source.resume()
            return source
        }
        Task {
            await server.appendRoute("*") { request in await responder.respond(to: request) }
            do {
                try await server.run()
            } catch {
                // Stopping closes the listening socket, which ends `run` with an error: not a failure.
                guard !stopping.isStopping else { return }
                FileHandle.standardError.write(Data("docket: cannot serve on \(host):\(port): \(error)\n".utf8))
                Foundation.exit(1)
            }
        }
        let listening = listeningPort(of: server)
        let shown = host.contains(":") ? "[\(host)]" : host
        say("Serving http://\(shown):\(listening)/ (your dashboard: \(PreviewRoute.dashboardPrefix)); Ctrl-C stops.")
        if !isLoopback {
            FileHandle.standardError.write(
                Data(
                    "docket: warning: listening on \(host): anyone on that network can read every portal and your dashboard\n"
                        .utf8))
        }
        watcher.start()
        // The signal sources must live until the stop (an optimised build would otherwise free them at once).
        withExtendedLifetime(signals) { stopped.wait() }
        say("Stopped.")
    }

    /// The port the server listens on, once it does.
    func listeningPort(of server: HTTPServer) -> Int {
        let found = DispatchSemaphore(value: 0)
        let box = PortBox()
        Task {
            try? await server.waitUntilListening(timeout: 10)
            switch await server.listeningAddress {
            case .ip4(_, let port), .ip6(_, let port): box.port = Int(port)
            default: break
            }
            found.signal()
        }
        found.wait()
        return box.port ?? port
    }

    /// The time of day in front of each build's line.
    static let clock: DateFormatter = {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        return formatter
    }()

    /// Prints a build's diagnostics and what it did.
    func report(_ report: Builder.Report, first: Bool) {
        printDiagnostics(report.diagnostics)
        let time = Self.clock.string(from: Date())
        if !report.succeeded {
            say("\(time) Errors: the pages show them; public/ keeps the last good build.")
        } else if first || report.outcome.written > 0 || report.outcome.removed > 0 {
            say(
                "\(time) Built \(report.portals.count) portal\(report.portals.count == 1 ? "" : "s"): \(report.outcome.written) written, \(report.outcome.removed) removed."
            )
        }
    }

    /// Prints a line at once (standard output may be a pipe, which `print` would buffer).
    func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}

/// Whether a signal asked `serve` to stop: the first one stops it, the others are ignored.
private final class Stopping: @unchecked Sendable {
    private let lock = NSLock()
    private var stopping = false

    /// Marks the stop; false when it was already under way.
    func begin() -> Bool {
        lock.withLock {
            defer { stopping = true }
            return !stopping
        }
    }

    /// Whether the stop is under way.
    var isStopping: Bool { lock.withLock { stopping } }
}

/// A port found by a task, read by the thread that waited for it.
private final class PortBox: @unchecked Sendable {
    var port: Int?
}

extension CommonOptions {
    /// The system's local date now.
    static func systemToday() -> CalendarDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)!
    }
}
