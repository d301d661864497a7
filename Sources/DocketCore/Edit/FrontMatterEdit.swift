import Foundation

/// Changes top-level fields of a Markdown file's front matter in place, byte for byte: only the value (or
/// the line) asked for changes; comments, key order, quoting, line endings (`\n` or `\r\n`), a byte-order
/// mark and the body stay exactly as written. The YAML is never read and written again.
///
/// It edits fields written on one line (`status: draft`, `issued: "2026-12-01"  # note`); a field written
/// any other way (a block, a value continued on the next line) is refused rather than guessed at.
struct FrontMatterEdit: Sendable {
    /// Why an edit was refused.
    enum Failure: Error, Equatable, Sendable {
        /// The file does not start with a `---` line closed by another.
        case noFrontMatter
        /// The field is not written as `key: value` on one line at the top level.
        case notOnOneLine(String)
    }

    /// The file's bytes, with the edits made so far.
    private(set) var bytes: [UInt8]

    /// One line of the front matter: where its text starts and ends in `bytes` (the end is before any
    /// `\r\n` or `\n`), and where its line ending ends.
    private struct Line {
        var start: Int
        var end: Int
        var next: Int
    }

    /// Prepares to edit a file's bytes.
    init(_ data: Data) {
        bytes = [UInt8](data)
    }

    /// The file as edited.
    var data: Data { Data(bytes) }

    /// Whether the front matter has the field at the top level.
    func has(_ key: String) throws -> Bool {
        try line(of: key, in: frontMatterLines()) != nil
    }

    /// Replaces a field's value, keeping what surrounds it: the key, the space after the colon, the value's
    /// quotes (`"…"` or `'…'` stay around the new value) and any comment after it. The new value must need
    /// no quoting or escaping (a date, a word, an amount).
    mutating func replaceValue(of key: String, with value: String) throws {
        let lines = try frontMatterLines()
        guard let line = line(of: key, in: lines), let range = valueRange(on: line) else {
            throw Failure.notOnOneLine(key)
        }
        var replacement = Array(value.utf8)
        let first = bytes[range.lowerBound]
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") { replacement = [first] + replacement + [first] }
        bytes.replaceSubrange(range, with: replacement)
    }

    /// Writes a whole field line (`total: 612.50  # as sent: …`): it replaces the field's line when the field
    /// is written, and otherwise goes on a new line after the line of `anchor` (or, when `anchor` is not
    /// written either, after the last line of the front matter), ending as that line does.
    mutating func setLine(of key: String, to text: String, after anchor: String) throws {
        let lines = try frontMatterLines()
        if let line = line(of: key, in: lines) {
            guard valueRange(on: line) != nil else { throw Failure.notOnOneLine(key) }
            bytes.replaceSubrange(line.start..<line.end, with: Array(text.utf8))
            return
        }
        guard let after = line(of: anchor, in: lines) ?? lines.last else { throw Failure.noFrontMatter }
        if let anchorLine = line(of: anchor, in: lines), valueRange(on: anchorLine) == nil {
            throw Failure.notOnOneLine(anchor)
        }
        let ending = Array(bytes[after.end..<after.next])
        bytes.insert(contentsOf: Array(text.utf8) + ending, at: after.next)
    }

    /// Removes a field's line, with its line ending, when the field is written on one line; does nothing when
    /// it is not written.
    mutating func removeLine(of key: String) throws {
        guard let line = line(of: key, in: try frontMatterLines()) else { return }
        guard valueRange(on: line) != nil else { throw Failure.notOnOneLine(key) }
        bytes.removeSubrange(line.start..<line.next)
    }

    // MARK: - Reading the bytes

    /// The lines between the opening `---` and the closing `---` (or `...`), as `FrontMatter.split` finds
    /// them; the opening line may follow a byte-order mark.
    private func frontMatterLines() throws -> [Line] {
        var lines: [Line] = []
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count {
            let newline = bytes[start...].firstIndex(of: 10)
            let next = newline.map { $0 + 1 } ?? bytes.count
            var end = newline ?? bytes.count
            if end > start, bytes[end - 1] == 13 { end -= 1 }
            lines.append(Line(start: start, end: end, next: next))
            let text = trimmedTrailingSpaces(lines.last!)
            if lines.count == 1 {
                guard text.elementsEqual("---".utf8) else { throw Failure.noFrontMatter }
            } else if text.elementsEqual("---".utf8) || text.elementsEqual("...".utf8) {
                return Array(lines.dropFirst().dropLast())
            }
            guard newline != nil else { break }
            start = next
        }
        throw Failure.noFrontMatter
    }

    private func trimmedTrailingSpaces(_ line: Line) -> ArraySlice<UInt8> {
        var end = line.end
        while end > line.start, bytes[end - 1] == 32 || bytes[end - 1] == 9 { end -= 1 }
        return bytes[line.start..<end]
    }

    /// The line on which a top-level field is written: `key:` at the start of the line (spaces allowed before
    /// the colon), followed by a space, a tab or the end of the line.
    private func line(of key: String, in lines: [Line]) -> Line? {
        let name = Array(key.utf8)
        return lines.first { line in
            guard line.end - line.start > name.count, bytes[line.start..<(line.start + name.count)].elementsEqual(name)
            else { return false }
            var index = line.start + name.count
            while index < line.end, bytes[index] == 32 { index += 1 }
            guard index < line.end, bytes[index] == UInt8(ascii: ":") else { return false }
            return index + 1 == line.end || bytes[index + 1] == 32 || bytes[index + 1] == 9
        }
    }

    /// Where the value of a `key: value` line is: a plain value up to a comment (a `#` after a space) or the
    /// end of the line, trailing spaces left out, or a quoted value with its quotes. Nil when the value is
    /// empty or not a one-line scalar (a block, a list, a group, an alias, a tag, an unclosed quote).
    private func valueRange(on line: Line) -> Range<Int>? {
        guard var start = bytes[line.start..<line.end].firstIndex(of: UInt8(ascii: ":")) else { return nil }
        start += 1
        while start < line.end, bytes[start] == 32 || bytes[start] == 9 { start += 1 }
        guard start < line.end else { return nil }
        let first = bytes[start]
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            var index = start + 1
            while index < line.end {
                if first == UInt8(ascii: "\""), bytes[index] == UInt8(ascii: "\\") {
                    index += 2
                    continue
                }
                if bytes[index] == first {
                    // A doubled single quote is a quote inside the text.
                    if first == UInt8(ascii: "'"), index + 1 < line.end, bytes[index + 1] == first {
                        index += 2
                        continue
                    }
                    let rest = bytes[(index + 1)..<line.end].drop { $0 == 32 || $0 == 9 }
                    guard rest.isEmpty || rest.first == UInt8(ascii: "#") else { return nil }
                    return start..<(index + 1)
                }
                index += 1
            }
            return nil
        }
        guard !"|>[{&*!%@`#".utf8.contains(first) else { return nil }
        var end = start
        var index = start
        while index < line.end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "#"), bytes[index - 1] == 32 || bytes[index - 1] == 9 { break }
            if byte != 32 && byte != 9 { end = index + 1 }
            index += 1
        }
        return start..<end
    }
}
