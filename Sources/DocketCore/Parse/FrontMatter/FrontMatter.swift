/// A Markdown file split into its YAML front matter and its body, keeping line numbers.
///
/// The body keeps one empty line for every line of the front matter, so that positions cmark reports in
/// the body are positions in the file.
struct FrontMatter: Sendable {
    /// The YAML between the `---` lines, or nil when the file has no front matter.
    let yaml: String?
    /// The line of the file on which the YAML starts (the line after the opening `---`).
    let yamlFirstLine: Int
    /// The Markdown body, with the front matter's lines replaced by empty lines.
    let body: String
    /// Whether the `---` lines were wrong (already reported): the fields could not be read, so that no
    /// field should be reported missing.
    var isBroken = false

    /// Splits a source file. An opening `---` with no closing `---` (or `...`), or fields above a `---` with
    /// no opening `---`, is an error.
    static func split(_ file: SourceFile, diagnostics: inout Diagnostics) -> FrontMatter {
        let lines = file.lines
        guard let first = lines.first, first.trimmingTrailingSpaces() == "---" else {
            if looksLikeField(lines.first ?? ""),
                let closing = lines.dropFirst().firstIndex(where: { $0.trimmingTrailingSpaces() == "---" })
            {
                diagnostics.error(
                    file.path, line: 1, column: 1,
                    "the fields above the `---` on line \(closing + 1) have no opening `---`; add a line `---` above this one, as the first line of the file"
                )
                return FrontMatter(yaml: nil, yamlFirstLine: 1, body: "", isBroken: true)
            }
            return FrontMatter(yaml: nil, yamlFirstLine: 1, body: file.text)
        }
        var closing: Int?
        for index in 1..<lines.count {
            let line = lines[index].trimmingTrailingSpaces()
            if line == "---" || line == "..." {
                closing = index
                break
            }
        }
        guard let end = closing else {
            let last = lastFieldLine(lines)
            let message =
                last == 0
                ? "the front matter opened here is never closed; expected a line `---` after the last field"
                : "the front matter opened on line 1 is never closed; add a line `---` after this one"
            diagnostics.error(file.path, line: last + 1, column: 1, message)
            return FrontMatter(yaml: nil, yamlFirstLine: 2, body: "", isBroken: true)
        }
        // The lines are slices of one text joined by newlines, so a run of them is the text from the first's
        // start to the last's end (no joining).
        let text = file.text
        let yaml = end > 1 ? String(text[lines[1].startIndex..<lines[end - 1].endIndex]) : ""
        let blank = String(repeating: "\n", count: end + 1)
        let body = end + 1 < lines.count ? blank + text[lines[end + 1].startIndex...] : blank
        return FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body)
    }

    /// Whether a line starts like a field, `name:` then a space or the end of the line.
    static func looksLikeField(_ line: Substring) -> Bool {
        guard let first = line.first, first.isLetter || first == "_" else { return false }
        guard let colon = line.firstIndex(of: ":") else { return false }
        let name = line[..<colon]
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { return false }
        let after = line.index(after: colon)
        return after == line.endIndex || line[after] == " "
    }

    /// The index of the last line of the fields that follow an unclosed opening `---` (a field, an indented
    /// line or a list item, through blank lines and comments); 0 when the second line is none of these.
    static func lastFieldLine(_ lines: [Substring]) -> Int {
        var last = 0
        for index in 1..<lines.count {
            let line = lines[index]
            let trimmed = line.trimmingTrailingSpaces()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard looksLikeField(line) || line.hasPrefix(" ") || line.hasPrefix("\t") || line.hasPrefix("- ") else {
                break
            }
            last = index
        }
        return last
    }
}

extension Substring {
    /// The text without trailing spaces and tabs.
    func trimmingTrailingSpaces() -> Substring {
        var end = endIndex
        while end > startIndex {
            let previous = index(before: end)
            if self[previous] == " " || self[previous] == "\t" { end = previous } else { break }
        }
        return self[startIndex..<end]
    }
}
