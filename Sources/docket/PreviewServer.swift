import DocketCore
import FlyingFox
import FlyingSocks
import Foundation

/// Answers `docket serve`'s requests: the route from `PreviewRoute`, HTML through `PreviewPage.served`.
struct PreviewResponder: Sendable {
    /// The site folder.
    let root: URL
    /// The site as last built.
    let site: PreviewSite
    /// The open event streams.
    let events: EventStreams

    /// Headers on every response: nothing cached, nothing sniffed, no referrer.
    static let common: [(HTTPHeader, String)] = [
        (.cacheControl, "no-store"), (HTTPHeader("X-Content-Type-Options"), "nosniff"),
        (HTTPHeader("Referrer-Policy"), "no-referrer"),
    ]

    /// The response to one request.
    func respond(to request: HTTPRequest) async -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return response(.methodNotAllowed, type: "text/plain; charset=utf-8", Data("GET only\n".utf8))
        }
        let state = site.state
        switch PreviewRoute.resolve(request.target.path(percentEncoded: true), root: root) {
        case .index:
            return html(.ok, PreviewPage.index(portals: state.portals), state)
        case .events:
            var headers = HTTPHeaders()
            headers[.contentType] = "text/event-stream"
            for (name, value) in Self.common { headers[name] = value }
            let stream = events.subscribe(first: PreviewPage.event(generation: state.generation))
            return HTTPResponse(statusCode: .ok, headers: headers, body: HTTPBodySequence(from: EventBytes(stream)))
        case .errors:
            let text = state.errors.map { "\($0)\n" }.joined()
            return response(.ok, type: "text/plain; charset=utf-8", Data(text.utf8))
        case .overlayStyle:
            return response(.ok, type: "text/css; charset=utf-8", Data(PreviewPage.overlayStyle.utf8))
        case .redirect(let location):
            var headers = HTTPHeaders()
            headers[.location] = location
            for (name, value) in Self.common { headers[name] = value }
            return HTTPResponse(statusCode: .movedPermanently, headers: headers)
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path) else {
                return html(.notFound, PreviewPage.notFound, state)
            }
            let type = PreviewRoute.contentType(of: path)
            guard type.hasPrefix("text/html") else { return response(.ok, type: type, data) }
            return html(.ok, String(decoding: data, as: UTF8.self), state)
        case .notFound:
            return html(.notFound, PreviewPage.notFound, state)
        }
    }

    /// An HTML response, with the reload script and any errors added.
    func html(_ status: HTTPStatusCode, _ page: String, _ state: PreviewSite.State) -> HTTPResponse {
        let served = PreviewPage.served(page, generation: state.generation, errors: state.errors)
        return response(status, type: "text/html; charset=utf-8", Data(served.utf8))
    }

    /// A response with a body and the common headers.
    func response(_ status: HTTPStatusCode, type: String, _ body: Data) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers[.contentType] = type
        for (name, value) in Self.common { headers[name] = value }
        return HTTPResponse(statusCode: status, headers: headers, body: body)
    }
}

/// The open event streams: each gets every event sent after it opened; all end when `serve` stops.
final class EventStreams: @unchecked Sendable {
    private let lock = NSLock()
    private var streams: [UUID: AsyncStream<Data>.Continuation] = [:]
    private var finished = false

    /// A new stream that starts with `first`.
    func subscribe(first: String) -> AsyncStream<Data> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Data>.makeStream()
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            self.lock.withLock { _ = self.streams.removeValue(forKey: id) }
        }
        continuation.yield(Data(first.utf8))
        lock.withLock {
            if finished { continuation.finish() } else { streams[id] = continuation }
        }
        return stream
    }

    /// Sends an event to every open stream.
    func send(_ event: String) {
        let open = lock.withLock { Array(streams.values) }
        for continuation in open { continuation.yield(Data(event.utf8)) }
    }

    /// Ends every stream (the response's last chunk is sent), and any opened later at once.
    func finishAll() {
        let open = lock.withLock {
            finished = true
            return Array(streams.values)
        }
        for continuation in open { continuation.finish() }
    }
}

/// An event stream's bytes as FlyingFox sends a response body: each event as one chunk, as soon as it comes.
struct EventBytes: AsyncBufferedSequence, Sendable {
    /// Bytes.
    typealias Element = UInt8
    /// The events, each as its bytes.
    let stream: AsyncStream<Data>

    /// The bytes of a stream of events.
    init(_ stream: AsyncStream<Data>) { self.stream = stream }

    /// An iterator over the events' bytes.
    func makeAsyncIterator() -> Iterator { Iterator(base: stream.makeAsyncIterator()) }

    /// Reads the stream one event at a time.
    struct Iterator: AsyncBufferedIteratorProtocol {
        /// The events.
        var base: AsyncStream<Data>.AsyncIterator
        /// What is left of the event being read byte by byte.
        var pending: [UInt8] = []

        /// The next byte (FlyingFox reads whole buffers; this is for the protocol).
        mutating func next() async -> UInt8? {
            if pending.isEmpty { pending = await nextBuffer(suggested: 1) ?? [] }
            return pending.isEmpty ? nil : pending.removeFirst()
        }

        /// The next event's bytes, whatever `count` suggests, so that each event is sent as soon as it comes.
        mutating func nextBuffer(suggested count: Int) async -> [UInt8]? {
            if !pending.isEmpty {
                defer { pending = [] }
                return pending
            }
            guard let data = await base.next() else { return nil }
            return Array(data)
        }
    }
}

/// Looks for changes under `content/` and `templates/` on a thread of its own, rebuilds, and tells open pages.
final class Watcher: @unchecked Sendable {
    /// The site to rebuild.
    let site: PreviewSite
    /// The streams told of each new build.
    let events: EventStreams
    /// Prints what a build found and did.
    let report: (Builder.Report) -> Void
    private let lock = NSLock()
    private var running = true

    /// A watcher, not yet started.
    init(site: PreviewSite, events: EventStreams, report: @escaping (Builder.Report) -> Void) {
        self.site = site
        self.events = events
        self.report = report
    }

    /// Starts looking.
    func start() {
        let thread = Thread { [self] in loop() }
        thread.name = "docket serve: watcher"
        thread.start()
    }

    /// Stops looking (after the build under way, if any).
    func stop() { lock.withLock { running = false } }

    private var isRunning: Bool { lock.withLock { running } }

    /// Polls the folders; the pause grows with the time a look takes, so a large site costs little.
    private func loop() {
        while isRunning {
            let started = Date()
            let changed = site.hasChanges()
            let look = Date().timeIntervalSince(started)
            if changed {
                // Let a save that takes more than one write finish.
                Thread.sleep(forTimeInterval: 0.015)
                guard isRunning else { return }
                let before = site.state.generation
                report(site.rebuild())
                let after = site.state.generation
                if after != before { events.send(PreviewPage.event(generation: after)) }
            }
            Thread.sleep(forTimeInterval: max(0.05, look * 10))
        }
    }
}
