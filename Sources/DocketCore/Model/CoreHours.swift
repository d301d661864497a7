import Foundation

/// The hours agreed in the terms (`"Mon-Thu 09:00-15:00, Fri 09:00-12:00"`): work outside them is
/// out-of-hours work. Days not named are wholly out of hours.
struct CoreHours: Sendable, Equatable, CustomStringConvertible {
    /// For each weekday, the agreed intervals in minutes after midnight, sorted and merged.
    let intervals: [Weekday: [Range<Int>]]
    /// The text as the VA wrote it.
    let text: String

    /// Parses the text, or returns a message naming what was expected.
    static func parse(_ text: String) -> Result<CoreHours, ParseMessage> {
        var intervals: [Weekday: [Range<Int>]] = [:]
        let groups = text.split(separator: ",").map { $0.trimmingWhitespace() }
        guard !groups.isEmpty, !groups.contains(where: \.isEmpty) else {
            return .failure(ParseMessage("expected core hours like `Mon-Fri 09:00-15:00`, found `\(text)`"))
        }
        for group in groups {
            let words = group.split(separator: " ").map(String.init)
            guard words.count >= 2, let rangeText = words.last else {
                return .failure(ParseMessage("expected days then hours like `Mon-Fri 09:00-15:00`, found `\(group)`"))
            }
            var days: [Weekday] = []
            for spec in words.dropLast() {
                let ends = spec.split(separator: "-", omittingEmptySubsequences: false)
                guard (1...2).contains(ends.count), let first = Weekday(name: ends[0]),
                    let last = Weekday(name: ends[ends.count - 1])
                else {
                    return .failure(
                        ParseMessage("expected days like `Mon-Fri` or `Sat`, found `\(spec)` in `\(group)`"))
                }
                guard first <= last else {
                    return .failure(
                        ParseMessage(
                            "the days `\(spec)` run backwards; expected the first day before the last, like `Mon-Fri`"))
                }
                days += Weekday.allCases.filter { $0 >= first && $0 <= last }
            }
            var scanner = TextScanner(rangeText)
            guard let start = scanner.scanClock(),
                scanner.consume("-") || scanner.consume("–"),
                let end = scanner.scanClock(), scanner.rest.isEmpty
            else {
                return .failure(ParseMessage("expected hours like `09:00-15:00` after the days, found `\(rangeText)`"))
            }
            guard end > start else {
                return .failure(ParseMessage("core hours `\(rangeText)` must end after they start on the same day"))
            }
            for day in days { intervals[day, default: []].append(start..<end) }
        }
        for (day, ranges) in intervals { intervals[day] = merge(ranges) }
        return .success(CoreHours(intervals: intervals, text: text))
    }

    /// Minutes of `start..<end` (minutes after midnight of a day with this weekday) inside core hours.
    /// Minutes at or past midnight (1440) are never core.
    func coreMinutes(on weekday: Weekday, from start: Int, to end: Int) -> Int {
        let clipped = min(end, 1440)
        guard clipped > start else { return 0 }
        return (intervals[weekday] ?? []).reduce(0) { sum, interval in
            sum + max(0, min(clipped, interval.upperBound) - max(start, interval.lowerBound))
        }
    }

    /// Whether the weekday has any core hours at all.
    func hasCoreHours(on weekday: Weekday) -> Bool {
        !(intervals[weekday] ?? []).isEmpty
    }

    /// The text as written.
    var description: String { text }

    /// A plain summary per weekday for people, `Monday to Thursday 09:00–15:00`, `Saturday and Sunday out
    /// of hours all day` (work then is out-of-hours work, as it is billed).
    var summary: [(days: String, hours: String)] {
        var rows: [(days: String, hours: String)] = []
        var index = 0
        let all = Weekday.allCases
        while index < all.count {
            let hours = (intervals[all[index]] ?? []).map {
                "\(EntryParser.clockText($0.lowerBound))–\(EntryParser.clockText($0.upperBound))"
            }
            var last = index
            while last + 1 < all.count, (intervals[all[last + 1]] ?? []) == (intervals[all[index]] ?? []) { last += 1 }
            let days =
                last == index
                ? all[index].name
                : "\(all[index].name) \(last == index + 1 ? "and" : "to") \(all[last].name)"
            rows.append((days, hours.isEmpty ? "out of hours all day" : hours.joined(separator: ", ")))
            index = last + 1
        }
        return rows
    }

    private static func merge(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, range.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }
}

/// A message from a small parser, naming what was expected.
struct ParseMessage: Error, Sendable, Equatable {
    /// The message.
    let text: String
    /// Creates a message.
    init(_ text: String) { self.text = text }
}
