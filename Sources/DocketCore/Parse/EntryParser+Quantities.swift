import Foundation

/// The quantities of an entry: clock ranges, durations, distances and amounts.
extension EntryParser {
    /// Parses a clock range or a duration; one the grammar refuses but that is typed in a common form
    /// (`90 mins`, `9am-12.30pm`) gets the message naming the text to write instead.
    static func parseTimeSpan(_ scanner: inout TextScanner, for what: String) throws -> TimeSpan {
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
    private static func parseGrammarTimeSpan(_ scanner: inout TextScanner, for what: String) throws -> TimeSpan {
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
                throw Failure(
                    offset: scanner.offset,
                    message: "expected the end of the time range after \(clockText(startMinute)), like `09:00-10:30`")
            }
            probe.skipSpaces()
            let endOffset = probe.offset
            guard let endMinute = probe.scanClock() else {
                throw Failure(
                    offset: endOffset,
                    message: "expected an end time HH:MM (00:00 to 23:59) in the time range, like `09:00-10:30`")
            }
            scanner = probe
            if endMinute == startMinute {
                throw Failure(
                    offset: start,
                    message:
                        "the time range \(clockText(startMinute))-\(clockText(endMinute)) ends when it starts; expected an end time after the start"
                )
            }
            let end = endMinute < startMinute ? endMinute + 1440 : endMinute
            return .range(start: startMinute, end: end)
        }
        if scanner.looksLikeBrokenClock() {
            throw Failure(
                offset: start,
                message: "expected a time range HH:MM-HH:MM with hours 00–23 and minutes 00–59, like `09:00-10:30`")
        }
        if let minutes = try scanDuration(&scanner) {
            return .duration(minutes)
        }
        let word = scanner.peekWord()
        let found = word.isEmpty ? "nothing" : "`\(word)`"
        throw Failure(
            offset: start,
            message:
                "expected the \(what) time as a range like `09:00-10:30` or a duration like `1h30m`, `45m` or `1.5h`, found \(found)"
        )
    }

    /// Parses `2h`, `45m`, `1h30m`, `1h 30m`, `1.5h`. Returns nil when the text does not start like one.
    static func scanDuration(_ scanner: inout TextScanner) throws -> Int? {
        if let minutes = scanner.scanPlainDuration() { return minutes }
        return try scanDurationByRules(&scanner)
    }

    /// `scanDuration` by the full rules, with their error messages (the fast path gives the same answers).
    static func scanDurationByRules(_ scanner: inout TextScanner) throws -> Int? {
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
                throw Failure(
                    offset: start, message: "expected a duration like `2h`, `1h30m` or `1.5h`, found `\(token)`")
            }
            // hours × 60 must be a whole number of minutes.
            var scale = 1
            for _ in 0..<hours.scale { scale *= 10 }
            guard (hours.digits * 60) % scale == 0 else {
                throw Failure(
                    offset: start,
                    message:
                        "`\(token)` is not a whole number of minutes; expected decimal hours such as `0.25h` or `1.5h`, or write `1h20m`"
                )
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
                    extra.dropLast().allSatisfy(\.isASCIIDigit), let extraMinutes = Int(extra.dropLast())
                else {
                    throw Failure(
                        offset: start, message: "expected a duration like `2h`, `1h30m` or `1.5h`, found `\(token)`")
                }
                guard extraMinutes < 60 else {
                    throw Failure(offset: start, message: "`\(token)`: expected minutes 0–59 after the hours")
                }
                minutes += extraMinutes
            }
        } else {
            throw Failure(
                offset: start,
                message: "expected a duration with a unit like `2h`, `45m`, `1h30m` or `1.5h`, found `\(token)`")
        }
        guard minutes > 0 else {
            throw Failure(offset: start, message: "a duration of zero minutes; expected a time greater than zero")
        }
        guard minutes <= 24 * 60 else {
            throw Failure(
                offset: start,
                message: "`\(token)` is more than 24 hours in one entry; expected one entry per day's stretch of work")
        }
        return minutes
    }

    /// Parses `46mi`, `46 mi`, `12.5km`.
    static func parseDistance(_ scanner: inout TextScanner) throws -> Distance {
        let start = scanner.offset
        let number = scanner.scanWhile { TextScanner.isDigit($0) || $0 == UInt8(ascii: ".") }
        guard !number.isEmpty else {
            let word = scanner.peekWord()
            throw Failure(
                offset: start,
                message: "expected a distance like `46mi` or `12.5km`, found \(word.isEmpty ? "nothing" : "`\(word)`")")
        }
        guard let value = FixedDecimal.parse(number), value.scale <= 3 else {
            throw Failure(
                offset: start,
                message: "expected a distance like `46mi` or `12.5km` (at most three decimals), found `\(number)`")
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
    static func parseExpense(_ scanner: inout TextScanner, currency: Currency) throws -> MinorUnits {
        let start = scanner.offset
        var marker: String?
        // An amount written first (most expenses) has no currency marker before it: no symbol or code starts
        // with a digit.
        let startsWithDigit = start < scanner.bytes.count && TextScanner.isDigit(scanner.bytes[start])
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
                throw Failure(
                    offset: start,
                    message:
                        "an expense in another currency (`\(written)`); expected an amount in \(currency.code), the client's currency — convert it and write the \(currency.code) amount"
                )
            }
            scanner.advance(written.utf8.count)
            scanner.skipSpaces()
        }
        let amountOffset = scanner.offset
        let number = scanner.scanWhile { TextScanner.isDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") }
        guard !number.isEmpty else {
            let word = scanner.peekWord()
            throw Failure(
                offset: amountOffset,
                message:
                    "expected an amount like `12.50` or `\(currency.symbol ?? currency.code)12.50`, found \(word.isEmpty ? "nothing" : "`\(word)`")"
            )
        }
        guard let amount = MoneyFormat.parse(number, currency: currency) else {
            throw Failure(
                offset: amountOffset,
                message:
                    "expected an amount with at most \(currency.minorDigits) decimals like `12.50`, found `\(number)`")
        }
        if marker == nil {
            var probe = scanner
            probe.skipSpaces()
            let word = probe.peekWord()
            if word.count == 3, word.allSatisfy(\.isUppercase), Currency.isKnownCode(word) {
                guard word == currency.code else {
                    throw Failure(
                        offset: probe.offset,
                        message:
                            "an expense in another currency (`\(word)`); expected an amount in \(currency.code), the client's currency — convert it and write the \(currency.code) amount"
                    )
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
