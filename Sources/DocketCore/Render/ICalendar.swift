import Foundation

/// Calendar files (RFC 5545): a `VCALENDAR` of all-day `VEVENT`s, lines ended by CRLF and folded at 75
/// octets, text values escaped.
enum ICalendar {
    /// A calendar named `name` holding `events`, each stamped with `stamp` (the build's date: one `DTSTAMP`
    /// for the whole file, so that the same content on the same day gives the same bytes).
    static func text(name: String, events: [CalendarEvent], stamp: CalendarDate) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Docket//Docket calendar//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:\(escape(name))",
        ]
        let stampText = "\(compact(stamp))T000000Z"
        for event in events {
            lines += [
                "BEGIN:VEVENT",
                "UID:\(event.uid)",
                "DTSTAMP:\(stampText)",
                "DTSTART;VALUE=DATE:\(compact(event.date))",
                "DTEND;VALUE=DATE:\(compact(event.date.adding(days: 1)))",
                "SUMMARY:\(escape(event.summary))",
            ]
            if !event.description.isEmpty { lines.append("DESCRIPTION:\(escape(event.description))") }
            lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        var text = ""
        text.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 4 })
        for line in lines {
            text += fold(line)
            text += "\r\n"
        }
        return text
    }

    /// A date as `YYYYMMDD`.
    static func compact(_ date: CalendarDate) -> String {
        var text = date.description  // `YYYY-MM-DD`
        text.removeAll { $0 == "-" }
        return text
    }

    /// A TEXT value escaped (RFC 5545 §3.3.11): backslash, semicolon and comma with a backslash, a line break
    /// as `\n`; other control characters, which a TEXT value may not hold, dropped. `<` and `>` become `‹` and
    /// `›`, since some calendar apps show a description as HTML.
    static func escape(_ text: String) -> String {
        // Nearly every text needs nothing escaped: it is returned as it is.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || Self.isEscaped[Int($0)] }) { return text }
        // Byte by byte: every byte escaped is ASCII, and the bytes of other characters (0x80 and up) pass.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        var lastWasCR = false
        for byte in text.utf8 {
            defer { lastWasCR = byte == 0x0D }
            switch byte {
            case 0x5C, 0x3B, 0x2C: bytes += [0x5C, byte]  // \\ \; \,
            case 0x3C: bytes += Array("‹".utf8)
            case 0x3E: bytes += Array("›".utf8)
            case 0x0A: if !lastWasCR { bytes += [0x5C, UInt8(ascii: "n")] }
            case 0x0D: bytes += [0x5C, UInt8(ascii: "n")]
            case 0..<0x20, 0x7F: continue
            default: bytes.append(byte)
            }
        }
        let result = String(decoding: bytes, as: UTF8.self)
        return result
    }

    /// Whether `escape` changes a byte, by byte: `\`, `;`, `,`, `<`, `>`.
    private static let isEscaped: [Bool] = (0..<256).map { [0x5C, 0x3B, 0x2C, 0x3C, 0x3E].contains($0) }

    /// A content line folded (RFC 5545 §3.1): no line longer than 75 octets, each continuation starting with
    /// one space, never splitting a UTF-8 character. Lines joined by CRLF, with no final one.
    static func fold(_ line: String) -> String {
        if line.utf8.count <= 75 { return line }
        var line = line
        return line.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + bytes.count / 37 * 3)
            var current = 0
            var index = 0
            while index < bytes.count {
                // One character's bytes, counted from its first (valid UTF-8: a Swift string's always is).
                let first = bytes[index]
                let size = first < 0xC0 ? 1 : first < 0xE0 ? 2 : first < 0xF0 ? 3 : 4
                if current + size > 75 {
                    output += [0x0D, 0x0A, 0x20]
                    current = 1
                }
                output += bytes[index..<min(index + size, bytes.count)]
                current += size
                index += size
            }
            return String(decoding: output, as: UTF8.self)
        }
    }
}
