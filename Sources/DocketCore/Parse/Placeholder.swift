/// A value Docket wrote for the VA to replace (`docket init`, `docket new client`, `docket new terms`): text
/// holding `FILL IN`, such as `name: "FILL IN: your trading name"`.
///
/// Every placeholder left is an error at its line and column, so a site holding one is never built: no
/// invoice or portal page can say "FILL IN". Only the capitals count (`fill in` is ordinary text).
enum Placeholder {
    /// The words that mark a placeholder.
    static let marker = "FILL IN"

    /// What the placeholder in `text` asks for (the words after `FILL IN:`), or nil when `text` holds no
    /// placeholder. Empty when it says nothing more.
    static func hint(in text: some StringProtocol) -> String? {
        guard let range = text.range(of: marker) else { return nil }
        var rest = text[range.upperBound...].drop { $0 == ":" || $0 == " " }
        while let last = rest.last, last == " " || last == "\"" { rest = rest.dropLast() }
        return String(rest)
    }

    /// How every placeholder's error begins.
    static let messageStart = "still to fill in: "

    /// The error for a placeholder: what is still to fill in, and what to do.
    static func message(field: String?, hint: String) -> String {
        let what = [field.map { "`\($0)`" }, hint.isEmpty ? nil : hint].compactMap { $0 }.joined(separator: ", ")
        return messageStart + (what.isEmpty ? "this line" : what) + " (write yours in place of the \(marker) text)"
    }

    /// Whether a diagnostic is a placeholder's error.
    static func isPlaceholder(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.severity == .error && diagnostic.message.hasPrefix(messageStart)
    }

    /// Reports every line of a file's Markdown body that holds a placeholder. `body` keeps the file's line
    /// numbers (the front matter's lines are blank in it, as `FrontMatter.body` gives it).
    static func checkBody(_ body: String, path: String, diagnostics: inout Diagnostics) {
        guard body.contains(marker) else { return }
        for (index, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let range = line.range(of: marker), let hint = hint(in: line) else { continue }
            let column = line[..<range.lowerBound].count + 1
            diagnostics.error(path, line: index + 1, column: column, message(field: nil, hint: hint))
        }
    }
}
