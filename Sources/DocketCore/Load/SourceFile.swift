import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One text file of the site, read and checked to be UTF-8, with its lines ready for positions.
struct SourceFile: Sendable {
    /// Path relative to the site folder, used in every diagnostic.
    let path: String
    /// The whole text, with a leading byte-order mark removed and line endings normalised to `\n`.
    let text: String
    /// The lines of `text`, without their line endings.
    let lines: [Substring]

    /// Creates a source file from text already in memory (tests use this).
    init(path: String, text: String) {
        self.path = path
        var normalised = text
        var (newlines, needsNormalising) = Self.scan(&normalised)
        if needsNormalising {
            normalised = Self.normalised(normalised)
            newlines = Self.scan(&normalised).newlines
        }
        self.text = normalised
        // Split at "\n" bytes (an ASCII byte is always a character boundary in UTF-8); a native string's
        // UTF-8 index moves to an offset in one step.
        var lines: [Substring] = []
        lines.reserveCapacity(newlines.count + 1)
        let utf8 = normalised.utf8
        var start = utf8.startIndex
        var offset = 0
        for newline in newlines {
            let end = utf8.index(start, offsetBy: newline - offset)
            lines.append(normalised[start..<end])
            start = utf8.index(after: end)
            offset = newline + 1
        }
        lines.append(normalised[start..<utf8.endIndex])
        self.lines = lines
    }

    /// The text without a leading byte-order mark, each `\r\n` and each lone `\r` (CommonMark's other line
    /// endings, which cmark counts as lines) made `\n`: byte by byte, since comparing characters would miss a
    /// `\r` that a combining mark follows (found by fuzzing: cmark then saw a line the file's lines did not).
    static func normalised(_ text: String) -> String {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D {
                output.append(0x0A)
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            } else {
                output.append(bytes[index])
            }
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The byte offsets of the text's newlines, and whether it has a byte-order mark or a carriage return to
    /// normalise; one pass over its bytes (made contiguous first).
    private static func scan(_ text: inout String) -> (newlines: [Int], needsNormalising: Bool) {
        var newlines: [Int] = []
        var needsNormalising = false
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            needsNormalising =
                bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
                || memchr(base, 13, bytes.count) != nil
            // `memchr` finds each newline many bytes at a time.
            newlines.reserveCapacity(bytes.count / 32)
            var index = 0
            while index < bytes.count, let found = memchr(base + index, 10, bytes.count - index) {
                let offset = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                newlines.append(offset)
                index = offset + 1
            }
        }
        return (newlines, needsNormalising)
    }

    /// Decodes bytes as UTF-8, or reports where the first invalid byte is.
    static func decode(path: String, data: Data, diagnostics: inout Diagnostics) -> SourceFile? {
        let text = data.withUnsafeBytes { raw in
            String(validating: raw.assumingMemoryBound(to: UInt8.self), as: UTF8.self)
        }
        if let text { return SourceFile(path: path, text: text) }
        let (line, column) = invalidUTF8Position([UInt8](data))
        diagnostics.error(
            path, line: line, column: column,
            "the file is not valid UTF-8 text; expected a plain text file saved as UTF-8")
        return nil
    }

    /// Reads a file from disk relative to a site folder.
    static func read(site: URL, path: String, diagnostics: inout Diagnostics) -> SourceFile? {
        read(site: site, path: path, diagnostics: &diagnostics, digests: nil)
    }

    /// Reads a file, and records the SHA-256 of its bytes in `digests` (a build fingerprints what it parses
    /// as it reads it, rather than reading every file twice).
    static func read(site: URL, path: String, diagnostics: inout Diagnostics, digests: FileDigests?) -> SourceFile? {
        guard let data = readFile(site.path + "/" + path) else {
            if errno == ELOOP {
                diagnostics.error(path, symbolicLinkMessage)
            } else {
                diagnostics.error(path, "cannot read the file: \(String(cString: strerror(errno)))")
            }
            return nil
        }
        digests?.record(path, data)
        return decode(path: path, data: data, diagnostics: &diagnostics)
    }

    /// Why a symbolic link under content/ or templates/ is refused, and what to do.
    static let symbolicLinkMessage =
        "is a symbolic link; Docket reads only files and folders that are really in the site folder, so that what it checks is what it publishes: replace the link with the file or folder itself"

    /// A whole file's bytes, read with POSIX calls (Foundation's reader builds a URL and asks the file's
    /// attributes first); nil with `errno` set when it cannot be read.
    /// A file's last part is never followed if it is a symbolic link (`ELOOP`): Docket reads only what is
    /// really in the site folder.
    static func readFile(_ path: String) -> Data? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        guard (info.st_mode & S_IFMT) != S_IFDIR else {
            errno = EISDIR
            return nil
        }
        // One byte more than the size, so that a file that grew since `fstat` is noticed and read on.
        var data = Data(count: max(Int(info.st_size), 0) + 1)
        var count = 0
        while true {
            if count == data.count { data.count += max(data.count, 4096) }
            let read = data.withUnsafeMutableBytes { buffer in
                systemRead(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if read < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if read == 0 { break }
            count += read
        }
        data.count = count
        return data
    }

    /// POSIX `read`, named through the C library of the platform (Glibc on Linux, Darwin on macOS).
    private static func systemRead(_ descriptor: Int32, _ bytes: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.read(descriptor, bytes, count)
        #else
            Darwin.read(descriptor, bytes, count)
        #endif
    }

    /// The 1-based character column of a 1-based UTF-8 byte column on a 1-based line.
    func characterColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lines.count, byteColumn > 1 else { return max(byteColumn, 1) }
        let utf8 = lines[line - 1].utf8
        let prefixLength = min(byteColumn - 1, utf8.count)
        let end = utf8.index(utf8.startIndex, offsetBy: prefixLength)
        if !utf8[utf8.startIndex..<end].contains(where: { $0 >= 0x80 }) { return prefixLength + 1 }
        return String(decoding: utf8[utf8.startIndex..<end], as: UTF8.self).count + 1
    }

    /// The 1-based line and character column of the first byte that is not valid UTF-8.
    static func invalidUTF8Position(_ bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var column = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, column)
            }
            if index + length > bytes.count { return (line, column) }
            if length > 1 {
                let slice = Array(bytes[index..<(index + length)])
                if String(validating: slice, as: UTF8.self) == nil { return (line, column) }
            }
            if byte == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += length
        }
        return (line, column)
    }
}

/// The SHA-256 of each file a client's load read, by path relative to the site folder.
final class FileDigests {
    private(set) var hashes: [String: String] = [:]

    func record(_ path: String, _ data: Data) {
        hashes[path] = sha256Hex(data)
    }
}
