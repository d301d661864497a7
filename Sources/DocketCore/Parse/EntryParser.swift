/// Parses the text of one timesheet entry: `[kind] quantity description #tags`.
///
/// The grammar is in docs/content-format.md. Errors carry the 0-based character offset in the text of
/// what was wrong, so the caller can turn it into a column.
public enum EntryParser {
    /// An entry's text parsed, before it is given its day.
    public struct Parsed: Sendable, Equatable {
        /// Kind and quantity.
        public var kind: EntryKind
        /// The description without tags.
        public var description: String
        /// Tags, lowercased.
        public var tags: [String]
    }

    /// A parse failure: a message naming what was expected, and where in the text.
    public struct Failure: Error, Sendable, Equatable {
        /// 0-based character offset in the entry text.
        public var offset: Int
        /// What was wrong and what was expected.
        public var message: String
    }

    /// Parses one entry's text for a business that bills in `currency`.
    public static func parse(_ text: String, currency: Currency) -> Result<Parsed, Failure> {
        var scanner = Scanner(text)
        scanner.skipSpaces()
        let kindStart = scanner.offset
        // Most entries start with a digit (a time or duration): no kind word to look at.
        let startsWithDigit = scanner.offset < scanner.bytes.count && Scanner.isDigit(scanner.bytes[scanner.offset])
        let firstWord = startsWithDigit ? "" : scanner.peekWord().lowercased()
        let kindWord: String?
        switch firstWord {
        case "travel", "mileage", "expense":
            kindWord = firstWord
            scanner.advance(firstWord.utf8.count)
            scanner.skipSpaces()
        default:
            kindWord = nil
        }
        let quantityStart = scanner.offset
        do {
            let kind: EntryKind
            switch kindWord {
            case "travel":
                kind = .travel(try parseTimeSpan(&scanner, for: "travel"))
            case "mileage":
                kind = .mileage(try parseDistance(&scanner))
            case "expense":
                kind = .expense(try parseExpense(&scanner, currency: currency))
            default:
                kind = .work(try parseTimeSpan(&scanner, for: "work"))
            }
            let descriptionStart = scanner.offset
            if descriptionStart < scanner.bytes.count, scanner.bytes[descriptionStart] != 0x20, scanner.bytes[descriptionStart] != 0x09,
               let first = scanner.rest.first {
                throw Failure(offset: descriptionStart,
                              message: "expected a space between the quantity and the description, found `\(first)`")
            }
            // The description and tags, from the bytes when they are ASCII (most entries).
            let isASCII = !scanner.bytes[descriptionStart...].contains { $0 >= 0x80 }
            let (description, tags) = isASCII
                ? scanner.bytes.withUnsafeBufferPointer { splitASCIITags(UnsafeBufferPointer(rebasing: $0[descriptionStart...])) }
                : splitTags(String(scanner.rest))
            if description.isEmpty {
                let what = kindWord ?? "work"
                throw Failure(offset: kindStart,
                              message: "expected a description of the \(what) after the quantity")
            }
            return .success(Parsed(kind: kind, description: description, tags: tags))
        } catch let failure as Failure {
            return .failure(Failure(offset: scanner.characterOffset(failure.offset), message: failure.message))
        } catch {
            return .failure(Failure(offset: scanner.characterOffset(quantityStart), message: "\(error)"))
        }
    }

