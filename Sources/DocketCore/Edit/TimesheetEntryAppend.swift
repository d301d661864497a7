import Foundation

/// One entry logged into a client's timesheet, as `docket log SLUG "ENTRY" [--date YYYY-MM-DD]` writes it:
/// read by the timesheet's own entry grammar, placed under its day (`TimesheetInsertion`), the month's file
/// read back whole, and the client computed again, before anything is written.
///
/// Refused, with nothing written, when the site has content errors, the client is unknown or archived, the
/// entry does not read, the day's month is billed by a sent invoice (unless the entry is `#unbilled`, which
/// changes no amount), the entry would change any sent invoice, or the timesheet would not read back with
/// exactly its old entries and the new one.
public struct TimesheetEntryAppend: Sendable {
    /// The timesheet written, relative to the site folder.
    var path: String
    /// Whether the month's file is new.
    var isNewFile: Bool
    /// The file's bytes with the entry.
    var data: Data
    /// The file's bytes before, nil when it is new.
    var original: Data?
    /// The month of the timesheet.
    var month: YearMonth
    /// The client's currency (the entry's amounts are in it).
    var currency: Currency
    /// The entry as parsed, with its day and line.
    var entry: Entry
    /// What the entry counts for, as printed.
    public var printed: String
    /// Warnings the edited timesheet gives about the new entry (an overlap), to print.
    public var diagnostics: Diagnostics

    /// Prepares the entry `text` for client `slug` on `date` (default: today). Nil, with errors in
    /// `diagnostics`, when it must be refused.
    public static func make(
        root: URL, slug: String, text: String, date: CalendarDate?, today: CalendarDate,
        diagnostics: inout Diagnostics
    ) -> TimesheetEntryAppend? {
        let date = date ?? today
        let entryText = text.trimmingWhitespaceAndNewlines()
        guard let checked = CheckedSite.load(root: root, today: today, diagnostics: &diagnostics) else { return nil }
        guard !checked.diagnostics.hasErrors else {
            for error in checked.diagnostics.errors { diagnostics.append(error) }
            diagnostics.error(
                "content", "the site has content errors; fix them (`docket check` lists them) before logging time")
            return nil
        }
        let folder = "content/clients/\(slug)"
        guard let before = checked.client(slug) else {
            let known = checked.clients.map(\.client.slug).joined(separator: ", ")
            diagnostics.error(
                folder,
                "there is no client `\(slug)`: expected a folder \(folder) with client.md"
                    + (known.isEmpty ? "" : " (clients: \(known))"))
            return nil
        }
        guard before.client.status == .active else {
            diagnostics.error(
                "\(folder)/client.md",
                "\(slug) is archived (`status: archived`): no time is logged for an archived client; set `status: active` to work for them again"
            )
            return nil
        }
        let month = date.yearMonth
        let path = "\(folder)/timesheets/\(month).md"
        let currency = before.client.currency
        guard !entryText.contains(where: \.isNewline) else {
            diagnostics.error(path, "the entry must be one line; expected one entry like `1h30m Inbox triage #admin`")
            return nil
        }
        let parsed: EntryParser.Parsed
        switch EntryParser.parse(entryText, currency: currency) {
        case .failure(let failure):
            diagnostics.error(
                path,
                "the entry `\(entryText)` does not read, at character \(failure.offset + 1): \(failure.message)")
            return nil
        case .success(let success):
            parsed = success
        }
        let newEntry = Entry(date: date, kind: parsed.kind, description: parsed.description, tags: parsed.tags)
        if !newEntry.isUnbilled, let refusal = billedRefusal(month, client: before, today: today) {
            diagnostics.append(refusal)
            return nil
        }

        // The file with the entry, read back whole.
        let old = before.content.timesheets.first { $0.month == month }
        var original: Data?
        let placed: TimesheetInsertion.Placed
        if old != nil {
            guard let bytes = SourceFile.readFile(root.path + "/" + path) else {
                diagnostics.error(path, "cannot read the file: \(String(cString: strerror(errno)))")
                return nil
            }
            original = bytes
            placed = TimesheetInsertion.insert(entryText, on: date, into: [UInt8](bytes))
        } else {
            guard !FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) else {
                diagnostics.error(path, "the file exists but was not read as a timesheet; expected a plain file")
                return nil
            }
            placed = TimesheetInsertion.newFile(entry: entryText, on: date)
        }
        let data = Data(placed.bytes)
        var own = Diagnostics()
        guard
            let timesheet = readBack(
                data, path: path, month: month, currency: currency, old: old, entry: newEntry, line: placed.line,
                diagnostics: &own)
        else {
            for error in own.errors { diagnostics.append(error) }
            diagnostics.error(
                path,
                "the entry could not be placed under \(date) without changing the rest of the file, so nothing was written; add it by hand"
            )
            return nil
        }

