/// One month of a client's time, travel, mileage and expenses (`timesheets/YYYY-MM.md`).
public struct Timesheet: Sendable {
    /// The month the file covers, from its name.
    public var month: YearMonth
    /// Path of the file relative to the site.
    public var path: String
    /// The days, in the order written.
    public var days: [TimesheetDay]

    /// Every entry of the month, day by day.
    public var entries: [Entry] { days.flatMap(\.entries) }
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
