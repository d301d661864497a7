/// Renders parsed Mustache templates with `TemplateValue`s into UTF-8 bytes.
///
/// Rules: a name is looked up from the innermost section's value outwards; in `a.b`, `b` is looked up in
/// `a` only. `{{name}}` prints text HTML-escaped (`& < > " '`), numbers in decimal, flags as `true`/`false`,
/// and nothing for lists, groups and missing names. A section is skipped for a missing name, `false` and
/// an empty list; it repeats for each item of a list; it shows once for `true`; for any other value it shows
/// once with that value innermost. An inverted section shows exactly when a section would be skipped.
struct MustacheRenderer {
    /// Every template's program by name, for partials and parents.
    let programs: [String: MustacheProgram]
    /// The output so far.
    let buffer: ByteBuffer
    private var stack: [TemplateValue] = []
    private var overrides: [String: MustacheProgram] = [:]
    private var indent: [UInt8] = []
    private var atLineStart = false
    private var depth = 0

    /// How deep partials and parents may nest before the renderer stops (a template that includes itself).
    static let maximumDepth = 64

    init(programs: [String: MustacheProgram], capacity: Int = 16_384) {
        self.programs = programs
        buffer = ByteBuffer(capacity: capacity)
    }

    /// Renders the named template with a value as the outermost context.
    mutating func render(_ name: String, _ value: TemplateValue) {
        guard let program = programs[name] else { return }
        stack.append(value)
        run(program, from: 0, to: program.instructions.count)
        stack.removeLast()
    }

    /// Runs the instructions `start ..< end` of a program.
    private mutating func run(_ program: MustacheProgram, from start: Int, to end: Int) {
        let instructions = program.instructions
        var index = start
        while index < end {
            let instruction = instructions[index]
            switch instruction.code {
            case .text:
                writeText(UnsafeBufferPointer(rebasing: program.text[Int(instruction.a)..<Int(instruction.b)]))
            case .escaped, .raw:
                guard let value = lookup(program, instruction) else { break }
                switch value {
                case .text(let text):
                    startLine()
                    if instruction.code == .escaped { appendEscaped(text) } else { append(text) }
                case .number(let number):
                    startLine()
                    appendDecimal(number)
                case .flag(let flag):
                    startLine()
                    append(flag ? "true" : "false")
                case .list, .object:
                    break
                }
            case .section:
                let body = (index + 1, Int(instruction.end))
                switch lookup(program, instruction) {
                case nil, .flag(false):
                    break
                case .flag(true):
                    run(program, from: body.0, to: body.1)
                case .list(let items):
                    for item in items {
                        stack.append(item)
                        run(program, from: body.0, to: body.1)
                        stack.removeLast()
                    }
                case .some(let value):
                    stack.append(value)
                    run(program, from: body.0, to: body.1)
                    stack.removeLast()
                }
            case .inverted:
                if isFalsy(lookup(program, instruction)) { run(program, from: index + 1, to: Int(instruction.end)) }
            case .block:
                if let override = overrides[program.labels[Int(instruction.a)]] {
                    run(override, from: 0, to: override.instructions.count)
                } else {
                    run(program, from: index + 1, to: Int(instruction.end))
                }
            case .partial:
                guard let included = programs[program.labels[Int(instruction.a)]], depth < Self.maximumDepth else { break }
                include(included, indent: program.indents[Int(instruction.b)])
            case .parent:
                guard let parent = programs[program.labels[Int(instruction.a)]], depth < Self.maximumDepth else { break }
                let savedOverrides = overrides
                // The child's blocks win over the parent's own (a grandchild's over both).
                overrides = program.overrides[Int(instruction.c)].merging(savedOverrides) { _, inherited in inherited }
                include(parent, indent: program.indents[Int(instruction.b)])
                overrides = savedOverrides
            }
            index = Int(instruction.end)
        }
    }

    /// Renders a partial or parent in place, every line indented by the tag's indentation.
    private mutating func include(_ program: MustacheProgram, indent extra: [UInt8]) {
        let savedIndent = indent
        indent += extra
        if !extra.isEmpty { atLineStart = true }
        depth += 1
        run(program, from: 0, to: program.instructions.count)
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

    /// The value of the instruction's path: its first name from the innermost value outwards, the rest inside.
    private func lookup(_ program: MustacheProgram, _ instruction: MustacheProgram.Instruction) -> TemplateValue? {
        let count = Int(instruction.b)
        guard count > 0 else { return stack.last }
        let start = Int(instruction.a)
        let first = program.nameNumbers[start]
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
        while part < count {
            guard case .object(let object) = value, let next = object[program.nameNumbers[start + part]] else { return nil }
            value = next
            part += 1
        }
        return value
    }

    /// Literal template text; inside an indented partial every line starts with the indentation.
    private mutating func writeText(_ bytes: UnsafeBufferPointer<UInt8>) {
        if indent.isEmpty {
            buffer.append(bytes)
            return
        }
        var start = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            if index > start { startLine() }
            buffer.append(UnsafeBufferPointer(rebasing: bytes[start...index]))
            atLineStart = true
            start = index + 1
        }
        if start < bytes.count {
            startLine()
            buffer.append(UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }

    private mutating func startLine() {
        if atLineStart {
            indent.withUnsafeBufferPointer { buffer.append($0) }
            atLineStart = false
        }
    }

    private mutating func append(_ text: String) {
        text.withUTF8Bytes { buffer.append($0) }
    }

    /// A whole number in decimal, digit by digit (no string made for it).
    private mutating func appendDecimal(_ number: Int) {
        if number < 0 { buffer.append(UInt8(ascii: "-")) }
        forEachDecimalDigit(of: number.magnitude) { buffer.append($0) }
    }

    private mutating func appendEscaped(_ text: String) {
        text.withUTF8Bytes { bytes in
            var start = 0  // the first byte not yet copied: bytes that need no escape are copied in runs
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                // Only `"`, `&`, `'`, `<` and `>` need escaping; all other bytes are above `>` or below `"`.
                if byte > UInt8(ascii: ">") || byte < UInt8(ascii: "\"") {
                    index += 1
                    continue
                }
                let entity: StaticString
                switch byte {
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "'"): entity = "&#39;"
                default:
                    index += 1
                    continue
                }
                if index > start { buffer.append(UnsafeBufferPointer(rebasing: bytes[start..<index])) }
                entity.withUTF8Buffer { buffer.append($0) }
                index += 1
                start = index
            }
            if start < bytes.count { buffer.append(UnsafeBufferPointer(rebasing: bytes[start..<bytes.count])) }
        }
    }
}
