import Foundation

/// Reads a timesheet: level-2 date headings open days, list items under them are entries, nested items are
/// details and other blocks are the day's notes. A plain timesheet is read line by line (`PlainBlocks`);
/// anything else through the blocks the Markdown wrapper converts from cmark's tree.
enum TimesheetParser {
    /// Parses a timesheet file for the month named by its file name.
    static func parse(
        _ file: SourceFile, month: YearMonth, currency: Currency,
        diagnostics: inout Diagnostics
    ) -> Timesheet {
        parse(file, month: month, currency: currency, diagnostics: &diagnostics, plain: true)
    }

    /// Parses a timesheet: with `plain`, a plain timesheet (`PlainBlocks.events`) is read line by line with no
    /// blocks made; anything else, or without `plain`, through the document's blocks. Both feed the same
    /// `DayBuilder`, so they give the same days and messages (a test holds them to each other).
    static func parse(
        _ file: SourceFile, month: YearMonth, currency: Currency,
        diagnostics: inout Diagnostics, plain: Bool
    ) -> Timesheet {
        let frontMatter = FrontMatter.split(file, diagnostics: &diagnostics)
        let fields = FieldReader.parse(frontMatter, path: file.path)
        fields.finish()
        diagnostics.append(contentsOf: fields.diagnostics)

        var builder = DayBuilder(file: file, month: month, currency: currency)
        builder.lookalikeLines = TimesheetLookalikes.check(frontMatter.body, path: file.path, diagnostics: &diagnostics)
        if plain, let events = PlainBlocks.events(frontMatter.body) {
            frontMatter.body.withUTF8Bytes { bytes in builder.read(events, bytes: bytes) }
        } else {
            for block in Markdown.blocks(frontMatter.body) { builder.read(block) }
        }
        let days = builder.finish()
        diagnostics.append(contentsOf: builder.diagnostics)
        warnOverlaps(days, path: file.path, diagnostics: &diagnostics)
        return Timesheet(month: month, path: file.path, days: days)
    }

    /// Turns a timesheet's parts, in order, into days: level-2 date headings open days, list items under
    /// them are entries, nested items their details, and other blocks the day's notes.
    struct DayBuilder {
        let file: SourceFile
        let month: YearMonth
        let currency: Currency
        var diagnostics = Diagnostics()
        private var days: [TimesheetDay] = []
        private var current: TimesheetDay?
        private var skipping = false  // after a heading that is not a day, until the next level-2 heading
        // The heading line of each day of the month seen so far, by day (0: not yet); every day kept is in
        // the month, so an array indexed by day does what a dictionary by date would, without hashing.
        private var seenDays = [Int](repeating: 0, count: 32)
        /// The lines of the day-heading lookalikes reported as errors (`TimesheetLookalikes`), in order, and
        /// how many of them were reached: what is under each is skipped, as under a heading that is not a date.
        var lookalikeLines: [Int] = []
        private var lookalikesReached = 0

        init(file: SourceFile, month: YearMonth, currency: Currency) {
            self.file = file
            self.month = month
            self.currency = currency
        }

        private mutating func close() {
            if let day = current { days.append(day) }
            current = nil
        }

        /// The days, once every part was read.
        mutating func finish() -> [TimesheetDay] {
            close()
            return days
        }

        /// Reaches a block starting on `line`: a day-heading lookalike on or before it ends the day and skips
        /// what follows, until the next level-2 heading.
        private mutating func reach(_ line: Int) {
            while lookalikesReached < lookalikeLines.count, lookalikeLines[lookalikesReached] <= line {
                close()
                skipping = true
                lookalikesReached += 1
            }
        }

