import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A tiny HTTP server for tests: serves files under a folder on 127.0.0.1, on a free port, until stopped.
final class StaticServer: @unchecked Sendable {
    let root: URL
    let port: UInt16
    private let socketDescriptor: Int32
    private var running = true

    init(root: URL) throws {
        self.root = root
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        socketDescriptor = fd
        port = UInt16(bigEndian: actual.sin_port)
        let thread = Thread { [self] in self.serve() }
        thread.start()
    }

    func stop() {
        running = false
        shutdown(socketDescriptor, Int32(SHUT_RDWR))
        close(socketDescriptor)
    }

    private func serve() {
        while running {
            let client = accept(socketDescriptor, nil, nil)
            guard client >= 0 else { continue }
            handle(client)
            close(client)
        }
    }

    private func handle(_ client: Int32) {
        var buffer = [UInt8](repeating: 0, count: 8192)
        let count = read(client, &buffer, buffer.count)
        guard count > 0 else { return }
        let request = String(decoding: buffer[0..<count], as: UTF8.self)
        let parts = request.split(separator: " ")
        var path = parts.count > 1 ? String(parts[1]) : "/"
        path = String(path.prefix { $0 != "?" && $0 != "#" })
        if path.hasSuffix("/") { path += "index.html" }
        let file = root.appendingPathComponent(path.removingPercentEncoding ?? path).standardizedFileURL
        var status = "200 OK"
        var body = Data()
        if file.path.hasPrefix(root.standardizedFileURL.path), !path.contains(".."),
            let data = FileManager.default.contents(atPath: file.path)
        {
            body = data
        } else {
            status = "404 Not Found"
            body = Data("not found".utf8)
        }
        let type: String
        switch file.pathExtension {
        case "html": type = "text/html; charset=utf-8"
        case "css": type = "text/css; charset=utf-8"
        case "json": type = "application/json"
        default: type = "text/plain"
        }
        let head =
            "HTTP/1.1 \(status)\r\nContent-Type: \(type)\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        let response = Data(head.utf8) + body
        response.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let sent = write(client, raw.baseAddress! + offset, raw.count - offset)
                if sent <= 0 { break }
                offset += sent
            }
        }
    }
}
