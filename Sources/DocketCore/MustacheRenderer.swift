/// Renders parsed Mustache templates with `TemplateValue`s into UTF-8 bytes.
///
/// Rules: a name is looked up from the innermost section's value outwards; in `a.b`, `b` is looked up in
/// `a` only. `{{name}}` prints text HTML-escaped (`& < > " '`), numbers in decimal, flags as `true`/`false`,
/// and nothing for lists, groups and missing names. A section is skipped for a missing name, `false` and
/// an empty list; it repeats for each item of a list; it shows once for `true`; for any other value it shows
/// once with that value innermost. An inverted section shows exactly when a section would be skipped.
struct MustacheRenderer {
    /// Every template by name, for partials and parents.
    let templates: [String: MustacheTemplate]
    /// The output so far.
    private(set) var output: [UInt8] = []
    private var stack: [TemplateValue] = []
    private var overrides: [String: [MustacheNode]] = [:]
    private var indent: [UInt8] = []
    private var atLineStart = false
    private var depth = 0

    /// How deep partials and parents may nest before the renderer stops (a template that includes itself).
    static let maximumDepth = 64

    init(templates: [String: MustacheTemplate], capacity: Int = 16_384) {
        self.templates = templates
        output.reserveCapacity(capacity)
    }

    /// Renders the named template with a value as the outermost context.
    mutating func render(_ name: String, _ value: TemplateValue) {
        guard let template = templates[name] else { return }
        stack.append(value)
        render(template.nodes)
        stack.removeLast()
    }

    private mutating func render(_ nodes: [MustacheNode]) {
        for index in nodes.indices {
            switch nodes[index] {
            case .text(let bytes):
                writeText(bytes)
            case .variable(let path, let escaped):
                guard let value = lookup(path) else { continue }
                switch value {
                case .text(let text):
                    startLine()
                    if escaped { appendEscaped(text) } else { append(text) }
                case .number(let number):
                    startLine()
                    append(String(number))
                case .flag(let flag):
                    startLine()
                    append(flag ? "true" : "false")
                case .list, .object:
                    break
                }
            case .section(let path, let children, let inverted):
                let value = lookup(path)
                if inverted {
                    if isFalsy(value) { render(children) }
                    continue
                }
                switch value {
                case nil, .flag(false):
                    break
                case .flag(true):
                    render(children)
                case .list(let items):
                    for item in items {
                        stack.append(item)
                        render(children)
                        stack.removeLast()
                    }
                case .some(let value):
                    stack.append(value)
                    render(children)
                    stack.removeLast()
                }
            case .block(let name, let children):
                render(overrides[name] ?? children)
            case .partial(let name, let partialIndent, _, _):
                guard let template = templates[name], depth < Self.maximumDepth else { continue }
                include(template, indent: partialIndent)
            case .parent(let name, let parentIndent, let blocks, _, _):
                guard let template = templates[name], depth < Self.maximumDepth else { continue }
                let savedOverrides = overrides
                // The child's blocks win over the parent's own (a grandchild's over both).
                overrides = blocks.merging(savedOverrides) { _, inherited in inherited }
                include(template, indent: parentIndent)
                overrides = savedOverrides
            }
        }
    }

    /// Renders a partial or parent in place, every line indented by the tag's indentation.
    private mutating func include(_ template: MustacheTemplate, indent extra: [UInt8]) {
        let savedIndent = indent
        indent += extra
        if !extra.isEmpty { atLineStart = true }
        depth += 1
        render(template.nodes)
        depth -= 1
        indent = savedIndent
    }

    private func isFalsy(_ value: TemplateValue?) -> Bool {
        switch value {
        case nil, .flag(false): return true
        case .list(let items): return items.isEmpty
        default: return false
        }
    }

    private func lookup(_ path: MustachePath) -> TemplateValue? {
        guard let first = path.parts.first else { return stack.last }
        var found: TemplateValue?
        stack.withUnsafeBufferPointer { stack in
            var index = stack.count - 1
            while index >= 0 {
                if case .object(let object) = stack[index], let value = object[first] {
                    found = value
                    return
                }
                index -= 1
            }
        }
        guard var value = found else { return nil }
        var part = 1
        while part < path.parts.count {
            guard case .object(let object) = value, let next = object[path.parts[part]] else { return nil }
            value = next
            part += 1
        }
        return value
    }

    /// Literal template text; inside an indented partial every line starts with the indentation.
    private mutating func writeText(_ bytes: [UInt8]) {
        if indent.isEmpty {
            output.append(contentsOf: bytes)
            return
        }
        var start = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            if index > start { startLine() }
            output.append(contentsOf: bytes[start...index])
            atLineStart = true
            start = index + 1
        }
        if start < bytes.count {
            startLine()
            output.append(contentsOf: bytes[start...])
        }
    }

    private mutating func startLine() {
        if atLineStart {
            output.append(contentsOf: indent)
            atLineStart = false
        }
    }

    private mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { output.append(contentsOf: $0) }
    }

    private mutating func appendEscaped(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let entity: StaticString?
                switch byte {
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "'"): entity = "&#39;"
                default: entity = nil
                }
                if let entity {
                    if index > start { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index])) }
                    entity.withUTF8Buffer { output.append(contentsOf: $0) }
                    start = index + 1
                }
                index += 1
            }
            if start < bytes.count { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count])) }
        }
    }
}
