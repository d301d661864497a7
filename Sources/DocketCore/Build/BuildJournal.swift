import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a build is about to write, put on disk before it writes anything (`.docket/build-journal`) and
/// removed once its record is saved: while it is there, a build is in progress or was interrupted.
///
/// A build killed while writing leaves the last record in place, which still describes the files it did not
/// touch; the journal names the rest: the client folders whose pages were being written and every file
/// the build may have created or replaced under `public/`, `dashboard/` and `outbox/`. The next build
/// finds it, rebuilds those clients rather than reusing them, and counts those files among the last build's,
/// so that it removes the ones it does not produce. A journal left by an interrupted build is carried into
/// the next one's, so a second interruption forgets nothing. It names share tokens (in paths), so it is
/// readable by the VA only, like the record.
struct BuildJournal: Sendable, Equatable {
    /// The client folders whose pages the build writes.
    var clients: Set<String> = []
    /// The files it may create or replace, by output folder.
    var outputs = BuildCache.Outputs()

    /// Where it is kept.
    static func url(root: URL) -> URL { root.appendingPathComponent(".docket/build-journal") }

    /// The journal an interrupted build left in the site in `root`, or nil when the last build ended.
    static func load(root: URL) -> BuildJournal? {
        guard let data = FileManager.default.contents(atPath: url(root: root).path) else { return nil }
        var journal = BuildJournal()
        BuildCache.eachLine(Array(data)) { fields, bytes in
            guard fields.count == 2, fields[0].count == 1 else { return }
            let value = BuildCache.text(bytes, fields[1])
            switch bytes[fields[0].lowerBound] {
            case UInt8(ascii: "C"): journal.clients.insert(value)
            case UInt8(ascii: "O"): journal.outputs.add(recorded: value)
            default: break
            }
        }
        return journal
    }

    /// This journal with another's clients and files added.
    func merged(with other: BuildJournal?) -> BuildJournal {
        guard let other else { return self }
        var merged = self
        merged.clients.formUnion(other.clients)
        // Each path once, however many builds in a row were interrupted.
        merged.outputs.public = Array(Set(outputs.public + other.outputs.public))
        merged.outputs.dashboard = Array(Set(outputs.dashboard + other.outputs.dashboard))
        merged.outputs.outbox = Array(Set(outputs.outbox + other.outputs.outbox))
        return merged
    }

    /// Puts the journal in place in the site in `root`: written to a temporary file (mode 0600) renamed
    /// over the journal, so that it is whole or absent.
    func save(root: URL) throws {
        var text = ""
        text.reserveCapacity(64 * (outputs.public.count + outputs.dashboard.count + outputs.outbox.count))
        for slug in clients { text += "C\t\(slug)\n" }
        for (folder, paths) in [
            ("public", outputs.public), (Builder.dashboardFolder, outputs.dashboard),
            (Builder.outboxFolder, outputs.outbox),
        ] {
            for path in paths { text += "O\t\(folder)/\(path)\n" }
        }
        let url = Self.url(root: root)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = try ShareToken.writePrivateTemporary(Data(text.utf8), beside: url.path)
        guard rename(temporary, url.path) == 0 else {
            let failure = SiteWriter.WriteError(message: "\(url.path): \(String(cString: strerror(errno)))")
            unlink(temporary)
            throw failure
        }
    }

    /// Removes the journal: the build it described has ended.
    static func remove(root: URL) {
        unlink(url(root: root).path)
    }
}
