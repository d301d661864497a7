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
        return lines.map { fold($0) + "\r\n" }.joined()
    }

    /// A date as `YYYYMMDD`.
    static func compact(_ date: CalendarDate) -> String {
        date.description.replacingOccurrences(of: "-", with: "")
    }

    /// A TEXT value escaped (RFC 5545 §3.3.11): backslash, semicolon and comma with a backslash, a line break
    /// as `\n`; other control characters, which a TEXT value may not hold, dropped. `<` and `>` become `‹` and
    /// `›`, since some calendar apps show a description as HTML.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var lastWasCR = false
        for scalar in text.unicodeScalars {
            defer { lastWasCR = scalar == "\r" }
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "<": result += "‹"
            case ">": result += "›"
            case "\n": if !lastWasCR { result += "\\n" }
            case "\r": result += "\\n"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A content line folded (RFC 5545 §3.1): no line longer than 75 octets, each continuation starting with
    /// one space, never splitting a UTF-8 character. Lines joined by CRLF, with no final one.
    static func fold(_ line: String) -> String {
        var output = ""
        var current = 0
        for character in line.unicodeScalars {
            let size = String(character).utf8.count
            if current + size > 75 {
                output += "\r\n "
                current = 1
            }
            output.unicodeScalars.append(character)
            current += size
        }
        return output
    }
}
