/// Escaping for the few places where Docket writes HTML itself rather than through a template.
enum HTML {
    /// Escapes text for HTML content and attribute values: `& < > " '`.
    static func escape(_ text: some StringProtocol) -> String {
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

    /// A `mailto:` link to `address` with nothing else: the address percent-encoded but for its `@`.
    static func mailto(_ address: String) -> String {
        "mailto:" + percentEncode(address, keeping: UInt8(ascii: "@"))
    }

    /// Percent-encodes text for a `mailto:` subject or body (RFC 6068): everything but unreserved
    /// characters is encoded, so no user text can add headers or break out of the link.
    static func percentEncode(_ text: String) -> String { percentEncode(text, keeping: nil) }

    /// Percent-encodes every byte but the unreserved characters (`A`–`Z`, `a`–`z`, `0`–`9`, `-._~`) and `kept`.
    /// Byte by byte into a string of the right capacity: a build encodes tens of thousands of links.
    private static func percentEncode(_ text: String, keeping kept: UInt8?) -> String {
        var text = text
        return text.withUTF8 { source in
            String(unsafeUninitializedCapacity: source.count * 3) { target in
                var count = 0
                for byte in source {
                    if unreserved[Int(byte)] || byte == kept {
                        target[count] = byte
                        count += 1
                    } else {
                        target[count] = UInt8(ascii: "%")
                        target[count + 1] = hexDigits[Int(byte >> 4)]
                        target[count + 2] = hexDigits[Int(byte & 0x0F)]
                        count += 3
                    }
                }
                return count
            }
        }
    }

    /// Whether each byte is an unreserved character of RFC 3986, which percent-encoding leaves as it is.
    private static let unreserved: [Bool] = (0..<256).map { value in
        switch UInt8(value) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            return true
        default: return false
        }
    }

    /// `0`–`9`, `A`–`F` as bytes, for `percentEncode`.
    private static let hexDigits = Array("0123456789ABCDEF".utf8)
}
