/// Gives the ASCII decimal digits of a whole number, most significant first, at least `width` of them
/// (leading zeros): the one digit writer behind `ShortText`, the template renderer and the JSON writer.
@inlinable @inline(__always)
public func forEachDecimalDigit(of value: UInt, width: Int = 1, _ put: (UInt8) -> Void) {
    var magnitude = value
    var digits = 1
    var divisor: UInt = 1
    while magnitude / divisor >= 10 {
        divisor *= 10
        digits += 1
    }
    for _ in digits..<max(width, digits) { put(UInt8(ascii: "0")) }
    while divisor > 0 {
        put(UInt8(48 + magnitude / divisor))
        magnitude %= divisor
        divisor /= 10
    }
}
