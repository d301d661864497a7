/// A parsed template flattened into one list of instructions over shared tables.
///
/// The parser's tree of nodes is convenient to build and check, but walking it at render time copies a
/// reference-counted node, path or child list at every step. A program is walked by index: each
/// instruction is four integers (what to do, and where its text, name, body or table entry is), the literal
/// text of the whole template is one byte buffer, and a section's body is the range of instructions up to
/// its `end`. `MustacheRenderer` runs programs.
final class MustacheProgram: @unchecked Sendable {
    // @unchecked: every stored property is set in `init` and never changed; the two buffers are owned by the
    // program, allocated once and freed in `deinit`.

    /// What an instruction does.
    enum Code: UInt8 {
        /// Literal bytes `text[a ..< b]`.
        case text
        /// `{{name}}`: the value of the path `names[a ..< a + b]` (no names: `.`), HTML-escaped.
        case escaped
        /// `{{{name}}}` or `{{&name}}`: the same, unescaped.
        case raw
        /// `{{#name}}`: the path as for `escaped`; its body is the instructions up to `end`.
        case section
        /// `{{^name}}`: as `section`, shown exactly when a section would be skipped.
        case inverted
        /// `{{> name}}`: the template `labels[a]`, every line indented by `indents[b]`.
        case partial
        /// `{{<name}}`: the template `labels[a]` indented by `indents[b]`, with the blocks `overrides[c]`.
        case parent
        /// `{{$name}}`: the override named `labels[a]` if there is one, else its body up to `end`.
        case block
    }

    /// One instruction: a code and its operands (see `Code`).
    struct Instruction {
        let code: Code
        let a: Int32
        let b: Int32
        let c: Int32
        /// For sections and blocks, the index just past the body; otherwise the next instruction.
        let end: Int32
    }

    /// The instructions, in order.
    let instructions: UnsafeBufferPointer<Instruction>
    /// Every literal byte of the template, in order.
    let text: UnsafeBufferPointer<UInt8>
    /// The parts of every dotted name, one after the other.
    let names: [String]
    /// The number of each of `names` in the library's `TemplateNames`, in the same order.
    let nameNumbers: [Int32]
    /// Partial, parent and block names.
    let labels: [String]
    /// Indentations of standalone partials and parents.
    let indents: [[UInt8]]
    /// The blocks each parent tag overrides, compiled.
    let overrides: [[String: MustacheProgram]]

    /// Compiles parsed nodes, numbering their names as the library does.
    init(_ nodes: [MustacheNode], names numbering: TemplateNames) {
        var compiler = Compiler(numbering: numbering)
        compiler.emit(nodes)
        instructions = Self.copy(compiler.instructions)
        text = Self.copy(compiler.text)
        names = compiler.names
        nameNumbers = compiler.names.map { numbering.number(of: $0) ?? -1 }
        labels = compiler.labels
        indents = compiler.indents
        overrides = compiler.overrides
    }

    deinit {
        instructions.deallocate()
        text.deallocate()
    }

    private static func copy<T>(_ array: [T]) -> UnsafeBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
        _ = buffer.initialize(from: array)
        return UnsafeBufferPointer(rebasing: buffer[0..<array.count])
    }

    private struct Compiler {
        let numbering: TemplateNames
        var instructions: [Instruction] = []
        var text: [UInt8] = []
        var names: [String] = []
        var labels: [String] = []
        var indents: [[UInt8]] = []
        var overrides: [[String: MustacheProgram]] = []

        mutating func emit(_ nodes: [MustacheNode]) {
            for node in nodes {
                switch node {
                case .text(let bytes):
                    let start = Int32(text.count)
                    text += bytes
                    append(.text, start, Int32(text.count))
                case .variable(let path, let escaped):
                    let (start, count) = add(path)
                    append(escaped ? .escaped : .raw, start, count)
                case .section(let path, let children, let inverted):
                    let (start, count) = add(path)
                    body(inverted ? .inverted : .section, start, count, children)
                case .partial(let name, let indent, _, _):
                    append(.partial, label(name), indentIndex(indent))
                case .parent(let name, let indent, let blocks, _, _):
                    overrides.append(blocks.mapValues { MustacheProgram($0, names: numbering) })
                    append(.parent, label(name), indentIndex(indent), Int32(overrides.count - 1))
                case .block(let name, let children):
                    body(.block, label(name), 0, children)
                }
            }
        }

        private mutating func append(_ code: Code, _ a: Int32, _ b: Int32, _ c: Int32 = 0) {
            instructions.append(Instruction(code: code, a: a, b: b, c: c, end: Int32(instructions.count + 1)))
        }

        /// An instruction followed by its body; its `end` is set once the body is in.
        private mutating func body(_ code: Code, _ a: Int32, _ b: Int32, _ children: [MustacheNode]) {
            let index = instructions.count
            append(code, a, b)
            emit(children)
            instructions[index] = Instruction(code: code, a: a, b: b, c: 0, end: Int32(instructions.count))
        }

        private mutating func add(_ path: MustachePath) -> (Int32, Int32) {
            let start = Int32(names.count)
            names += path.parts
            return (start, Int32(path.parts.count))
        }

        private mutating func label(_ name: String) -> Int32 {
            labels.append(name)
            return Int32(labels.count - 1)
        }

        private mutating func indentIndex(_ indent: [UInt8]) -> Int32 {
            indents.append(indent)
            return Int32(indents.count - 1)
        }
    }
}
