import Foundation

/// A time tracker's export brought into the clients' timesheets, as `docket import` does it: each row one
/// entry, under its day in its month's file, with every other byte of the file kept.
///
/// All or nothing: the whole site must check first, every row must read, every row's client must be known,
/// every changed file must read back with exactly its old entries and the new ones, and no sent invoice may
/// change; otherwise nothing is written. A row already in its timesheet (an entry with the same text under
/// the same day: importing the same file again) is not added again; two identical rows of one day are two
/// entries, and a day that already holds one of them gets the other.
public struct TimesheetImport: Sendable {
    /// One timesheet with what the import adds to it.
    public struct FileChange: Sendable {
        /// The timesheet, relative to the site folder.
        public var path: String
        /// Its bytes after the import.
        var data: Data
        /// Whether the file is new.
        public var isNew: Bool
        /// The entries added, as written (with their day), in order.
        public var added: [(date: CalendarDate, text: String)]
    }

    /// The files to write, in client then month order.
    public var changes: [FileChange]
    /// Rows that were already in their timesheets.
    public var alreadyThere: Int
    /// Warnings to print (rows skipped as empty).
    public var diagnostics: Diagnostics

    /// Reads the export at `path` (as given on the command line) and prepares every change. Rows go to
    /// `client` when given, else to the client their Client column names: through `map` (their name → slug),
    /// or a client whose client.md `name` is that name. Nil, with every error in `diagnostics`, when anything
    /// must be refused.
    public static func make(
        _ format: TimeTrackerFormat, path: String, root: URL, client: String?, map: [String: String],
        today: CalendarDate, diagnostics: inout Diagnostics
    ) -> TimesheetImport? {
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.error(path, "cannot read the file; expected the CSV file \(format.product) exported")
            return nil
        }
        guard let checked = CheckedSite.load(root: root, today: today, diagnostics: &diagnostics) else { return nil }
        guard !checked.diagnostics.hasErrors else {
            for error in checked.diagnostics.errors { diagnostics.append(error) }
            diagnostics.error(
                "content", "the site has content errors; fix them (`docket check` lists them) before importing time")
            return nil
        }
        guard let table = ExportTable.read(data, path: path, diagnostics: &diagnostics) else { return nil }
        var own = Diagnostics()
        let rows = format.rows(of: table, diagnostics: &own)
        var warnings = Diagnostics()
        var kept: [TrackedTime] = []
        for row in rows {
            guard row.minutes > 0 else {
                warnings.warning(
                    path, line: row.row, column: 1,
                    "this entry is shorter than a minute, so it was left out (a timer started and stopped at once?)")
                continue
            }
            kept.append(row)
        }
        let slugs = clientSlugs(
            kept, checked: checked, client: client, map: map, path: path, format: format, diagnostics: &own)
        diagnostics.append(contentsOf: own)
        guard !own.hasErrors, let slugs else { return nil }

