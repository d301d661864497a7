import DocketTemplates

/// Writes JSON text straight into a byte buffer, value by value, with no tree of values in between: every
/// JSON file Docket makes goes through it (`data.json`, an encrypted portal's envelope, the build record).
///
/// The caller writes keys and values in order; the writer puts in the commas, line breaks and indentation.
/// Numbers are exact: whole numbers digit by digit, decimals from their exact text (never floating point).
/// Strings are escaped so that the text is also safe inside HTML and JavaScript: `"`, `\`, every control
/// character, `<`, `>`, `&`, U+2028 and U+2029.
struct JSONWriter {
    /// How the text is laid out.
    enum Layout {
        /// Two spaces per level, one item per line, `"key": value` (`data.json`, envelopes).
        case indented
        /// No whitespace at all (the build record).
        case compact
    }

    /// Where the text goes (not retained at every call: whoever makes the writer keeps the buffer alive
    /// while it writes, as `write(_:capacity:_:)` does).
    unowned(unsafe) let output: ByteBuffer
    /// 1 in the indented layout (a line break before each item), 0 in the compact one.
    private let lineBreak: Int
    /// Spaces per level: 2 in the indented layout, 0 in the compact one.
    private let indentWidth: Int
    /// How many containers are open.
    private var depth = 0
    /// What the next key or value must write before itself.
    private var state = State.afterKey

    /// Where the writer is, which says what separates the next item from the one before.
    private enum State: UInt8 {
        /// After a key, or at the start of the document: nothing.
        case afterKey
        /// First in a container: a line break (indented layout).
        case firstItem
        /// After another item: a comma and a line break (indented layout).
        case nextItem
    }

    init(output: ByteBuffer, layout: Layout) {
        self.output = output
        lineBreak = layout == .indented ? 1 : 0
        indentWidth = layout == .indented ? 2 : 0
    }

    /// Writes one document with `body` into a new buffer and returns the buffer.
    static func write(_ layout: Layout, capacity: Int, _ body: (inout JSONWriter) throws -> Void) rethrows -> ByteBuffer
    {
        let output = ByteBuffer(capacity: capacity)
        var writer = JSONWriter(output: output, layout: layout)
        try body(&writer)
        return output
    }

    // MARK: Containers

    /// Opens an object: `{`.
    mutating func beginObject() { open(UInt8(ascii: "{")) }
    /// Closes the innermost object: `}`.
    mutating func endObject() { close(UInt8(ascii: "}")) }
    /// Opens an array: `[`.
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    /// Closes the innermost array: `]`.
    mutating func endArray() { close(UInt8(ascii: "]")) }

    @inline(__always)
    private mutating func open(_ bracket: UInt8) {
        separate()
        output.append(bracket)
        depth += 1
        state = .firstItem
    }

