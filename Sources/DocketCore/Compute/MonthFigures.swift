/// Everything Docket computes about one client's month, exactly as the format defines it.
public struct MonthFigures: Sendable, Equatable {
    /// The month.
    public var month: YearMonth
    /// Whether a timesheet file exists for the month.
    public var hasTimesheet: Bool = false
    /// Raw minutes of all work entries, `#unbilled` included.
    public var loggedMinutes: Int = 0
    /// Raw minutes of `#unbilled` work.
    public var unbilledMinutes: Int = 0
    /// Rounded billable work, in and out of hours, excluding `#unbilled`.
    public var billableMinutes: Int = 0
    /// Rounded billable work inside core hours: what a retainer uses.
    public var inHoursMinutes: Int = 0
    /// Rounded billable work outside core hours.
    public var outOfHoursMinutes: Int = 0
    /// Rounded travel minutes.
    public var travelMinutes: Int = 0
    /// Raw minutes of `#unbilled` travel (shown, never charged).
    public var unbilledTravelMinutes: Int = 0
    /// Total distance in the client's unit, exactly.
    public var distance: Rational = .zero
    /// Sum of expenses, in minor units.
    public var expenses: MinorUnits = 0
    /// Number of expense entries.
    public var expenseCount: Int = 0
    /// Raw work minutes per tag, most first, then by name; untagged work under "untagged".
    public var tags: [TagTotal] = []
    /// The retainer position, or nil for an hourly month.
    public var retainer: RetainerMonth?

    /// Creates empty figures for a month.
    public init(month: YearMonth) { self.month = month }
}

/// Minutes logged under one tag.
public struct TagTotal: Sendable, Equatable {
    /// The tag, without `#`.
    public var tag: String
    /// Raw minutes of work carrying it.
    public var minutes: Int
}

/// A client's figures over every month of its range.
public struct ClientFigures: Sendable {
    /// Months from the client's first month to its last timesheet month, oldest first.
    public var months: [MonthFigures]
    /// The month the overview shows as "this month" (today's month, or the nearest one that has figures).
    public var current: MonthFigures?
}
