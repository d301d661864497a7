import Foundation

/// Reads `tasks.md`: each top-level list item is a deliverable, its nested items `key: value` facts
/// (`due`, `extended`, `asked`, `received`, `delivered`).
enum TasksParser {
    /// Parses a tasks file; malformed items are errors with line and column.
    static func parse(_ file: SourceFile, diagnostics: inout Diagnostics) -> [Deliverable] {
        let frontMatter = FrontMatter.split(file, diagnostics: &diagnostics)
        let fields = FieldReader.parse(frontMatter, path: file.path)
        fields.finish()
        diagnostics.append(contentsOf: fields.diagnostics)
        var result: [Deliverable] = []
        for block in Markdown.blocks(frontMatter.body) where block.kind == .list {
            for item in block.children {
                if let deliverable = parseItem(item, file: file, diagnostics: &diagnostics) {
                    result.append(deliverable)
                }
            }
        }
        return result
    }

    /// A fact's parts: its key (trimmed, lowercased), the character offset of its value (after the colon and
    /// the spaces that follow it), the value's first word (the date) and the rest of the value, trimmed. Nil
    /// without a colon. ASCII text (nearly every fact) is split byte by byte; other text by characters.
    static func splitFact(_ text: String) -> (key: String, valueOffset: Int, dateText: Substring, rest: String)? {
        let utf8 = text.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            // In ASCII a byte is a character, and whitespace is one of `\t \n \u{0B} \u{0C} \r` and the space.
            func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
            guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
            let afterColon = utf8.index(after: colon)
            var spaces = afterColon
            while spaces < utf8.endIndex, utf8[spaces] == 0x20 { spaces = utf8.index(after: spaces) }
            let valueOffset = utf8.distance(from: utf8.startIndex, to: spaces)
            let key = text[..<colon].trimmingWhitespace().lowercased()
            let value = text[afterColon...].trimmingWhitespace()
            let valueBytes = value.utf8
            var wordEnd = valueBytes.startIndex
            while wordEnd < valueBytes.endIndex, !isWhitespace(valueBytes[wordEnd]) {
                wordEnd = valueBytes.index(after: wordEnd)
            }
            return (key, valueOffset, value[..<wordEnd], value[wordEnd...].trimmingWhitespace())
        }
        return splitFactByCharacters(text)
    }

    /// `splitFact` for any text, character by character.
    static func splitFactByCharacters(_ text: String) -> (
        key: String, valueOffset: Int, dateText: Substring, rest: String
    )? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let key = text[..<colon].trimmingWhitespace().lowercased()
        let valueOffset =
            text.distance(from: text.startIndex, to: text.index(after: colon))
            + text[text.index(after: colon)...].prefix { $0 == " " }.count
        let value = text[text.index(after: colon)...].trimmingWhitespace()
        let dateText = value.prefix { !$0.isWhitespace }
        let rest = value.dropFirst(dateText.count).trimmingWhitespace()
        return (key, valueOffset, dateText, rest)
    }

    private static func column(_ block: MarkdownBlock, _ file: SourceFile) -> Int {
        file.characterColumn(line: block.startLine, byteColumn: block.startColumn)
    }

    private static func parseItem(_ item: MarkdownBlock, file: SourceFile, diagnostics: inout Diagnostics)
        -> Deliverable?
    {
        guard let titleBlock = item.children.first, titleBlock.kind == .paragraph,
            !titleBlock.text.trimmingWhitespace().isEmpty
        else {
            diagnostics.error(
                file.path, line: item.startLine, column: column(item, file),
                "expected a deliverable: its name, then `due: YYYY-MM-DD` and other facts as nested items")
            return nil
        }
        let title = titleBlock.text.trimmingWhitespace()
        var due: CalendarDate?
        var delivered: CalendarDate?
        var asks: [Ask] = []
        var extensions: [(extension: Extension, line: Int, column: Int)] = []
        var ok = true
        let facts = item.children.dropFirst().filter { $0.kind == .list }.flatMap(\.children)
        for fact in facts {
            let line = fact.startLine
            // The character column, worked out only for a message.
            var factColumn: Int { fact.children.first.map { column($0, file) } ?? column(fact, file) }
            let text = (fact.children.first?.text ?? "").trimmingWhitespace()
            func fail(_ message: String, offset: Int = 0) {
                diagnostics.error(file.path, line: line, column: factColumn + offset, message)
                ok = false
            }
            guard let parts = Self.splitFact(text) else {
                fail(
                    "expected a fact `key: value` with key `due`, `extended`, `asked`, `received` or `delivered`, found `\(text)`"
                )
                continue
            }
            let (key, valueOffset, dateText, rest) = parts
            guard Self.keys.contains(key) else {
                let suggestion = FieldReader.closest(to: key, in: Self.keys)
                fail(
                    "unknown fact `\(key)`; expected `due`, `extended`, `asked`, `received` or `delivered`"
                        + (suggestion.map { " (did you mean `\($0)`?)" } ?? ""))
                continue
            }
            guard let date = CalendarDate(iso: dateText) else {
                fail("`\(key)` needs a date YYYY-MM-DD, found `\(dateText)`", offset: valueOffset)
                continue
            }
            switch key {
            case "due":
                if due != nil { fail("`due` is written twice; expected one due date") } else { due = date }
            case "delivered":
                if delivered != nil {
                    fail("`delivered` is written twice; expected one delivery date")
                } else {
                    delivered = date
                }
            case "extended":
                guard !rest.isEmpty else {
                    fail(
                        "`extended` needs why and who agreed after the new date, like `extended: \(date) brief arrived late, agreed with Sam`"
                    )
                    continue
                }
                extensions.append((Extension(date: date, reason: rest), line, factColumn + valueOffset))
            case "asked":
                guard !rest.isEmpty else {
                    fail("`asked` needs what was asked for after the date, like `asked: \(date) brand guidelines`")
                    continue
                }
                asks.append(Ask(date: date, what: rest, received: nil))
            default:  // received
                guard let index = asks.firstIndex(where: { $0.received == nil }) else {
                    fail("`received` with nothing asked for above it; expected an `asked:` fact first")
                    continue
                }
                guard date >= asks[index].date else {
                    fail("received \(date), before it was asked for on \(asks[index].date)", offset: valueOffset)
                    continue
                }
                asks[index].received = date
            }
        }
        guard let due else {
            if ok {
                diagnostics.error(
                    file.path, line: item.startLine, column: column(titleBlock, file),
                    "the deliverable `\(title)` has no due date; expected a nested item `due: YYYY-MM-DD`")
            }
            return nil
        }
        for moved in extensions where moved.extension.date <= due {
            diagnostics.error(
                file.path, line: moved.line, column: moved.column,
                "`extended` moves the due date to \(moved.extension.date), which is not after the date it was due (\(due)); expected a later date, or change `due` if the first date was a mistake"
            )
            ok = false
        }
        for (earlier, later) in zip(extensions, extensions.dropFirst())
        where later.extension.date <= earlier.extension.date && later.extension.date > due {
            diagnostics.warning(
                file.path, line: later.line, column: later.column,
                "this extension moves the due date to \(later.extension.date), which is not after the one before it (\(earlier.extension.date)); the last one written is the date agreed, so check it is what was agreed and not a slip"
            )
        }
        guard ok else { return nil }
        return Deliverable(
            title: title, due: due, asks: asks, delivered: delivered, line: item.startLine,
            extensions: extensions.map(\.extension))
    }

    /// The facts a deliverable may have.
    static let keys = ["due", "extended", "asked", "received", "delivered"]
}
