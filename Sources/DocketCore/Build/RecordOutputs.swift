import Foundation

// What the last build produced: the one list Docket keeps of the files it wrote, in the build record.
//
// A full record has each client's output files in its block and the site-wide and dashboard files at its end.
// A build without the cache, or one that failed while writing, leaves a record of output lines only (no
// fingerprints, so nothing is reused from it: its lines have no file status and it has no `F` line):
// after a failed write it lists the files of the build before and of the failed one, since either may be in
// place. Docket 0.5.0 and earlier also listed them in `.docket/manifest.txt` and
// `.docket/dashboard-manifest.txt`, and kept their record in `.docket-cache/last-build`; a build reads those
// lists too, and removes them and that record once its own record is saved.
extension BuildCache {
    /// Files a build produced, relative to their folder.
    struct Outputs: Sendable, Equatable {
        /// Under `public/`.
        var `public`: [String] = []
        /// Under the dashboard's folder.
        var dashboard: [String] = []
        /// Under `outbox/`.
        var outbox: [String] = []
    }

    /// The lists of files that Docket 0.5.0 and earlier kept outside the record, by output folder.
    var legacyManifests: [(folder: String, url: URL)] {
        [
            ("public", root.appendingPathComponent(".docket/manifest.txt")),
            (Builder.dashboardFolder, root.appendingPathComponent(".docket/dashboard-manifest.txt")),
        ]
    }

    /// Whether an earlier Docket's list of files is still there to be taken over.
    var hasLegacyManifests: Bool {
        (legacyManifests.map(\.url) + [legacyRecordURL]).contains { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// Every file the last build produced: from `record` when it was read, else from whatever output lines
    /// the record file holds (a record of another version, a damaged one, or one of output lines only); with
    /// the files an earlier Docket's manifests list, and those the journal of an interrupted build names.
    func previousOutputs(_ record: Record?, interrupted: BuildJournal? = nil) -> Outputs {
        var outputs = interrupted?.outputs ?? Outputs()
        if let record {
            for client in record.clients.values { outputs.public += client.outputs }
            for (path, _) in record.siteOutputs { outputs.add(recorded: path) }
        } else if let file = RecordFile(path: recordURL.path), let bytes = file.read(0..<file.size) {
            Self.eachLine(bytes) { fields, bytes in
                guard fields.count >= 2, fields[0].count == 1, bytes[fields[0].lowerBound] == UInt8(ascii: "O") else {
                    return
                }
                outputs.add(recorded: Self.text(bytes, fields[1]))
            }
        }
        for (folder, url) in legacyManifests {
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            let paths = Self.lines(Array(data))
            if folder == "public" { outputs.public += paths } else { outputs.dashboard += paths }
        }
        return outputs
    }

    /// The drafts the last build wrote to `outbox/`: from the site-wide outputs of `record` when it was read
    /// (they change with figures, even when no client's pages do), else as `previousOutputs` finds them.
    func previousOutbox(_ record: Record?) -> [String] {
        guard let record else { return previousOutputs(nil).outbox }
        var outputs = Outputs()
        for (path, _) in record.siteOutputs where path.hasPrefix(Builder.outboxFolder + "/") {
            outputs.add(recorded: path)
        }
        return outputs.outbox
    }

    /// The non-empty lines of a text, split on the newline byte.
    static func lines(_ bytes: [UInt8]) -> [String] {
        var lines: [String] = []
        eachLine(bytes) { fields, bytes in
            lines.append(text(bytes, fields[0].lowerBound..<fields[fields.count - 1].upperBound))
        }
        return lines
    }

    /// Replaces the record with one that lists only output files; false when it cannot be written (the
    /// record is then removed, so that nothing is reused from it).
    @discardableResult
    func saveOutputsOnly(_ outputs: Outputs) -> Bool {
        do {
            try FileManager.default.createDirectory(
                at: recordURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            let writer = try RecordWriter(path: recordURL.path)
            for (folder, paths) in [
                ("public", outputs.public), (Builder.dashboardFolder, outputs.dashboard),
                (Builder.outboxFolder, outputs.outbox),
            ] {
                for path in paths { writer.add("O\t\(folder)/\(path)\t\n") }
            }
            try writer.finish()
            return true
        } catch {
            clear()
            return false
        }
    }

    /// Where Docket 0.5.0 and earlier kept the build record.
    var legacyRecordURL: URL { root.appendingPathComponent(".docket-cache/last-build") }

    /// Removes an earlier Docket's lists of files and its record, once the record lists what they listed.
    func removeLegacyManifests() {
        let fileManager = FileManager.default
        for url in legacyManifests.map(\.url) + [legacyRecordURL] where fileManager.fileExists(atPath: url.path) {
            try? fileManager.removeItem(at: url)
        }
    }
}

extension BuildCache.Outputs {
    /// Adds a path as the record writes it (`public/…`, `dashboard/…` or `outbox/…`); any other is not
    /// Docket's to remove.
    mutating func add(recorded path: String) {
        if path.hasPrefix("public/") {
            `public`.append(String(path.dropFirst("public/".count)))
        } else if path.hasPrefix(Builder.dashboardFolder + "/") {
            dashboard.append(String(path.dropFirst(Builder.dashboardFolder.count + 1)))
        } else if path.hasPrefix(Builder.outboxFolder + "/") {
            outbox.append(String(path.dropFirst(Builder.outboxFolder.count + 1)))
        }
    }
}
