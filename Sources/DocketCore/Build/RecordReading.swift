import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Reading the last build record (`.docket/build-record`).
extension BuildCache {
    /// A client as the last successful build left it: its lines of the record, read further only when a build
    /// needs them (so a large site does not hold every client's input and output tables at once).
    struct ClientRecord: Sendable {
        /// The fingerprint of its folder.
        var fingerprint: String
        /// Its portal's files, relative to `public/`.
        var outputs: [String] = []
        /// The record file it is in, and where its lines are in it.
        var file: RecordFile?
        var range: Range<Int> = 0..<0
        /// Where its facts (JSON) are in its lines.
        var json: Range<Int>

        /// Its lines of the record as they were (copied as they are when the client is reused), read from the
        /// record file when needed rather than held for every client; empty when they cannot be read.
        var block: [UInt8] {
            guard let bytes = file?.read(range), bytes.count == range.count, json.upperBound <= bytes.count else {
                return []
            }
            return bytes
        }

        /// Reads the names of its output files from its lines; false when a line is malformed.
        mutating func readOutputs(_ block: [UInt8]) -> Bool {
            var outputs: [String] = []
            var ok = !block.isEmpty
            BuildCache.eachLine(block) { fields, bytes in
                guard bytes[fields[0].lowerBound] == UInt8(ascii: "O") else { return }
                guard fields.count == 3, BuildCache.status(bytes, fields[2]) != nil else {
                    ok = false
                    return
                }
                outputs.append(String(BuildCache.text(bytes, fields[1]).dropFirst("public/".count)))
            }
            self.outputs = outputs
            return ok
        }

        /// Its input files as recorded, by path.
        func inputs() -> [String: Input] {
            var inputs: [String: Input] = [:]
            BuildCache.eachLine(block) { fields, bytes in
                guard fields.count == 4, bytes[fields[0].lowerBound] == UInt8(ascii: "I") else { return }
                inputs[BuildCache.text(bytes, fields[1])] = Input(
                    status: BuildCache.status(bytes, fields[2]),
                    hash: BuildCache.text(bytes, fields[3]))
            }
            return inputs
        }

        /// Whether every output file still has the size and times recorded.
        func outputsUnchanged(rootPath: String) -> Bool {
            let block = block
            var unchanged = !block.isEmpty
            BuildCache.eachLine(block) { fields, bytes in
                guard unchanged, fields.count == 3, bytes[fields[0].lowerBound] == UInt8(ascii: "O") else { return }
                let path = BuildCache.text(bytes, fields[1])
                unchanged =
                    BuildCache.status(bytes, fields[2]).map { FileStatus.of(rootPath + "/" + path) == $0 } ?? false
            }
            return unchanged
        }

        /// The facts, with their outputs.
        func facts() -> ClientFacts? {
            let block = block
            guard !block.isEmpty, var facts = try? JSONDecoder().decode(ClientFacts.self, from: Data(block[json]))
            else { return nil }
            facts.outputs = outputs
            return facts
        }
    }

    /// What the last successful build recorded.
    struct Record: Sendable {
        /// The global fingerprint.
        var global = ""
        /// When the record was written, in nanoseconds since 1970.
        var written = 0
        /// The inputs outside the client folders (business.md, templates/), by path.
        var inputs: [String: Input] = [:]
        /// Each client folder's record, by slug.
        var clients: [String: ClientRecord] = [:]
        /// The site-wide files and the dashboard's, with their status.
        var siteOutputs: [(path: String, status: FileStatus)] = []
        /// Every warning the last build reported, and its portals, for a build where nothing changed.
        var warnings: [Diagnostic] = []
        var portals: [Portal] = []
    }

