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
        "mailto:\(percentEncode(address).replacingOccurrences(of: "%40", with: "@"))"
    }

    /// Percent-encodes text for a `mailto:` subject or body (RFC 6068): everything but unreserved
    /// characters is encoded, so no user text can add headers or break out of the link.
    static func percentEncode(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count * 3)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                bytes.append(byte)
            default:
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hexDigits[Int(byte >> 4)])
                bytes.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `0`–`9`, `A`–`F` as bytes, for `percentEncode`.
    private static let hexDigits = Array("0123456789ABCDEF".utf8)
}
