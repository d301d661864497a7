/// Computes month figures from timesheets.
enum MonthCalculator {
    /// Totals for one month's entries (no retainer position).
    static func totals(month: YearMonth, entries: [Entry], figures billing: BillingFigures) -> MonthFigures {
        var figures = MonthFigures(month: month)
        // Minutes by tag, in a short list (a client uses a handful of tags: scanning it beats hashing).
        var tagMinutes: [(tag: String, minutes: Int)] = []
        func add(_ tag: String, _ minutes: Int) {
            if let index = tagMinutes.firstIndex(where: { $0.tag == tag }) {
                tagMinutes[index].minutes += minutes
            } else {
                tagMinutes.append((tag, minutes))
            }
        }
        for entry in entries {
            let entryFigures = TimeRules.figures(for: entry, client: billing)
            let unbilled = entry.isUnbilled
            switch entry.kind {
            case .work:
                figures.loggedMinutes += entryFigures.rawMinutes
                if unbilled { figures.unbilledMinutes += entryFigures.rawMinutes }
                var tagged = false
                for tag in entry.tags where tag != "unbilled" {
                    tagged = true
                    add(tag, entryFigures.rawMinutes)
                }
                if !tagged { add("untagged", entryFigures.rawMinutes) }
            case .travel:
                if unbilled { figures.unbilledTravelMinutes += entryFigures.rawMinutes }
            case .expense:
                if !unbilled { figures.expenseCount += 1 }
            case .mileage:
                break
            }
            figures.inHoursMinutes += entryFigures.inHoursMinutes
            figures.outOfHoursMinutes += entryFigures.outOfHoursMinutes
            figures.travelMinutes += entryFigures.travelMinutes
            figures.distance = figures.distance + entryFigures.distance
            figures.expenses += entryFigures.expense
        }
        figures.billableMinutes = figures.inHoursMinutes + figures.outOfHoursMinutes
        figures.tags = tagMinutes.map { TagTotal(tag: $0.tag, minutes: $0.minutes) }
            .sorted { ($0.minutes, $1.tag) > ($1.minutes, $0.tag) }
        return figures
    }

    /// The client's first month: the earliest of its first timesheet, client.md's `retainer.start`, and the
    /// first month of each retainer an agreed terms version brings in (its `start`, or the month the version
    /// takes effect, whichever is later), so that a retainer's months count from its start even before
    /// anything is logged.
    static func firstMonth(client: Client, timeline: FiguresTimeline, timesheets: [Timesheet]) -> YearMonth? {
        var candidates = timesheets.map(\.month).min().map { [$0] } ?? []
        if case .terms(let terms, _) = client.figures.retainer, let start = terms.start { candidates.append(start) }
        for change in timeline.changes {
            guard case .terms(let terms, _) = change.figures.retainer else { continue }
            let effective = change.effective.yearMonth
            candidates.append(max(terms.start ?? effective, effective))
        }
        return candidates.min()
    }

    /// Figures for every month of the client, from its first month to its last timesheet month (every
    /// month in between included), and for "this month" as of `today`. Each month is computed with the
    /// billing figures in force in it.
    static func figures(
        client: Client, timeline: FiguresTimeline, timesheets: [Timesheet],
        today: CalendarDate
    ) -> ClientFigures {
        guard let first = firstMonth(client: client, timeline: timeline, timesheets: timesheets) else {
            return ClientFigures(months: [], current: nil)
        }
        let last = timesheets.map(\.month).max() ?? first
        let currentMonth = max(first, today.yearMonth)
        let computeThrough = max(last, currentMonth)

        var byMonth: [YearMonth: MonthFigures] = [:]
        for timesheet in timesheets {
            var totals = self.totals(
                month: timesheet.month, entries: timesheet.entries,
                figures: timeline.figures(for: timesheet.month))
            totals.hasTimesheet = true
            byMonth[timesheet.month] = totals
        }
        let retainerMonths = RetainerCalculator.months(
            used: byMonth.mapValues(\.inHoursMinutes), first: first,
            last: computeThrough
        ) { timeline.figures(for: $0).retainer }
        let all = first.through(computeThrough).map { month -> MonthFigures in
            var figures = byMonth[month] ?? MonthFigures(month: month)
            figures.retainer = retainerMonths[month]
            return figures
        }
        let months = all.filter { $0.month <= last }
        let current = all.first { $0.month == currentMonth }
        return ClientFigures(months: months, current: current)
    }
}