        /// A heading of `level` with its text, at a line and byte column.
        mutating func heading(level: Int, text: String, line: Int, byteColumn: Int) {
            reach(line - 1)
            guard level <= 2 else {
                reach(line)
                note("")  // a smaller heading is a note (with no HTML of its own, as cmark's walk gives it)
                return
            }
            // The character column, worked out only for a message.
            var column: Int { file.characterColumn(line: line, byteColumn: byteColumn) }
            close()
            skipping = false
            reach(line)  // a level-1 heading that looks like a day
            guard level == 2 else { return }
            guard let date = TimesheetParser.dayDate(text) else {
                if let reason = TimesheetLookalikes.impossibleDateReason(text) {
                    diagnostics.error(
                        file.path, line: line, column: column,
                        "`\(text.prefix(10))` is not a date: \(reason); check the date of this day heading")
                } else {
                    diagnostics.error(
                        file.path, line: line, column: column,
                        "expected a day heading starting with a date, like `## \(month)-02 Monday`, found `## \(text)`")
                }
                skipping = true
                return
            }
            guard date.yearMonth == month else {
                diagnostics.error(
                    file.path, line: line, column: column,
                    "the day \(date) is not in \(month.longDescription); this file is \(month).md, expected a date from \(month)-01 to \(month)-\(pad(month.numberOfDays, 2))"
                )
                skipping = true
                return
            }
            if let written = TimesheetParser.writtenWeekday(text), written != date.weekday {
                diagnostics.warning(
                    file.path, line: line, column: column,
                    "\(date) is a \(date.weekday.name), not a \(written.name)")
            }
            if seenDays[date.day] != 0 {
                diagnostics.warning(
                    file.path, line: line, column: column,
                    "the day \(date) already has a heading on line \(seenDays[date.day]); its entries are added to the same day"
                )
            } else {
                seenDays[date.day] = line
            }
            current = TimesheetDay(date: date, line: line, entries: [], notesHTML: [])
        }

        /// The start of a list at a line and byte column: whether its items are entries of a day.
        mutating func list(line: Int, byteColumn: Int) -> Bool {
            reach(line)
            if skipping { return false }
            guard current != nil else {
                diagnostics.error(
                    file.path, line: line, column: file.characterColumn(line: line, byteColumn: byteColumn),
                    "entries before the first day; expected a day heading like `## \(month)-02` above them")
                return false
            }
            return true
        }

        /// An entry written as `text`, its first character at a line and byte column, with its details' HTML.
        mutating func entry(_ text: String, line: Int, byteColumn: Int, detailsHTML: String) {
            guard let date = current?.date else { return }
            switch EntryParser.parse(text, currency: currency) {
            case .failure(let failure):
                let textColumn = file.characterColumn(line: line, byteColumn: byteColumn)
                diagnostics.error(file.path, line: line, column: textColumn + failure.offset, failure.message)
            case .success(let parsed):
                current!.entries.append(
                    Entry(
                        date: date, kind: parsed.kind, description: parsed.description, tags: parsed.tags,
                        detailsHTML: detailsHTML, line: line))
            }
        }

        /// A list item that does not start with a paragraph, at a line and byte column.
        mutating func notAnEntry(line: Int, byteColumn: Int) {
            diagnostics.error(
                file.path, line: line, column: file.characterColumn(line: line, byteColumn: byteColumn),
                "expected an entry like `09:00-10:30 Inbox triage`, `1h15m Newsletter`, `travel 1h Drive`, `mileage 46mi Trip` or `expense 12.50 Parking`"
            )
        }

        /// A note (a paragraph or other block) with its HTML.
        mutating func note(_ html: String) {
            if !skipping, current != nil { current!.notesHTML.append(html) }
        }

        /// Reads a block of the document (through cmark's blocks).
        mutating func read(_ block: MarkdownBlock) {
            switch block.kind {
            case .heading(let level):
                heading(level: level, text: block.text, line: block.startLine, byteColumn: block.startColumn)
            case .list:
                guard list(line: block.startLine, byteColumn: block.startColumn) else { return }
                for item in block.children {
                    guard let first = item.children.first, first.kind == .paragraph else {
                        notAnEntry(line: item.startLine, byteColumn: item.startColumn)
                        continue
                    }
                    entry(
                        TimesheetParser.sourceText(of: first, in: file), line: first.startLine,
                        byteColumn: first.startColumn,
                        detailsHTML: item.children.dropFirst().map(\.html).joined())
                }
            default:
                reach(block.startLine)
                note(block.html)
            }
        }

