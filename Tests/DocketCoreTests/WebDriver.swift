import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A minimal W3C WebDriver client for Debian's chromedriver, enough to load pages, type, click and read.
final class WebDriver: @unchecked Sendable {
    static let chromium = "/usr/bin/chromium"
    static let driver = "/usr/bin/chromedriver"
    static var available: Bool {
        FileManager.default.isExecutableFile(atPath: chromium) && FileManager.default.isExecutableFile(atPath: driver)
    }

    private var process = Process()
    private var port = 0
    private var session = ""

    /// Starts chromedriver and a headless Chromium whose window is `width` × `height`; with `phone`, a phone's
    /// screen of that size is emulated instead (a headless window is never narrower than about 500 px).
    init(width: Int = 1100, height: Int = 900, phone: Bool = false) throws {
        var ready = false
        var lastError = ""
        // A port that another test's driver holds makes chromedriver end at once: then another port.
        for _ in 0..<5 where !ready {
            port = Int.random(in: 20_000...40_000)
            process = Process()
            process.executableURL = URL(fileURLWithPath: Self.driver)
            process.arguments = ["--port=\(port)"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            for _ in 0..<300 where process.isRunning {  // up to 30 s: a loaded 2-core machine starts it slowly
                do {
                    if try call("GET", "/status")["value"] != nil {
                        ready = true
                        break
                    }
                } catch {
                    lastError = "\(error)"
                }
                Thread.sleep(forTimeInterval: 0.1)
            }
            if !ready, process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        guard ready else { throw WebDriverError.message("chromedriver did not start: \(lastError)") }
        var options: [String: Any] = [
            "binary": Self.chromium,
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=\(width),\(height)",
            ],
        ]
        if phone {
            options["mobileEmulation"] = ["deviceMetrics": ["width": width, "height": height, "pixelRatio": 3]]
        }
        let capabilities: [String: Any] = [
            "capabilities": ["alwaysMatch": ["browserName": "chrome", "goog:chromeOptions": options]]
        ]
        let response = try call("POST", "/session", capabilities)
        guard let value = response["value"] as? [String: Any], let id = value["sessionId"] as? String else {
            throw WebDriverError.message("no session: \(response)")
        }
        session = id
    }

    deinit { quit() }

    /// Ends the session and chromedriver. The driver inherits the test process's blocked signals, SIGTERM
    /// among them, so `terminate()` alone would leave it running: it is asked to shut down, then killed.
    func quit() {
        if !session.isEmpty { _ = try? call("DELETE", "/session/\(session)") }
        session = ""
        guard process.isRunning else { return }
        _ = try? call("GET", "/shutdown")
        for _ in 0..<20 where process.isRunning { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    func go(_ url: String) throws { _ = try call("POST", "/session/\(session)/url", ["url": url]) }

    /// The address in the browser's address bar.
    func url() throws -> String { (try call("GET", "/session/\(session)/url"))["value"] as? String ?? "" }

    func back() throws { _ = try call("POST", "/session/\(session)/back", [:]) }

    func forward() throws { _ = try call("POST", "/session/\(session)/forward", [:]) }

    func refresh() throws { _ = try call("POST", "/session/\(session)/refresh", [:]) }

    func script(_ source: String) throws -> Any? {
        (try call("POST", "/session/\(session)/execute/sync", ["script": source, "args": []]))["value"]
    }

    /// Waits until a JavaScript expression is true, up to `timeout` seconds.
    func wait(until expression: String, timeout: TimeInterval = 20) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if (try script("return !!(\(expression));")) as? Bool == true { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw WebDriverError.message(
            "timed out waiting for \(expression); page: \(String(describing: try? text()).prefix(400))")
    }

    func text() throws -> String {
        (try script("return document.body ? document.body.innerText : '';")) as? String ?? ""
    }

    func type(_ selector: String, _ text: String) throws {
        let element = try find(selector)
        _ = try call("POST", "/session/\(session)/element/\(element)/value", ["text": text])
    }

    func click(_ selector: String) throws {
        _ = try call("POST", "/session/\(session)/element/\(try find(selector))/click", [:])
    }

    func screenshot(width: Int, height: Int) throws -> Data {
        _ = try call("POST", "/session/\(session)/window/rect", ["width": width, "height": height])
        guard let base64 = (try call("GET", "/session/\(session)/screenshot"))["value"] as? String,
            let data = Data(base64Encoded: base64)
        else { throw WebDriverError.message("no screenshot") }
        return data
    }

    /// The page printed to PDF as Chromium prints it, on the paper its CSS `@page` names, backgrounds
    /// included and no header or footer of the browser's own (Chrome DevTools' `Page.printToPDF`).
    func printPDF() throws -> Data {
        let value = try devTools("Page.printToPDF", ["preferCSSPageSize": true, "printBackground": true])
        guard let base64 = value["data"] as? String, let data = Data(base64Encoded: base64) else {
            throw WebDriverError.message("no PDF: \(value)")
        }
        return data
    }

    /// Lays the page out as for print (`media: print`), or as for the screen again with `nil`, so that
    /// scripts see what is printed.
    func emulateMedia(_ media: String?) throws {
        _ = try devTools("Emulation.setEmulatedMedia", ["media": media ?? ""])
    }

    /// One Chrome DevTools Protocol command, through chromedriver.
    private func devTools(_ command: String, _ parameters: [String: Any]) throws -> [String: Any] {
        let response = try call(
            "POST", "/session/\(session)/goog/cdp/execute", ["cmd": command, "params": parameters])
        guard let value = response["value"] as? [String: Any] else {
            throw WebDriverError.message("\(command) failed: \(response)")
        }
        return value
    }

    private func find(_ selector: String) throws -> String {
        let response = try call("POST", "/session/\(session)/element", ["using": "css selector", "value": selector])
        guard let value = response["value"] as? [String: Any], let id = value.values.first as? String else {
            throw WebDriverError.message("no element \(selector)")
        }
        return id
    }

    private func call(_ method: String, _ path: String, _ body: [String: Any]? = nil) throws -> [String: Any] {
        let payload = try body.map { try JSONSerialization.data(withJSONObject: $0) } ?? Data()
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        head += "Content-Type: application/json\r\nContent-Length: \(payload.count)\r\n\r\n"
        let response = try HTTPClient.exchange(port: port, request: Data(head.utf8) + payload)
        guard let split = response.range(of: Data("\r\n\r\n".utf8)) else {
            throw WebDriverError.message("bad response")
        }
        let body = response[split.upperBound...]
        return (try JSONSerialization.jsonObject(with: body) as? [String: Any]) ?? [:]
    }
}

/// One blocking HTTP/1.1 exchange over a loopback socket (the response is read until the server closes).
enum HTTPClient {
    static func exchange(port: Int, request: Data) throws -> Data {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw WebDriverError.message("socket") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw WebDriverError.message("connection refused") }
        try request.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let sent = write(fd, raw.baseAddress! + offset, raw.count - offset)
                guard sent > 0 else { throw WebDriverError.message("write failed") }
                offset += sent
            }
        }
        // Read until the headers are in, then until Content-Length bytes of body (or the server closes).
        var response = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var expected: Int?
        while true {
            if let split = response.range(of: Data("\r\n\r\n".utf8)) {
                if expected == nil {
                    let headers = String(decoding: response[..<split.lowerBound], as: UTF8.self).lowercased()
                    let length = headers.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                        .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) }
                    expected = split.upperBound - response.startIndex + (length ?? Int.max / 2)
                }
                if let expected, response.count >= expected { break }
            }
            let count = read(fd, &buffer, buffer.count)
            if count <= 0 { break }
            response.append(contentsOf: buffer[0..<count])
        }
        return response
    }
}

enum WebDriverError: Error {
    case message(String)
}
