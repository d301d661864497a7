/// Everything Docket computes about one client's month, exactly as the format defines it.
struct MonthFigures: Sendable, Equatable {
    /// The month.
    var month: YearMonth
    /// Whether a timesheet file exists for the month.
    var hasTimesheet: Bool = false
    /// Raw minutes of all work entries, `#unbilled` included.
    var loggedMinutes: Int = 0
    /// Raw minutes of `#unbilled` work.
    var unbilledMinutes: Int = 0
    /// Rounded billable work, in and out of hours, excluding `#unbilled`.
    var billableMinutes: Int = 0
    /// Rounded billable work inside core hours: what a retainer uses.
    var inHoursMinutes: Int = 0
    /// Rounded billable work outside core hours.
    var outOfHoursMinutes: Int = 0
    /// Rounded travel minutes.
    var travelMinutes: Int = 0
    /// Raw minutes of `#unbilled` travel (shown, never charged).
    var unbilledTravelMinutes: Int = 0
    /// Total distance in the client's unit, exactly.
    var distance: Rational = .zero
    /// Sum of expenses, in minor units.
    var expenses: MinorUnits = 0
    /// Number of expense entries.
    var expenseCount: Int = 0
    /// Raw work minutes per tag, most first, then by name; untagged work under "untagged".
    var tags: [TagTotal] = []
    /// The retainer position, or nil for an hourly month.
    var retainer: RetainerMonth?

    /// Creates empty figures for a month.
    init(month: YearMonth) { self.month = month }
}

/// Minutes logged under one tag.
struct TagTotal: Sendable, Equatable {
    /// The tag, without `#`.
    var tag: String
    /// Raw minutes of work carrying it.
    var minutes: Int
}

/// A client's figures over every month of its range.
struct ClientFigures: Sendable {
    /// Months from the client's first month to its last timesheet month, oldest first.
    var months: [MonthFigures]
    /// The month the overview shows as "this month" (today's month, or the nearest one that has figures).
    var current: MonthFigures?
}