        /// Reads a plain timesheet's lines (`PlainBlocks.events`), with the body's bytes.
        mutating func read(_ events: [PlainBlocks.Event], bytes: UnsafeBufferPointer<UInt8>) {
            func text(_ start: Int32, _ end: Int32) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(start)..<Int(end)]), as: UTF8.self)
            }
            var index = 0
            var taking = false  // whether the current list's items are entries
            while index < events.count {
                switch events[index] {
                case .heading(let level, let line, let start, let end):
                    heading(level: Int(level), text: text(start, end), line: Int(line), byteColumn: 1)
                    index += 1
                case .item(let line, let start, let end, let startsList):
                    if startsList { taking = list(line: Int(line), byteColumn: 1) }
                    // Its nested items, straight after it, are its details.
                    var next = index + 1
                    var nested: [Range<Int>] = []
                    while next < events.count, case .nested(_, let from, let to) = events[next] {
                        nested.append(Int(from)..<Int(to))
                        next += 1
                    }
                    let details = nested.isEmpty ? "" : PlainBlocks.listHTML(nested, in: bytes)
                    if taking {
                        // As written: a plain line has no spaces at its ends, but other Unicode spaces are
                        // trimmed as for any entry.
                        let written = text(start, end)
                        let plainEnds = bytes[Int(start)] < 0x80 && bytes[Int(end) - 1] < 0x80
                        entry(
                            plainEnds ? written : written.trimmingWhitespace(), line: Int(line), byteColumn: 3,
                            detailsHTML: details)
                    }
                    index = next
                case .nested:
                    index += 1  // read with its item
                case .paragraphLine(let line, let start, let end):
                    reach(Int(line))
                    var lines = [Int(start)..<Int(end)]
                    var next = index + 1
                    while next < events.count, case .paragraphContinues(let from, let to) = events[next] {
                        lines.append(Int(from)..<Int(to))
                        next += 1
                    }
                    note(PlainBlocks.paragraphHTML(lines, in: bytes))
                    index = next
                case .paragraphContinues:
                    index += 1  // read with its paragraph
                }
            }
        }
    }

    /// The weekday named by the first word after a day heading's date (`Monday`, `Mon,`), if any.
    static func writtenWeekday(_ text: String) -> Weekday? {
        // ASCII (nearly always): the word after the date and its spaces, compared by bytes when it is all
        // letters (nothing to trim). `.some(nil)` is a sure "none"; nil leaves it to the rule below.
        let fromBytes: Weekday?? = text.withUTF8Bytes { bytes -> Weekday?? in
            guard bytes.count > 10 else { return nil }
            var index = 0
            while index < bytes.count {
                if bytes[index] >= 0x80 { return nil }
                index += 1
            }
            var start = 10
            while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            var end = start
            while end < bytes.count, bytes[end] != 0x20 {
                guard (bytes[end] | 0x20) >= 0x61, (bytes[end] | 0x20) <= 0x7A else { return nil }
                end += 1
            }
            return .some(start == end ? nil : Weekday(asciiLetters: UnsafeBufferPointer(rebasing: bytes[start..<end])))
        }
        if let fromBytes { return fromBytes }
        let rest = text.dropFirst(10).trimmingWhitespace()
        guard let word = rest.split(separator: " ").first.map(String.init) else { return nil }
        return Weekday(name: word.trimmingPunctuation())
    }

    /// The date at the start of a day heading's text (`2026-11-02 Monday`), if any.
    static func dayDate(_ text: String) -> CalendarDate? {
        let trimmed = text.trimmingWhitespace()
        // Usually ASCII: ten bytes of date and, after them, nothing or a byte that is not a letter or digit.
        let utf8 = trimmed.utf8
        if utf8.count >= 10 {
            let end = utf8.index(utf8.startIndex, offsetBy: 10)
            if end == utf8.endIndex { return CalendarDate(iso: trimmed) }
            let next = utf8[end]
            if next < 0x80 {
                let isAlphanumeric = (next >= 0x30 && next <= 0x39) || ((next | 0x20) >= 0x61 && (next | 0x20) <= 0x7A)
                return isAlphanumeric ? nil : CalendarDate(iso: trimmed[..<end])
            }
        }
        guard trimmed.count >= 10 else { return nil }
        let prefix = trimmed.prefix(10)
        if trimmed.count > 10, let next = trimmed.dropFirst(10).first, next.isLetter || next.isNumber { return nil }
        return CalendarDate(iso: prefix)
    }

    /// The paragraph's text exactly as written in the file (continuation lines joined with a space).
    static func sourceText(of paragraph: MarkdownBlock, in file: SourceFile) -> String {
        guard paragraph.startLine >= 1, paragraph.startLine <= file.lines.count else { return paragraph.text }
        if paragraph.endLine <= paragraph.startLine {
            // One line (most entries): the rest of it from the paragraph's first byte.
            let line = file.lines[paragraph.startLine - 1]
            let start = line.utf8.index(
                line.utf8.startIndex, offsetBy: min(max(paragraph.startColumn - 1, 0), line.utf8.count))
            // Plain text reads as it is written: then the paragraph's own text is the source text, shared
            // rather than copied again.
            if Self.sameBytes(line.utf8[start...], paragraph.text) { return paragraph.text }
            return line[start...].trimmingWhitespace()
        }
        let column = file.characterColumn(line: paragraph.startLine, byteColumn: paragraph.startColumn)
        var parts: [String] = [String(file.lines[paragraph.startLine - 1].dropFirst(column - 1))]
        let last = min(paragraph.endLine, file.lines.count)
        if last > paragraph.startLine {
            for line in (paragraph.startLine + 1)...last {
                parts.append(file.lines[line - 1].trimmingWhitespace())
            }
        }
        return parts.joined(separator: " ").trimmingWhitespace()
    }

    /// Whether a line's rest is exactly a text that starts and ends with a visible ASCII character (so that
    /// trimming it would change nothing): compared as bytes in memory.
    private static func sameBytes(_ rest: Substring.UTF8View, _ text: String) -> Bool {
        let bytes = text.utf8
        guard rest.count == bytes.count, let first = bytes.first, let last = bytes.last,
            first > 0x20, first < 0x80, last > 0x20, last < 0x80
        else { return false }
        return rest.withContiguousStorageIfAvailable { restBytes in
            text.withUTF8Bytes { textBytes in
                memcmp(restBytes.baseAddress!, textBytes.baseAddress!, textBytes.count) == 0
            }
        } ?? false
    }

    /// Warns when two work entries of one day have overlapping clock ranges.
    private static func warnOverlaps(_ days: [TimesheetDay], path: String, diagnostics: inout Diagnostics) {
        // Clock ranges by day of the month (every day of a timesheet is in its month).
        var ranges = [[(start: Int, end: Int, line: Int)]](repeating: [], count: 32)
        for day in days {
            for entry in day.entries {
                if case .work(.range(let start, let end)) = entry.kind {
                    ranges[day.date.day].append((start, end, entry.line))
                }
            }
        }
        for list in ranges where list.count > 1 {
            let sorted = list.sorted { ($0.start, $0.line) < ($1.start, $1.line) }
            for index in sorted.indices.dropFirst() {
                let later = sorted[index]
                for earlier in sorted[..<index] where later.start < earlier.end {
                    diagnostics.warning(
                        path, line: later.line, column: 0,
                        "this work overlaps the work on line \(earlier.line) (\(EntryParser.clockText(earlier.start))-\(EntryParser.clockText(earlier.end))); the same time may be counted twice"
                    )
                    break
                }
            }
        }
    }
}