        // Row by row, into each client's months.
        var byFile: [String: (slug: String, month: YearMonth, rows: [TrackedTime])] = [:]
        for (row, slug) in zip(kept, slugs) {
            let month = row.date.yearMonth
            let path = "content/clients/\(slug)/timesheets/\(month).md"
            byFile[path, default: (slug, month, [])].rows.append(row)
        }
        var changes: [FileChange] = []
        var alreadyThere = 0
        var changedClients: [String: ClientContent] = [:]
        var changedMonths: [String: [YearMonth]] = [:]
        for path in byFile.keys.sorted() {
            guard let (slug, month, rows) = byFile[path], let before = checked.client(slug) else { continue }
            var content = changedClients[slug] ?? before.content
            guard
                let (change, sheet, skipped) = place(
                    rows, path: path, month: month, root: root, content: content,
                    known: Set(checked.diagnostics.warnings.filter { $0.path == path }.map(\.message)),
                    diagnostics: &diagnostics)
            else { return nil }
            alreadyThere += skipped
            guard let change, let sheet else { continue }
            if rows.contains(where: { $0.billable && !$0.tags.contains("unbilled") }),
                let refusal = TimesheetEntryAppend.billedRefusal(month, client: before, today: today)
            {
                diagnostics.append(refusal)
                return nil
            }
            content.timesheets.removeAll { $0.month == month }
            content.timesheets.append(sheet)
            content.timesheets.sort { $0.month < $1.month }
            changedClients[slug] = content
            changedMonths[slug, default: []].append(month)
            changes.append(change)
        }
        // Each changed client computed again: no sent invoice may change.
        for (slug, content) in changedClients.sorted(by: { $0.key < $1.key }) {
            guard let before = checked.client(slug) else { continue }
            var after = Diagnostics()
            SiteLoader.validate(content, diagnostics: &after)
            let computed = ComputedClient.compute(
                content, business: checked.site.business, today: today, diagnostics: &after)
            let months = (changedMonths[slug] ?? []).sorted()
            let what =
                "the entries imported into "
                + months.map(\.longDescription).joined(separator: months.count == 2 ? " and " : ", ")
            if let refusal = TimesheetEntryAppend.changedSentInvoice(
                before: before, after: computed, month: months.first ?? today.yearMonth, what: what)
            {
                diagnostics.append(refusal)
                return nil
            }
            guard !after.hasErrors else {
                for error in after.errors { diagnostics.append(error) }
                return nil
            }
        }
        // Every warning of the run (a rounded Harvest value, an overlap the import makes) is printed with it.
        for warning in diagnostics.warnings where !warnings.all.contains(warning) { warnings.append(warning) }
        return TimesheetImport(changes: changes, alreadyThere: alreadyThere, diagnostics: warnings)
    }

    /// The client folder of each row, in order; nil with errors when a row's client is not known. An unmapped
    /// client name is one error listing every such name.
    private static func clientSlugs(
        _ rows: [TrackedTime], checked: CheckedSite, client: String?, map: [String: String], path: String,
        format: TimeTrackerFormat, diagnostics: inout Diagnostics
    ) -> [String]? {
        func active(_ slug: String, from source: String) -> Bool {
            guard let found = checked.client(slug) else {
                let known = checked.clients.map(\.client.slug).joined(separator: ", ")
                diagnostics.error(
                    path,
                    "\(source) names the client `\(slug)`, which has no folder in content/clients (clients: \(known))")
                return false
            }
            guard found.client.status == .active else {
                diagnostics.error(
                    "content/clients/\(slug)/client.md",
                    "\(slug) is archived (`status: archived`): no time is imported for an archived client")
                return false
            }
            return true
        }
        if let client {
            return active(client, from: "--client") ? rows.map { _ in client } : nil
        }
        var ok = true
        for slug in Set(map.values).sorted() where !active(slug, from: "--map") { ok = false }
        let byName = Dictionary(
            checked.clients.map { ($0.client.name.lowercased(), $0.client.slug) },
            uniquingKeysWith: { first, _ in first })
        var unmapped: [String] = []
        var noClient: [Int] = []
        var slugs: [String] = []
        for row in rows {
            guard let name = row.client else {
                noClient.append(row.row)
                continue
            }
            if let slug = map[name] ?? byName[name.lowercased()] {
                slugs.append(slug)
            } else if !unmapped.contains(name) {
                unmapped.append(name)
            }
        }
        if !noClient.isEmpty {
            diagnostics.error(
                path, line: noClient[0], column: 1,
                "\(noClient.count == 1 ? "this row has" : "\(noClient.count) rows (rows \(noClient.map(String.init).joined(separator: ", "))) have") no client; expected `--client SLUG` to import them all into one client"
            )
            ok = false
        }
        if !unmapped.isEmpty {
            diagnostics.error(
                path,
                "no Docket client for \(unmapped.map { "`\($0)`" }.joined(separator: ", ")) in the Client column; expected one `--map \"\(unmapped[0])=slug\"` for each (or `--client SLUG` for all the rows), or a client.md whose `name` is that name"
            )
            ok = false
        }
        return ok ? slugs : nil
    }

    /// A month's rows placed in its timesheet: the change (nil when every row was there already), the
    /// timesheet read back, and how many rows were there already. Nil, with the error, when the file would not
    /// read back with exactly its old entries and the new ones. `known`: the warnings the file gave when the
    /// site was checked, so that only those the import brings are told.
    private static func place(
        _ rows: [TrackedTime], path: String, month: YearMonth, root: URL, content: ClientContent,
        known: Set<String>, diagnostics: inout Diagnostics
    ) -> (change: FileChange?, sheet: Timesheet?, skipped: Int)? {
        let old = content.timesheets.first { $0.month == month }
        let currency = content.client.currency
        var bytes: [UInt8]?
        if old != nil {
            guard let data = SourceFile.readFile(root.path + "/" + path) else {
                diagnostics.error(path, "cannot read the file: \(String(cString: strerror(errno)))")
                return nil
            }
            bytes = [UInt8](data)
        } else if FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) {
            diagnostics.error(path, "the file exists but was not read as a timesheet; expected a plain file")
            return nil
        }
        // What each day holds already, as entry texts, to recognise rows imported before.
        var present: [CalendarDate: [String: Int]] = [:]
        if let old, let bytes {
            let lines = TimesheetInsertion.lines(bytes)
            for entry in old.entries where entry.line >= 1 && entry.line <= lines.count {
                let line = lines[entry.line - 1]
                let text = String(decoding: bytes[line.start..<line.end], as: UTF8.self)
                present[entry.date, default: [:]][Self.entryText(ofLine: text), default: 0] += 1
            }
        }
        var added: [(date: CalendarDate, text: String)] = []
        var skipped = 0
        for row in rows {
            let text = entryText(row)
            if let count = present[row.date]?[text], count > 0 {
                present[row.date]?[text] = count - 1
                skipped += 1
                continue
            }
            let placed =
                bytes.map { TimesheetInsertion.insert(text, on: row.date, into: $0) }
                ?? TimesheetInsertion.newFile(entry: text, on: row.date)
            bytes = placed.bytes
            added.append((row.date, text))
        }
        guard !added.isEmpty, let bytes else { return (nil, old, skipped) }
        // Read back: no error, and the old entries plus exactly the new ones.
        var own = Diagnostics()
        let data = Data(bytes)
        guard let file = SourceFile.decode(path: path, data: data, diagnostics: &own) else {
            diagnostics.append(contentsOf: own)
            return nil
        }
        let sheet = TimesheetParser.parse(file, month: month, currency: currency, diagnostics: &own)
        guard !own.hasErrors, sheet.entries.count == (old?.entries.count ?? 0) + added.count else {
            for error in own.errors { diagnostics.append(error) }
            diagnostics.error(
                path,
                "the imported entries could not be placed in this timesheet without changing the rest of it, so nothing was written"
            )
            return nil
        }
        // Warnings the file did not give when the site was checked (an imported range overlapping an entry
        // already there): told, since the same time must not be billed twice.
        for warning in own.warnings where !known.contains(warning.message) { diagnostics.append(warning) }
        return (FileChange(path: path, data: data, isNew: old == nil, added: added), sheet, skipped)
    }

    /// The entry a row becomes: `09:00-10:30 Website / Homepage: Hero copy #writing`, or `1h30m …` for a
    /// duration only; `#unbilled` when not billable.
    static func entryText(_ row: TrackedTime) -> String {
        var parts: [String] = []
        if let range = row.range {
            parts.append("\(TimeTrackerFormat.clock(range.start))-\(TimeTrackerFormat.clock(range.end % (24 * 60)))")
        } else {
            let hours = row.minutes / 60
            let minutes = row.minutes % 60
            parts.append((hours > 0 ? "\(hours)h" : "") + (minutes > 0 || hours == 0 ? "\(minutes)m" : ""))
        }
        parts.append(row.text.isEmpty ? "No description" : row.text)
        parts += row.tags.map { "#\($0)" }
        if !row.billable && !row.tags.contains("unbilled") { parts.append("#unbilled") }
        return parts.joined(separator: " ")
    }

    /// An entry's text as written on its line: without its list marker and surrounding spaces.
    static func entryText(ofLine line: String) -> String {
        var text = line.trimmingWhitespace()
        if let first = text.first, "-*+".contains(first) {
            text = String(text.dropFirst()).trimmingWhitespace()
        } else if let dot = text.firstIndex(where: { $0 == "." || $0 == ")" }), text[..<dot].allSatisfy(\.isNumber),
            !text[..<dot].isEmpty
        {
            text = String(text[text.index(after: dot)...]).trimmingWhitespace()
        }
        return text
    }

    /// Writes every changed timesheet, each in one step; if one cannot be written, those written before are
    /// put back as they were (or removed, when new).
    public func write(root: URL) throws {
        var done: [(url: URL, original: Data?)] = []
        do {
            for change in changes {
                let url = root.appendingPathComponent(change.path)
                let original = change.isNew ? nil : try Data(contentsOf: url)
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try change.data.write(to: url, options: change.isNew ? .withoutOverwriting : .atomic)
                done.append((url, original))
            }
        } catch {
            for (url, original) in done.reversed() {
                if let original {
                    try? original.write(to: url, options: .atomic)
                } else {
                    try? FileManager.default.removeItem(at: url)
                }
            }
            throw error
        }
    }
}
