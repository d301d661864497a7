import Foundation

/// A small cursor over the UTF-8 bytes of a short text: an entry, a clock time, a range of core hours.
/// Offsets are in bytes while scanning; a failure's offset is turned into characters (`characterOffset`)
/// only when it is reported.
struct TextScanner {
    let bytes: [UInt8]
    private(set) var offset = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    /// The text from the cursor on.
    var rest: Substring { Substring(String(decoding: bytes[offset...], as: UTF8.self)) }

    /// The offset in characters of a byte offset.
    func characterOffset(_ byteOffset: Int) -> Int {
        let end = min(max(byteOffset, 0), bytes.count)
        if !bytes[..<end].contains(where: { $0 >= 0x80 }) { return end }
        return String(decoding: bytes[..<end], as: UTF8.self).count
    }

    mutating func advance(_ count: Int) { offset = min(bytes.count, offset + count) }

    mutating func skipSpaces() {
        while offset < bytes.count, bytes[offset] == 0x20 || bytes[offset] == 0x09 { offset += 1 }
    }

    /// The text up to the next space, without consuming it.
    func peekWord() -> String {
        var end = offset
        while end < bytes.count, bytes[end] != 0x20, bytes[end] != 0x09 { end += 1 }
        return String(decoding: bytes[offset..<end], as: UTF8.self)
    }

    mutating func consume(_ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard offset + needle.count <= bytes.count, bytes[offset..<(offset + needle.count)].elementsEqual(needle) else {
            return false
        }
        offset += needle.count
        return true
    }

    /// Consumes a whole word (followed by a space or the end), case-insensitively.
    mutating func consumeWord(_ word: String) -> Bool {
        let candidate = peekWord()
        guard candidate.lowercased() == word else { return false }
        offset += candidate.utf8.count
        return true
    }

    /// Consumes ASCII bytes while `predicate` holds, returning them as text.
    mutating func scanWhile(_ predicate: (UInt8) -> Bool) -> String {
        let start = offset
        while offset < bytes.count, bytes[offset] < 0x80, predicate(bytes[offset]) { offset += 1 }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    /// Scans `H:MM` or `HH:MM` with hours 0–23 and minutes 0–59, returning minutes after midnight.
    mutating func scanClock() -> Int? {
        var cursor = offset
        guard let (hours, hourDigits) = number(at: &cursor), (1...2).contains(hourDigits),
            cursor < bytes.count, bytes[cursor] == UInt8(ascii: ":")
        else { return nil }
        cursor += 1
        guard let (minutes, minuteDigits) = number(at: &cursor), minuteDigits == 2, hours < 24, minutes < 60 else {
            return nil
        }
        offset = cursor
        return hours * 60 + minutes
    }

    /// The ASCII digits at `cursor` as a number and how many there were (at most 9), moving past them.
    private func number(at cursor: inout Int) -> (Int, Int)? {
        var value = 0
        var count = 0
        while cursor < bytes.count, Self.isDigit(bytes[cursor]) {
            guard count < 9 else { return nil }
            value = value * 10 + Int(bytes[cursor] - 0x30)
            count += 1
            cursor += 1
        }
        return count > 0 ? (value, count) : nil
    }

    /// The common durations, read straight from the bytes: `45m`, `2h`, `1h30m` and `1h 30m` (any case),
    /// more than zero and at most 24 hours, with minutes after hours under 60. Anything else (decimal hours,
    /// mistakes) is left to `EntryParser.scanDuration`'s full rules and messages: nil, nothing consumed.
    mutating func scanPlainDuration() -> Int? {
        func isEnd(_ index: Int) -> Bool { index == bytes.count || bytes[index] == 0x20 || bytes[index] == 0x09 }
        func unit(_ index: Int) -> UInt8? { index < bytes.count ? bytes[index] | 0x20 : nil }
        var cursor = offset
        guard let (first, _) = number(at: &cursor) else { return nil }
        var minutes: Int
        switch unit(cursor) {
        case UInt8(ascii: "m"):
            cursor += 1
            guard isEnd(cursor) else { return nil }
            minutes = first
        case UInt8(ascii: "h"):
            cursor += 1
            minutes = first * 60
            if isEnd(cursor) {
                // `1h 30m`: a minutes word right after the hours belongs to them.
                var probe = cursor
                while probe < bytes.count, bytes[probe] == 0x20 || bytes[probe] == 0x09 { probe += 1 }
                let wordStart = probe
                if let (extra, _) = number(at: &probe), unit(probe) == UInt8(ascii: "m"), isEnd(probe + 1) {
                    guard extra < 60 else { return nil }
                    minutes += extra
                    cursor = probe + 1
                } else {
                    // A word that starts with digits but is not `NNm`: the full rules decide.
                    var digits = wordStart
                    if number(at: &digits) != nil { return nil }
                }
            } else {
                guard let (extra, _) = number(at: &cursor), unit(cursor) == UInt8(ascii: "m"), isEnd(cursor + 1),
                    extra < 60
                else { return nil }
                minutes += extra
                cursor += 1
            }
        default:
            return nil
        }
        guard minutes > 0, minutes <= 24 * 60 else { return nil }
        offset = cursor
        return minutes
    }

    /// Whether the text starts like a clock time that is out of range (`25:00`, `9:5`).
    func looksLikeBrokenClock() -> Bool {
        var probe = self
        let hours = probe.scanWhile(Self.isDigit)
        return !hours.isEmpty && probe.consume(":")
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
