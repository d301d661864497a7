/// A Markdown file split into its YAML front matter and its body, keeping line numbers.
///
/// The body keeps one empty line for every line of the front matter, so that positions cmark reports in
/// the body are positions in the file.
public struct FrontMatter: Sendable {
    /// The YAML between the `---` lines, or nil when the file has no front matter.
    public let yaml: String?
    /// The line of the file on which the YAML starts (the line after the opening `---`).
    public let yamlFirstLine: Int
    /// The Markdown body, with the front matter's lines replaced by empty lines.
    public let body: String

    /// Splits a source file. An opening `---` with no closing `---` (or `...`) is an error.
    public static func split(_ file: SourceFile, diagnostics: inout Diagnostics) -> FrontMatter {
        let lines = file.lines
        guard let first = lines.first, first.trimmingTrailingSpaces() == "---" else {
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
            diagnostics.error(file.path, line: 1, column: 1,
                              "the front matter opened here is never closed; expected a line `---` after the last field")
            return FrontMatter(yaml: nil, yamlFirstLine: 2, body: "")
        }
        // The lines are slices of one text joined by newlines, so a run of them is the text from the first's
        // start to the last's end (no joining).
        let text = file.text
        let yaml = end > 1 ? String(text[lines[1].startIndex..<lines[end - 1].endIndex]) : ""
        let blank = String(repeating: "\n", count: end + 1)
        let body = end + 1 < lines.count ? blank + text[lines[end + 1].startIndex...] : blank
        return FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body)
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
