import Crypto
import Foundation

/// Lets a build skip every client whose files did not change, and whose pages are as the last build left them.
///
/// Inputs are fingerprinted in two parts. The global fingerprint covers Docket's version and binary,
/// `--today`, and the bytes of every file under `templates/` and `content/` outside the client folders
/// (business.md). Each client's fingerprint covers the bytes of every file in its folder and the passphrase
/// its `portal_passphrase_env` names. A file whose size, modification time, change time and inode are what
/// they were at the last build, and that was not modified in the last two seconds before that build, keeps
/// its recorded hash without being read (as git's index does); any other file is read and hashed.
///
/// A client is reused (not parsed, computed or rendered) only when the global fingerprint and its own are
/// unchanged and every file of its portal still has the size and times the last build left; its facts
/// (`ClientFacts`: diagnostics, invoice numbers, dashboard part, portal) come from the record. Anything else
/// rebuilds it, so the cache can make a build faster but never different. It lives in
/// `.docket-cache/last-build` in the site folder (git-ignored).
public struct BuildCache: Sendable {
    /// The site folder.
    let root: URL

    var recordURL: URL { root.appendingPathComponent(".docket-cache/last-build") }

    /// An input file's status and hash.
    struct Input: Sendable {
        var status: FileStatus?
        var hash: String
    }

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
            guard let bytes = file?.read(range), bytes.count == range.count, json.upperBound <= bytes.count else { return [] }
            return bytes
        }

        /// Reads the names of its output files from its lines; false when a line is malformed.
        mutating func readOutputs(_ block: [UInt8]) -> Bool {
            var outputs: [String] = []
            var ok = !block.isEmpty
            BuildCache.eachLine(block) { fields, bytes in
                guard bytes[fields[0].lowerBound] == UInt8(ascii: "O") else { return }
                guard fields.count == 3, BuildCache.status(bytes, fields[2]) != nil else { ok = false; return }
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
                inputs[BuildCache.text(bytes, fields[1])] = Input(status: BuildCache.status(bytes, fields[2]),
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
                unchanged = BuildCache.status(bytes, fields[2]).map { FileStatus.of(rootPath + "/" + path) == $0 } ?? false
            }
            return unchanged
        }

        /// The facts, with their outputs.
        func facts() -> ClientFacts? {
            let block = block
            guard !block.isEmpty, var facts = try? JSONDecoder().decode(ClientFacts.self, from: Data(block[json])) else { return nil }
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
        var portals: [Builder.Portal] = []
    }

    /// One client folder's files, hashed, and the folder's fingerprint.
    struct ClientInputs: Sendable {
        /// Every file of the folder, sorted by path. Until `fingerprint` is set, hashes may be empty.
        var files: [(path: String, input: Input)]
        /// The fingerprint; nil when the folder had no record, so hashing waited until it was read to be
        /// parsed (a clean build reads each file once).
        var fingerprint: String?
    }

    /// Every input, fingerprinted: the global part, and each client folder's files and fingerprint.
    struct Inputs: Sendable {
        var global: [String: Input] = [:]
        var clients: [String: ClientInputs] = [:]
        var globalFingerprint = ""
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
        return FileStatus(size: parts[0], modified: parts[1], changed: parts[2], inode: UInt64(truncatingIfNeeded: last))
    }

    /// The record format's version: a record of another version is not used.
    static let formatVersion = "6"

    /// Reads the last record, if any and well-formed. (Parsed byte by byte: it has a line for every input
    /// and output file, so this is on the path of every build.)
    func load() -> Record? {
        guard let file = RecordFile(path: recordURL.path), let bytes = file.read(0..<file.size), bytes.count == file.size
        else { return nil }
        var record = Record()
        var current: String?          // the client whose block the lines belong to
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
            guard fields[0].count == 1 else { ok = false; return }
            switch (bytes[lineStart], fields.count) {
            case (UInt8(ascii: "F"), 4):
                guard text(3) == Self.formatVersion, let written = Self.integer(bytes, fields[2]) else { ok = false; return }
                record.global = text(1)
                record.written = written
            case (UInt8(ascii: "C"), 4):
                closeBlock(at: lineStart)
                let slug = text(1)
                record.clients[slug] = ClientRecord(fingerprint: text(2), json: (fields[3].lowerBound - lineStart)..<(fields[3].upperBound - lineStart))
                current = slug
                blockStart = lineStart
            case (UInt8(ascii: "E"), 1):
                closeBlock(at: min(lineEnd + 1, bytes.count))
            case (UInt8(ascii: "I"), 4):
                if current == nil { record.inputs[text(1)] = Input(status: Self.status(bytes, fields[2]), hash: text(3)) }
            case (UInt8(ascii: "O"), 3):
                guard current == nil else { return }  // a client's outputs: read with its block
                guard let status = Self.status(bytes, fields[2]) else { ok = false; return }
                record.siteOutputs.append((text(1), status))
            case (UInt8(ascii: "W"), 5):
                record.warnings.append(Diagnostic(.warning, path: text(1), line: Self.integer(bytes, fields[2]) ?? 0,
                                                  column: Self.integer(bytes, fields[3]) ?? 0, text(4)))
            case (UInt8(ascii: "P"), 2):
                guard let portal = try? JSONDecoder().decode(Builder.Portal.self, from: Data(bytes[fields[1]])) else {
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

    /// A client folder's files with their status, unhashed: the folder is rebuilt, and its files are hashed
    /// as its load reads them (`completed` hashes any other).
    func unhashedInputs(of slug: String) -> ClientInputs {
        let listed = FileStatus.files(under: root.path + "/content/clients/" + slug)
        return ClientInputs(files: listed.map { ("content/clients/\(slug)/\($0.path)", Input(status: $0.status, hash: "")) },
                            fingerprint: nil)
    }

    /// Every file under `content/` and `templates/`, hashed (reusing the last build's hash for a file the file
    /// system shows unchanged since then), and fingerprinted: client folders on all cores. With no record
    /// to compare with, client folders are left out (`clients` is empty): each is looked at in its own task,
    /// overlapping with the other tasks' work, since every client is rebuilt anyway.
    func inputs(previous: Record?, options: Builder.Options) -> Inputs {
        let rootPath = root.path
        let settled = (previous?.written ?? 0) - 2_000_000_000
        @Sendable func hashed(_ path: String, _ status: FileStatus, _ known: [String: Input]) -> Input {
            if let old = known[path], old.status == status, status.modified < settled, status.changed < settled {
                return old
            }
            return Input(status: status, hash: Self.hash(FileManager.default.contents(atPath: rootPath + "/" + path) ?? Data()))
        }
        var result = Inputs()
        // Everything outside the client folders: business.md, templates/.
        let clientsPath = rootPath + "/content/clients"
        var globalFiles: [(String, FileStatus)] = []
        for folder in ["content", "templates"] {
            globalFiles += FileStatus.files(under: rootPath + "/" + folder, skipping: folder == "content" ? "clients" : nil)
                .map { ("\(folder)/\($0.path)", $0.status) }
        }
        let top = FileStatus.entries(of: clientsPath)
        for entry in top where !entry.isDirectory {
            if let status = FileStatus.of(clientsPath + "/" + entry.name) { globalFiles.append(("content/clients/\(entry.name)", status)) }
        }
        var hasher = SHA256()
        hasher.update(data: Data("docket \(Builder.version)\n\(options.identity)\ntoday \(options.today)\n".utf8))
        for (path, status) in globalFiles.sorted(by: { $0.0 < $1.0 }) {
            let input = hashed(path, status, previous?.inputs ?? [:])
            result.global[path] = input
            hasher.update(data: Data("\(path)\u{0}\(input.hash)\n".utf8))
        }
        result.globalFingerprint = hexString(hasher.finalize())
        // Each client folder.
        guard previous != nil else { return result }
        let folders = top.filter(\.isDirectory).map(\.name)
        // More threads than cores: this mostly waits on the file system when its caches are cold.
        let clients = folders.parallelMap(threads: Builder.ioThreads) { slug -> ClientInputs in
            let listed = FileStatus.files(under: clientsPath + "/" + slug)
            guard let known = previous?.clients[slug]?.inputs() else {
                // No record of this client: it is rebuilt anyway, and hashed as its files are read.
                return ClientInputs(files: listed.map { ("content/clients/\(slug)/\($0.path)", Input(status: $0.status, hash: "")) },
                                    fingerprint: nil)
            }
            let files = listed.map { file -> (path: String, input: Input) in
                let path = "content/clients/\(slug)/\(file.path)"
                return (path, hashed(path, file.status, known))
            }
            return ClientInputs(files: files, fingerprint: fingerprint(of: slug, files: files, options: options))
        }
        for (slug, client) in zip(folders, clients) { result.clients[slug] = client }
        return result
    }

    /// A client folder's fingerprint from its hashed files (sorted by path) and the passphrase it names.
    func fingerprint(of slug: String, files: [(path: String, input: Input)], options: Builder.Options) -> String {
        var hasher = SHA256()
        // The lines are gathered in one buffer and hashed once (the same bytes as hashing them one by one).
        var lines: [UInt8] = []
        lines.reserveCapacity(files.count * 128)
        for (path, input) in files {
            path.withUTF8Bytes { lines.append(contentsOf: $0) }
            lines.append(0)
            input.hash.withUTF8Bytes { lines.append(contentsOf: $0) }
            lines.append(10)
        }
        lines.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        for name in Self.passphraseNames(slug: slug, rootPath: root.path, environment: options.environment) {
            hasher.update(data: Data("env \(name)=\(Self.hash(Data((options.environment[name] ?? "\u{0}unset").utf8)))\n".utf8))
        }
        return hexString(hasher.finalize())
    }

    /// A client folder's inputs complete: files its load read keep the hash of what was read, any other file
    /// is read and hashed now, and files the build itself added (a new token) are included.
    func completed(_ client: ClientInputs, slug: String, read digests: [String: String], added: [String: String],
                   options: Builder.Options) -> ClientInputs {
        var files = client.files.map { file -> (path: String, input: Input) in
            if !file.input.hash.isEmpty { return file }
            let hash = digests[file.path]
                ?? Self.hash(FileManager.default.contents(atPath: root.path + "/" + file.path) ?? Data())
            return (file.path, Input(status: file.input.status, hash: hash))
        }
        for (path, contents) in added {
            let hash = Self.hash(Data(contents.utf8))
            if let index = files.firstIndex(where: { $0.path == path }) {
                files[index].input = Input(status: nil, hash: hash)
            } else {
                files.append((path, Input(status: nil, hash: hash)))  // not stat-ed: hashed again next time
            }
        }
        files.sort { $0.path < $1.path }
        return ClientInputs(files: files, fingerprint: fingerprint(of: slug, files: files, options: options))
    }

    /// The environment matters only through the passphrase that a client.md names.
    static func passphraseNames(slug: String, rootPath: String, environment: [String: String]) -> [String] {
        guard let data = FileManager.default.contents(atPath: rootPath + "/content/clients/\(slug)/client.md") else { return [] }
        guard Self.contains(data, "portal_passphrase_env") else { return [] }
        let text = String(decoding: data, as: UTF8.self)
        var names = Set<String>()
        for line in text.split(separator: "\n") where line.contains("portal_passphrase_env") {
            let value = line.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'{}")) } ?? ""
            if value.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), !value.isEmpty {
                names.insert(value)
            } else {
                names.formUnion(environment.keys)  // not a plain line: take the whole environment
            }
        }
        return names.sorted()
    }

    /// Whether bytes hold an ASCII word (a plain loop: the standard library's generic `firstRange(of:)`
    /// took over half a million instructions for a short client.md).
    static func contains(_ data: Data, _ word: StaticString) -> Bool {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
            word.withUTF8Buffer { needle -> Bool in
                guard needle.count > 0, raw.count >= needle.count else { return needle.count == 0 }
                let bytes = raw.bindMemory(to: UInt8.self)
                let first = needle[0]
                var index = 0
                while index + needle.count <= bytes.count {
                    if bytes[index] == first {
                        var offset = 1
                        while offset < needle.count, bytes[index + offset] == needle[offset] { offset += 1 }
                        if offset == needle.count { return true }
                    }
                    index += 1
                }
                return false
            }
        }
    }

    /// SHA-256 as hex.
    static func hash(_ data: Data) -> String { hexString(SHA256.hash(data: data)) }

    /// Whether every file of a client's portal is as the last build left it.
    static func outputsUnchanged(_ client: ClientRecord, rootPath: String) -> Bool {
        client.outputsUnchanged(rootPath: rootPath)
    }

    /// What a build gives `save` about one client.
    enum SavedClient {
        /// Reused: its lines are copied from the last record.
        case reused(ClientRecord)
        /// Built by this run: its files, fingerprint and facts.
        case fresh(files: [(path: String, input: Input)], fingerprint: String, facts: ClientFacts)
    }

    /// One rebuilt client's lines of the record: its facts (JSON), its input files with their hashes, and its
    /// output files with their status (read from `outputsPath`, the folder its pages were written to);
    /// nil when an output file cannot be found.
    func block(slug: String, files: [(path: String, input: Input)], fingerprint: String, facts: ClientFacts,
               outputsPath: String) -> [UInt8]? {
        let json = RecordJSON.facts(facts)
        var block = Array("C\t\(slug)\t\(fingerprint)\t".utf8)
        block.reserveCapacity(json.count + 120 * (files.count + facts.outputs.count))
        block += json
        block.append(10)
        // Byte by byte: a client has a hundred of these lines.
        func add(_ text: String) { text.withUTF8Bytes { block.append(contentsOf: $0) } }
        for (path, input) in files {
            block.append(UInt8(ascii: "I"))
            block.append(9)
            add(path)
            block.append(9)
            input.status?.appendLine(to: &block)
            block.append(9)
            add(input.hash)
            block.append(10)
        }
        for (index, path) in facts.outputs.enumerated() {
            // As the file was written, when known; otherwise looked up.
            let known = facts.outputStatuses.flatMap { index < $0.count ? $0[index] : nil }
            guard let status = known ?? FileStatus.of(outputsPath + "/" + path) else { return nil }
            add("O\tpublic/")
            add(path)
            block.append(9)
            status.appendLine(to: &block)
            block.append(10)
        }
        block.append(UInt8(ascii: "E"))
        block.append(10)
        return block
    }

    /// Opens the next record while a build runs, for client blocks made as clients finish; nil when it
    /// cannot be made (the record is then made at the end, or not at all).
    func openStream() -> RecordStream? {
        do {
            try FileManager.default.createDirectory(at: recordURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            return RecordStream(writer: try RecordWriter(path: recordURL.path))
        } catch {
            return nil
        }
    }

    /// Records a successful build: a block per client (its facts, its input files and its output files), the
    /// global inputs and outputs, the report's warnings and portals, and the global fingerprint. Blocks
    /// already written to `stream` while the build ran are not made again.
    func save(global: String, inputs: [String: Input], clients: [(slug: String, client: SavedClient)],
              siteOutputs: [String], warnings: [Diagnostic], portals: [Builder.Portal], stream: RecordStream? = nil) {
        let clean: (String) -> String = { $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }
        let rootPath = root.path
        do {
            // Written as it is made, through a temporary file renamed over the old record at the end, without
            // Foundation's fsync: a record cut short by a crash is read as damaged, and its build redone.
            let streamed = stream?.take()
            let writer: RecordWriter
            if let streamed {
                writer = streamed.writer
            } else {
                try FileManager.default.createDirectory(at: recordURL.deletingLastPathComponent(), withIntermediateDirectories: true)
                writer = try RecordWriter(path: recordURL.path)
            }
            let done = streamed?.slugs ?? []
            // Client blocks are made on all cores, a few dozen at a time, so that the whole record is never
            // in memory at once.
            let remaining = clients.filter { !done.contains($0.slug) }
            var start = 0
            while start < remaining.count {
                let chunk = Array(remaining[start..<min(start + 64, remaining.count)])
                start += chunk.count
                let blocks = chunk.parallelMap { (slug, client) -> [UInt8]? in
                    switch client {
                    case .reused(let record):
                        let block = record.block
                        return block.isEmpty ? nil : block
                    case .fresh(let files, let fingerprint, let facts):
                        return block(slug: slug, files: files, fingerprint: fingerprint, facts: facts,
                                     outputsPath: rootPath + "/public")
                    }
                }
                for block in blocks {
                    guard let block else { throw RecordWriter.Failure() }
                    try writer.add(block)
                }
            }
            for (path, input) in inputs.sorted(by: { $0.key < $1.key }) {
                writer.add("I\t\(path)\t\(input.status?.line ?? "")\t\(input.hash)\n")
            }
            for path in siteOutputs {
                guard let status = FileStatus.of(rootPath + "/" + path) else { throw RecordWriter.Failure() }
                writer.add("O\t\(path)\t\(status.line)\n")
            }
            for warning in warnings {
                writer.add("W\t\(clean(warning.path))\t\(warning.line)\t\(warning.column)\t\(clean(warning.message))\n")
            }
            for portal in portals {
                try writer.add(Array("P\t".utf8) + RecordJSON.portal(portal) + [10])
            }
            // Last, so that its time is after every file the build read and wrote.
            let now = Int(Date().timeIntervalSince1970 * 1_000_000_000)
            writer.add("F\t\(global)\t\(now)\t\(Self.formatVersion)\n")
            try writer.finish()
        } catch {
            clear()
        }
    }

    /// Forgets the last build.
    func clear() { try? FileManager.default.removeItem(at: recordURL) }
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

/// Writes a new build record piece by piece into a temporary file, renamed over the old record at the end.
/// The next record, opened while a clean build runs: each rebuilt client's block is written as soon as the
/// client is done (in the order clients finish, which the reader does not mind), instead of in a pass over
/// every client once the build is over. Until `BuildCache.save` puts it in place it is a temporary file,
/// removed if the build fails.
final class RecordStream: @unchecked Sendable {
    // @unchecked: the writer and the list are used under the lock only.
    private var writer: RecordWriter?
    private var slugs: Set<String> = []
    private let lock = NSLock()

    fileprivate init(writer: RecordWriter) {
        self.writer = writer
    }

    /// Adds a client's block (from any thread). After a failure to write, later blocks are not kept, and the
    /// record is made at the end instead.
    func add(_ slug: String, _ block: [UInt8]) {
        lock.lock()
        defer { lock.unlock() }
        guard let writer else { return }
        do {
            try writer.add(block)
            slugs.insert(slug)
        } catch {
            self.writer = nil
        }
    }

    /// The clients whose blocks are written (none once the blocks were thrown away).
    var written: Set<String> {
        lock.lock()
        defer { lock.unlock() }
        return writer == nil ? [] : slugs
    }

    /// Throws the blocks away (their output files' status no longer holds): the record is made at the end.
    func discard() {
        lock.lock()
        writer = nil
        lock.unlock()
    }

    /// The writer and the clients whose blocks it holds, handed to `save` (once).
    fileprivate func take() -> (writer: RecordWriter, slugs: Set<String>)? {
        lock.lock()
        defer { lock.unlock() }
        guard let writer else { return nil }
        self.writer = nil
        return (writer, slugs)
    }
}

private final class RecordWriter {
    struct Failure: Error {}

    private let path: String
    private let temporary: String
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var failed = false
    private var finished = false

    init(path: String) throws {
        self.path = path
        temporary = path + ".docket-new"
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure() }
        buffer.reserveCapacity(1 << 20)
    }

    deinit {
        guard !finished else { return }
        close(descriptor)
        unlink(temporary)
    }

    func add(_ text: String) {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= 1 << 20 { flush() }
    }

    func add(_ bytes: [UInt8]) throws {
        buffer += bytes
        if buffer.count >= 1 << 20 { flush() }
        if failed { throw Failure() }
    }

    private func flush() {
        guard !failed else { return }
        buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = SiteWriter.systemWrite(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    return
                }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is left and puts the new record in place of the old one.
    func finish() throws {
        flush()
        finished = true
        let closed = close(descriptor) == 0
        guard !failed, closed, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw Failure()
        }
    }
}
