/// A reader for the simple YAML that front matter almost always is, without building a full YAML parser's
/// events and tokens (docs/PERFORMANCE.md says why).
///
/// It reads, with spaces for indentation:
///
/// ```yaml
/// number: INV-0001            # key: plain text on one line
/// retainer:                   # key: then a group of fields indented under it
///   hours: 10
/// payments:                   # key: then a list indented under it
///   - { date: 2026-11-02, amount: 100.00 }
///   - plain text
/// ```
///
/// with values plain or quoted on one line (`'…'`, or `"…"` with the common escapes), each maybe followed by
/// a comment (`total: 612.50  # as sent: …`), and gives up (returns nil, so that Yams reads the text instead)
/// on anything else: other escapes, comment lines, comments after a flow mapping or a `key:` alone,
/// block scalars, anchors, tags, tabs, text continued on the next line, empty values, repeated keys, nested
/// flow collections, control characters and Unicode line breaks. What it accepts, it reads exactly as
/// libyaml does, with the same positions.
enum FlatYAML {
    /// The YAML's top-level mapping, or nil when the text is not in the simple form.
    static func parse(_ yaml: String) -> YAMLNode? {
        var text = yaml
        return text.withUTF8 { bytes -> YAMLNode? in
            var reader = Reader(bytes: bytes)
            guard reader.splitLines() else { return nil }
            guard let first = reader.nextContentLine(from: 0), reader.lines[first].indent == 0 else { return nil }
            guard let (node, next) = reader.mapping(from: first, indent: 0), reader.nextContentLine(from: next) == nil
            else { return nil }
            return node
        }
    }

