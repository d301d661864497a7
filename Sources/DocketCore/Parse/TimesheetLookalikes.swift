/// The lines of a timesheet that look like a day heading or an entry but that Markdown reads as something
/// else (`### 2026-10-10`, `**2026-10-10**`, a tab-indented entry, `09:00-10:30 Inbox` without `- `), so
/// that none of them is merged, dropped or demoted in silence.
///
/// One check of the raw lines of the body, shared by both ways of reading a timesheet (`PlainBlocks` and
/// cmark), so they report the same messages at the same places. The rule, in docs/content-format.md
/// ("Common mistakes in timesheets"): a lookalike is an error when money would change — a day-heading
/// lookalike with a list under it (its entries would land on the day above), an entry that would not be
/// billed — and a warning otherwise (a day-heading lookalike with only text under it).
enum TimesheetLookalikes {
    /// Reports the lookalike lines of a timesheet's body (front matter blanked, so lines count from the
    /// file's first). Returns the lines of the day-heading lookalikes reported as errors, in order: the
    /// reader skips what is under each, as under a level-2 heading that is not a date.
    static func check(_ body: String, path: String, diagnostics: inout Diagnostics) -> [Int] {
        var errorLines: [Int] = []
        var sawDay = false
        var fence: UInt8?  // the byte of an open code fence
        // A day-heading lookalike whose section is being read: whether a list follows decides its rule.
        var pending: (line: Int, written: String, reason: String, fix: String, sawDay: Bool, hasList: Bool)?

        func settle() {
            guard let heading = pending else { return }
            pending = nil
            let what = "`\(heading.written)` is not a day heading (\(heading.reason))"
            if heading.hasList {
                let consequence = heading.sawDay ? "would be counted on the day above" : "would have no day"
                diagnostics.error(
                    path, line: heading.line, column: 1,
                    "\(what), so the entries under it \(consequence); write `\(heading.fix)`")
                errorLines.append(heading.line)
            } else {
                let consequence = heading.sawDay ? "is a note of the day above" : "is read as text before the first day"
                diagnostics.warning(
                    path, line: heading.line, column: 1,
                    "\(what), so the text under it \(consequence); if it starts a day, write `\(heading.fix)`")
            }
        }

        var text = body
        text.withUTF8 { buffer in
            // What the line before was, so that only what Markdown would read on its own is checked: the
            // content column of the list item open above (nested items up to three columns past it are
            // details), and whether the line before was text (a paragraph goes on) or blank or a heading.
            var openItemContent: Int?
            var previousWasText = false
            var previousBlank = true
            var lineNumber = 0
            var start = 0
            while start <= buffer.count {
                var end = start
                while end < buffer.count, buffer[end] != 0x0A { end += 1 }
                lineNumber += 1
                defer { start = end + 1 }
                // The common lines, seen in place: a blank line; an entry at the left margin or a detail two
                // spaces in, which only tell that a list follows; a day heading.
                func starts(_ prefix: StaticString) -> Bool {
                    guard end - start >= prefix.utf8CodeUnitCount else { return false }
                    for offset in 0..<prefix.utf8CodeUnitCount where buffer[start + offset] != prefix.utf8Start[offset]
                    {
                        return false
                    }
                    return true
                }
                if end == start || (end == start + 1 && buffer[start] == 13) {
                    previousBlank = true
                    previousWasText = false
                    continue
                }
                if fence == nil, starts("- ") || starts("  - ") {
                    pending?.hasList = true
                    openItemContent = starts("- ") ? 2 : 4
                    previousWasText = false
                    previousBlank = false
                    continue
                }
                if fence == nil, starts("## "),
                    startsWithDateShape(UnsafeBufferPointer(rebasing: buffer[(start + 3)..<end]))
                {
                    settle()
                    sawDay = true
                    openItemContent = nil
                    previousWasText = false
                    previousBlank = true
                    continue
                }
                let wasText = previousWasText
                let wasBlank = previousBlank
                previousWasText = false
                previousBlank = false
                let bytes = Array(buffer[start..<(buffer[end - 1] == 13 ? end - 1 : end)])
                var index = 0
                var columns = 0
                var hasTab = false
                while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 {
                    if bytes[index] == 0x09 {
                        hasTab = true
                        columns += 4 - columns % 4
                    } else {
                        columns += 1
                    }
                    index += 1
                }
                guard index < bytes.count else {
                    previousBlank = true
                    continue
                }
                let rest = String(decoding: bytes[index...], as: UTF8.self)
                // Code fences: what is inside is shown as written.
                if columns < 4, bytes.count - index >= 3,
                    bytes[index] == UInt8(ascii: "`") || bytes[index] == UInt8(ascii: "~"),
                    bytes[index + 1] == bytes[index], bytes[index + 2] == bytes[index]
                {
                    if fence == nil { fence = bytes[index] } else if fence == bytes[index] { fence = nil }
                    continue
                }
                if fence != nil { continue }

                if let itemText = listItemText(bytes, from: index) {
                    var markerEnd = index
                    while markerEnd < bytes.count, bytes[markerEnd] != 0x20, bytes[markerEnd] != 0x09 { markerEnd += 1 }
                    let content = columns + (markerEnd - index) + 1
                    defer { openItemContent = content }
                    // Spaces that nest an item no deeper than the text of the item above (a detail of a detail
                    // under a two-space detail) are how details are written; deeper, an entry was pushed in.
                    let nested = !hasTab && openItemContent.map { columns <= $0 } == true
                    if (hasTab || columns >= 4) && !nested {
                        if looksLikeEntry(itemText) {
                            let how = hasTab ? "with a tab" : "\(columns) spaces"
                            diagnostics.error(
                                path, line: lineNumber, column: 1,
                                "this entry is indented \(how), so it is not read as an entry and is not billed; write it at the left margin: `- \(itemText)` (a detail under an entry is indented two spaces)"
                            )
                        }
                    } else {
                        pending?.hasList = true
                    }
                    continue
                }
                guard columns < 4 else {
                    previousWasText = true
                    continue
                }
                if bytes[index] == UInt8(ascii: "#") {
                    openItemContent = nil
                    previousBlank = true
                    var level = 0
                    while index + level < bytes.count, bytes[index + level] == UInt8(ascii: "#") { level += 1 }
                    let after = String(decoding: bytes[(index + level)...], as: UTF8.self)
                    // `### **2026-11-07**`: emphasis does not hide the date.
                    let text = String(after.trimmingWhitespace().filter { $0 != "*" && $0 != "_" })
                    if startsWithDateShape(after) {
                        settle()
                        pending = (
                            lineNumber, rest, "a day heading has a space after `##`", "## \(text)", sawDay, false
                        )
                    } else if startsWithDateShape(text), after.first == " " || after.first == "\t" {
                        settle()
                        if level == 2 {
                            sawDay = true
                        } else {
                            pending = (lineNumber, rest, "a day heading has two `#`", "## \(text)", sawDay, false)
                        }
                    } else if level <= 2, after.isEmpty || after.first == " " || after.first == "\t" {
                        settle()
                    }
                    continue
                }
                previousWasText = true
                if columns == 0, wasBlank { openItemContent = nil }
                // A line that goes on with the paragraph or the list item above is part of it, not a line of
                // its own: only a line that starts a paragraph (or runs on from an entry at the margin) is
                // checked.
                if wasText || (columns > 0 && openItemContent != nil && !wasBlank) { continue }
                // Text: a date at its start (plain or in emphasis) looks like a day heading.
                let markers = rest.prefix { $0 == "*" || $0 == "_" }
                let unmarked = rest.dropFirst(markers.count)
                if markers.count <= 3, startsWithDateShape(unmarked) {
                    var text = String(unmarked)
                    if !markers.isEmpty, let close = text.range(of: String(markers)) { text.removeSubrange(close) }
                    settle()
                    pending = (
                        lineNumber, rest, "a day heading starts with `## `", "## \(text.trimmingWhitespace())", sawDay,
                        false
                    )
                    continue
                }
                if looksLikeEntry(Substring(rest)) {
                    diagnostics.error(
                        path, line: lineNumber, column: 1,
                        "this line looks like an entry but has no `- ` in front, so it is not read as an entry and is not billed; write `- \(rest.trimmingWhitespace())`"
                    )
                }
            }
        }
        settle()
        return errorLines
    }

