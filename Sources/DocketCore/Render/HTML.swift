/// Escaping for the few places where Docket writes HTML itself rather than through a template.
public enum HTML {
    /// Escapes text for HTML content and attribute values: `& < > " '`.
    public static func escape(_ text: some StringProtocol) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// Percent-encodes text for a `mailto:` subject or body (RFC 6068): everything but unreserved
    /// characters is encoded, so no user text can add headers or break out of the link.
    public static func percentEncode(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"):
                result.append(Character(UnicodeScalar(byte)))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (Unicode space separators included), as
    /// `trimmingCharacters(in: .whitespaces)` gives, without going through Foundation (which is slow).
    public func trimmingWhitespace() -> String {
        // Foundation's set also holds U+200B, the zero-width space.
        trimmed { $0.value < 0x80 ? $0.value == 0x20 || $0.value == 0x09
                                  : $0.value == 0x200B || $0.properties.generalCategory == .spaceSeparator }
    }

    /// The text without leading and trailing whitespace and line breaks, as
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` gives.
    public func trimmingWhitespaceAndNewlines() -> String {
        trimmed { scalar in
            switch scalar.value {
            case 0x09...0x0D, 0x20, 0x85, 0x200B: return true
            case 0..<0x80: return false
            default:
                let category = scalar.properties.generalCategory
                return category == .spaceSeparator || category == .lineSeparator || category == .paragraphSeparator
            }
        }
    }

    /// The text without leading and trailing punctuation (Unicode categories P*), as
    /// `trimmingCharacters(in: .punctuationCharacters)` gives.
    public func trimmingPunctuation() -> String {
        func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                 .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
            default: return false
            }
        }
        return trimmedScalars(isPunctuation)
    }

    private func trimmed(_ isSpace: (Unicode.Scalar) -> Bool) -> String {
        // Most text starts and ends with a visible ASCII character: nothing to trim.
        if let first = unicodeScalars.first?.value, let last = unicodeScalars.last?.value,
           first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return String(self)
        }
        return trimmedScalars(isSpace)
    }

    /// The text without the scalars that `drop` matches at either end.
    private func trimmedScalars(_ drop: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, drop(scalars[start]) { start = scalars.index(after: start) }
        while end > start, drop(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(self[start..<end])
    }
}
