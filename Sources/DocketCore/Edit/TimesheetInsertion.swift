/// Where a new entry goes in a timesheet, and the timesheet's bytes with it: under the day's heading, after
/// the day's last entry (and that entry's details); a new day heading, when the day has none, before the
/// first later day so that days stay in date order, or at the end. Every other byte stays as written: the
/// new lines end as the file's lines do (`\r\n` stays `\r\n`), and a last line with no line ending gets one
/// before the new line.
///
/// The file is read by the same Markdown reader as `TimesheetParser`, so the day headings, lists and items
/// found here are the ones the parser sees; the caller reads the result back to make sure of it.
enum TimesheetInsertion {
    /// A timesheet with one entry placed in it.
    struct Placed: Sendable, Equatable {
        /// The file's new bytes.
        var bytes: [UInt8]
        /// The 1-based line of the new entry.
        var line: Int
        /// Whether a day heading was written for it.
        var newDay: Bool
    }

    /// A new month's file: a title, the day heading and the entry.
    static func newFile(entry: String, on date: CalendarDate) -> Placed {
        let text = "# \(date.yearMonth.longDescription)\n\n## \(date) \(date.weekday.name)\n- \(entry)\n"
        return Placed(bytes: Array(text.utf8), line: 4, newDay: true)
    }

    /// The timesheet `bytes` with `entry` (one line, without its list marker) placed under `date`'s heading.
    static func insert(_ entry: String, on date: CalendarDate, into bytes: [UInt8]) -> Placed {
        let lines = Self.lines(bytes)
        let ending = lineEnding(bytes, lines)
        let layout = Layout.read(bytes, date: date)

        /// The bytes with `text` (lines, each given its ending) inserted after line `after` (0: at the top).
        func placing(_ text: [String], after: Int, blankBefore: Bool = false, blankAfter: Bool = false) -> Placed {
            var inserted: [UInt8] = []
            // At the top: after a byte-order mark, if any.
            var position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            if after > 0 {
                let line = lines[after - 1]
                position = line.next
                if line.next == line.end { inserted += ending }  // the last line had no line ending
            }
            if blankBefore { inserted += ending }
            for part in text { inserted += Array(part.utf8) + ending }
            if blankAfter { inserted += ending }
            var result = bytes
            result.insert(contentsOf: inserted, at: position)
            let entryLine = after + (blankBefore ? 1 : 0) + text.count
            return Placed(bytes: result, line: entryLine, newDay: text.count > 1)
        }

        if let day = layout.day {
            if let item = day.lastItem {
                // After the last entry and its details, trailing blank lines left out.
                var end = item.endLine
                while end > item.startLine, isBlank(bytes, lines[end - 1]) { end -= 1 }
                return placing([marker(bytes, lines[item.startLine - 1]) + entry], after: end)
            }
            if day.lastBlockEnd > day.headingEnd {
                // Notes only: the entry after them, as a list of its own.
                var end = day.lastBlockEnd
                while end > day.headingEnd, isBlank(bytes, lines[end - 1]) { end -= 1 }
                return placing(["- " + entry], after: end, blankBefore: true)
            }
            return placing(["- " + entry], after: day.headingEnd)
        }
        let heading = "## \(date)" + (layout.headingsNameWeekdays ? " \(date.weekday.name)" : "")
        if let later = layout.laterDayLine {
            return placing([heading, "- " + entry], after: later - 1, blankAfter: true)
        }
        // At the end, after a blank line.
        let last = lines.count
        return placing([heading, "- " + entry], after: last, blankBefore: last > 0 && !isBlank(bytes, lines[last - 1]))
    }

    // MARK: - The file's layout, as the Markdown reader sees it

    /// The parts of a timesheet that say where a day's entry goes.
    struct Layout {
        /// The section of the date's day: its last heading of that date.
        struct Day {
            /// The last line of its heading.
            var headingEnd: Int
            /// The last entry's item: its first and last line.
            var lastItem: (startLine: Int, endLine: Int)?
            /// The last line of the last block under the heading (the heading's own when none).
            var lastBlockEnd: Int
        }