    /// Closes a container, on a line of its own in the indented layout unless it is empty.
    @inline(__always)
    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if state != .firstItem && lineBreak != 0 { newline() }
        output.append(bracket)
        state = .nextItem
    }

    // MARK: Keys

    /// The next member's key: plain ASCII that needs no escape (`"name"`), written in one go with the comma
    /// before it, the line break and indentation, and the `:` after it.
    mutating func key(_ name: StaticString) {
        guard name.hasPointerRepresentation else {
            // A one-character literal is kept as a scalar, not as bytes.
            key(text: name.description)
            return
        }
        plainKey(name.utf8Start, count: name.utf8CodeUnitCount)
    }

    /// The next member's key, a coding key's name (plain ASCII: Swift identifiers).
    mutating func key(_ name: some CodingKey) {
        let text = name.stringValue
        text.withUTF8Bytes { plainKey($0.baseAddress!, count: $0.count) }
    }

    /// The next member's key, any text (escaped).
    mutating func key(text: String) {
        let comma = state == .nextItem
        state = .afterKey
        if comma { output.append(UInt8(ascii: ",")) }
        if lineBreak != 0 { newline() }
        Self.quote(text, into: output)
        output.append(UInt8(ascii: ":"))
        if lineBreak != 0 { output.append(32) }
    }

    /// Writes the comma, line break and indentation (as the layout has them), the quoted name and the `:` in
    /// one go, without branching on the layout.
    private mutating func plainKey(_ start: UnsafePointer<UInt8>, count length: Int) {
        let comma = state == .nextItem ? 1 : 0
        state = .afterKey
        let lineBreak = lineBreak
        let indent = depth &* indentWidth
        output.appendInPlace(maximum: indent + length + 6) { bytes in
            bytes[0] = UInt8(ascii: ",")  // kept only when there is a comma: the next byte goes at `comma`
            var at = comma
            bytes[at] = 10
            at += lineBreak
            (bytes + at).initialize(repeating: 32, count: indent)
            at += indent
            bytes[at] = UInt8(ascii: "\"")
            (bytes + at + 1).initialize(from: start, count: length)
            at += 1 + length
            bytes[at] = UInt8(ascii: "\"")
            bytes[at + 1] = UInt8(ascii: ":")
            bytes[at + 2] = 32
            return at + 2 + lineBreak  // the space after the colon only in the indented layout
        }
    }

    // MARK: Values

    /// A string, escaped.
    @inline(__always)
    mutating func string(_ text: String) {
        separate()
        Self.quote(text, into: output)
    }

    /// A whole number.
    @inline(__always)
    mutating func int(_ value: Int) {
        separate()
        Self.appendDecimal(value, into: output)
    }

    /// A decimal number written exactly as this text (`12.5`, `46.0`), which must be a JSON number.
    @inline(__always)
    mutating func decimal(_ text: String) {
        separate()
        output.append(text)
    }

    /// `true` or `false`.
    @inline(__always)
    mutating func bool(_ value: Bool) {
        separate()
        output.append(value ? "true" : "false")
    }

    /// `null`.
    @inline(__always)
    mutating func null() {
        separate()
        output.append("null")
    }

    /// Before a value: nothing after a key; otherwise the separator of the next array item.
    @inline(__always)
    private mutating func separate() {
        let before = state
        state = .nextItem
        guard before != .afterKey else { return }
        if before == .nextItem { output.append(UInt8(ascii: ",")) }
        if lineBreak != 0 { newline() }
    }

    private func newline() {
        output.append(10)
        output.append(32, count: depth &* indentWidth)
    }

    // MARK: Text

    /// Appends a whole number in decimal, digit by digit.
    static func appendDecimal(_ number: Int, into output: ByteBuffer) {
        if number < 0 { output.append(UInt8(ascii: "-")) }
        forEachDecimalDigit(of: number.magnitude) { output.append($0) }
    }

    /// Appends a JSON string literal: the text between quotes, with the characters JSON, HTML and
    /// JavaScript need escaped (`\"`, `\\`, `\n`, `\r`, `\t`, and `\u00XX` for the other controls and for
    /// `<`, `>`, `&`; `\u2028` and `\u2029`). Runs of bytes that need no escape are copied whole.
    static func quote(_ text: String, into output: ByteBuffer) {
        func escape(_ value: UInt32) {
            output.append(UInt8(ascii: "\\"))
            output.append(UInt8(ascii: "u"))
            for shift in stride(from: 12, through: 0, by: -4) {
                let digit = UInt8((value >> UInt32(shift)) & 0xF)
                output.append(digit < 10 ? 48 + digit : 87 + digit)
            }
        }
        output.append(UInt8(ascii: "\""))
        text.withUTF8Bytes { bytes in
            var start = 0  // the first byte not yet copied
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                // Bytes from `?` up need no escape except the backslash and the first byte of U+2028 and U+2029.
                if byte >= UInt8(ascii: "?") && byte != UInt8(ascii: "\\") && byte != 0xE2 {
                    index += 1
                    continue
                }
                let replacement: UInt8?  // the letter after a backslash, or 0 for a \u escape
                var length = 1
                switch byte {
                case UInt8(ascii: "\""): replacement = UInt8(ascii: "\"")
                case UInt8(ascii: "\\"): replacement = UInt8(ascii: "\\")
                case 10: replacement = UInt8(ascii: "n")
                case 13: replacement = UInt8(ascii: "r")
                case 9: replacement = UInt8(ascii: "t")
                case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0..<0x20: replacement = 0
                case 0xE2
                where index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    // U+2028 and U+2029 end lines in JavaScript.
                    replacement = 0
                    length = 3
                default: replacement = nil
                }
                guard let replacement else {
                    index += 1
                    continue
                }
                if index > start { output.append(UnsafeBufferPointer(rebasing: bytes[start..<index])) }
                if replacement != 0 {
                    output.append(UInt8(ascii: "\\"))
                    output.append(replacement)
                } else if length == 3 {
                    escape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                } else {
                    escape(UInt32(byte))
                }
                index += length
                start = index
            }
            if start < bytes.count { output.append(UnsafeBufferPointer(rebasing: bytes[start..<bytes.count])) }
        }
        output.append(UInt8(ascii: "\""))
    }
}
