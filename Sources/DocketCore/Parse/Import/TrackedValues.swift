import Foundation

/// The parts of a time tracker's values: dates, times of day, durations, yes/no, tags.
enum TrackedValues {
    /// How a file writes dates with slashes, decided from the whole file.
    enum SlashOrder: Sendable { case dayFirst, monthFirst }

    /// The order of `D/M/Y` dates in `values`: day first when some first part is above 12, month first when
    /// some second part is; nil when no date tells (every part 12 or under) or when they disagree.
    static func slashOrder(_ values: [String]) -> SlashOrder? {
        var dayFirst = false
        var monthFirst = false
        for value in values {
            let parts = value.split(separator: "/")
            guard parts.count == 3, let first = Int(parts[0]), let second = Int(parts[1]) else { continue }
            if first > 12 { dayFirst = true }
            if second > 12 { monthFirst = true }
        }
        if dayFirst == monthFirst { return nil }
        return dayFirst ? .dayFirst : .monthFirst
    }

    /// A date as exports write it: `2026-11-02`, `02/11/2026` or `11/02/2026` (by `order`), `02.11.2026`.
    static func date(_ text: String, order: SlashOrder?) -> CalendarDate? {
        let value = text.trimmingWhitespace()
        if let date = CalendarDate(iso: value) { return date }
        for (separator, fixed) in [("/", order), (".", SlashOrder.dayFirst)] {
            let parts = value.split(separator: Character(separator)).map { Int($0) }
            guard parts.count == 3, let a = parts[0], let b = parts[1], let year = parts[2], year >= 1000,
                let fixed
            else { continue }
            return fixed == .dayFirst
                ? CalendarDate(year: year, month: b, day: a) : CalendarDate(year: year, month: a, day: b)
        }
        return nil
    }

    /// A time of day in minutes from midnight, seconds dropped: `09:05`, `09:05:30`, `9:05 AM`, `9:05:30 pm`.
    static func time(_ text: String) -> Int? {
        var value = text.trimmingWhitespace().uppercased()
        var meridiem: String?
        for suffix in ["AM", "PM"] where value.hasSuffix(suffix) {
            meridiem = suffix
            value = String(value.dropLast(2)).trimmingWhitespace()
        }
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
            var hours = Int(parts[0]), let minutes = Int(parts[1]), (0..<60).contains(minutes),
            parts.count == 2 || Int(parts[2]).map({ (0..<60).contains($0) }) == true
        else { return nil }
        if let meridiem {
            guard (1...12).contains(hours) else { return nil }
            hours = hours % 12 + (meridiem == "PM" ? 12 : 0)
        }
        guard (0..<24).contains(hours) else { return nil }
        return hours * 60 + minutes
    }

    /// Decimal hours (`1.5`, `0.25`, `2`) in whole minutes, rounded half up: 0.33 h is 19.8, so 20 minutes.
    /// Nil for anything but a number of hours up to 24.
    static func decimalHours(_ text: String) -> Int? {
        let value = text.trimmingWhitespace()
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts[0].count <= 2, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }),
            let whole = Int(parts[0].isEmpty ? "0" : parts[0]), whole <= 24
        else { return nil }
        guard parts.count == 2 else { return whole * 60 }
        let digits = parts[1]
        guard !digits.isEmpty, digits.count <= 6, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let fraction = Int(digits)
        else { return nil }
        var scale = 1
        for _ in 0..<digits.count { scale *= 10 }
        let minutes = whole * 60 + (fraction * 60 * 2 + scale) / (2 * scale)
        return minutes <= 24 * 60 ? minutes : nil
    }

    /// Whether decimal hours are a whole number of minutes (`1.5`, `0.25`; not `0.33`).
    static func isWholeMinutes(_ text: String) -> Bool {
        let parts = text.trimmingWhitespace().split(separator: ".")
        guard parts.count == 2, let fraction = Int(parts[1]) else { return true }
        var scale = 1
        for _ in 0..<parts[1].count { scale *= 10 }
        return (fraction * 60) % scale == 0
    }

    /// `Yes`/`No` (or `true`/`false`).
    static func yesNo(_ text: String) -> Bool? {
        switch text.trimmingWhitespace().lowercased() {
        case "yes", "true", "y", "1": return true
        case "no", "false", "n", "0": return false
        default: return nil
        }
    }

    /// Tags as Docket writes them: each lowercased, runs of spaces as one `-`, and only letters, digits, `-`
    /// and `_` kept. Nil when one cannot be a Docket tag (it must start with a letter): the bad one returned.
    static func tags(_ text: String) -> (tags: [String], bad: String?) {
        var tags: [String] = []
        for raw in text.split(separator: ",") {
            let name = raw.trimmingWhitespace()
            guard !name.isEmpty else { continue }
            let words = name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: "-")
            let tag = String(words.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
            guard let first = tag.first, first.isLetter else { return (tags, String(name)) }
            if !tags.contains(tag) { tags.append(tag) }
        }
        return (tags, nil)
    }

    /// Project, task and description as one line: `Website / Homepage: Hero copy`. Line breaks become spaces,
    /// and a `#` before a letter is dropped, so that no word of it is read as a tag.
    static func text(project: String?, task: String?, description: String?) -> String {
        func clean(_ value: String?) -> String {
            guard let value else { return "" }
            var words = value.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            var result = ""
            var previous: Character?
            for character in words {
                if let last = previous, last == "#", character.isLetter { result.removeLast() }
                result.append(character)
                previous = character
            }
            words = result
            return words
        }
        let context = [clean(project), clean(task)].filter { !$0.isEmpty }.joined(separator: " / ")
        let description = clean(description)
        if context.isEmpty { return description }
        return description.isEmpty ? context : "\(context): \(description)"
    }
}
