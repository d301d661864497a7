/// The billing rules for one entry: rounding up to the client's increment and the split at core hours.
struct EntryFigures: Sendable, Equatable {
    /// Minutes as logged (work and travel), before rounding.
    var rawMinutes: Int = 0
    /// Billable work inside core hours, rounded up (0 for `#unbilled`).
    var inHoursMinutes: Int = 0
    /// Billable work outside core hours, rounded up (0 for `#unbilled`).
    var outOfHoursMinutes: Int = 0
    /// Travel, rounded up as a whole.
    var travelMinutes: Int = 0
    /// Distance in the client's unit, exactly.
    var distance: Rational = .zero
    /// Expense amount in minor units.
    var expense: MinorUnits = 0

    /// Billable work minutes, in and out of hours.
    var billableMinutes: Int { inHoursMinutes + outOfHoursMinutes }
}

/// Applies a month's billing figures (increment, core hours, distance unit) to entries.
enum TimeRules {
    /// Rounds minutes up to a multiple of `increment` (0 stays 0).
    static func roundUp(_ minutes: Int, to increment: Int) -> Int {
        guard minutes > 0, increment > 1 else { return max(minutes, 0) }
        return (minutes + increment - 1) / increment * increment
    }

    /// Raw minutes of a work span inside and outside core hours on a date.
    ///
    /// A clock range is split at the core-hours boundaries; the part past midnight is out of hours. A
    /// duration is in hours on a day with core hours and out of hours on a day without. With no core hours
    /// set, every minute is in hours.
    static func split(_ span: TimeSpan, on date: CalendarDate, coreHours: CoreHours?) -> (inHours: Int, outOfHours: Int)
    {
        guard let coreHours else { return (span.minutes, 0) }
        switch span {
        case .duration(let minutes):
            return coreHours.hasCoreHours(on: date.weekday) ? (minutes, 0) : (0, minutes)
        case .range(let start, let end):
            let core = coreHours.coreMinutes(on: date.weekday, from: start, to: end)
            return (core, end - start - core)
        }
    }

    /// The figures of one entry under its month's billing figures. The in-hours and out-of-hours parts of a
    /// work entry are each rounded up on their own; travel is rounded up whole and never split.
    static func figures(for entry: Entry, client: BillingFigures) -> EntryFigures {
        var figures = EntryFigures()
        switch entry.kind {
        case .work(let span):
            figures.rawMinutes = span.minutes
            guard !entry.isUnbilled else { break }
            let (inHours, outOfHours) = split(span, on: entry.date, coreHours: client.coreHours)
            figures.inHoursMinutes = roundUp(inHours, to: client.increment)
            figures.outOfHoursMinutes = roundUp(outOfHours, to: client.increment)
        case .travel(let span):
            figures.rawMinutes = span.minutes
            guard !entry.isUnbilled else { break }
            figures.travelMinutes = roundUp(span.minutes, to: client.increment)
        case .mileage(let distance):
            guard !entry.isUnbilled else { break }
            figures.distance = distance.exact(in: client.distanceUnit)
        case .expense(let amount):
            guard !entry.isUnbilled else { break }
            figures.expense = amount
        }
        return figures
    }
}
