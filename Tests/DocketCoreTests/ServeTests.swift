import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The real `docket serve` executable against a temporary site, over HTTP on 127.0.0.1.
@Suite("docket serve, end to end", .serialized)
struct ServeTests {
    /// A running `docket serve`, on a free port.
    final class Server {
        let process = Process()
        let output = Pipe()
        let errors = Pipe()
        var port = 0

        init(site: TemporarySite, extra: [String] = []) throws {
            process.executableURL = CLITests.executable
            process.arguments = ["serve", "--site", site.root.path, "--port", "0", "--today", "2026-11-29"] + extra
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            var text = ""
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline, !text.contains("Ctrl-C") {
                let data = output.fileHandleForReading.availableData
                if data.isEmpty { break }
                text += String(decoding: data, as: UTF8.self)
            }
            let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("Serving http://127.0.0.1:") })
            port = try #require(Int(line.dropFirst("Serving http://127.0.0.1:".count).prefix { $0.isNumber }))
        }

        /// Sends SIGINT and waits for the exit status (nil if it did not stop within 10 seconds).
        func interrupt() -> Int32? {
            kill(process.processIdentifier, SIGINT)
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning {
                process.terminate()
                return nil
            }
            return process.terminationStatus
        }

        /// Everything the server wrote to standard error so far (call once it has stopped).
        var standardError: String {
            String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        }

        /// The status line and body of a GET.
        func get(_ path: String) throws -> (status: Int, body: String) {
            let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
            let response = try HTTPClient.exchange(port: port, request: Data(request.utf8))
            let text = String(decoding: response, as: UTF8.self)
            let status = Int(text.split(separator: " ").dropFirst().first ?? "") ?? 0
            let body = text.range(of: "\r\n\r\n").map { String(text[$0.upperBound...]) } ?? ""
            return (status, body)
        }

        /// Polls a GET until `condition` holds on its body, up to `timeout` seconds; the last body.
        func wait(_ path: String, timeout: TimeInterval = 15, until condition: (String) -> Bool) throws -> String {
            let deadline = Date().addingTimeInterval(timeout)
            var body = ""
            while Date() < deadline {
                body = try get(path).body
                if condition(body) { return body }
                Thread.sleep(forTimeInterval: 0.05)
            }
            Issue.record("timed out waiting on \(path); last body: \(body.prefix(300))")
            return body
        }
    }

    /// An open `/_docket/events` stream, read event by event.
    final class EventStream {
        let fd: Int32
        var buffer = ""

        init(port: Int) throws {
            fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            try #require(connected == 0)
            var timeout = timeval(tv_sec: 15, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            let request = "GET /_docket/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
            _ = request.withCString { write(fd, $0, strlen($0)) }
        }

        deinit { close(fd) }

        /// The `data:` of the next `build` event, or nil when the stream ends or times out.
        func next() -> String? {
            var bytes = [UInt8](repeating: 0, count: 4096)
            while true {
                if let range = buffer.range(of: "event: build\ndata: "),
                    let end = buffer[range.upperBound...].range(of: "\n\n")
                {
                    let data = String(buffer[range.upperBound..<end.lowerBound])
                    buffer = String(buffer[end.upperBound...])
                    return data
                }
                let count = read(fd, &bytes, bytes.count)
                if count <= 0 { return nil }
                buffer += String(decoding: bytes[0..<count], as: UTF8.self)
            }
        }

        /// Whether the server ended the response (its last chunk, `0\r\n\r\n`, or the connection closed).
        func ended() -> Bool {
            var bytes = [UInt8](repeating: 0, count: 4096)
            while true {
                if buffer.contains("\r\n0\r\n\r\n") { return true }
                let count = read(fd, &bytes, bytes.count)
                if count == 0 { return true }
                if count < 0 { return false }
                buffer += String(decoding: bytes[0..<count], as: UTF8.self)
            }
        }
    }

    static let timesheet = "## 2026-11-02\n- 09:00-10:00 Inbox triage\n"

    @Test(
        "serve builds, serves pages with the reload script (never written to public/), rebuilds on an edit, shows errors over the last good pages, and stops on SIGINT with status 0"
    )
    func serveLoop() throws {
        try #require(FileManager.default.isExecutableFile(atPath: CLITests.executable.path))
        let site = try TemporarySite(files: [
            "content/business.md": businessMD,
            "content/clients/acme/client.md": "---\nname: Acme\ncontact: Sam\nemail: s@a.example\nrate: 30\n---\n",
            "content/clients/acme/timesheets/2026-11.md": Self.timesheet,
        ])
        defer { site.remove() }
        let server = try Server(site: site)
        var stopped = false
        defer { if !stopped { _ = server.interrupt() } }
        let token = try #require(site.read("content/clients/acme/token.txt")).trimmingCharacters(
            in: .whitespacesAndNewlines)
        let hours = "/\(token)/hours/2026-11.html"

        // The index links the dashboard and the portal; the page is served with the script, the file has none.
        let index = try server.get("/")
        #expect(index.status == 200)
        #expect(index.body.contains("href=\"/_dashboard/\""))
        #expect(index.body.contains("href=\"/\(token)/\">acme</a>"))
        let page = try server.get(hours)
        #expect(page.status == 200)
        #expect(page.body.contains("Inbox triage"))
        #expect(page.body.contains("new EventSource(\"/_docket/events\")"))
        #expect(page.body.contains("connect-src &#39;self&#39;"))
        let onDisk = try #require(site.read("public" + hours))
        #expect(onDisk.contains("Inbox triage"))
        #expect(!onDisk.contains("_docket"))
        #expect(!onDisk.contains("connect-src"))
        #expect(try server.get("/_dashboard/").body.contains("Acme"))
        #expect(try server.get("/../content/business.md").status == 404)
        #expect(try server.get("/%2e%2e/content/business.md").status == 404)

        // An edit: a new build, announced on the event stream, and the page shows it.
        let events = try EventStream(port: server.port)
        let first = try #require(events.next())
        try site.write(
            "content/clients/acme/timesheets/2026-11.md", Self.timesheet + "- 1h Quarterly filing\n")
        let second = try #require(events.next())
        #expect(second != first)
        #expect(try server.get(hours).body.contains("Quarterly filing"))

        // An error: shown over the last good page; public/ untouched.
        let before = site.snapshot("public")
        try site.write(
            "content/clients/acme/timesheets/2026-11.md", Self.timesheet + "- 1h Quarterly filing\n- 1.33h <b>Odd</b>\n"
        )
        let errors = try server.wait("/_docket/errors") { !$0.isEmpty }
        #expect(errors.hasPrefix("content/clients/acme/timesheets/2026-11.md:4:"))
        let withOverlay = try server.get(hours).body
        #expect(withOverlay.contains("<div id=\"docket-preview-errors\""))
        #expect(withOverlay.contains("content/clients/acme/timesheets/2026-11.md:4:"))
        #expect(withOverlay.contains("Quarterly filing"))
        #expect(!withOverlay.contains("<b>Odd</b>"))
        #expect(site.snapshot("public") == before)
        #expect(events.next() != second)

        // Fixed: the overlay goes.
        try site.write("content/clients/acme/timesheets/2026-11.md", Self.timesheet + "- 1h Quarterly report\n")
        _ = try server.wait("/_docket/errors") { $0.isEmpty }
        let fixed = try server.get(hours).body
        #expect(!fixed.contains("<div id=\"docket-preview-errors\""))
        #expect(fixed.contains("Quarterly report"))

        // SIGINT: status 0, no crash report, the event stream ended.
        let status = server.interrupt()
        stopped = true
        #expect(status == 0)
        #expect(events.ended())
        let stderr = server.standardError
        #expect(!stderr.contains("Fatal"))
        #expect(!stderr.contains("Stack dump"))
    }

    @Test("SIGTERM stops it too, with status 0")
    func sigterm() throws {
        let site = try TemporarySite(files: ["content/business.md": businessMD])
        defer { site.remove() }
        let server = try Server(site: site)
        kill(server.process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(10)
        while server.process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(!server.process.isRunning)
        #expect(server.process.terminationStatus == 0)
    }

    @Test("another address than 127.0.0.1 prints a warning that anyone on that network can read the portals")
    func hostWarning() throws {
        let site = try TemporarySite(files: ["content/business.md": businessMD])
        defer { site.remove() }
        let process = Process()
        process.executableURL = CLITests.executable
        process.arguments = ["serve", "--site", site.root.path, "--port", "0", "--host", "0.0.0.0"]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        var text = ""
        while !text.contains("anyone on that network") {
            let data = errors.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(text.contains("docket: warning: listening on 0.0.0.0: anyone on that network can read every portal"))
        #expect(process.terminationStatus == 0)
    }

    @Test(
        "in Chromium, an open page reloads by itself on a save and shows errors over the last good page; an encrypted portal opens when served",
        .enabled(if: WebDriver.available || ProcessInfo.processInfo.environment["DOCKET_REQUIRE_BROWSER"] != nil))
    func browserReload() throws {
        let site = try TemporarySite(files: [
            "content/business.md": businessMD,
            "content/clients/open/client.md": "---\nname: Open Ltd\ncontact: O\nemail: o@o.example\nrate: 30\n---\n",
            "content/clients/open/timesheets/2026-11.md": Self.timesheet,
            "content/clients/linked/client.md":
                "---\nname: Linked Ltd\ncontact: K\nemail: k@k.example\nrate: 30\nportal_encryption: link\n---\n",
            "content/clients/linked/timesheets/2026-11.md": "## 2026-11-02\n- 1h45m Linked work\n",
        ])
        defer { site.remove() }
        let server = try Server(site: site)
        defer { _ = server.interrupt() }
        func file(_ path: String) throws -> String {
            try #require(site.read(path)).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let base = "http://127.0.0.1:\(server.port)"
        let browser = try WebDriver()
        defer { browser.quit() }

        // A plain page: a save reloads it (the marker set on the old page is gone) with the new entry.
        try browser.go("\(base)/\(try file("content/clients/open/token.txt"))/hours/2026-11.html")
        try browser.wait(until: "document.body.innerText.includes('Inbox triage')")
        _ = try browser.script("window.docketTestMarker = 1;")
        try site.write("content/clients/open/timesheets/2026-11.md", Self.timesheet + "- 1h Quarterly filing\n")
        try browser.wait(until: "document.body.innerText.includes('Quarterly filing')")
        #expect(try browser.script("return window.docketTestMarker === undefined;") as? Bool == true)

        // An error: the overlay over the last good page, then gone once fixed.
        try site.write("content/clients/open/timesheets/2026-11.md", Self.timesheet + "- 1.33h <i>Odd</i>\n")
        try browser.wait(until: "document.getElementById('docket-preview-errors')")
        let overlay =
            try browser.script("return document.getElementById('docket-preview-errors').innerText;") as? String
        #expect(overlay?.contains("content/clients/open/timesheets/2026-11.md:3:") == true)
        #expect(overlay?.contains("<i>Odd</i>") == true || overlay?.contains("1.33h") == true)
        #expect(
            try browser.script("return document.querySelector('#docket-preview-errors i') === null;") as? Bool == true)
        #expect(try browser.text().contains("Inbox triage"))
        try site.write("content/clients/open/timesheets/2026-11.md", Self.timesheet)
        try browser.wait(until: "!document.getElementById('docket-preview-errors')")

        // An encrypted portal opens with its #k= link when served, and again, with the new figures, after a
        // reload. (Once open, its decrypted page's own policy forbids the event stream: it is reloaded by hand.)
        let token = try file("content/clients/linked/token.txt")
        let key = try file("content/clients/linked/portal-key.txt")
        try browser.go("\(base)/\(token)/index.html#k=\(key)")
        try browser.wait(until: "document.body.innerText.includes('Linked Ltd')")
        #expect(try browser.text().contains("1h 45m"))
        try site.write("content/clients/linked/timesheets/2026-11.md", "## 2026-11-02\n- 2h45m Linked work\n")
        let deadline = Date().addingTimeInterval(15)
        repeat {
            try browser.refresh()
            Thread.sleep(forTimeInterval: 0.5)
        } while !(try browser.text().contains("2h 45m")) && Date() < deadline
        #expect(try browser.text().contains("2h 45m"))
    }
}