    /// The text of a list item (`- `, `* `, `+ `, `1. `, `1) `) starting at `index`, trimmed; nil when the
    /// line is not one.
    static func listItemText(_ bytes: [UInt8], from index: Int) -> Substring? {
        var marker = index
        switch bytes[index] {
        case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"):
            marker += 1
        default:
            while marker < bytes.count, marker - index < 9, TextScanner.isDigit(bytes[marker]) { marker += 1 }
            guard marker > index, marker < bytes.count,
                bytes[marker] == UInt8(ascii: ".") || bytes[marker] == UInt8(ascii: ")")
            else { return nil }
            marker += 1
        }
        guard marker < bytes.count, bytes[marker] == 0x20 || bytes[marker] == 0x09 else { return nil }
        return Substring(String(decoding: bytes[marker...], as: UTF8.self).trimmingWhitespace())
    }

    /// Whether text starts with ten characters shaped like a date (`2026-10-10`, `2026-11-31`), then
    /// nothing or a character that is not a letter or digit.
    static func startsWithDateShape(_ text: some StringProtocol) -> Bool {
        startsWithDateShape(text.utf8)
    }

    /// `startsWithDateShape` on UTF-8 bytes, read without copying them.
    static func startsWithDateShape(_ utf8: some Collection<UInt8>) -> Bool {
        var iterator = utf8.makeIterator()
        for offset in 0..<10 {
            guard let byte = iterator.next() else { return false }
            if offset == 4 || offset == 7 {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                guard TextScanner.isDigit(byte) else { return false }
            }
        }
        guard let next = iterator.next() else { return true }
        let letter = next | 0x20
        return !(TextScanner.isDigit(next) || (letter >= 0x61 && letter <= 0x7A))
    }

