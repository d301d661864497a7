import Foundation

/// What an agreed version of the terms is sealed with: the SHA-256 of its file's text, normalised so that
/// line endings and trailing spaces do not matter, without the front-matter lines that say whether, when and
/// by whom it was agreed (`status`, `agreed_by`, `agreed_on`) and the fingerprint itself. It covers the
/// body, the title, the effective date and every billing figure the version carries, as written.
///
/// Normalised: a byte-order mark dropped, `\r\n` read as `\n`, spaces and tabs at the end of each line
/// dropped, those four front-matter lines left out, blank lines at the end of the file dropped, and every
/// line ended by `\n`. docs/content-format.md gives a shell command that computes the same.
enum TermsFingerprint {
    /// The front-matter keys left out of the fingerprint.
    static let excludedKeys: Set<String> = ["status", "agreed_by", "agreed_on", "fingerprint"]

    /// `sha256:` and 64 hexadecimal digits, for the text of a terms file.
    static func of(_ text: String) -> String {
        "sha256:" + sha256Hex(Data(normalised(text).utf8))
    }

    /// The first 12 hexadecimal digits, as pages show a fingerprint.
    static func short(_ fingerprint: String) -> String {
        String(fingerprint.dropFirst("sha256:".count).prefix(12))
    }

    /// The text the fingerprint is the SHA-256 of.
    static func normalised(_ text: String) -> String {
        // `\r\n` is one Character in Swift: made `\n` first, so that lines split on it.
        var body = Substring(text.replacingOccurrences(of: "\r\n", with: "\n"))
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        var lines: [Substring] = []
        var inFrontMatter = false
        for (index, raw) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = raw
            while let last = line.last, last == "\r" || last == " " || last == "\t" { line = line.dropLast() }
            if index == 0 && line == "---" {
                inFrontMatter = true
            } else if inFrontMatter && line == "---" {
                inFrontMatter = false
            } else if inFrontMatter, let colon = line.firstIndex(of: ":"),
                excludedKeys.contains(String(line[..<colon]))
            {
                continue
            }
            lines.append(line)
        }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        return lines.map { $0 + "\n" }.joined()
    }
}