        /// The day's section, when the file has a heading for the date.
        var day: Day?
        /// The first line of the first day heading with a later date.
        var laterDayLine: Int?
        /// Whether the file's day headings name the weekday after the date (true when there are none).
        var headingsNameWeekdays = true

        /// Reads the layout from a timesheet's bytes, for the day `date`.
        static func read(_ bytes: [UInt8], date: CalendarDate) -> Layout {
            let file = SourceFile(path: "", text: String(decoding: bytes, as: UTF8.self))
            var ignored = Diagnostics()
            let body = FrontMatter.split(file, diagnostics: &ignored).body
            var layout = Layout()
            var inDay = false
            var sawDayHeading = false
            var anyWeekday = false
            for block in Markdown.blocks(body) {
                if case .heading(let level) = block.kind, level <= 2 {
                    inDay = false
                    guard level == 2, let heading = TimesheetParser.dayDate(block.text),
                        heading.yearMonth == date.yearMonth
                    else { continue }
                    sawDayHeading = true
                    anyWeekday = anyWeekday || block.text.trimmingWhitespace().count > 10
                    if heading == date {
                        inDay = true
                        layout.day = Day(headingEnd: block.endLine, lastItem: nil, lastBlockEnd: block.endLine)
                    } else if heading > date, layout.laterDayLine == nil {
                        layout.laterDayLine = block.startLine
                    }
                    continue
                }
                guard inDay else { continue }
                layout.day!.lastBlockEnd = max(layout.day!.lastBlockEnd, block.endLine)
                if block.kind == .list, let item = block.children.last {
                    layout.day!.lastItem = (item.startLine, max(item.endLine, item.startLine))
                }
            }
            layout.headingsNameWeekdays = !sawDayHeading || anyWeekday
            return layout
        }
    }

    // MARK: - Lines

    /// One line of the bytes: where its text starts and ends (before its line ending), and where the next
    /// line starts.
    struct Line: Sendable, Equatable {
        /// The offset of its first byte.
        var start: Int
        /// The offset just past its text, before its line ending.
        var end: Int
        /// The offset just past its line ending (`end` when it has none).
        var next: Int
    }

    /// The lines of the bytes, split as `SourceFile` splits them: at `\r\n`, `\n` or a lone `\r`.
    static func lines(_ bytes: [UInt8]) -> [Line] {
        var lines: [Line] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 10 || byte == 13 {
                let next = byte == 13 && index + 1 < bytes.count && bytes[index + 1] == 10 ? index + 2 : index + 1
                lines.append(Line(start: start, end: index, next: next))
                start = next
                index = next
            } else {
                index += 1
            }
        }
        if start < bytes.count { lines.append(Line(start: start, end: bytes.count, next: bytes.count)) }
        return lines
    }

    /// The file's line ending: that of its first line, `\n` when it has none.
    static func lineEnding(_ bytes: [UInt8], _ lines: [Line]) -> [UInt8] {
        guard let first = lines.first, first.next > first.end else { return [10] }
        return Array(bytes[first.end..<first.next])
    }

    /// Whether a line holds only spaces and tabs.
    static func isBlank(_ bytes: [UInt8], _ line: Line) -> Bool {
        bytes[line.start..<line.end].allSatisfy { $0 == 32 || $0 == 9 }
    }

    /// The list marker of an entry's line, with its indentation and the spaces after it (`- `, `  * `), to
    /// start a sibling item; `- ` when the item is numbered.
    static func marker(_ bytes: [UInt8], _ line: Line) -> String {
        var index = line.start
        while index < line.end, bytes[index] == 32 { index += 1 }
        guard index < line.end,
            bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "*")
                || bytes[index] == UInt8(ascii: "+")
        else { return "- " }
        index += 1
        while index < line.end, bytes[index] == 32 || bytes[index] == 9 { index += 1 }
        return String(decoding: bytes[line.start..<index], as: UTF8.self)
    }
}