    /// Whether text starts like an entry: a kind word then a quantity, or a time or duration in any of the
    /// forms people type (`09:00`, `9.30`, `9am`, `2h`, `90 mins`, `1.5hrs`).
    static func looksLikeEntry(_ text: Substring) -> Bool {
        var words = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard let first = words.first else { return false }
        switch first.lowercased() {
        case "mileage", "expense":
            // A number or a currency symbol next (`expense report sent` is a note).
            guard words.count == 2, let next = words[1].first else { return false }
            return next.isNumber || !(next.isLetter || next.isPunctuation)
        case "travel":
            guard words.count == 2 else { return false }
            words.removeFirst()
            return startsWithTime(words[0])
        default:
            return startsWithTime(text)
        }
    }

    /// Whether text starts with a clock time or a duration, loosely read.
    private static func startsWithTime(_ text: Substring) -> Bool {
        let bytes = Array(text.utf8.prefix(24))
        var index = 0
        while index < bytes.count, TextScanner.isDigit(bytes[index]) { index += 1 }
        guard index > 0, index <= 4 else { return false }
        // `09:00`, `9.30`
        if index <= 2, index + 2 < bytes.count, bytes[index] == UInt8(ascii: ":") || bytes[index] == UInt8(ascii: "."),
            TextScanner.isDigit(bytes[index + 1]), TextScanner.isDigit(bytes[index + 2])
        {
            return true
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, TextScanner.isDigit(bytes[index]) { index += 1 }
        }
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
        var end = index
        while end < bytes.count, (bytes[end] | 0x20) >= 0x61, (bytes[end] | 0x20) <= 0x7A { end += 1 }
        guard end > index, end == bytes.count || !TextScanner.isDigit(bytes[end]) else {
            // `1h30m`: hours then digits.
            return end > index && (bytes[index] | 0x20) == UInt8(ascii: "h")
        }
        let unit = String(decoding: bytes[index..<end], as: UTF8.self).lowercased()
        return ["h", "hr", "hrs", "hour", "hours", "m", "min", "mins", "minute", "minutes", "am", "pm"].contains(unit)
    }

    /// Why ten characters shaped like a date (`2026-11-31`) are not one (`November has 30 days`), or nil
    /// when they are a date or not shaped like one: the same reasons as front matter's dates.
    static func impossibleDateReason(_ text: some StringProtocol) -> String? {
        guard startsWithDateShape(text) else { return nil }
        return CalendarDate.whyNotADay(iso: text.prefix(10))
    }
}