    /// Splits `#tag` words out of a description. A tag is `#` then a letter, then letters, digits, `-`, `_`.
    public static func splitTags(_ text: String) -> (String, [String]) {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { splitASCIITags($0) }
        }
        var words: [Substring] = []
        var tags: [String] = []
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            if isTag(word) {
                let tag = word.dropFirst().lowercased()
                if !tags.contains(tag) { tags.append(tag) }
            } else {
                words.append(word)
            }
        }
        return (words.joined(separator: " "), tags)
    }

    /// `splitTags` for ASCII text, on bytes (most entries): the same words and tags.
    static func splitASCIITags(_ bytes: UnsafeBufferPointer<UInt8>) -> (String, [String]) {
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        var tags: [String] = []
        // The words that are not tags are copied straight into the description's own storage, one space
        // between them (no byte array in between).
        let description = String(unsafeUninitializedCapacity: bytes.count) { output in
            var length = 0
            var index = 0
            while index < bytes.count {
                while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
                let start = index
                var isTag = index + 1 < bytes.count && bytes[index] == UInt8(ascii: "#") && isLetter(bytes[index + 1])
                while index < bytes.count, bytes[index] != 0x20, bytes[index] != 0x09 {
                    if isTag, index > start {
                        let byte = bytes[index]
                        isTag = isLetter(byte) || Scanner.isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
                    }
                    index += 1
                }
                guard index > start else { continue }
                if isTag {
                    // Lowercased as it is copied into the new string.
                    let tag = String(unsafeUninitializedCapacity: index - start - 1) { buffer in
                        for offset in 0..<(index - start - 1) {
                            let byte = bytes[start + 1 + offset]
                            buffer[offset] = isLetter(byte) ? byte | 0x20 : byte
                        }
                        return index - start - 1
                    }
                    if !tags.contains(tag) { tags.append(tag) }
                } else {
                    if length > 0 {
                        output[length] = 0x20
                        length += 1
                    }
                    (output.baseAddress! + length).update(from: bytes.baseAddress! + start, count: index - start)
                    length += index - start
                }
            }
            return length
        }
        return (description, tags)
    }

    static func isTag(_ word: Substring) -> Bool {
        guard word.count >= 2, word.first == "#", let second = word.dropFirst().first, second.isLetter else {
            return false
        }
        return word.dropFirst().allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    }

    // MARK: - Quantities

    /// Parses a clock range or a duration; one the grammar refuses but that is typed in a common form
    /// (`90 mins`, `9am-12.30pm`) gets the message naming the text to write instead.
    static func parseTimeSpan(_ scanner: inout Scanner, for what: String) throws -> TimeSpan {
        let before = scanner
        do {
            let span = try parseGrammarTimeSpan(&scanner, for: what)
            if let typed = typedMinutesAfterHours(from: before.offset, to: scanner) { throw typed }
            return span
        } catch let failure as Failure {
            throw typedForm(before) ?? failure
        }
    }

    /// Parses a clock range or a duration by the grammar.
    private static func parseGrammarTimeSpan(_ scanner: inout Scanner, for what: String) throws -> TimeSpan {
        let start = scanner.offset
        if let startMinute = scanner.scanClock() {
            var probe = scanner
            probe.skipSpaces()
            var separated = false
            if probe.consume("-") || probe.consume("–") || probe.consume("—") {
                separated = true
            } else if probe.consumeWord("to") {
                separated = true
            }
            guard separated else {
                throw Failure(offset: scanner.offset,
                              message: "expected the end of the time range after \(clockText(startMinute)), like `09:00-10:30`")
            }
            probe.skipSpaces()
            let endOffset = probe.offset
            guard let endMinute = probe.scanClock() else {
                throw Failure(offset: endOffset,
                              message: "expected an end time HH:MM (00:00 to 23:59) in the time range, like `09:00-10:30`")
            }
            scanner = probe
            if endMinute == startMinute {
                throw Failure(offset: start,
                              message: "the time range \(clockText(startMinute))-\(clockText(endMinute)) ends when it starts; expected an end time after the start")
            }
            let end = endMinute < startMinute ? endMinute + 1440 : endMinute
            return .range(start: startMinute, end: end)
        }
        if scanner.looksLikeBrokenClock() {
            throw Failure(offset: start,
                          message: "expected a time range HH:MM-HH:MM with hours 00–23 and minutes 00–59, like `09:00-10:30`")
        }
        if let minutes = try scanDuration(&scanner) {
            return .duration(minutes)
        }
        let word = scanner.peekWord()
        let found = word.isEmpty ? "nothing" : "`\(word)`"
        throw Failure(offset: start,
                      message: "expected the \(what) time as a range like `09:00-10:30` or a duration like `1h30m`, `45m` or `1.5h`, found \(found)")
    }

    /// Parses `2h`, `45m`, `1h30m`, `1h 30m`, `1.5h`. Returns nil when the text does not start like one.
    static func scanDuration(_ scanner: inout Scanner) throws -> Int? {
        if let minutes = scanner.scanPlainDuration() { return minutes }
        return try scanDurationByRules(&scanner)
    }

    /// `scanDuration` by the full rules, with their error messages (the fast path gives the same answers).
    static func scanDurationByRules(_ scanner: inout Scanner) throws -> Int? {
        let start = scanner.offset
        let token = scanner.peekWord()
        guard let first = token.first, first.isASCIIDigit || first == "." else { return nil }
        var minutes: Int
        let lower = token.lowercased()
        if lower.hasSuffix("m"), !lower.contains("h") {
            let number = lower.dropLast()
            guard !number.isEmpty, number.allSatisfy(\.isASCIIDigit), let value = Int(number) else {
                throw Failure(offset: start, message: "expected a whole number of minutes like `45m`, found `\(token)`")
            }
            minutes = value
            scanner.advance(token.utf8.count)
        } else if let hIndex = lower.firstIndex(of: "h") {
            let hoursText = lower[lower.startIndex..<hIndex]
            let after = lower[lower.index(after: hIndex)...]
            guard let hours = FixedDecimal.parse(hoursText), !hours.negative else {
                throw Failure(offset: start, message: "expected a duration like `2h`, `1h30m` or `1.5h`, found `\(token)`")
            }
            // hours × 60 must be a whole number of minutes.
            var scale = 1
            for _ in 0..<hours.scale { scale *= 10 }
            guard (hours.digits * 60) % scale == 0 else {
                throw Failure(offset: start,
                              message: "`\(token)` is not a whole number of minutes; expected decimal hours such as `0.25h` or `1.5h`, or write `1h20m`")
            }
            minutes = hours.digits * 60 / scale
            var extra = Substring(after)
            scanner.advance(token.utf8.count)
            if extra.isEmpty, hours.scale == 0 {
                // `1h 30m`: a minutes word right after an hours word belongs to it.
                var probe = scanner
                probe.skipSpaces()
                let next = probe.peekWord().lowercased()
                if next.count >= 2, next.hasSuffix("m"), next.dropLast().allSatisfy(\.isASCIIDigit) {
                    extra = Substring(next)
                    probe.advance(next.utf8.count)
                    scanner = probe
                }
            }
            if !extra.isEmpty {
                guard hours.scale == 0, extra.hasSuffix("m"), extra.count >= 2,
                      extra.dropLast().allSatisfy(\.isASCIIDigit), let extraMinutes = Int(extra.dropLast()) else {
                    throw Failure(offset: start, message: "expected a duration like `2h`, `1h30m` or `1.5h`, found `\(token)`")
                }
                guard extraMinutes < 60 else {
                    throw Failure(offset: start, message: "`\(token)`: expected minutes 0–59 after the hours")
                }
                minutes += extraMinutes
            }
        } else {
            throw Failure(offset: start,
                          message: "expected a duration with a unit like `2h`, `45m`, `1h30m` or `1.5h`, found `\(token)`")
        }
        guard minutes > 0 else {
            throw Failure(offset: start, message: "a duration of zero minutes; expected a time greater than zero")
        }
        guard minutes <= 24 * 60 else {
            throw Failure(offset: start, message: "`\(token)` is more than 24 hours in one entry; expected one entry per day's stretch of work")
        }
        return minutes
    }

    /// Parses `46mi`, `46 mi`, `12.5km`.
    static func parseDistance(_ scanner: inout Scanner) throws -> Distance {
        let start = scanner.offset
        let number = scanner.scanWhile { Scanner.isDigit($0) || $0 == UInt8(ascii: ".") }
        guard !number.isEmpty else {
            let word = scanner.peekWord()
            throw Failure(offset: start, message: "expected a distance like `46mi` or `12.5km`, found \(word.isEmpty ? "nothing" : "`\(word)`")")
        }
        guard let value = FixedDecimal.parse(number), value.scale <= 3 else {
            throw Failure(offset: start, message: "expected a distance like `46mi` or `12.5km` (at most three decimals), found `\(number)`")
        }
        var probe = scanner
        probe.skipSpaces()
        let unitOffset = probe.offset
        let unitWord = probe.peekWord()
        guard let unit = DistanceUnit(rawValue: unitWord.lowercased()) else {
            if unitWord.isEmpty || scanner.offset == unitOffset && !scanner.rest.isEmpty && scanner.rest.first == " " {
                throw Failure(offset: unitOffset, message: "expected a distance unit after \(number): `mi` or `km`")
            }
            throw Failure(offset: unitOffset, message: "unknown distance unit `\(unitWord)`; expected `mi` or `km`")
        }
        probe.advance(unitWord.utf8.count)
        scanner = probe
        guard value.digits > 0 else {
            throw Failure(offset: start, message: "a distance of zero; expected a distance greater than zero")
        }
        return Distance(thousandths: value.scaled(to: 3), unit: unit)
    }

    /// Parses `12.50`, `£12.50`, `GBP 12.50`, `12.50 GBP`.
    static func parseExpense(_ scanner: inout Scanner, currency: Currency) throws -> MinorUnits {
        let start = scanner.offset
        var marker: String?
        // An amount written first (most expenses) has no currency marker before it: no symbol or code starts
        // with a digit.
        let startsWithDigit = start < scanner.bytes.count && Scanner.isDigit(scanner.bytes[start])
        if !startsWithDigit {
            let upperRest = scanner.rest.uppercased()
            marker = currency.markersLongestFirst.first { upperRest.hasPrefix($0.uppercased()) }
        }
        if marker == nil, !startsWithDigit {
            let word = scanner.peekWord()
            let letters = word.prefix { $0.isLetter }
            if letters.count == 3, Currency.isKnownCode(letters) {
                marker = String(letters)
            }
        }
        if let marker {
            let written = String(scanner.rest.prefix(marker.count))
            if !currency.markers.contains(where: { $0.uppercased() == written.uppercased() }) {
                throw Failure(offset: start,
                              message: "an expense in another currency (`\(written)`); expected an amount in \(currency.code), the client's currency — convert it and write the \(currency.code) amount")
            }
            scanner.advance(written.utf8.count)
            scanner.skipSpaces()
        }
        let amountOffset = scanner.offset
        let number = scanner.scanWhile { Scanner.isDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") }
        guard !number.isEmpty else {
            let word = scanner.peekWord()
            throw Failure(offset: amountOffset,
                          message: "expected an amount like `12.50` or `\(currency.symbol ?? currency.code)12.50`, found \(word.isEmpty ? "nothing" : "`\(word)`")")
        }
        guard let amount = MoneyFormat.parse(number, currency: currency) else {
            throw Failure(offset: amountOffset,
                          message: "expected an amount with at most \(currency.minorDigits) decimals like `12.50`, found `\(number)`")
        }
        if marker == nil {
            var probe = scanner
            probe.skipSpaces()
            let word = probe.peekWord()
            if word.count == 3, word.allSatisfy(\.isUppercase), Currency.isKnownCode(word) {
                guard word == currency.code else {
                    throw Failure(offset: probe.offset,
                                  message: "an expense in another currency (`\(word)`); expected an amount in \(currency.code), the client's currency — convert it and write the \(currency.code) amount")
                }
                probe.advance(3)
                scanner = probe
            }
        }
        guard amount > 0 else {
            throw Failure(offset: amountOffset, message: "an expense of zero; expected an amount greater than zero")
        }
        return amount
    }

    /// `09:05`.
    static func clockText(_ minute: Int) -> String {
        ShortText.make { text in
            text.number(minute / 60 % 24, width: 2)
            text.byte(UInt8(ascii: ":"))
            text.number(minute % 60, width: 2)
        }
    }
}

/// A small cursor over the UTF-8 bytes of an entry's text. Offsets are in bytes while scanning; a failure's
/// offset is turned into characters (`characterOffset`) only when it is reported.
struct Scanner {
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
              cursor < bytes.count, bytes[cursor] == UInt8(ascii: ":") else { return nil }
        cursor += 1
        guard let (minutes, minuteDigits) = number(at: &cursor), minuteDigits == 2, hours < 24, minutes < 60 else { return nil }
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
                      extra < 60 else { return nil }
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
