/// One month of a client's time, travel, mileage and expenses (`timesheets/YYYY-MM.md`).
struct Timesheet: Sendable {
    /// The month the file covers, from its name.
    var month: YearMonth
    /// Path of the file relative to the site.
    var path: String
    /// The days, in the order written.
    var days: [TimesheetDay] {
        didSet { entries = days.flatMap(\.entries) }
    }

    /// Every entry of the month, day by day (gathered once: the figures, invoices and dashboard each go
    /// through them).
    private(set) var entries: [Entry]

    /// A month's timesheet.
    init(month: YearMonth, path: String, days: [TimesheetDay]) {
        self.month = month
        self.path = path
        self.days = days
        entries = days.flatMap(\.entries)
    }
}

/// One `## YYYY-MM-DD` section of a timesheet.
struct TimesheetDay: Sendable {
    /// The date of the heading.
    var date: CalendarDate
    /// The line of the heading.
    var line: Int
    /// The entries listed under it.
    var entries: [Entry]
    /// Notes written under it (paragraphs and other blocks), rendered by cmark in safe mode.
    var notesHTML: [String]
}
