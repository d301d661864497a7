/// Times and durations written the way people often type them (`90 mins`, `1.5hrs`, `9am-12.30pm`,
/// `09.30`, `18:00-25:00`), recognised only after the grammar refused them, so that the message can name
/// the exact text to write instead.
extension EntryParser {
    /// The "write … instead" failure for a time or duration at the scanner's cursor typed in a form outside
    /// the grammar, or nil when it is not one of those forms (the grammar's own message stands).
    static func typedForm(_ scanner: TextScanner) -> Failure? {
        let bytes = scanner.bytes
        let start = scanner.offset
        if let (written, suggestion) = typedDuration(bytes, from: start) {
            return Failure(
                offset: start,
                message:
                    "write `\(suggestion)` instead of `\(written)`: a duration is a number with `h` or `m` straight after it"
            )
        }
        return typedClockRange(bytes, from: start)
    }

    /// Minutes typed after whole hours the grammar read (`1h 30mins`, `2h 15 min`), which would otherwise
    /// start the description and go unbilled: the failure naming the duration to write.
    static func typedMinutesAfterHours(from start: Int, to scanner: TextScanner) -> Failure? {
        let bytes = scanner.bytes
        var index = scanner.offset
        guard index > start, (bytes[index - 1] | 0x20) == UInt8(ascii: "h"),
            bytes[start..<(index - 1)].allSatisfy(TextScanner.isDigit)
        else { return nil }
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        guard index < bytes.count, TextScanner.isDigit(bytes[index]),
            let minutes = typedNumberAndUnit(bytes, from: index),
            !minutes.isHours, minutes.written, let value = Int(minutes.number), value < 60
        else { return nil }
        let hours = String(decoding: bytes[start..<(scanner.offset - 1)], as: UTF8.self)
        let written = String(decoding: bytes[start..<minutes.end], as: UTF8.self)
        return Failure(
            offset: start,
            message:
                "write `\(hours)h\(minutes.number)m` instead of `\(written)`: a duration is a number with `h` or `m` straight after it"
        )
    }

    /// A duration with a spelled-out or spaced unit (`90 mins`, `1 hr`, `1.5hrs`, `1 hr 30 mins`): the text
    /// as written and the grammar's form of it.
    private static func typedDuration(_ bytes: [UInt8], from start: Int) -> (written: String, suggestion: String)? {
        guard let first = typedNumberAndUnit(bytes, from: start) else { return nil }
        var suggestion = first.number + (first.isHours ? "h" : "m")
        var end = first.end
        if first.isHours, !first.number.contains(".") {
            // `1 hr 30 mins`: minutes after the hours belong to them.
            var probe = end
            while probe < bytes.count, bytes[probe] == 0x20 { probe += 1 }
            if let minutes = typedNumberAndUnit(bytes, from: probe), !minutes.isHours, let value = Int(minutes.number),
                value < 60,
                minutes.written || first.written
            {
                suggestion += minutes.number + "m"
                end = minutes.end
                return (String(decoding: bytes[start..<end], as: UTF8.self), suggestion)
            }
        }
        // `2h` and `45m` as they are written are the grammar's own: not a typed form.
        guard first.written else { return nil }
        return (String(decoding: bytes[start..<end], as: UTF8.self), suggestion)
    }

