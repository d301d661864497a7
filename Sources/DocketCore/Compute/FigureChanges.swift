/// One billing figure that a proposed terms version would change: `Retainer fee: £550.00 → £675.00 a month`.
struct FigureChange: Sendable, Equatable {
    /// What the figure is, for people: `Retainer fee`.
    var label: String
    /// The figure in force without the proposal.
    var old: String
    /// The figure the proposal would put in force.
    var new: String

    /// `Retainer fee: £550.00 a month → £675.00 a month`.
    var sentence: String { "\(label): \(old) → \(new)" }
}

/// Compares two sets of billing figures for people, figure by figure.
enum FigureChanges {
    /// The figures of the proposal's first month with and without the proposal agreed.
    static func proposal(_ proposal: Terms, content: ClientContent) -> (
        from: CalendarDate, before: BillingFigures, after: BillingFigures
    ) {
        var agreed = proposal
        agreed.status = .agreed
        let others = content.terms.filter { $0.version != proposal.version }
        let month = proposal.effective.yearMonth
        let withProposal = FiguresTimeline(
            base: content.client.figures, terms: others + [agreed],
            defaultPaymentTerms: content.timeline.defaultPaymentTerms)
        return (proposal.effective, content.timeline.figures(for: month), withProposal.figures(for: month))
    }

    /// Every figure that differs, in a fixed order; `money` formats an amount in the client's currency.
    static func between(
        _ old: BillingFigures, _ new: BillingFigures,
        money: (MinorUnits) -> String
    ) -> [FigureChange] {
        var changes: [FigureChange] = []
        func compare<T: Equatable>(_ label: String, _ a: T, _ b: T, _ text: (T) -> String) {
            if a != b { changes.append(FigureChange(label: label, old: text(a), new: text(b))) }
        }
        let hourly = { (amount: MinorUnits) in "\(money(amount)) an hour" }
        compare("Hourly rate", old.rate, new.rate, hourly)
        compare("Work outside core hours", old.outOfHoursRate, new.outOfHoursRate, hourly)
        compare("Core hours", old.coreHours, new.coreHours) { $0?.text ?? "every hour is core" }
        compare("Rounding", old.increment, new.increment) {
            $0 > 1 ? "each entry rounded up to \(Formatting.duration($0))" : "to the minute"
        }
        compare("Travel time", old.travelRate, new.travelRate, hourly)
        compare("Distance unit", old.distanceUnit, new.distanceUnit) { $0 == .mi ? "miles" : "kilometres" }
        func mileage(_ figures: BillingFigures) -> String {
            figures.mileageRate.map { "\(money($0)) a \(figures.distanceUnit == .mi ? "mile" : "kilometre")" }
                ?? "not charged"
        }
        if old.mileageRate != new.mileageRate || (old.distanceUnit != new.distanceUnit && old.mileageRate != nil) {
            changes.append(FigureChange(label: "Mileage", old: mileage(old), new: mileage(new)))
        }
        compare("Payment terms", old.paymentTerms, new.paymentTerms) { "\($0) day\($0 == 1 ? "" : "s")" }
        switch (old.retainer, new.retainer) {
        case (nil, nil):
            break
        case (let before?, let after?):
            compare("Hours included", before.includedMinutes, after.includedMinutes) {
                "\(Formatting.duration($0)) a month"
            }
            compare("Retainer fee", before.fee, after.fee) { "\(money($0)) a month" }
            compare("Unused hours carried over", before.rolloverMinutes, after.rolloverMinutes) {
                $0 > 0 ? "up to \(Formatting.duration($0)), into the next month only" : "none"
            }
            compare("Hours beyond the retainer", before.overageRate, after.overageRate, hourly)
            compare("Retainer billed", before.billing, after.billing) { $0 == .advance ? "in advance" : "in arrears" }
        case (let before, let after):
            compare("Retainer", before, after) { terms in
                terms.map { "\(Formatting.duration($0.includedMinutes)) a month for \(money($0.fee))" }
                    ?? "none: billed by the hour"
            }
        }
        return changes
    }

    /// The figures one terms version sets, for people, in documented order.
    static func written(_ figures: WrittenFigures, money: (MinorUnits) -> String) -> [RateRow] {
        var rows: [RateRow] = []
        let unit = figures.distanceUnit ?? .mi
        if let rate = figures.rate { rows.append(RateRow(label: "Hourly rate", value: "\(money(rate)) an hour")) }
        if let rate = figures.outOfHoursRate {
            rows.append(RateRow(label: "Work outside core hours", value: "\(money(rate)) an hour"))
        }
        if let hours = figures.coreHours { rows.append(RateRow(label: "Core hours", value: hours.text)) }
        if let increment = figures.increment {
            rows.append(
                RateRow(
                    label: "Rounding",
                    value: increment > 1
                        ? "each entry rounded up to \(Formatting.duration(increment))" : "to the minute"))
        }
        if let rate = figures.travelRate { rows.append(RateRow(label: "Travel time", value: "\(money(rate)) an hour")) }
        if let distance = figures.distanceUnit {
            rows.append(RateRow(label: "Distance unit", value: distance == .mi ? "miles" : "kilometres"))
        }
        if let rate = figures.mileageRate {
            rows.append(RateRow(label: "Mileage", value: "\(money(rate)) a \(unit == .mi ? "mile" : "kilometre")"))
        }
        if let days = figures.paymentTerms {
            rows.append(RateRow(label: "Payment terms", value: "\(days) day\(days == 1 ? "" : "s")"))
        }
        switch figures.retainer {
        case nil:
            break
        case .none?:
            rows.append(RateRow(label: "Retainer", value: "none: billed by the hour"))
        case .terms(let terms, let overageWritten)?:
            rows.append(
                RateRow(
                    label: "Retainer",
                    value:
                        "\(Formatting.duration(terms.includedMinutes)) a month for \(money(terms.fee)), billed \(terms.billing == .advance ? "in advance" : "in arrears")"
                ))
            rows.append(
                RateRow(
                    label: "Unused hours carried over",
                    value: terms.rolloverMinutes > 0
                        ? "up to \(Formatting.duration(terms.rolloverMinutes)), into the next month only" : "none"))
            rows.append(
                RateRow(
                    label: "Hours beyond the retainer",
                    value: overageWritten ? "\(money(terms.overageRate)) an hour" : "the hourly rate"))
        }
        return rows
    }
}
