import Crypto
import Foundation

/// Skips a build when nothing it reads has changed and its output is as the last build left it.
///
/// The fingerprint covers the bytes of every file under `content/` and `templates/`, `--today`, the
/// passphrases named by `portal_passphrase_env`, and the identity of the Docket binary. A file whose size,
/// modification time, change time and inode are what they were at the last build, and that was not modified
/// in the last two seconds before that build, keeps its recorded hash without being read (as git's index
/// does); any other file is read and hashed. The output check covers the size and times of every file the
/// last build wrote. Any difference means a full build, so the cache can make a build faster but never
/// different. It lives in `.docket-cache/last-build` in the site folder (git-ignored).
public struct BuildCache {
    /// The site folder.
    let root: URL

    var recordURL: URL { root.appendingPathComponent(".docket-cache/last-build") }

    /// An input file's status and hash.
    struct Input: Sendable {
        var status: FileStatus?
        var hash: String
    }

    /// What the last successful build recorded.
    struct Record {
        var fingerprint = ""
        var written = 0                          // nanoseconds since 1970
        var fileCount = 0
        var inputs: [String: Input] = [:]
        var outputs: [String: FileStatus] = [:]
        var warnings: [Diagnostic] = []
        var portals: [Builder.Portal] = []
    }

    /// Reads the last record, if any and well-formed. (Parsed byte by byte: it has a line for every input
    /// and output file, so this is on the path of every unchanged build.)
    func load() -> Record? {
        guard let data = FileManager.default.contents(atPath: recordURL.path) else { return nil }
        let bytes = [UInt8](data)
        var record = Record()
        record.inputs.reserveCapacity(bytes.count / 120)
        var start = 0
        var fields: [Range<Int>] = []
        fields.reserveCapacity(6)
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        func integer(_ range: Range<Int>) -> Int? {
            guard !range.isEmpty else { return nil }
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value &* 10 &+ Int(byte - 48)
            }
            return value
        }
        func status(_ range: Range<Int>) -> FileStatus? {
            var parts: [Int] = []
            var from = range.lowerBound
            for index in range where bytes[index] == 32 {
                guard let value = integer(from..<index) else { return nil }
                parts.append(value)
                from = index + 1
            }
            guard let last = integer(from..<range.upperBound), parts.count == 3 else { return nil }
            return FileStatus(size: parts[0], modified: parts[1], changed: parts[2], inode: UInt64(last))
        }
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
            defer { start = end + 1 }
            guard let kind = fields.first, kind.count == 1 else { return nil }
            switch (bytes[kind.lowerBound], fields.count) {
            case (UInt8(ascii: "F"), 5):
                record.fingerprint = text(fields[1])
                guard let written = integer(fields[2]), let count = integer(fields[3]) else { return nil }
                record.written = written
                record.fileCount = count
            case (UInt8(ascii: "I"), 4):
                record.inputs[text(fields[1])] = Input(status: status(fields[2]), hash: text(fields[3]))
            case (UInt8(ascii: "O"), 3):
                guard let status = status(fields[2]) else { return nil }
                record.outputs[text(fields[1])] = status
            case (UInt8(ascii: "W"), 5):
                record.warnings.append(Diagnostic(.warning, path: text(fields[1]), line: integer(fields[2]) ?? 0,
                                                  column: integer(fields[3]) ?? 0, text(fields[4])))
            case (UInt8(ascii: "P"), 6):
                var portal = Builder.Portal(slug: text(fields[1]), name: text(fields[2]), token: text(fields[3]),
                                            isNewToken: false)
                portal.encryption = PortalEncryptionMode(rawValue: text(fields[4]))
                portal.linkKey = fields[5].isEmpty ? nil : text(fields[5])
                record.portals.append(portal)
            default:
                return nil
            }
        }
        return record.fingerprint.isEmpty ? nil : record
    }

    /// The hash of every file under `content/` and `templates/`, reusing the last build's hash for a file
    /// the file system shows unchanged since then.
    func inputs(previous: Record?) -> [String: Input] {
        var files: [(path: String, status: FileStatus)] = []
        for folder in ["content", "templates"] {
            files += FileStatus.files(under: root.appendingPathComponent(folder).path).map { ("\(folder)/\($0.path)", $0.status) }
        }
        let paths = files.map(\.path)
        let rootPath = root.path
        let known = previous?.inputs ?? [:]
        let settled = (previous?.written ?? 0) - 2_000_000_000
        let hashed = files.parallelMap { file -> Input in
            let status = file.status
            if let old = known[file.path], old.status == status, status.modified < settled, status.changed < settled {
                return old
            }
            return Input(status: status, hash: Self.hash(FileManager.default.contents(atPath: rootPath + "/" + file.path) ?? Data()))
        }
        return Dictionary(uniqueKeysWithValues: zip(paths, hashed))
    }

    /// SHA-256 as hex.
    static func hash(_ data: Data) -> String { hexString(SHA256.hash(data: data)) }

    /// The fingerprint of everything a build reads.
    func fingerprint(_ inputs: [String: Input], options: Builder.Options) -> String {
        var hasher = SHA256()
        hasher.update(data: Data("docket \(Builder.version)\n\(options.identity)\ntoday \(options.today)\n".utf8))
        // The environment matters only through the passphrases that client.md files name.
        var names = Set<String>()
        for path in inputs.keys where path.hasSuffix("/client.md") {
            let text = String(decoding: FileManager.default.contents(atPath: root.appendingPathComponent(path).path) ?? Data(), as: UTF8.self)
            guard text.contains("portal_passphrase_env") else { continue }
            for line in text.split(separator: "\n") where line.contains("portal_passphrase_env") {
                let value = line.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'{}")) } ?? ""
                if value.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), !value.isEmpty {
                    names.insert(value)
                } else {
                    names.formUnion(options.environment.keys)  // not a plain line: take the whole environment
                }
            }
        }
        for name in names.sorted() {
            hasher.update(data: Data("env \(name)=\(Self.hash(Data((options.environment[name] ?? "\u{0}unset").utf8)))\n".utf8))
        }
        for (path, input) in inputs.sorted(by: { $0.key < $1.key }) {
            hasher.update(data: Data("\(path)\u{0}\(input.hash)\n".utf8))
        }
        return hexString(hasher.finalize())
    }

    /// The last build's report, when the fingerprint matches and every output is untouched.
    func reuse(_ record: Record?, fingerprint: String) -> Builder.Report? {
        guard let record, record.fingerprint == fingerprint else { return nil }
        let rootPath = root.path
        let outputs = Array(record.outputs)
        let unchanged = outputs.parallelMap { FileStatus.of(rootPath + "/" + $0.key) == $0.value }
        guard unchanged.allSatisfy({ $0 }) else { return nil }
        var report = Builder.Report()
        for warning in record.warnings { report.diagnostics.append(warning) }
        report.portals = record.portals
        report.outcome.unchanged = record.fileCount
        report.reusedCache = true
        return report
    }

    /// Records a successful build.
    func save(fingerprint: String, inputs: [String: Input], report: Builder.Report, outputPaths: [String]) {
        let clean: (String) -> String = { $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }
        let now = Int(Date().timeIntervalSince1970 * 1_000_000_000)
        var text = "F\t\(fingerprint)\t\(now)\t\(report.paths.count)\t1\n"
        for (path, input) in inputs.sorted(by: { $0.key < $1.key }) {
            text += "I\t\(path)\t\(input.status?.line ?? "")\t\(input.hash)\n"
        }
        for path in outputPaths {
            guard let status = FileStatus.of(root.appendingPathComponent(path).path) else { return clear() }
            text += "O\t\(path)\t\(status.line)\n"
        }
        for warning in report.diagnostics.warnings {
            text += "W\t\(clean(warning.path))\t\(warning.line)\t\(warning.column)\t\(clean(warning.message))\n"
        }
        for portal in report.portals {
            text += "P\t\(portal.slug)\t\(clean(portal.name))\t\(portal.token)\t\(portal.encryption?.rawValue ?? "")\t\(portal.linkKey ?? "")\n"
        }
        do {
            try FileManager.default.createDirectory(at: recordURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: recordURL, options: .atomic)
        } catch {
            clear()
        }
    }

    /// Forgets the last build (after a failed one).
    func clear() { try? FileManager.default.removeItem(at: recordURL) }
}
