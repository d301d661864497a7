/// How much time a work or travel entry took: a clock range or a plain duration.
enum TimeSpan: Sendable, Equatable {
    /// From `start` to `end`, in minutes after midnight of the entry's day; `end` is past 1440 when the
    /// range crosses midnight.
    case range(start: Int, end: Int)
    /// A duration in minutes, with no time of day.
    case duration(Int)

    /// The raw length in minutes.
    var minutes: Int {
        switch self {
        case .range(let start, let end): return end - start
        case .duration(let minutes): return minutes
        }
    }
}

/// A length in one of the two distance units, kept exactly in thousandths of the unit.
struct Distance: Sendable, Equatable {
    /// Thousandths of `unit` (12.5 km is 12500).
    let thousandths: Int
    /// The unit it was written in.
    let unit: DistanceUnit

    /// The exact length in another unit, with 1 mi = 1.609344 km.
    func exact(in target: DistanceUnit) -> Rational {
        let value = Rational(thousandths, 1000)
        switch (unit, target) {
        case (.mi, .mi), (.km, .km): return value
        case (.mi, .km): return value * Rational(1_609_344, 1_000_000)
        case (.km, .mi): return value * Rational(1_000_000, 1_609_344)
        }
    }
}

/// The unit of a distance.
enum DistanceUnit: String, Sendable, CaseIterable {
    /// Miles.
    case mi
    /// Kilometres.
    case km
}

/// What kind of line an entry is, with its quantity.
enum EntryKind: Sendable, Equatable {
    /// Work for the client.
    case work(TimeSpan)
    /// Travel time.
    case travel(TimeSpan)
    /// Distance driven.
    case mileage(Distance)
    /// Money spent, in minor units of the client's currency.
    case expense(MinorUnits)

    /// `work`, `travel`, `mileage` or `expense`.
    var name: String {
        switch self {
        case .work: return "work"
        case .travel: return "travel"
        case .mileage: return "mileage"
        case .expense: return "expense"
        }
    }
}

/// One line of a timesheet, as the VA wrote it.
struct Entry: Sendable, Equatable {
    /// The day it belongs to (the day a midnight-crossing range starts).
    var date: CalendarDate
    /// Its kind and quantity.
    var kind: EntryKind
    /// The description with the `#tags` taken out.
    var description: String
    /// The `#tag` words, lowercased, without `#`, in the order written.
    var tags: [String]
    /// Details written as a nested list under the entry, rendered by cmark (safe mode).
    var detailsHTML: String
    /// The 1-based line in the timesheet file.
    var line: Int

    /// Creates an entry.
    init(
        date: CalendarDate, kind: EntryKind, description: String, tags: [String],
        detailsHTML: String = "", line: Int = 0
    ) {
        self.date = date
        self.kind = kind
        self.description = description
        self.tags = tags
        self.detailsHTML = detailsHTML
        self.line = line
    }

    /// Whether the entry carries `#unbilled`: shown and counted, never charged.
    var isUnbilled: Bool { tags.contains("unbilled") }
}
