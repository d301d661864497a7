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
public struct BuildCache {
    /// The site folder.
    let root: URL

    var recordURL: URL { root.appendingPathComponent(".docket-cache/last-build") }

    /// An input file's status and hash.
    struct Input: Sendable {
        var status: FileStatus?
        var hash: String
    }

    /// A client as the last successful build left it.
    struct ClientRecord: Sendable {
        var fingerprint: String
        var facts: ClientFacts
    }

    /// What the last successful build recorded.
    struct Record: Sendable {
        var global = ""
        var written = 0                          // nanoseconds since 1970
        var inputs: [String: Input] = [:]
        var clients: [String: ClientRecord] = [:]
        var outputs: [String: FileStatus] = [:]  // relative to the site folder (public/…, dashboard/…)
    }

    /// The record format's version: a record of another version is not used.
    static let formatVersion = "2"

    /// Reads the last record, if any and well-formed. (Parsed byte by byte: it has a line for every input
    /// and output file, so this is on the path of every build.)
    func load() -> Record? {
        guard let data = FileManager.default.contents(atPath: recordURL.path) else { return nil }
        let bytes = [UInt8](data)
        var record = Record()
        record.inputs.reserveCapacity(bytes.count / 120)
        record.outputs.reserveCapacity(bytes.count / 120)
        var start = 0
        var fields: [Range<Int>] = []
        fields.reserveCapacity(6)
        let decoder = JSONDecoder()
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
            case (UInt8(ascii: "F"), 4):
                guard text(fields[3]) == Self.formatVersion, let written = integer(fields[2]) else { return nil }
                record.global = text(fields[1])
                record.written = written
            case (UInt8(ascii: "I"), 4):
                record.inputs[text(fields[1])] = Input(status: status(fields[2]), hash: text(fields[3]))
            case (UInt8(ascii: "C"), 4):
                guard let facts = try? decoder.decode(ClientFacts.self, from: Data(bytes[fields[3]])) else { return nil }
                record.clients[text(fields[1])] = ClientRecord(fingerprint: text(fields[2]), facts: facts)
            case (UInt8(ascii: "O"), 3):
                guard let status = status(fields[2]) else { return nil }
                record.outputs[text(fields[1])] = status
            default:
                return nil
            }
        }
        return record.global.isEmpty ? nil : record
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

    /// The global fingerprint: Docket itself, `--today`, and every input outside the client folders.
    func globalFingerprint(_ inputs: [String: Input], options: Builder.Options) -> String {
        var hasher = SHA256()
        hasher.update(data: Data("docket \(Builder.version)\n\(options.identity)\ntoday \(options.today)\n".utf8))
        for (path, input) in inputs.sorted(by: { $0.key < $1.key }) where Self.clientSlug(of: path) == nil {
            hasher.update(data: Data("\(path)\u{0}\(input.hash)\n".utf8))
        }
        return hexString(hasher.finalize())
    }

    /// The client folder an input belongs to (`content/clients/<slug>/…`), if any.
    static func clientSlug(of path: String) -> Substring? {
        let prefix = "content/clients/"
        guard path.hasPrefix(prefix) else { return nil }
        let rest = path.dropFirst(prefix.count)
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        return rest[..<slash]
    }

    /// Each client folder's fingerprint: the bytes of its files and the passphrase its client.md names.
    func clientFingerprints(_ inputs: [String: Input], options: Builder.Options) -> [String: String] {
        var byClient: [String: [(String, Input)]] = [:]
        for (path, input) in inputs {
            if let slug = Self.clientSlug(of: path) { byClient[String(slug), default: []].append((path, input)) }
        }
        let rootPath = root.path
        let entries = Array(byClient)
        let prints = entries.parallelMap { (slug, files) -> String in
            var hasher = SHA256()
            for (path, input) in files.sorted(by: { $0.0 < $1.0 }) {
                hasher.update(data: Data("\(path)\u{0}\(input.hash)\n".utf8))
            }
            // The environment matters only through the passphrase that client.md names.
            if let text = FileManager.default.contents(atPath: rootPath + "/content/clients/\(slug)/client.md")
                .map({ String(decoding: $0, as: UTF8.self) }), text.contains("portal_passphrase_env") {
                var names = Set<String>()
                for line in text.split(separator: "\n") where line.contains("portal_passphrase_env") {
                    let value = line.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'{}")) } ?? ""
                    if value.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), !value.isEmpty {
                        names.insert(value)
                    } else {
                        names.formUnion(options.environment.keys)  // not a plain line: take the whole environment
                    }
                }
                for name in names.sorted() {
                    hasher.update(data: Data("env \(name)=\(Self.hash(Data((options.environment[name] ?? "\u{0}unset").utf8)))\n".utf8))
                }
            }
            return hexString(hasher.finalize())
        }
        return Dictionary(uniqueKeysWithValues: zip(entries.map(\.key), prints))
    }

    /// Whether every file of a client's portal is as the last build left it.
    static func outputsUnchanged(_ facts: ClientFacts, record: Record, rootPath: String) -> Bool {
        facts.outputs.allSatisfy { path in
            let key = "public/" + path
            guard let recorded = record.outputs[key] else { return false }
            return FileStatus.of(rootPath + "/" + key) == recorded
        }
    }

    /// Records a successful build: the inputs, every client's fingerprint and facts, and the status of every
    /// output file (files the build did not touch keep the status already recorded).
    func save(_ record: Record, outputs: [String], fresh: Set<String>, previous: Record?) {
        let now = Int(Date().timeIntervalSince1970 * 1_000_000_000)
        var text = "F\t\(record.global)\t\(now)\t\(Self.formatVersion)\n"
        for (path, input) in record.inputs.sorted(by: { $0.key < $1.key }) {
            text += "I\t\(path)\t\(input.status?.line ?? "")\t\(input.hash)\n"
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for (slug, client) in record.clients.sorted(by: { $0.key < $1.key }) {
            guard let json = try? encoder.encode(client.facts) else { return clear() }
            text += "C\t\(slug)\t\(client.fingerprint)\t\(String(decoding: json, as: UTF8.self))\n"
        }
        let rootPath = root.path
        let statuses = outputs.parallelMap { path -> FileStatus? in
            if !fresh.contains(path), let old = previous?.outputs[path] { return old }
            return FileStatus.of(rootPath + "/" + path)
        }
        for (path, status) in zip(outputs, statuses) {
            guard let status else { return clear() }
            text += "O\t\(path)\t\(status.line)\n"
        }
        do {
            try FileManager.default.createDirectory(at: recordURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: recordURL, options: .atomic)
        } catch {
            clear()
        }
    }

    /// Forgets the last build.
    func clear() { try? FileManager.default.removeItem(at: recordURL) }
}
