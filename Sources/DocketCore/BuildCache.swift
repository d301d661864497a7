import Crypto
import Foundation

/// Skips a build when nothing it reads has changed and its output is as the last build left it.
///
/// The fingerprint covers the bytes of every file under `content/` and `templates/`, `--today`, the
/// environment, and the identity of the Docket binary. The output check covers the size and modification
/// time of every file the last build wrote. Any difference means a full build, so the cache can make a
/// build faster but never different. It lives in `.docket-cache/` in the site folder (git-ignored).
public struct BuildCache {
    /// The site folder.
    let root: URL

    /// What the last successful build recorded.
    struct Record: Codable {
        var fingerprint: String
        var outputs: [String: String]
        var fileCount: Int
        var warnings: [CachedDiagnostic]
        var portals: [CachedPortal]
    }

    struct CachedDiagnostic: Codable {
        var path: String
        var line: Int
        var column: Int
        var message: String
    }

    struct CachedPortal: Codable {
        var slug: String
        var name: String
        var token: String
        var encryption: String?
        var linkKey: String?
    }

    var recordURL: URL { root.appendingPathComponent(".docket-cache/last-build.json") }

    /// The SHA-256 of every file under `content/` and `templates/`, by path relative to the site.
    static func inputHashes(root: URL) -> [String: String] {
        var paths: [String] = []
        for folder in ["content", "templates"] {
            let base = root.appendingPathComponent(folder)
            guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else { continue }
            for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                paths.append(folder + String(url.standardizedFileURL.path.dropFirst(base.standardizedFileURL.path.count)))
            }
        }
        let hashes = paths.parallelMap { path -> String in
            hash(FileManager.default.contents(atPath: root.appendingPathComponent(path).path) ?? Data())
        }
        return Dictionary(uniqueKeysWithValues: zip(paths, hashes))
    }

    /// SHA-256 as hex.
    static func hash(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// The fingerprint of everything a build reads: the input files' hashes, `--today`, the environment and
    /// the binary's identity.
    static func fingerprint(_ hashes: [String: String], options: Builder.Options) -> String {
        var hasher = SHA256()
        hasher.update(data: Data("docket \(Builder.version)\n\(options.identity)\ntoday \(options.today)\n".utf8))
        for (name, value) in options.environment.sorted(by: { $0.key < $1.key })
        where !["PWD", "OLDPWD", "SHLVL", "_"].contains(name) {
            hasher.update(data: Data("env \(name)=\(value)\n".utf8))
        }
        for (path, hash) in hashes.sorted(by: { $0.key < $1.key }) {
            hasher.update(data: Data("\(path)\u{0}\(hash)\n".utf8))
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// Size and modification time of each output file, or nil when one is missing.
    func outputs(_ paths: [String]) -> [String: String]? {
        var result: [String: String] = [:]
        for path in paths {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(path).path),
                  let size = attributes[.size] as? NSNumber, let date = attributes[.modificationDate] as? Date else { return nil }
            result[path] = "\(size.intValue):\(date.timeIntervalSince1970)"
        }
        return result
    }

    /// The last build's report, when the fingerprint matches and every output is untouched.
    func reuse(fingerprint: String) -> Builder.Report? {
        guard let data = FileManager.default.contents(atPath: recordURL.path),
              let record = try? JSONDecoder().decode(Record.self, from: data), record.fingerprint == fingerprint,
              outputs(Array(record.outputs.keys)) == record.outputs else { return nil }
        var report = Builder.Report()
        for warning in record.warnings {
            report.diagnostics.warning(warning.path, line: warning.line, column: warning.column, warning.message)
        }
        report.portals = record.portals.map {
            var portal = Builder.Portal(slug: $0.slug, name: $0.name, token: $0.token, isNewToken: false)
            portal.encryption = $0.encryption.flatMap(PortalEncryptionMode.init(rawValue:))
            portal.linkKey = $0.linkKey
            return portal
        }
        report.outcome.unchanged = record.fileCount
        report.reusedCache = true
        return report
    }

    /// Records a successful build.
    func save(fingerprint: String, report: Builder.Report, outputPaths: [String]) {
        guard let outputs = outputs(outputPaths) else { return }
        let record = Record(
            fingerprint: fingerprint, outputs: outputs, fileCount: report.files.count,
            warnings: report.diagnostics.warnings.map { CachedDiagnostic(path: $0.path, line: $0.line, column: $0.column, message: $0.message) },
            portals: report.portals.map { CachedPortal(slug: $0.slug, name: $0.name, token: $0.token,
                                                       encryption: $0.encryption?.rawValue, linkKey: $0.linkKey) })
        do {
            try FileManager.default.createDirectory(at: recordURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            try JSONEncoder().encode(record).write(to: recordURL, options: .atomic)
        } catch {
            try? FileManager.default.removeItem(at: recordURL)
        }
    }

    /// Forgets the last build (after a failed one).
    func clear() { try? FileManager.default.removeItem(at: recordURL) }
}