        // The client computed again with the new timesheet.
        var content = before.content
        content.timesheets.removeAll { $0.month == month }
        content.timesheets.append(timesheet)
        content.timesheets.sort { $0.month < $1.month }
        var after = Diagnostics()
        SiteLoader.validate(content, diagnostics: &after)
        let computed = ComputedClient.compute(
            content, business: checked.site.business, today: today, diagnostics: &after)
        if let refusal = changedSentInvoice(before: before, after: computed, month: month) {
            diagnostics.append(refusal)
            return nil
        }
        guard !after.hasErrors else {
            for error in after.errors { diagnostics.append(error) }
            return nil
        }
        var warnings = Diagnostics()
        for warning in own.warnings
        where warning.line == placed.line || warning.message.contains("line \(placed.line) (") {
            warnings.append(warning)
        }
        let entry = timesheet.entries.first { $0.line == placed.line } ?? newEntry
        let printed = LoggedEntryText.render(
            entry, text: entryText, path: path, isNewFile: old == nil, newDay: placed.newDay,
            figures: content.timeline.figures(for: month), client: computed, currency: currency)
        return TimesheetEntryAppend(
            path: path, isNewFile: old == nil, data: data, original: original, month: month, currency: currency,
            entry: entry, printed: printed, diagnostics: warnings)
    }

    /// Writes the timesheet (in one step), reads it back and checks that it still reads with the new entry;
    /// when it does not, puts the file back as it was (or removes the new file) and reports why.
    public func write(root: URL, diagnostics: inout Diagnostics) throws {
        let url = root.appendingPathComponent(path)
        let folder = url.deletingLastPathComponent()
        let folderExisted = FileManager.default.fileExists(atPath: folder.path)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
        var own = Diagnostics()
        if let written = SourceFile.readFile(url.path), written == data,
            let file = SourceFile.decode(path: path, data: written, diagnostics: &own)
        {
            let sheet = TimesheetParser.parse(file, month: month, currency: currency, diagnostics: &own)
            if !own.hasErrors, sheet.entries.contains(where: { $0.line == entry.line && $0.kind == entry.kind }) {
                return
            }
        }
        if let original {
            try original.write(to: url, options: .atomic)
        } else {
            try FileManager.default.removeItem(at: url)
            if !folderExisted { try? FileManager.default.removeItem(at: folder) }
        }
        for error in own.errors { diagnostics.append(error) }
        diagnostics.error(path, "the timesheet did not read back as written, so it was put back as it was")
    }

    /// Why an entry for `month` may not be logged: a sent invoice bills the month's work.
    static func billedRefusal(_ month: YearMonth, client: ComputedClient, today: CalendarDate) -> Diagnostic? {
        guard let invoice = client.publishedInvoices.first(where: { $0.usageMonth == month }) else { return nil }
        let record = invoice.record
        return Diagnostic(
            .error, path: record.path, line: record.numberLine,
            "\(month.longDescription) is billed by \(record.number), sent \(record.issued.shortDescription): an entry there would change a sent invoice. Log it on a day of a month not yet invoiced (`--date YYYY-MM-DD`, today is \(today)), tag it #unbilled to record it as free time, or void \(record.number) (`status: void`) and issue a new invoice"
        )
    }

    /// The first sent invoice the new entry would change (another month's, through a retainer's rollover),
    /// as an error; nil when none changes.
    static func changedSentInvoice(
        before: ComputedClient, after: ComputedClient, month: YearMonth, what: String? = nil
    ) -> Diagnostic? {
        let currency = before.client.currency
        for old in before.publishedInvoices {
            guard let new = after.invoices.first(where: { $0.record.path == old.record.path }) else { continue }
            let items = InvoiceSeal.items(of: new)
            guard new.total != old.total || items != InvoiceSeal.items(of: old) else { continue }
            let changes = InvoiceSeal.differences(sent: InvoiceSeal.items(of: old), now: items, currency: currency)
            let record = old.record
            return Diagnostic(
                .error, path: record.path, line: record.numberLine,
                "\(what ?? "an entry in \(month.longDescription)") would change \(record.number), which is sent: its total would go from \(MoneyFormat.format(old.total, currency: currency)) to \(MoneyFormat.format(new.total, currency: currency))"
                    + (changes.isEmpty ? "" : " (\(changes.joined(separator: "; ")))")
                    + ". Log it in a later month, tag it #unbilled, or void \(record.number) and issue a new invoice")
        }
        return nil
    }

    /// The edited file read as a timesheet: nil, with the reason, unless it reads with no error and has
    /// exactly the old entries and notes plus the new entry, on `line` under its day.
    static func readBack(
        _ data: Data, path: String, month: YearMonth, currency: Currency, old: Timesheet?, entry: Entry, line: Int,
        diagnostics: inout Diagnostics
    ) -> Timesheet? {
        guard let file = SourceFile.decode(path: path, data: data, diagnostics: &diagnostics) else { return nil }
        let sheet = TimesheetParser.parse(file, month: month, currency: currency, diagnostics: &diagnostics)
        guard !diagnostics.hasErrors else { return nil }
        func plain(_ entry: Entry) -> Entry {
            var entry = entry
            entry.line = 0
            return entry
        }
        var entries = sheet.entries
        guard let index = entries.firstIndex(where: { $0.line == line }), plain(entries[index]) == plain(entry) else {
            return nil
        }
        entries.remove(at: index)
        let notes = { (sheet: Timesheet?) in sheet?.days.flatMap(\.notesHTML) ?? [] }
        guard entries.map(plain) == (old?.entries ?? []).map(plain), notes(sheet) == notes(old) else { return nil }
        return sheet
    }
}