    /// Calls `body` with the tab-separated fields of every non-empty line.
    static func eachLine(_ bytes: [UInt8], _ body: ([Range<Int>], [UInt8]) -> Void) {
        var start = 0
        var fields: [Range<Int>] = []
        fields.reserveCapacity(6)
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 10 { end += 1 }
            fields.removeAll(keepingCapacity: true)
            var from = start
            for index in start..<end where bytes[index] == 9 {
                fields.append(from..<index)
                from = index + 1
            }
            fields.append(from..<end)
            if end > start { body(fields, bytes) }
            start = end + 1
        }
    }

    static func text(_ bytes: [UInt8], _ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    static func integer(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        guard !range.isEmpty else { return nil }
        var value = 0
        for index in range {
            let byte = bytes[index]
            guard byte >= 48, byte <= 57 else { return nil }
            value = value &* 10 &+ Int(byte - 48)
        }
        return value
    }

    static func status(_ bytes: [UInt8], _ range: Range<Int>) -> FileStatus? {
        var parts: [Int] = []
        var from = range.lowerBound
        for index in range where bytes[index] == 32 {
            guard let value = integer(bytes, from..<index) else { return nil }
            parts.append(value)
            from = index + 1
        }
        guard let last = integer(bytes, from..<range.upperBound), parts.count == 3 else { return nil }
        // The inode is read modulo 2^64, as it was written: exact for every value, and no trap above Int.max.
        return FileStatus(
            size: parts[0], modified: parts[1], changed: parts[2], inode: UInt64(truncatingIfNeeded: last))
    }

    /// Reads the last record, if any and well-formed: a record of another version, a damaged one or one of
    /// output lines only gives nil (`previousOutputs` still reads its output lines). Parsed byte by byte: it
    /// has a line for every input and output file, so this is on the path of every build.
    func load() -> Record? {
        guard let file = RecordFile(path: recordURL.path), let bytes = file.read(0..<file.size),
            bytes.count == file.size
        else { return nil }
        var record = Record()
        var current: String?  // the client whose block the lines belong to
        var blockStart = 0
        var ok = true
        func closeBlock(at end: Int) {
            if let slug = current {
                record.clients[slug]?.file = file
                record.clients[slug]?.range = blockStart..<end
            }
            current = nil
        }
        Self.eachLine(bytes) { fields, bytes in
            guard ok else { return }
            let text = { (index: Int) in Self.text(bytes, fields[index]) }
            let lineStart = fields[0].lowerBound
            let lineEnd = fields[fields.count - 1].upperBound
            guard fields[0].count == 1 else {
                ok = false
                return
            }
            switch (bytes[lineStart], fields.count) {
            case (UInt8(ascii: "F"), 4):
                guard text(3) == Self.formatVersion, let written = Self.integer(bytes, fields[2]) else {
                    ok = false
                    return
                }
                record.global = text(1)
                record.written = written
            case (UInt8(ascii: "C"), 4):
                closeBlock(at: lineStart)
                let slug = text(1)
                record.clients[slug] = ClientRecord(
                    fingerprint: text(2), json: (fields[3].lowerBound - lineStart)..<(fields[3].upperBound - lineStart))
                current = slug
                blockStart = lineStart
            case (UInt8(ascii: "E"), 1):
                closeBlock(at: min(lineEnd + 1, bytes.count))
            case (UInt8(ascii: "I"), 4):
                if current == nil {
                    record.inputs[text(1)] = Input(status: Self.status(bytes, fields[2]), hash: text(3))
                }
            case (UInt8(ascii: "O"), 3):
                guard current == nil else { return }  // a client's outputs: read with its block
                guard let status = Self.status(bytes, fields[2]) else {
                    ok = false
                    return
                }
                record.siteOutputs.append((text(1), status))
            case (UInt8(ascii: "W"), 5):
                record.warnings.append(
                    Diagnostic(
                        .warning, path: text(1), line: Self.integer(bytes, fields[2]) ?? 0,
                        column: Self.integer(bytes, fields[3]) ?? 0, text(4)))
            case (UInt8(ascii: "P"), 2):
                guard let portal = try? JSONDecoder().decode(Portal.self, from: Data(bytes[fields[1]])) else {
                    ok = false
                    return
                }
                record.portals.append(portal)
            default:
                ok = false
            }
        }
        guard ok else { return nil }
        closeBlock(at: bytes.count)
        let unparsed = Array(record.clients)
        let parsed = unparsed.parallelMap { entry -> ClientRecord? in
            var client = entry.value
            return client.readOutputs(Array(bytes[client.range])) ? client : nil
        }
        for (slug, client) in zip(unparsed.map(\.key), parsed) {
            guard let client else { return nil }
            record.clients[slug] = client
        }
        return record.global.isEmpty ? nil : record
    }

    /// Whether every file of a client's portal is as the last build left it.
    static func outputsUnchanged(_ client: ClientRecord, rootPath: String) -> Bool {
        client.outputsUnchanged(rootPath: rootPath)
    }
}

/// The last build record, open for reading parts of it while a build runs (the file is replaced only by
/// renaming a new one over it, so what this reads stays as it was).
final class RecordFile: @unchecked Sendable {
    // @unchecked: the descriptor is only read with `pread`, which is safe from several threads at once.
    private let descriptor: Int32
    /// Its size in bytes when opened.
    let size: Int

    init?(path: String) {
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            close(descriptor)
            return nil
        }
        size = Int(info.st_size)
    }

    deinit { close(descriptor) }

    /// The bytes in a range, or nil when they cannot all be read.
    func read(_ range: Range<Int>) -> [UInt8]? {
        guard range.lowerBound >= 0, range.upperBound <= size else { return nil }
        var bytes = [UInt8](repeating: 0, count: range.count)
        var done = 0
        while done < range.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress! + done, range.count - done, off_t(range.lowerBound + done))
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return nil }
            done += count
        }
        return bytes
    }
}
