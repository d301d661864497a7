import DocketTemplates

/// Short text for people and files (times, durations, dates, decimals) written byte by byte into a buffer on
/// the stack: one string is made, with no pieces joined on the way. A build writes hundreds of thousands of
/// them.
struct ShortText {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private var count = 0

    private init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    /// The text that `body` writes (at most 128 bytes).
    static func make(_ body: (inout ShortText) -> Void) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { buffer in
            var text = ShortText(buffer)
            body(&text)
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[0..<text.count]), as: UTF8.self)
        }
    }

    /// One ASCII character.
    mutating func byte(_ byte: UInt8) {
        guard count < buffer.count else { return }
        buffer[count] = byte
        count += 1
    }

    /// Text copied as it is.
    mutating func text(_ text: String) {
        for byte in text.utf8 { self.byte(byte) }
    }

    /// A whole number in decimal, with leading zeros up to `width` digits (the minus sign before them).
    mutating func number(_ value: Int, width: Int = 1) {
        if value < 0 { byte(UInt8(ascii: "-")) }
        number(unsigned: value.magnitude, width: width)
    }

    /// A whole number without sign in decimal, with leading zeros up to `width` digits.
    mutating func number(unsigned value: UInt, width: Int = 1) {
        forEachDecimalDigit(of: value, width: width) { byte($0) }
    }
}
