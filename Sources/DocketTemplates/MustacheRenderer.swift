/// Renders parsed Mustache templates with a page's values (`TemplateArena`) into UTF-8 bytes.
///
/// Rules: a name is looked up from the innermost section's value outwards; in `a.b`, `b` is looked up in
/// `a` only. `{{name}}` prints text HTML-escaped (`& < > " '`), numbers in decimal, flags as `true`/`false`,
/// and nothing for lists, groups and missing names. A section is skipped for a missing name, `false` and
/// an empty list; it repeats for each item of a list; it shows once for `true`; for any other value it shows
/// once with that value innermost. An inverted section shows exactly when a section would be skipped.
///
/// Values are slots of the arena, read through pointers while a page renders: looking one up, pushing it
/// on the context stack and printing its text take no reference count.
struct MustacheRenderer {
    /// Every template's program by name, for partials and parents.
    let programs: [String: MustacheProgram]
    /// The output so far.
    let buffer: ByteBuffer
    /// The page's slots and text bytes, while it renders.
    private var slots = UnsafeBufferPointer<TemplateSlot>(start: nil, count: 0)
    private var text = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    private var shapes = UnsafeBufferPointer<UnsafeBufferPointer<Int16>>(start: nil, count: 0)
    private var stack: [TemplateSlot] = []
    private var overrides: [String: MustacheProgram] = [:]
    private var indent: [UInt8] = []
    private var atLineStart = false
    private var depth = 0

    /// How deep partials and parents may nest before the renderer stops (a template that includes itself).
    static let maximumDepth = 64

    init(programs: [String: MustacheProgram], capacity: Int = 16_384) {
        self.programs = programs
        buffer = ByteBuffer(capacity: capacity)
        stack.reserveCapacity(16)
    }

    /// Renders the named template with a slot of an arena as the outermost context.
    mutating func render(_ name: String, _ root: TemplateSlot, in arena: TemplateArena) {
        guard let program = programs[name] else { return }
        // The arena is not changed while the page renders, so its memory stays where it is.
        withExtendedLifetime(arena) {
            slots = arena.slots
            text = arena.textBytes
            shapes = arena.shapePositions
            stack.append(root)
            run(program, from: 0, to: program.instructions.count)
            stack.removeLast()
            slots = UnsafeBufferPointer(start: nil, count: 0)
            text = UnsafeBufferPointer(start: nil, count: 0)
            shapes = UnsafeBufferPointer(start: nil, count: 0)
        }
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
                switch lookup(program, instruction) {
                case .text(let from, let count):
                    startLine()
                    let bytes = UnsafeBufferPointer(rebasing: text[Int(from)..<Int(from + count)])
                    if instruction.code == .escaped { appendEscaped(bytes) } else { buffer.append(bytes) }
                case .number(let number):
                    startLine()
                    appendDecimal(number)
                case .flag(let flag):
                    startLine()
                    append(flag ? "true" : "false")
                case .missing, .list, .object:
                    break
                }
            case .section:
                let body = (index + 1, Int(instruction.end))
                let value = lookup(program, instruction)
                switch value {
                case .missing, .flag(false):
                    break
                case .flag(true):
                    run(program, from: body.0, to: body.1)
                case .list(let first, let count):
                    for offset in 0..<Int(count) {
                        stack.append(slots[Int(first) + offset])
                        run(program, from: body.0, to: body.1)
                        stack.removeLast()
                    }
                default:
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
                guard let included = programs[program.labels[Int(instruction.a)]], depth < Self.maximumDepth else {
                    break
                }
                include(included, indent: program.indents[Int(instruction.b)])
            case .parent:
                guard let parent = programs[program.labels[Int(instruction.a)]], depth < Self.maximumDepth else {
                    break
                }
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

    private func isFalsy(_ value: TemplateSlot) -> Bool {
        switch value {
        case .missing, .flag(false): return true
        case .list(_, let count): return count == 0
        default: return false
        }
    }

    /// The value of the instruction's path: its first name from the innermost value outwards, the rest inside.
    private func lookup(_ program: MustacheProgram, _ instruction: MustacheProgram.Instruction) -> TemplateSlot {
        let count = Int(instruction.b)
        guard count > 0 else { return stack.last ?? .missing }
        let start = Int(instruction.a)
        let first = program.nameNumbers[start]
        var found = TemplateSlot.missing
        stack.withUnsafeBufferPointer { stack in
            var index = stack.count - 1
            while index >= 0 {
                if case .object(let fields, let shape) = stack[index] {
                    let value = field(first, fields, shape)
                    if case .missing = value {
                    } else {
                        found = value
                        return
                    }
                }
                index -= 1
            }
        }
        var part = 1
        while part < count {
            guard case .object(let fields, let shape) = found else { return .missing }
            found = field(program.nameNumbers[start + part], fields, shape)
            part += 1
        }
        return found
    }

    /// The slot of the name numbered `id` in an object (its slots from `first`, its names the arena's shape
    /// number `shape`); a name no template uses has no number (-1).
    @inline(__always)
    private func field(_ id: Int32, _ first: Int32, _ shape: Int32) -> TemplateSlot {
        let positions = shapes[Int(shape)]
        guard id >= 0, Int(id) < positions.count else { return .missing }
        let position = positions[Int(id)]
        return position < 0 ? .missing : slots[Int(first) + Int(position)]
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

    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { buffer.append($0) }
    }

    /// A whole number in decimal, digit by digit (no string made for it).
    private mutating func appendDecimal(_ number: Int) {
        if number < 0 { buffer.append(UInt8(ascii: "-")) }
        forEachDecimalDigit(of: number.magnitude) { buffer.append($0) }
    }

    private mutating func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        var start = 0  // the first byte not yet copied: bytes that need no escape are copied in runs
        var index = 0
        while index < bytes.count {
            // Eight bytes at a time while none of them needs escaping (most text).
            if index + 8 <= bytes.count,
                !Self.mayNeedEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            {
                index += 8
                continue
            }
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

    /// Whether any of eight bytes is `"`, `&`, `'`, `<` or `>` (each compared at once across the word: a
    /// byte equal to the one sought becomes zero, and a zero byte is found without false alarms).
    @inline(__always)
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
        return hasZero(word ^ (ones &* 0x22)) | hasZero(word ^ (ones &* 0x26)) | hasZero(word ^ (ones &* 0x27))
            | hasZero(word ^ (ones &* 0x3C)) | hasZero(word ^ (ones &* 0x3E)) != 0
    }
}
