/// A mistake a person makes in front matter, found when YAML could not read it, told in the VA's words on
/// the line to edit.
///
/// YAML's own messages speak of tokens and simple keys, and often point at the line after the mistake (a
/// missing colon is noticed only when the next field begins). When YAML fails, the lines up to where it
/// failed are looked over for the usual mistakes — a tab, a quote never closed, a field without its colon —
/// and the first is reported instead; anything else keeps YAML's message.
struct FrontMatterMistake: Equatable {
    /// The line in the YAML text, from 1.
    var line: Int
    /// The column, from 1, in characters.
    var column: Int
    /// What is wrong and how to write it.
    var message: String

    /// The first usual mistake on the YAML's lines 1 through `last` (the line where YAML failed); nil when
    /// there is none.
    static func find(in yaml: String, through last: Int) -> FrontMatterMistake? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        // The indentation of the last line that began a field: a line indented deeper continues its value.
        var fieldIndent: Int?
        for (index, line) in lines.prefix(max(last, 1)).enumerated() {
            let number = index + 1
            let characters = Array(line)
            let indent = characters.prefix { $0 == " " }.count
            let content = characters[indent...]
            if content.isEmpty || content.first == "#" { continue }
            if let tab = characters.firstIndex(of: "\t"), !isQuoted(characters, at: tab) {
                return FrontMatterMistake(
                    line: number, column: tab + 1,
                    message:
                        "a tab on this line; front matter is indented and spaced with spaces only: replace the tab with spaces"
                )
            }
            var valueStart = indent
            if content.first == "-" {
                valueStart += 1
                while valueStart < characters.count, characters[valueStart] == " " { valueStart += 1 }
            }
            if let colon = fieldColon(characters, from: valueStart) {
                fieldIndent = valueStart
                var start = colon + 1
                while start < characters.count, characters[start] == " " { start += 1 }
                if let open = unclosedQuote(characters, from: start) {
                    let quote = characters[open]
                    return FrontMatterMistake(
                        line: number, column: open + 1,
                        message:
                            "the quote `\(quote)` opened here is never closed: end the value with `\(quote)` on this line"
                    )
                }
                continue
            }
            if content.first == "-" || content.first == "{" { continue }
            if let fieldIndent, indent > fieldIndent { continue }
            guard let word = fieldName(characters, at: indent) else { continue }
            let rest = String(characters[word...]).trimmingWhitespace()
            let name = String(characters[indent..<word])
            let line = String(content).trimmingWhitespace()
            // Field names are lower case; a capital (`York YO1 7AA`) is text going on from the value above.
            if characters[indent].isUppercase {
                return FrontMatterMistake(
                    line: number, column: indent + 1,
                    message:
                        "`\(line)` is not a field (no `name:` before it): if it goes on from the value above, join it to that line (in an address, `\\n` starts a new line)"
                )
            }
            let written = rest.isEmpty ? "\(name): …" : "\(name): \(rest)"
            return FrontMatterMistake(
                line: number, column: word + 1,
                message: "`\(line)` has no colon after the field name: write `\(written)`")
        }
        return nil
    }

    /// The end of a field name (letters, digits, `_`, `-`) starting at `start`, when something follows it
    /// other than a colon: nil when there is none.
    private static func fieldName(_ characters: [Character], at start: Int) -> Int? {
        var end = start
        while end < characters.count,
            characters[end].isLetter || characters[end].isNumber
                || characters[end] == "_" || characters[end] == "-"
        { end += 1 }
        guard end > start, characters[start].isLetter || characters[start] == "_" else { return nil }
        guard end == characters.count || characters[end] == " " else { return nil }
        return end
    }

    /// The colon ending a field name at `start` (`name:` then a space or the end of the line), or nil
    /// when the line has none before a comment.
    private static func fieldColon(_ characters: [Character], from start: Int) -> Int? {
        var index = start
        while index < characters.count {
            let character = characters[index]
            if character == ":",
                index + 1 == characters.count || characters[index + 1] == " " || characters[index + 1] == "\t"
            {
                return index
            }
            if character == "#", index > start, characters[index - 1] == " " { return nil }
            index += 1
        }
        return nil
    }

    /// The offset of a quote that starts a value at `start` and is not closed on its line, or nil.
    private static func unclosedQuote(_ characters: [Character], from start: Int) -> Int? {
        guard start < characters.count, characters[start] == "\"" || characters[start] == "'" else { return nil }
        let quote = characters[start]
        var index = start + 1
        while index < characters.count {
            if quote == "\"", characters[index] == "\\" {
                index += 2
                continue
            }
            if characters[index] == quote {
                if quote == "'", index + 1 < characters.count, characters[index + 1] == "'" {
                    index += 2
                    continue
                }
                return nil
            }
            index += 1
        }
        return start
    }

    /// Whether the character at `offset` is inside quotes that open earlier on the line.
    private static func isQuoted(_ characters: [Character], at offset: Int) -> Bool {
        var open: Character?
        for character in characters[..<offset] {
            if let quote = open {
                if character == quote { open = nil }
            } else if character == "\"" || character == "'" {
                open = character
            }
        }
        return open != nil
    }
}
