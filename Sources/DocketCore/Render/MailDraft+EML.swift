import Foundation

/// A `MailDraft` as an `.eml` file: an unsent RFC 5322 message that mail programs open as a draft.
extension MailDraft {
    /// The message: `From`, `To`, `Subject` (RFC 2047 encoded-words when not ASCII), `Date` (noon UTC on
    /// `date`), MIME headers for UTF-8 text in quoted-printable, `X-Unsent: 1`, then the body; every line
    /// ends with CRLF and none is longer than 78 characters, except a header holding a long address.
    func eml(from sender: String, date: CalendarDate) -> String {
        var lines = [
            "From: \(Self.address(sender))",
            "To: \(to)",
            "Subject: \(Self.encodedHeader(subject))",
            "Date: \(Self.rfc5322(date))",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "X-Unsent: 1",
            "",
        ]
        lines += Self.quotedPrintable(body)
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// `Mon, 30 Nov 2026 12:00:00 +0000`.
    static func rfc5322(_ date: CalendarDate) -> String {
        "\(date.weekday.abbreviation), \(date.day) \(YearMonth.shortMonthNames[date.month - 1]) \(date.year) 12:00:00 +0000"
    }

    /// A header value: as it is when it is printable ASCII and short, else RFC 2047 encoded-words (`=?utf-8?B?…?=`,
    /// each at most 36 bytes of text, never splitting a character) folded onto lines of their own.
    static func encodedHeader(_ text: String) -> String {
        let line = oneLine(text)
        if line.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }), line.utf8.count <= 66, !line.contains("=?") {
            return line
        }
        var words: [String] = []
        var chunk = ""
        for character in line {
            if chunk.utf8.count + character.utf8.count > 36 {
                words.append(chunk)
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?utf-8?B?\(Data($0.utf8).base64EncodedString())?=" }.joined(separator: "\r\n ")
    }

    /// The body in quoted-printable (RFC 2045): one output line per line of text (ending with `\n`, `\r\n`
    /// or `\r`), each byte that is not printable ASCII (and `=`) written `=XX`, a space or tab at the end of
    /// a line too, and soft line breaks (`=`) keeping every line to 76 characters.
    static func quotedPrintable(_ text: String) -> [String] {
        let hex = Array("0123456789ABCDEF".utf8)
        var lines: [String] = []
        var line: [UInt8] = []
        var bytes = Array(text.utf8)
        if bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        var index = 0
        line.reserveCapacity(80)
        // One byte as it is, or three (`=XX`), kept on the line or after a soft line break; appended byte by
        // byte, with no array made for each (this runs for every byte of every draft).
        func emit(_ first: UInt8, _ second: UInt8 = 0, _ third: UInt8 = 0, count: Int = 1) {
            if line.count + count > 75 {
                line.append(UInt8(ascii: "="))
                lines.append(String(decoding: line, as: UTF8.self))
                line.removeAll(keepingCapacity: true)
            }
            line.append(first)
            if count == 3 {
                line.append(second)
                line.append(third)
            }
        }
        while index <= bytes.count {
            let byte = index < bytes.count ? bytes[index] : UInt8(ascii: "\n")
            index += 1
            if byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n") {
                if byte == UInt8(ascii: "\r"), index < bytes.count, bytes[index] == UInt8(ascii: "\n") { index += 1 }
                lines.append(String(decoding: line, as: UTF8.self))
                line.removeAll(keepingCapacity: true)
                continue
            }
            let atEnd = index >= bytes.count || bytes[index] == UInt8(ascii: "\r") || bytes[index] == UInt8(ascii: "\n")
            if (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || ((byte == 32 || byte == 9) && !atEnd) {
                emit(byte)
            } else {
                emit(UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)], count: 3)
            }
        }
        return lines
    }
}
