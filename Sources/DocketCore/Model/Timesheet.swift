/// One month of a client's time, travel, mileage and expenses (`timesheets/YYYY-MM.md`).
public struct Timesheet: Sendable {
    /// The month the file covers, from its name.
    public var month: YearMonth
    /// Path of the file relative to the site.
    public var path: String
    /// The days, in the order written.
    public var days: [TimesheetDay] {
        didSet { entries = days.flatMap(\.entries) }
    }

    /// Every entry of the month, day by day (gathered once: the figures, invoices and dashboard each go
    /// through them).
    public private(set) var entries: [Entry]

    /// A month's timesheet.
    public init(month: YearMonth, path: String, days: [TimesheetDay]) {
        self.month = month
        self.path = path
        self.days = days
        entries = days.flatMap(\.entries)
    }
}

/// One `## YYYY-MM-DD` section of a timesheet.
public struct TimesheetDay: Sendable {
    /// The date of the heading.
    public var date: CalendarDate
    /// The line of the heading.
    public var line: Int
    /// The entries listed under it.
    public var entries: [Entry]
    /// Notes written under it (paragraphs and other blocks), rendered by cmark in safe mode.
    public var notesHTML: [String]
}
