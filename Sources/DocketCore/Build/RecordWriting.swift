import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Writing the build record (`.docket/build-record`).
extension BuildCache {
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
    func block(
        slug: String, files: [(path: String, input: Input)], fingerprint: String, facts: ClientFacts,
        outputsPath: String
    ) -> [UInt8]? {
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
            try FileManager.default.createDirectory(
                at: recordURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            return RecordStream(writer: try RecordWriter(path: recordURL.path))
        } catch {
            return nil
        }
    }

    /// Records a successful build: a block per client (its facts, its input files and its output files), the
    /// global inputs and outputs, the report's warnings and portals, and the global fingerprint. Blocks
    /// already written to `stream` while the build ran are not made again.
    /// Returns false when the record could not be written (there is then none).
    @discardableResult
    func save(
        global: String, inputs: [String: Input], clients: [(slug: String, client: SavedClient)],
        siteOutputs: [String], warnings: [Diagnostic], portals: [Portal], stream: RecordStream? = nil
    ) -> Bool {
        let clean: (String) -> String = {
            $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
        }
        let rootPath = root.path
        do {
            // Written as it is made, through a temporary file renamed over the old record at the end, without
            // Foundation's fsync: a record cut short by a crash is read as damaged, and its build redone.
            let streamed = stream?.take()
            let writer: RecordWriter
            if let streamed {
                writer = streamed.writer
            } else {
                try FileManager.default.createDirectory(
                    at: recordURL.deletingLastPathComponent(), withIntermediateDirectories: true)
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
                        return block(
                            slug: slug, files: files, fingerprint: fingerprint, facts: facts,
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
            return true
        } catch {
            clear()
            return false
        }
    }
}

/// The next record, opened while a clean build runs: each rebuilt client's block is written as soon as the
/// client is done (in the order clients finish, which the reader does not mind), instead of in a pass over
/// every client once the build is over. Until `BuildCache.save` puts it in place it is a temporary file,
/// removed if the build fails.
final class RecordStream: @unchecked Sendable {
    // @unchecked: the writer and the list are used under the lock only.
    private var writer: RecordWriter?
    private var slugs: Set<String> = []
    private let lock = NSLock()

    init(writer: RecordWriter) {
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
    func take() -> (writer: RecordWriter, slugs: Set<String>)? {
        lock.lock()
        defer { lock.unlock() }
        guard let writer else { return nil }
        self.writer = nil
        return (writer, slugs)
    }
}

/// Writes a new build record piece by piece into a temporary file, renamed over the old record at the end.
final class RecordWriter {
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
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
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
