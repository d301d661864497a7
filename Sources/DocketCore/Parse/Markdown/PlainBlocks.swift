/// A reader for the plain Markdown that timesheets, task lists and most notes are, producing exactly the
/// blocks `Markdown.blocks` gets from cmark, without cmark's parse and tree walk (docs/PERFORMANCE.md says
/// why).
///
/// It reads, line by line:
///
/// ```markdown
/// ## 2026-11-02 Monday              an ATX heading, `#` to `######`
/// - 09:00-10:30 Inbox triage #admin a `- ` list item of one line, at the left margin
///   - sent for approval              a nested `- ` item of one line, two spaces in, under an item
/// A note, written over              a paragraph at the left margin, any number of lines
/// two lines.
/// ```
///
/// with blank lines between, and text free of anything inline Markdown gives a meaning to (`\` `` ` `` `*`
/// `_` `[` `]` `<` `&`). On anything else — another block (quotes, code, ordered lists, `*` or `+` bullets,
/// setext underlines, breaks), other indentation, an item continued on the next line, trailing spaces, tabs,
/// control characters — it gives up and returns nil, and cmark reads the text instead. What it accepts, it
/// reads exactly as cmark does, positions and HTML included (`PlainBlocksTests` holds it to cmark).
enum PlainBlocks {
    /// The document's top-level blocks, or nil when the text is not in the plain form.
    static func blocks(_ text: String) -> [MarkdownBlock]? {
        text.withUTF8Bytes { bytes in
            var reader = Reader(bytes: bytes)
            return reader.read()
        }
    }

    /// A line of a plain document, by its byte offsets in the text (`Int32`: a slot holds no reference).
    enum Event: Equatable {
        /// An ATX heading's level, line and text.
        case heading(level: Int32, line: Int32, start: Int32, end: Int32)
        /// A `- ` item's line and text (after `- `), and whether it starts a list.
        case item(line: Int32, start: Int32, end: Int32, startsList: Bool)
        /// A nested `  - ` item's line and text, under the item before.
        case nested(line: Int32, start: Int32, end: Int32)
        /// The first line of a paragraph.
        case paragraphLine(line: Int32, start: Int32, end: Int32)
        /// A further line of the same paragraph.
        case paragraphContinues(start: Int32, end: Int32)
    }

    /// The document's lines as events, in order, with no blocks or text made (the reader of a timesheet
    /// makes only what it keeps); nil when the text is not in the plain form. The blocks `blocks` gives for
    /// the same text are exactly what these lines describe.
    static func events(_ text: String) -> [Event]? {
        text.withUTF8Bytes { bytes in
            guard bytes.count < Int(Int32.max) else { return nil }
            var reader = Reader(bytes: bytes)
            reader.events = []
            return reader.read() == nil ? nil : reader.events
        }
    }

    /// A paragraph of plain lines (byte ranges of `bytes`) as cmark's HTML writes it: `<p>`, the lines
    /// escaped and joined by new lines, `</p>`.
    static func paragraphHTML(_ lines: [Range<Int>], in bytes: UnsafeBufferPointer<UInt8>) -> String {
        var html = "<p>"
        for (index, line) in lines.enumerated() {
            if index > 0 { html += "\n" }
            escaped(UnsafeBufferPointer(rebasing: bytes[line]), into: &html)
        }
        return html + "</p>\n"
    }

    /// A tight list of plain one-line items (byte ranges of `bytes`) as cmark's HTML writes it.
    static func listHTML(_ items: [Range<Int>], in bytes: UnsafeBufferPointer<UInt8>) -> String {
        var html = "<ul>\n"
        for item in items {
            html += "<li>"
            escaped(UnsafeBufferPointer(rebasing: bytes[item]), into: &html)
            html += "</li>\n"
        }
        return html + "</ul>\n"
    }