    private struct Line {
        var start: Int
        var end: Int
        var indent: Int
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var lines: [Line] = []

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        /// Splits the text into lines; false on a byte that the simple form does not allow anywhere.
        mutating func splitLines() -> Bool {
            var start = 0
            var index = 0
            while index <= bytes.count {
                if index == bytes.count || bytes[index] == 10 {
                    var indent = 0
                    while start + indent < index, bytes[start + indent] == 32 { indent += 1 }
                    lines.append(Line(start: start, end: index, indent: indent))
                    start = index + 1
                    index += 1
                    continue
                }
                let byte = bytes[index]
                // Control characters (tabs included), DEL, and the UTF-8 of C1 controls, NEL, the line and
                // paragraph separators, a byte-order mark and the two non-characters YAML forbids.
                if byte < 32 || byte == 127 { return false }
                if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] < 0xA0 { return false }
                if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                    bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
                {
                    return false
                }
                if byte == 0xEF, index + 2 < bytes.count,
                    (bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF)
                        || (bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF))
                {
                    return false
                }
                index += 1
            }
            return true
        }

        func isBlank(_ line: Line) -> Bool { line.start + line.indent == line.end }

        /// The first line at or after `index` that is not blank.
        func nextContentLine(from index: Int) -> Int? {
            var index = index
            while index < lines.count {
                if !isBlank(lines[index]) { return index }
                index += 1
            }
            return nil
        }

        /// The 1-based column of a byte offset on a line, in Unicode scalars.
        func column(_ offset: Int, on line: Line) -> Int {
            var column = 1
            var index = line.start
            while index < offset {
                if bytes[index] & 0xC0 != 0x80 { column += 1 }
                index += 1
            }
            return column
        }

        func node(_ content: YAMLNode.Content, line: Int, offset: Int) -> YAMLNode {
            YAMLNode(content: content, line: line + 1, column: column(offset, on: lines[line]))
        }

        /// A block mapping whose keys are at `indent`, from the content line `first`; the node and the index of
        /// the first line after it.
        func mapping(from first: Int, indent: Int) -> (YAMLNode, Int)? {
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            var keys: Set<String> = []
            var index = first
            while let current = nextContentLine(from: index) {
                let line = lines[current]
                if line.indent < indent { break }
                guard line.indent == indent else { return nil }
                let keyStart = line.start + indent
                guard let keyEnd = key(at: keyStart, before: line.end), keyEnd < line.end,
                    bytes[keyEnd] == UInt8(ascii: ":")
                else { return nil }
                let name = string(keyStart, keyEnd)
                guard keys.insert(name).inserted else { return nil }
                let keyNode = node(.scalar(.init(string: name, isPlain: true)), line: current, offset: keyStart)
                var valueStart = keyEnd + 1
                if valueStart < line.end {
                    guard bytes[valueStart] == 32 else { return nil }
                    while valueStart < line.end, bytes[valueStart] == 32 { valueStart += 1 }
                }
                if valueStart == line.end {
                    // `key:` alone: a group or a list indented under it; an empty value is left to Yams.
                    guard let child = nextContentLine(from: current + 1), lines[child].indent > indent else {
                        return nil
                    }
                    let childLine = lines[child]
                    let childStart = childLine.start + childLine.indent
                    let parsed: (YAMLNode, Int)?
                    if bytes[childStart] == UInt8(ascii: "-") {
                        parsed = sequence(from: child, indent: childLine.indent)
                    } else {
                        parsed = mapping(from: child, indent: childLine.indent)
                    }
                    guard let (value, next) = parsed else { return nil }
                    pairs.append((keyNode, value))
                    index = next
                } else {
                    guard let value = inlineValue(line: current, from: valueStart) else { return nil }
                    pairs.append((keyNode, value))
                    index = current + 1
                }
            }
            guard !pairs.isEmpty else { return nil }
            return (node(.mapping(pairs), line: first, offset: lines[first].start + indent), index)
        }

        /// A block list whose `-` are at `indent`, each item a plain value or a flow mapping on its line.
        func sequence(from first: Int, indent: Int) -> (YAMLNode, Int)? {
            var items: [YAMLNode] = []
            var index = first
            while let current = nextContentLine(from: index) {
                let line = lines[current]
                if line.indent < indent { break }
                guard line.indent == indent else { return nil }
                let dash = line.start + indent
                guard bytes[dash] == UInt8(ascii: "-"), dash + 1 < line.end, bytes[dash + 1] == 32 else { return nil }
                var valueStart = dash + 1
                while valueStart < line.end, bytes[valueStart] == 32 { valueStart += 1 }
                guard valueStart < line.end, let value = inlineValue(line: current, from: valueStart) else {
                    return nil
                }
                items.append(value)
                index = current + 1
            }
            guard !items.isEmpty else { return nil }
            return (node(.sequence(items), line: first, offset: lines[first].start + indent), index)
        }

        /// What follows `key: ` or `- ` on a line: a flow mapping, or a quoted or plain text to the end of the
        /// line or to a comment (` # …`, as `total:` carries one).
        func inlineValue(line current: Int, from start: Int) -> YAMLNode? {
            let line = lines[current]
            if bytes[start] == UInt8(ascii: "{") { return flowMapping(line: current, from: start) }
            if bytes[start] == UInt8(ascii: "\"") || bytes[start] == UInt8(ascii: "'") {
                guard let (text, after) = quoted(from: start, before: line.end) else { return nil }
                var cursor = after
                while cursor < line.end, bytes[cursor] == 32 { cursor += 1 }
                guard cursor == line.end || (cursor > after && bytes[cursor] == UInt8(ascii: "#")) else { return nil }
                return node(.scalar(.init(string: text, isPlain: false)), line: current, offset: start)
            }
            var end = line.end
            var index = start + 1
            while index < line.end {
                if bytes[index] == UInt8(ascii: "#"), bytes[index - 1] == 32 {
                    end = index
                    break
                }
                index += 1
            }
            while end > start, bytes[end - 1] == 32 { end -= 1 }
            guard isPlain(start, end, flow: false) else { return nil }
            return node(.scalar(.init(string: string(start, end), isPlain: true)), line: current, offset: start)
        }

        /// `{ key: value, key: value }`, alone on the rest of its line.
        func flowMapping(line current: Int, from open: Int) -> YAMLNode? {
            let line = lines[current]
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            var keys: Set<String> = []
            var cursor = open + 1
            func skipSpaces() { while cursor < line.end, bytes[cursor] == 32 { cursor += 1 } }
            while true {
                skipSpaces()
                let keyStart = cursor
                guard let keyEnd = key(at: keyStart, before: line.end), keyEnd + 1 < line.end,
                    bytes[keyEnd] == UInt8(ascii: ":"), bytes[keyEnd + 1] == 32
                else { return nil }
                let name = string(keyStart, keyEnd)
                guard keys.insert(name).inserted else { return nil }
                cursor = keyEnd + 1
                skipSpaces()
                let valueStart = cursor
                let value: YAMLNode.Scalar
                if valueStart < line.end,
                    bytes[valueStart] == UInt8(ascii: "\"") || bytes[valueStart] == UInt8(ascii: "'")
                {
                    guard let (text, after) = quoted(from: valueStart, before: line.end) else { return nil }
                    cursor = after
                    skipSpaces()
                    guard cursor < line.end, bytes[cursor] == UInt8(ascii: ",") || bytes[cursor] == UInt8(ascii: "}")
                    else { return nil }
                    value = .init(string: text, isPlain: false)
                } else {
                    while cursor < line.end, bytes[cursor] != UInt8(ascii: ","), bytes[cursor] != UInt8(ascii: "}") {
                        cursor += 1
                    }
                    var valueEnd = cursor
                    while valueEnd > valueStart, bytes[valueEnd - 1] == 32 { valueEnd -= 1 }
                    guard cursor < line.end, isPlain(valueStart, valueEnd, flow: true) else { return nil }
                    value = .init(string: string(valueStart, valueEnd), isPlain: true)
                }
                pairs.append(
                    (
                        node(.scalar(.init(string: name, isPlain: true)), line: current, offset: keyStart),
                        node(.scalar(value), line: current, offset: valueStart)
                    ))
                if bytes[cursor] == UInt8(ascii: "}") { break }
                cursor += 1  // the comma
            }
            cursor += 1  // the closing brace
            skipSpaces()
            guard cursor == line.end else { return nil }
            return node(.mapping(pairs), line: current, offset: open)
        }

        /// A quoted scalar ending on the same line: `'…'` with `''` for a quote, or `"…"` with the escapes
        /// `\\`, `\"`, `\/`, `\n` and `\t` (any other escape is left to Yams). The text and the offset just
        /// past the closing quote.
        func quoted(from start: Int, before end: Int) -> (String, Int)? {
            let quote = bytes[start]
            var text: [UInt8] = []
            var index = start + 1
            while index < end {
                let byte = bytes[index]
                if byte == quote {
                    if quote == UInt8(ascii: "'"), index + 1 < end, bytes[index + 1] == quote {
                        text.append(quote)
                        index += 2
                        continue
                    }
                    return (String(decoding: text, as: UTF8.self), index + 1)
                }
                if quote == UInt8(ascii: "\""), byte == UInt8(ascii: "\\") {
                    guard index + 1 < end else { return nil }
                    switch bytes[index + 1] {
                    case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "/"): text.append(bytes[index + 1])
                    case UInt8(ascii: "n"): text.append(10)
                    case UInt8(ascii: "t"): text.append(9)
                    default: return nil
                    }
                    index += 2
                    continue
                }
                text.append(byte)
                index += 1
            }
            return nil
        }

        /// The end of a field name (`[A-Za-z0-9_][A-Za-z0-9_-]*`) starting at `start`, or nil.
        func key(at start: Int, before end: Int) -> Int? {
            var index = start
            while index < end {
                let byte = bytes[index]
                let isLetter =
                    (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
                    || byte == UInt8(ascii: "_") || (byte == UInt8(ascii: "-") && index > start)
                guard isLetter else { break }
                index += 1
            }
            return index > start ? index : nil
        }

        /// Whether `start ..< end` is text YAML reads as itself, plain: not empty, not starting with an
        /// indicator (a `-` only before a digit), without `: `, ` #` or a final `:`, and in a flow mapping
        /// without `:`, brackets, braces or commas at all.
        func isPlain(_ start: Int, _ end: Int, flow: Bool) -> Bool {
            guard start < end else { return false }
            let first = bytes[start]
            switch first {
            case UInt8(ascii: "-"):
                guard start + 1 < end, bytes[start + 1] >= 0x30, bytes[start + 1] <= 0x39 else { return false }
            case UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
                UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"),
                UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""),
                UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
                return false
            default:
                break
            }
            if bytes[end - 1] == UInt8(ascii: ":") { return false }
            var index = start
            while index < end {
                let byte = bytes[index]
                if flow {
                    switch byte {
                    case UInt8(ascii: ":"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
                        UInt8(ascii: ","), UInt8(ascii: "#"):
                        return false
                    default:
                        break
                    }
                } else {
                    if byte == UInt8(ascii: ":"), index + 1 < end, bytes[index + 1] == 32 { return false }
                    if byte == UInt8(ascii: "#"), index > start, bytes[index - 1] == 32 { return false }
                }
                index += 1
            }
            return true
        }

        func string(_ start: Int, _ end: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
    }
}
