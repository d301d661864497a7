/// How much time a work or travel entry took: a clock range or a plain duration.
public enum TimeSpan: Sendable, Equatable {
    /// From `start` to `end`, in minutes after midnight of the entry's day; `end` is past 1440 when the
    /// range crosses midnight.
    case range(start: Int, end: Int)
    /// A duration in minutes, with no time of day.
    case duration(Int)

    /// The raw length in minutes.
    public var minutes: Int {
        switch self {
        case .range(let start, let end): return end - start
        case .duration(let minutes): return minutes
        }
    }
}

/// A length in one of the two distance units, kept exactly in thousandths of the unit.
public struct Distance: Sendable, Equatable {
    /// Thousandths of `unit` (12.5 km is 12500).
    public let thousandths: Int
    /// The unit it was written in.
    public let unit: DistanceUnit

    /// Creates a distance.
    public init(thousandths: Int, unit: DistanceUnit) {
        self.thousandths = thousandths
        self.unit = unit
    }

    /// The exact length in another unit, with 1 mi = 1.609344 km.
    public func exact(in target: DistanceUnit) -> Rational {
        let value = Rational(thousandths, 1000)
        switch (unit, target) {
        case (.mi, .mi), (.km, .km): return value
        case (.mi, .km): return value * Rational(1_609_344, 1_000_000)
        case (.km, .mi): return value * Rational(1_000_000, 1_609_344)
        }
    }
}

/// The unit of a distance.
public enum DistanceUnit: String, Sendable, CaseIterable {
    /// Miles.
    case mi
    /// Kilometres.
    case km
}

/// What kind of line an entry is, with its quantity.
public enum EntryKind: Sendable, Equatable {
    /// Work for the client.
    case work(TimeSpan)
    /// Travel time.
    case travel(TimeSpan)
    /// Distance driven.
    case mileage(Distance)
    /// Money spent, in minor units of the client's currency.
    case expense(MinorUnits)

    /// `work`, `travel`, `mileage` or `expense`.
    public var name: String {
        switch self {
        case .work: return "work"
        case .travel: return "travel"
        case .mileage: return "mileage"
        case .expense: return "expense"
        }
    }
}

/// One line of a timesheet, as the VA wrote it.
public struct Entry: Sendable, Equatable {
    /// The day it belongs to (the day a midnight-crossing range starts).
    public var date: CalendarDate
    /// Its kind and quantity.
    public var kind: EntryKind
    /// The description with the `#tags` taken out.
    public var description: String
    /// The `#tag` words, lowercased, without `#`, in the order written.
    public var tags: [String]
    /// Details written as a nested list under the entry, rendered by cmark (safe mode).
    public var detailsHTML: String
    /// The 1-based line in the timesheet file.
    public var line: Int

    /// Creates an entry.
    public init(date: CalendarDate, kind: EntryKind, description: String, tags: [String],
                detailsHTML: String = "", line: Int = 0) {
        self.date = date
        self.kind = kind
        self.description = description
        self.tags = tags
        self.detailsHTML = detailsHTML
        self.line = line
    }

    /// Whether the entry carries `#unbilled`: shown and counted, never charged.
    public var isUnbilled: Bool { tags.contains("unbilled") }
}