    /// Text as cmark's HTML writes it: `"` and `>` escaped (`&` and `<` are not plain).
    static func escaped(_ bytes: UnsafeBufferPointer<UInt8>, into html: inout String) {
        var run = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: ">") {
                html += String(decoding: UnsafeBufferPointer(rebasing: bytes[run..<index]), as: UTF8.self)
                html += byte == UInt8(ascii: "\"") ? "&quot;" : "&gt;"
                run = index + 1
            }
            index += 1
        }
        html += String(decoding: UnsafeBufferPointer(rebasing: bytes[run..<bytes.count]), as: UTF8.self)
    }

    private enum LineKind {
        case blank
        /// `#` × level, then the text from `start` to `end`.
        case heading(level: Int, start: Int, end: Int)
        /// `- ` then the text from `start`.
        case item(start: Int)
        /// `  - ` then the text from `start`.
        case nestedItem(start: Int)
        case paragraph
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var blocks: [MarkdownBlock] = []
        /// The open top-level paragraph's first line (0: none) and the (start, end) of each of its lines.
        var paragraphLine = 0
        var paragraphParts: [(start: Int, end: Int)] = []
        /// The open top-level list's first line (0: none) and its finished items.
        var listLine = 0
        var items: [MarkdownBlock] = []
        /// The open item: its line and the (start, end) of its text.
        var itemLine = 0
        var itemText = (start: 0, end: 0)
        /// The open item's nested items: the line and (start, end) of the text of each.
        var nestedItems: [(line: Int, start: Int, end: Int)] = []
        /// Whether the line before was blank.
        var afterBlank = false
        /// The lines as events, when they are asked for instead of blocks.
        var events: [Event]?

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func read() -> [MarkdownBlock]? {
            var lineNumber = 0
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 10 { end += 1 }
                lineNumber += 1
                guard let kind = classify(start, end) else { return nil }
                guard take(kind, line: lineNumber, start: start, end: end) else { return nil }
                start = end + 1
            }
            // At the end of the text cmark ends the open blocks on the last line.
            if events != nil { return [] }
            closeParagraph()
            closeList(endLine: lineNumber)
            return blocks
        }

        /// What a line is, or nil when it is outside the plain form.
        func classify(_ start: Int, _ end: Int) -> LineKind? {
            var index = start
            while index < end, bytes[index] == 32 { index += 1 }
            if index == end { return .blank }
            // Trailing spaces are line breaks or are trimmed, depending on where: not plain.
            if bytes[end - 1] == 32 { return nil }
            let indent = index - start
            if indent == 2 {
                guard end - index > 2, bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == 32,
                    startsParagraph(index + 2, end), isPlain(index + 2, end)
                else { return nil }
                return .nestedItem(start: index + 2)
            }
            guard indent == 0 else { return nil }
            switch bytes[start] {
            case UInt8(ascii: "#"):
                var level = 0
                while start + level < end, bytes[start + level] == UInt8(ascii: "#") { level += 1 }
                var text = start + level
                guard level <= 6, text < end, bytes[text] == 32 else { return nil }
                while text < end, bytes[text] == 32 { text += 1 }
                // A closing run of `#` is not part of the text: left to cmark.
                guard text < end, bytes[end - 1] != UInt8(ascii: "#"), isPlain(text, end) else { return nil }
                return .heading(level: level, start: text, end: end)
            case UInt8(ascii: "-"):
                guard end - start > 2, bytes[start + 1] == 32, startsParagraph(start + 2, end), isPlain(start + 2, end)
                else { return nil }
                return .item(start: start + 2)
            default:
                guard startsParagraph(start, end), isPlain(start, end) else { return nil }
                return .paragraph
            }
        }

        /// Whether text from `start` can only start a paragraph: not a space and not the start of any other
        /// block (a heading, quote, list, code, HTML, break or setext underline).
        func startsParagraph(_ start: Int, _ end: Int) -> Bool {
            switch bytes[start] {
            case 32, UInt8(ascii: "#"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ">"),
                UInt8(ascii: "="), UInt8(ascii: "`"), UInt8(ascii: "~"), UInt8(ascii: "<"), UInt8(ascii: "_"):
                return false
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                // `1.` or `1)` then a space or the end of the line starts an ordered list.
                var index = start
                while index < end, index - start < 10, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
                guard index < end, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")") else {
                    return true
                }
                return !(index + 1 == end || bytes[index + 1] == 32)
            default:
                return true
            }
        }

        /// Whether text holds nothing inline Markdown gives a meaning to, and no control character.
        func isPlain(_ start: Int, _ end: Int) -> Bool {
            var index = start
            while index < end {
                switch bytes[index] {
                case 0..<32, 127, UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"),
                    UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: "&"):
                    return false
                default:
                    index += 1
                }
            }
            return true
        }

        func string(_ start: Int, _ end: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }

        /// A one-line paragraph starting at a column.
        func lineParagraph(line: Int, column: Int, start: Int, end: Int) -> MarkdownBlock {
            MarkdownBlock(
                kind: .paragraph, startLine: line, startColumn: column, endLine: line,
                text: string(start, end), html: "", children: [])
        }

        /// Takes one line; false when it cannot be read the way cmark would without more rules.
        mutating func take(_ kind: LineKind, line: Int, start: Int, end: Int) -> Bool {
            defer {
                if case .blank = kind { afterBlank = true } else { afterBlank = false }
            }
            if events != nil { return record(kind, line: line, start: start, end: end) }
            switch kind {
            case .blank:
                closeParagraph()
            case .heading(let level, let textStart, let textEnd):
                closeParagraph()
                closeList(endLine: line - 1)
                blocks.append(
                    MarkdownBlock(
                        kind: .heading(level: level), startLine: line, startColumn: 1, endLine: line,
                        text: string(textStart, textEnd), html: "", children: []))
            case .item(let textStart):
                closeParagraph()
                if listLine == 0 { listLine = line } else { closeItem(endLine: line - 1) }
                itemLine = line
                itemText = (textStart, end)
            case .nestedItem(let textStart):
                // Only straight under an item's line or a nested item's line.
                guard itemLine != 0, !afterBlank else { return false }
                nestedItems.append((line, textStart, end))
            case .paragraph:
                if listLine != 0 {
                    // Straight after an item the line would continue the item's paragraph.
                    guard afterBlank else { return false }
                    closeList(endLine: line - 1)
                }
                if paragraphLine == 0 { paragraphLine = line }
                paragraphParts.append((start, end))
            }
            return true
        }

        /// `take` for events: the same rules for what is plain, the lines kept as events, no blocks made.
        mutating func record(_ kind: LineKind, line: Int, start: Int, end: Int) -> Bool {
            let line32 = Int32(line)
            switch kind {
            case .blank:
                paragraphLine = 0
            case .heading(let level, let textStart, let textEnd):
                paragraphLine = 0
                listLine = 0
                itemLine = 0
                events!.append(
                    .heading(level: Int32(level), line: line32, start: Int32(textStart), end: Int32(textEnd)))
            case .item(let textStart):
                paragraphLine = 0
                events!.append(.item(line: line32, start: Int32(textStart), end: Int32(end), startsList: listLine == 0))
                listLine = line
                itemLine = line
            case .nestedItem(let textStart):
                guard itemLine != 0, !afterBlank else { return false }
                events!.append(.nested(line: line32, start: Int32(textStart), end: Int32(end)))
            case .paragraph:
                if listLine != 0 {
                    guard afterBlank else { return false }
                    listLine = 0
                    itemLine = 0
                }
                if paragraphLine == 0 {
                    paragraphLine = line
                    events!.append(.paragraphLine(line: line32, start: Int32(start), end: Int32(end)))
                } else {
                    events!.append(.paragraphContinues(start: Int32(start), end: Int32(end)))
                }
            }
            return true
        }

        mutating func closeParagraph() {
            guard paragraphLine != 0 else { return }
            var text = ""
            for (index, part) in paragraphParts.enumerated() {
                if index > 0 { text += " " }
                text += string(part.start, part.end)
            }
            let html = PlainBlocks.paragraphHTML(paragraphParts.map { $0.start..<$0.end }, in: bytes)
            blocks.append(
                MarkdownBlock(
                    kind: .paragraph, startLine: paragraphLine, startColumn: 1,
                    endLine: paragraphLine + paragraphParts.count - 1, text: text, html: html, children: []))
            paragraphLine = 0
            paragraphParts.removeAll(keepingCapacity: true)
        }

        /// Ends the open item (and its nested list) on a line: cmark ends a block on the line before the one
        /// that closed it, blank lines included.
        mutating func closeItem(endLine: Int) {
            guard itemLine != 0 else { return }
            var children = [lineParagraph(line: itemLine, column: 3, start: itemText.start, end: itemText.end)]
            if !nestedItems.isEmpty {
                var nested: [MarkdownBlock] = []
                nested.reserveCapacity(nestedItems.count)
                for (index, child) in nestedItems.enumerated() {
                    let last = index == nestedItems.count - 1
                    nested.append(
                        MarkdownBlock(
                            kind: .item, startLine: child.line, startColumn: 3,
                            endLine: last ? endLine : child.line, text: "", html: "",
                            children: [lineParagraph(line: child.line, column: 5, start: child.start, end: child.end)]))
                }
                let html = PlainBlocks.listHTML(nestedItems.map { $0.start..<$0.end }, in: bytes)
                children.append(
                    MarkdownBlock(
                        kind: .list, startLine: nestedItems[0].line, startColumn: 3, endLine: endLine,
                        text: "", html: html, children: nested))
                nestedItems.removeAll(keepingCapacity: true)
            }
            items.append(
                MarkdownBlock(
                    kind: .item, startLine: itemLine, startColumn: 1, endLine: endLine, text: "", html: "",
                    children: children))
            itemLine = 0
        }

        mutating func closeList(endLine: Int) {
            guard listLine != 0 else { return }
            closeItem(endLine: endLine)
            blocks.append(
                MarkdownBlock(
                    kind: .list, startLine: listLine, startColumn: 1, endLine: endLine, text: "", html: "",
                    children: items))
            items.removeAll()
            listLine = 0
        }
    }
}
