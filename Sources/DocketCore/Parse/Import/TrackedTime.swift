import Foundation

/// One row of a time tracker's CSV export (Toggl Track, Clockify, Harvest), read by its header names: what
/// becomes one timesheet entry.
struct TrackedTime: Sendable, Equatable {
    /// The row in the file, as a spreadsheet numbers it: the header is row 1.
    var row: Int
    /// The Client column's value, trimmed; nil when empty or when the export has no such column.
    var client: String?
    /// The day the time was tracked (the day it started).
    var date: CalendarDate
    /// The clock range, in minutes from midnight (the end below the start when it crosses midnight), when
    /// the export gives start and end times; nil for a duration only.
    var range: (start: Int, end: Int)?
    /// How long, in whole minutes.
    var minutes: Int
    /// Project, task and description, as one line of text (may be empty).
    var text: String
    /// Tags, as Docket tags (lowercase, spaces as `-`), in order.
    var tags: [String]
    /// Whether the time is billable (`No` → `#unbilled`).
    var billable: Bool

    static func == (lhs: TrackedTime, rhs: TrackedTime) -> Bool {
        lhs.row == rhs.row && lhs.client == rhs.client && lhs.date == rhs.date
            && lhs.range?.start == rhs.range?.start && lhs.range?.end == rhs.range?.end
            && lhs.minutes == rhs.minutes && lhs.text == rhs.text && lhs.tags == rhs.tags
            && lhs.billable == rhs.billable
    }
}