    /// A number (`90`, `1.5`) then a unit of hours or minutes, with where it ends and whether it is written
    /// outside the grammar (a space before the unit, or a unit longer than `h` or `m`).
    private static func typedNumberAndUnit(_ bytes: [UInt8], from start: Int)
        -> (number: String, isHours: Bool, end: Int, written: Bool)?
    {
        var index = start
        while index < bytes.count, TextScanner.isDigit(bytes[index]) { index += 1 }
        guard index > start else { return nil }
        if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "."), TextScanner.isDigit(bytes[index + 1]) {
            index += 1
            while index < bytes.count, TextScanner.isDigit(bytes[index]) { index += 1 }
        }
        let number = String(decoding: bytes[start..<index], as: UTF8.self)
        var unitStart = index
        while unitStart < bytes.count, bytes[unitStart] == 0x20 { unitStart += 1 }
        var unitEnd = unitStart
        while unitEnd < bytes.count, (bytes[unitEnd] | 0x20) >= 0x61, (bytes[unitEnd] | 0x20) <= 0x7A { unitEnd += 1 }
        guard unitEnd > unitStart, unitEnd == bytes.count || bytes[unitEnd] == 0x20 || bytes[unitEnd] == 0x09 else {
            return nil
        }
        let unit = String(decoding: bytes[unitStart..<unitEnd], as: UTF8.self).lowercased()
        let isHours: Bool
        switch unit {
        case "h", "hr", "hrs", "hour", "hours": isHours = true
        case "m", "min", "mins", "minute", "minutes":
            guard !number.contains(".") else { return nil }
            isHours = false
        default: return nil
        }
        return (number, isHours, unitEnd, unitStart > index || unit.count > 1)
    }

    /// A clock time read loosely: `9`, `09.30`, `9:30`, `9am`, `12.30pm`, `25:00`.
    private struct TypedClock {
        /// Minutes after midnight, on the 24-hour clock.
        var minute: Int
        /// Where it starts and ends in the bytes.
        var start: Int
        var end: Int
        /// Whether it is the grammar's own `H:MM`/`HH:MM` with hours 00–23.
        var isGrammar: Bool
        /// Whether its hours were 24 or more (a time past midnight written as the day's).
        var pastMidnight: Bool
    }

    private static func typedClock(_ bytes: [UInt8], from start: Int) -> TypedClock? {
        var index = start
        var hours = 0
        while index < bytes.count, index - start < 2, TextScanner.isDigit(bytes[index]) {
            hours = hours * 10 + Int(bytes[index] - 0x30)
            index += 1
        }
        guard index > start, index == bytes.count || !TextScanner.isDigit(bytes[index]) else { return nil }
        var minutes = 0
        var separator: UInt8?
        if index + 2 < bytes.count, bytes[index] == UInt8(ascii: ":") || bytes[index] == UInt8(ascii: "."),
            TextScanner.isDigit(bytes[index + 1]), TextScanner.isDigit(bytes[index + 2]),
            index + 3 == bytes.count || !TextScanner.isDigit(bytes[index + 3])
        {
            separator = bytes[index]
            minutes = Int(bytes[index + 1] - 0x30) * 10 + Int(bytes[index + 2] - 0x30)
            index += 3
        }
        // `am` or `pm`, straight after or after one space, then no letter.
        var meridiem: UInt8?
        var probe = index
        if probe < bytes.count, bytes[probe] == 0x20 { probe += 1 }
        if probe + 1 < bytes.count,
            (bytes[probe] | 0x20) == UInt8(ascii: "a") || (bytes[probe] | 0x20) == UInt8(ascii: "p"),
            (bytes[probe + 1] | 0x20) == UInt8(ascii: "m"),
            probe + 2 == bytes.count || !((bytes[probe + 2] | 0x20) >= 0x61 && (bytes[probe + 2] | 0x20) <= 0x7A)
        {
            meridiem = bytes[probe] | 0x20
            index = probe + 2
        }
        // A letter straight after (`1.33h`) makes it something else.
        guard minutes < 60, separator != nil || meridiem != nil,
            index == bytes.count || !((bytes[index] | 0x20) >= 0x61 && (bytes[index] | 0x20) <= 0x7A)
        else { return nil }
        if let meridiem {
            guard (1...12).contains(hours) else { return nil }
            hours = hours % 12 + (meridiem == UInt8(ascii: "p") ? 12 : 0)
            return TypedClock(
                minute: hours * 60 + minutes, start: start, end: index, isGrammar: false, pastMidnight: false)
        }
        guard hours < 48 else { return nil }
        return TypedClock(
            minute: hours % 24 * 60 + minutes, start: start, end: index,
            isGrammar: separator == UInt8(ascii: ":") && hours < 24, pastMidnight: hours >= 24)
    }

    /// A clock range (or a single time) typed outside the grammar: the failure naming the range to write,
    /// at the first time that needs rewriting.
    private static func typedClockRange(_ bytes: [UInt8], from start: Int) -> Failure? {
        guard let first = typedClock(bytes, from: start) else { return nil }
        var times = [first]
        var index = first.end
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
        var separated = false
        for dash in ["-", "–", "—", "to "] where bytes[index...].starts(with: Array(dash.utf8)) {
            index += dash.utf8.count
            separated = true
            break
        }
        if separated {
            while index < bytes.count, bytes[index] == 0x20 { index += 1 }
            if let second = typedClock(bytes, from: index) { times.append(second) }
        }
        guard let rewritten = times.first(where: { !$0.isGrammar }) else { return nil }
        let written = String(decoding: bytes[start..<times.last!.end], as: UTF8.self)
        let suggestion = times.map { clockText($0.minute) }.joined(separator: "-")
        let why =
            times.contains(where: \.pastMidnight)
            ? "a time has hours 00–23, and a range whose end is before its start crosses midnight"
            : "times are written on the 24-hour clock as HH:MM, with a colon"
        return Failure(offset: rewritten.start, message: "write `\(suggestion)` instead of `\(written)`: \(why)")
    }
}
