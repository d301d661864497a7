/// A Mustache template, parsed once into nodes (a `TemplateLibrary` compiles it into the program that
/// `MustacheRenderer` runs).
///
/// An implementation of the Mustache language (https://mustache.github.io/mustache.5.html): `{{name}}`,
/// `{{{name}}}`, `{{&name}}`, dotted names, `{{.}}`, sections, inverted sections, comments, partials
/// `{{> name}}`, set delimiters `{{=<% %>=}}`, and template inheritance (`{{<parent}}`, `{{$block}}`), with
/// the specification's rules for standalone lines and indented partials. Lambdas are not supported (values
/// are plain data); pragmas `{{%…}}` and dynamic names `{{>*name}}` are syntax errors.
public struct MustacheTemplate: Sendable {
    /// The parsed nodes.
    let nodes: [MustacheNode]

    /// Parses a template's text, or throws the first problem with its line and column.
    public init(_ text: String) throws(MustacheSyntaxError) {
        var parser = MustacheParser(Array(text.utf8))
        nodes = try parser.parse()
    }

    /// Every name the template looks up (each part of a dotted name), in order of use.
    var names: [String] {
        var found: [String] = []
        func walk(_ nodes: [MustacheNode]) {
            for node in nodes {
                switch node {
                case .variable(let path, _): found += path.parts
                case .section(let path, let children, _):
                    found += path.parts
                    walk(children)
                case .block(_, let children): walk(children)
                case .parent(_, _, let overrides, _, _):
                    for name in overrides.keys.sorted() { walk(overrides[name] ?? []) }
                case .text, .partial: break
                }
            }
        }
        walk(nodes)
        return found
    }

    /// The names of the partials and parents the template uses, with the line and column of each use.
    public var references: [(name: String, line: Int, column: Int)] {
        var found: [(String, Int, Int)] = []
        func walk(_ nodes: [MustacheNode]) {
            for node in nodes {
                switch node {
                case .section(_, let children, _), .block(_, let children): walk(children)
                case .partial(let name, _, let line, let column): found.append((name, line, column))
                case .parent(let name, _, let overrides, let line, let column):
                    found.append((name, line, column))
                    for (_, children) in overrides { walk(children) }
                case .text, .variable: break
                }
            }
        }
        walk(nodes)
        return found
    }
}

/// A problem in a template's text.
public struct MustacheSyntaxError: Error, Sendable, Equatable {
    /// What is wrong, and what was expected.
    public var message: String
    /// 1-based line.
    public var line: Int
    /// 1-based column (in characters of the line, counting bytes of UTF-8).
    public var column: Int
}

/// A dotted name (`page.title`); no parts means `.`, the current value.
struct MustachePath: Sendable {
    let parts: [String]
}

/// One piece of a parsed template.
indirect enum MustacheNode: Sendable {
    /// Literal bytes.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}`.
    case variable(MustachePath, escaped: Bool)
    /// `{{#name}}…{{/name}}` or `{{^name}}…{{/name}}`.
    case section(MustachePath, [MustacheNode], inverted: Bool)
    /// `{{> name}}`, with the indentation of a standalone tag.
    case partial(String, indent: [UInt8], line: Int, column: Int)
    /// `{{<name}}…{{/name}}`: the named template with these blocks replaced.
    case parent(String, indent: [UInt8], overrides: [String: [MustacheNode]], line: Int, column: Int)
    /// `{{$name}}default{{/name}}`.
    case block(String, [MustacheNode])
}

