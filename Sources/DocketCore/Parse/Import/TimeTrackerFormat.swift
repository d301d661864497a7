import Foundation

/// The time trackers whose detailed CSV exports `docket import` reads, and how each names its columns.
public enum TimeTrackerFormat: String, Sendable, CaseIterable {
    /// Toggl Track: Reports → Detailed → Export CSV.
    case toggl
    /// Clockify: Reports → Detailed → Export → Save as CSV.
    case clockify
    /// Harvest: Reports → Detailed time → Export → CSV.
    case harvest

    /// The product's name, for messages.
    var product: String {
        switch self {
        case .toggl: return "Toggl Track"
        case .clockify: return "Clockify"
        case .harvest: return "Harvest"
        }
    }

    /// The columns it must have, then those it may have (`nil` for none).
    private var columns: (required: [String], optional: [String]) {
        switch self {
        case .toggl:
            return (
                ["Start date", "Start time", "End date", "End time"],
                ["Client", "Project", "Task", "Description", "Billable", "Tags"]
            )
        case .clockify:
            return (
                ["Start Date", "Start Time", "End Date", "End Time"],
                ["Client", "Project", "Task", "Description", "Billable", "Tags"]
            )
        case .harvest:
            return (["Date", "Hours"], ["Client", "Project", "Task", "Notes", "Billable?"])
        }
    }

    /// Every row of an export as tracked time; a value that does not read is an error at its row and column,
    /// naming its header. The rows that read are returned even when others do not.
    func rows(of table: ExportTable, diagnostics: inout Diagnostics) -> [TrackedTime] {
        let path = table.path
        var index: [String: Int] = [:]
        var missing: [String] = []
        for name in columns.required {
            if let column = table.column(name) { index[name] = column } else { missing.append(name) }
        }
        for name in columns.optional { index[name] = table.column(name) }
        guard missing.isEmpty else {
            diagnostics.error(
                path, line: 1, column: 1,
                "the header has no \(missing.map { "`\($0)`" }.joined(separator: ", ")) column\(missing.count == 1 ? "" : "s"); expected \(product)'s detailed report exported as CSV (`docket import \(rawValue)`), with its header row"
            )
            return []
        }
        let dateColumns = self == .harvest ? ["Date"] : [columns.required[0], columns.required[2]]
        let slashOrder = TrackedValues.slashOrder(
            table.rows.flatMap { row in dateColumns.compactMap { index[$0].flatMap { row.fields[safe: $0] } } })
        var result: [TrackedTime] = []
        var rounded: [Int] = []
        defer {
            if let first = rounded.first {
                diagnostics.warning(
                    path, line: first, column: (index["Hours"] ?? 0) + 1,
                    "\(rounded.count == 1 ? "this row's" : "\(rounded.count) rows' (from this one)") `Hours` \(rounded.count == 1 ? "is" : "are") not a whole number of minutes, and \(rounded.count == 1 ? "was" : "were") rounded to the nearest minute (0.33 h is 20 minutes); check \(rounded.count == 1 ? "it" : "them") against Harvest"
                )
            }
        }
        for (row, fields) in table.rows {
            func value(_ name: String) -> String? {
                index[name].flatMap { fields[safe: $0] }.map { $0.trimmingWhitespace() }
            }
            var failed = false
            func fail(_ name: String, _ message: String) {
                diagnostics.error(path, line: row, column: (index[name] ?? 0) + 1, message)
                failed = true
            }
            func date(_ name: String) -> CalendarDate? {
                let text = value(name) ?? ""
                if let date = TrackedValues.date(text, order: slashOrder) { return date }
                if text.contains("/"), slashOrder == nil, text.split(separator: "/").count == 3 {
                    fail(
                        name,
                        "`\(name)` is `\(text)`, and no date in the file shows whether its dates are day/month or month/day; set \(product)'s date format to YYYY-MM-DD (or a day-first one) and export again"
                    )
                } else {
                    fail(name, "`\(name)` is `\(text)`; expected a date like 2026-11-02")
                }
                return nil
            }
            func time(_ name: String) -> Int? {
                let text = value(name) ?? ""
                guard let minutes = TrackedValues.time(text) else {
                    fail(name, "`\(name)` is `\(text)`; expected a time of day like 09:30, 09:30:00 or 9:30 AM")
                    return nil
                }
                return minutes
            }
            var billable = true
            let billableColumn = self == .harvest ? "Billable?" : "Billable"
            if let text = value(billableColumn), !text.isEmpty {
                if let yes = TrackedValues.yesNo(text) {
                    billable = yes
                } else {
                    fail(billableColumn, "`\(billableColumn)` is `\(text)`; expected Yes or No")
                }
            }
            let (tags, badTag) = TrackedValues.tags(value("Tags") ?? "")
            if let badTag {
                fail(
                    "Tags",
                    "the tag `\(badTag)` cannot be a Docket tag, which starts with a letter; rename it in \(product) (or remove it) and export again"
                )
            }
            let text = TrackedValues.text(
                project: value("Project"), task: value("Task"),
                description: value(self == .harvest ? "Notes" : "Description"))
            let client = value("Client").flatMap { $0.isEmpty ? nil : $0 }
            if self == .harvest {
                let day = date("Date")
                let hoursText = value("Hours") ?? ""
                let minutes = TrackedValues.decimalHours(hoursText)
                if minutes == nil {
                    fail("Hours", "`Hours` is `\(hoursText)`; expected decimal hours from 0 to 24, like 1.5")
                } else if !TrackedValues.isWholeMinutes(hoursText) {
                    rounded.append(row)
                }
                guard !failed, let day, let minutes else { continue }
                result.append(
                    TrackedTime(
                        row: row, client: client, date: day, range: nil, minutes: minutes, text: text, tags: tags,
                        billable: billable))
                continue
            }
            let names = columns.required
            let startDay = date(names[0])
            let start = time(names[1])
            let endDay = date(names[2])
            let end = time(names[3])
            guard !failed, let startDay, let start, let endDay, let end else { continue }
            let days = startDay.days(until: endDay)
            let minutes = days * 24 * 60 + end - start
            guard days == 0 || days == 1, minutes >= 0, minutes < 24 * 60 else {
                fail(
                    names[2],
                    "this entry runs from \(startDay) \(Self.clock(start)) to \(endDay) \(Self.clock(end)); expected an end after its start and less than a day later (split a longer one in \(product))"
                )
                continue
            }
            result.append(
                TrackedTime(
                    row: row, client: client, date: startDay, range: (start, end), minutes: minutes, text: text,
                    tags: tags, billable: billable))
        }
        return result
    }

    /// `09:05`.
    static func clock(_ minutes: Int) -> String {
        let hours = minutes / 60
        let rest = minutes % 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (rest < 10 ? "0" : "") + "\(rest)"
    }
}
