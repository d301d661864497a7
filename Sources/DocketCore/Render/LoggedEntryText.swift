/// What `docket log` prints about the entry it wrote: where it went, what it counts for under the month's
/// billing figures (rounded to the client's increment, split at core hours), and the month's retainer
/// position with it, all from the computed figures (`TimeRules`, `MonthCalculator`).
enum LoggedEntryText {
    /// The text for an entry written to `path` (a new file when `isNewFile`, under a new heading when
    /// `newDay`), priced with its month's `figures`; `client` is computed with the entry.
    static func render(
        _ entry: Entry, text: String, path: String, isNewFile: Bool, newDay: Bool, figures: BillingFigures,
        client: ComputedClient, currency: Currency
    ) -> String {
        let date = entry.date
        let place = newDay ? "under a new heading \(date) \(date.weekday.name)" : "under \(date) \(date.weekday.name)"
        var lines = [
            "\(isNewFile ? "Created" : "Logged in") \(path), \(place) (line \(entry.line)):", "- \(text)",
        ]
        lines.append(counts(entry, figures: figures, currency: currency))
        let month = date.yearMonth
        if let retainer = client.figures.months.first(where: { $0.month == month })?.retainer {
            let position =
                retainer.overageMinutes > 0
                ? "all \(Formatting.duration(retainer.availableMinutes)) available used, \(Formatting.duration(retainer.overageMinutes)) beyond it (billed as overage)"
                : "\(Formatting.duration(retainer.remainingMinutes)) left of \(Formatting.duration(retainer.availableMinutes)) available (\(Formatting.duration(retainer.usedMinutes)) used)"
            lines.append("Retainer, \(month.longDescription): \(position).")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One sentence: what the entry counts for.
    static func counts(_ entry: Entry, figures: BillingFigures, currency: Currency) -> String {
        let counted = TimeRules.figures(for: entry, client: figures)
        let increment = Formatting.duration(figures.increment)
        func rounding(_ raw: Int, _ rounded: Int) -> String {
            rounded == raw ? "" : " (\(Formatting.duration(raw)) logged, rounded up to the \(increment) increment)"
        }
        let free = "tagged #unbilled: shown to the client and counted, never charged"
        switch entry.kind {
        case .work:
            guard !entry.isUnbilled else {
                return "It counts for \(Formatting.duration(counted.rawMinutes)) of work \(free)."
            }
            var sentence =
                "It counts for \(Formatting.duration(counted.billableMinutes)) of billable work"
                + rounding(counted.rawMinutes, counted.billableMinutes)
            if let core = figures.coreHours {
                sentence +=
                    ": \(Formatting.duration(counted.inHoursMinutes)) in core hours, \(Formatting.duration(counted.outOfHoursMinutes)) out of hours (core hours \(core.text)\(figures.retainer == nil ? "" : "; out-of-hours work never uses the retainer"))"
            }
            return sentence + "."
        case .travel:
            guard !entry.isUnbilled else {
                return "It counts for \(Formatting.duration(counted.rawMinutes)) of travel \(free)."
            }
            return "It counts for \(Formatting.duration(counted.travelMinutes)) of travel"
                + rounding(counted.rawMinutes, counted.travelMinutes)
                + (figures.retainer == nil ? "." : " (travel never uses the retainer).")
        case .mileage(let distance):
            let unit = figures.distanceUnit.rawValue
            let exact = distance.exact(in: figures.distanceUnit).formatted(decimals: 1)
            guard !entry.isUnbilled else { return "It counts for \(exact) \(unit) of mileage \(free)." }
            return "It counts for \(exact) \(unit) of mileage."
        case .expense(let amount):
            let money = MoneyFormat.format(amount, currency: currency)
            guard !entry.isUnbilled else { return "It counts for an expense of \(money) \(free)." }
            return "It counts for an expense of \(money), charged at cost."
        }
    }
}
