/// How figures are written for people on the pages.
enum Formatting {
    /// Minutes as hours and minutes: `12h 30m`, `45m`, `3h`, `0h`.
    static func duration(_ minutes: Int) -> String {
        ShortText.make { text in
            let magnitude = Int(minutes.magnitude)
            let hours = magnitude / 60
            let rest = magnitude % 60
            if hours == 0 && rest == 0 {
                text.text("0h")
                return
            }
            if minutes < 0 { text.byte(UInt8(ascii: "-")) }
            if hours > 0 {
                text.number(hours)
                text.byte(UInt8(ascii: "h"))
                if rest == 0 { return }
                text.byte(UInt8(ascii: " "))
                text.number(rest, width: 2)
            } else {
                text.number(rest)
            }
            text.byte(UInt8(ascii: "m"))
        }
    }

    /// A clock range or a duration as the VA wrote it: `09:00–10:30`, `23:00–01:00 (next day)`, `1h 15m`.
    static func span(_ span: TimeSpan) -> String {
        switch span {
        case .range(let start, let end):
            let text = "\(EntryParser.clockText(start))–\(EntryParser.clockText(end))"
            return end > 1440 ? text + " (next day)" : text
        case .duration(let minutes):
            return duration(minutes)
        }
    }

    /// A share of a whole as a whole percentage, capped at 100: used for bar widths.
    static func percent(_ part: Int, of whole: Int) -> Int {
        guard whole > 0 else { return part > 0 ? 100 : 0 }
        return min(100, max(0, (part * 100 + whole / 2) / whole))
    }
}