/// Turns template bytes into nodes.
struct MustacheParser {
    private let bytes: [UInt8]
    private var position = 0
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)

    /// An open section, parent or block while parsing.
    private struct Frame {
        var kind: UInt8
        var name: String
        var nodes: [MustacheNode] = []
        var line: Int
        var column: Int
        var indent: [UInt8] = []
    }

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func parse() throws(MustacheSyntaxError) -> [MustacheNode] {
        var frames = [Frame(kind: 0, name: "", line: 1, column: 1)]
        var text: [UInt8] = []

        func flush(_ text: inout [UInt8], into frames: inout [Frame]) {
            if !text.isEmpty {
                frames[frames.count - 1].nodes.append(.text(text))
                text.removeAll(keepingCapacity: true)
            }
        }

        while position < bytes.count {
            guard let tagStart = find(open, from: position) else {
                text.append(contentsOf: bytes[position...])
                position = bytes.count
                break
            }
            text.append(contentsOf: bytes[position..<tagStart])
            let (line, column) = location(of: tagStart)
            var cursor = tagStart + open.count
            skipSpaces(&cursor)
            guard cursor < bytes.count else {
                throw MustacheSyntaxError(
                    message: "unclosed tag; expected `\(String(decoding: close, as: UTF8.self))`",
                    line: line, column: column)
            }
            var kind = bytes[cursor]
            let sigils: [UInt8] = Array("#^/!><$=&{".utf8)
            if sigils.contains(kind) { cursor += 1 } else { kind = 0 }

            // The tag's content and where the tag ends.
            let content: [UInt8]
            let tagEnd: Int
            if kind == UInt8(ascii: "{") {
                guard let end = find([UInt8(ascii: "}")] + close, from: cursor) else {
                    throw MustacheSyntaxError(
                        message: "unclosed tag; expected `}\(String(decoding: close, as: UTF8.self))`",
                        line: line, column: column)
                }
                content = Array(bytes[cursor..<end])
                tagEnd = end + 1 + close.count
            } else if kind == UInt8(ascii: "=") {
                guard let end = find([UInt8(ascii: "=")] + close, from: cursor) else {
                    throw MustacheSyntaxError(
                        message: "unclosed delimiter change; expected `=\(String(decoding: close, as: UTF8.self))`",
                        line: line, column: column)
                }
                content = Array(bytes[cursor..<end])
                tagEnd = end + 1 + close.count
            } else {
                guard let end = find(close, from: cursor) else {
                    throw MustacheSyntaxError(
                        message: "unclosed tag; expected `\(String(decoding: close, as: UTF8.self))`",
                        line: line, column: column)
                }
                content = Array(bytes[cursor..<end])
                tagEnd = end + close.count
            }
            let name = String(decoding: content, as: UTF8.self).trimmingSpaces
            try Self.rejectUnsupported(kind, name, line: line, column: column)

            // Standalone lines: a tag other than a value alone on its line takes the whole line with it.
            var indent: [UInt8] = []
            var next = tagEnd
            let canStandAlone = kind != 0 && kind != UInt8(ascii: "&") && kind != UInt8(ascii: "{")
            if canStandAlone, let lineStart = whitespaceLineStart(before: tagStart), let after = lineEnd(after: tagEnd)
            {
                indent = Array(bytes[lineStart..<tagStart])
                text.removeLast(tagStart - lineStart)
                next = after
            }
            position = next

            switch kind {
            case UInt8(ascii: "!"):
                break
            case UInt8(ascii: "="):
                let parts = name.split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard parts.count == 2, !parts[0].contains("="), !parts[1].contains("=") else {
                    throw MustacheSyntaxError(
                        message: "a delimiter change needs two delimiters, such as {{=<% %>=}}",
                        line: line, column: column)
                }
                open = Array(parts[0].utf8)
                close = Array(parts[1].utf8)
            case 0, UInt8(ascii: "&"), UInt8(ascii: "{"):
                flush(&text, into: &frames)
                let path = try self.path(name, line: line, column: column)
                frames[frames.count - 1].nodes.append(.variable(path, escaped: kind == 0))
            case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "<"):
                flush(&text, into: &frames)
                guard !name.isEmpty else {
                    throw MustacheSyntaxError(message: "a section needs a name", line: line, column: column)
                }
                if kind != UInt8(ascii: "$") && kind != UInt8(ascii: "<") {
                    _ = try path(name, line: line, column: column)
                }
                frames.append(Frame(kind: kind, name: name, line: line, column: column, indent: indent))
            case UInt8(ascii: "/"):
                flush(&text, into: &frames)
                guard frames.count > 1 else {
                    throw MustacheSyntaxError(
                        message: "`\(name)` is closed but was never opened", line: line, column: column)
                }
                let frame = frames.removeLast()
                guard frame.name == name else {
                    throw MustacheSyntaxError(
                        message: "`\(frame.name)` (opened on line \(frame.line)) must be closed before `\(name)`",
                        line: line, column: column)
                }
                let node: MustacheNode
                switch frame.kind {
                case UInt8(ascii: "$"):
                    node = .block(frame.name, frame.nodes)
                case UInt8(ascii: "<"):
                    var overrides: [String: [MustacheNode]] = [:]
                    for child in frame.nodes {
                        if case .block(let blockName, let nodes) = child { overrides[blockName] = nodes }
                    }
                    node = .parent(
                        frame.name, indent: frame.indent, overrides: overrides, line: frame.line, column: frame.column)
                default:
                    node = .section(
                        try path(frame.name, line: frame.line, column: frame.column), frame.nodes,
                        inverted: frame.kind == UInt8(ascii: "^"))
                }
                frames[frames.count - 1].nodes.append(node)
            case UInt8(ascii: ">"):
                flush(&text, into: &frames)
                guard !name.isEmpty else {
                    throw MustacheSyntaxError(
                        message: "a partial needs a name, such as {{> deliverable}}", line: line, column: column)
                }
                frames[frames.count - 1].nodes.append(.partial(name, indent: indent, line: line, column: column))
            default:
                break
            }
        }
        flush(&text, into: &frames)
        if frames.count > 1, let frame = frames.last {
            throw MustacheSyntaxError(
                message: "`\(frame.name)` is never closed; expected {{/\(frame.name)}}",
                line: frame.line, column: frame.column)
        }
        return frames[0].nodes
    }

    /// Tags of Mustache's optional modules that this implementation does not have.
    private static func rejectUnsupported(_ kind: UInt8, _ name: String, line: Int, column: Int)
        throws(MustacheSyntaxError)
    {
        if kind == 0, name.hasPrefix("%") {
            throw MustacheSyntaxError(
                message: "pragmas such as `{{\(name)}}` are not supported; remove the tag",
                line: line, column: column)
        }
        if kind == UInt8(ascii: ">") || kind == UInt8(ascii: "<"), name.hasPrefix("*") {
            let sigil = kind == UInt8(ascii: ">") ? "> " : "<"
            throw MustacheSyntaxError(
                message:
                    "dynamic names such as `{{\(sigil)\(name)}}` are not supported; name the template, such as {{\(sigil)\(name.dropFirst())}}",
                line: line, column: column)
        }
    }

    private func path(_ name: String, line: Int, column: Int) throws(MustacheSyntaxError) -> MustachePath {
        if name == "." { return MustachePath(parts: []) }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !name.isEmpty,
            parts.allSatisfy({ !$0.isEmpty && !$0.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" }) })
        else {
            throw MustacheSyntaxError(
                message: "`\(name)` is not a name; expected a name such as `clientName` or `page.title`",
                line: line, column: column)
        }
        return MustachePath(parts: parts)
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first {
                var matched = true
                var offset = 1
                while offset < needle.count {
                    if bytes[index + offset] != needle[offset] {
                        matched = false
                        break
                    }
                    offset += 1
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }

    private func skipSpaces(_ cursor: inout Int) {
        while cursor < bytes.count, bytes[cursor] == UInt8(ascii: " ") || bytes[cursor] == UInt8(ascii: "\t") {
            cursor += 1
        }
    }

    /// The start of the tag's line when only spaces and tabs come before the tag on it.
    private func whitespaceLineStart(before index: Int) -> Int? {
        var cursor = index
        while cursor > 0 {
            let byte = bytes[cursor - 1]
            if byte == UInt8(ascii: "\n") { return cursor }
            if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") { return nil }
            cursor -= 1
        }
        return 0
    }

    /// Just past the end of the tag's line (after its newline) when only spaces and tabs follow the tag.
    private func lineEnd(after index: Int) -> Int? {
        var cursor = index
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "\n") { return cursor + 1 }
            if byte == UInt8(ascii: "\r"), cursor + 1 < bytes.count, bytes[cursor + 1] == UInt8(ascii: "\n") {
                return cursor + 2
            }
            if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") { return nil }
            cursor += 1
        }
        return cursor
    }

    private func location(of index: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        var cursor = 0
        while cursor < index {
            if bytes[cursor] == UInt8(ascii: "\n") {
                line += 1
                lineStart = cursor + 1
            }
            cursor += 1
        }
        return (line, String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1)
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
