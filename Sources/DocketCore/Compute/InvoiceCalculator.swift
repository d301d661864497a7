/// Computes an invoice's lines and totals by the billing rules. Money is integer minor units throughout:
/// each line's amount is rounded half up once from the exact product.
enum InvoiceCalculator {
    /// What the calculator needs to know about one client.
    struct Context: Sendable {
        /// The client.
        var client: Client
        /// The business (VAT, payment terms).
        var business: Business
        /// The client's month figures, by month.
        var months: [YearMonth: MonthFigures]
        /// The client's timesheets, by month (for expense lines).
        var timesheets: [YearMonth: Timesheet]
        /// The client's terms, every version.
        var terms: [Terms]
        /// The client's billing figures month by month.
        var timeline: FiguresTimeline
    }

    /// Computes one invoice as of `today`.
    static func invoice(_ record: InvoiceRecord, context: Context, today: CalendarDate) -> Invoice {
        var lines: [InvoiceLine] = []
        var usage: YearMonth?
        if let period = record.period {
            lines += feeLines(period: period, context: context)
            let month = context.timeline.usageMonth(forPeriod: period)
            usage = month
            lines += usageLines(month: month, context: context)
        }
        for extra in record.extraLines {
            lines.append(
                InvoiceLine(
                    kind: .extra, description: extra.description, quantity: .count(1, unit: "item"),
                    unitPrice: extra.amount, amount: extra.amount))
        }
        let subtotal = lines.reduce(0) { $0 + $1.amount }
        let vatTreatment = VATTreatment.of(context.client, business: context.business)
        let vatRate = VATTreatment.rate(vatTreatment, business: context.business)
        let vat = vatRate.map { vatAmount(subtotal: subtotal, rate: $0) } ?? 0
        let total = subtotal + vat
        let paid = record.payments.reduce(0) { $0 + $1.amount }
        let balance = total - paid
        let due = record.due ?? record.issued.adding(days: context.timeline.figures(on: record.issued).paymentTerms)
        let status: InvoiceStatus
        switch record.status {
        case .draft: status = .draft
        case .void: status = .void
        case .sent: status = balance <= 0 ? .paid : (today > due ? .overdue : .sent)
        }
        let terms: [Terms]
        if let period = record.period {
            terms = Terms.inForce(during: period, in: context.terms)
        } else {
            terms = Terms.inForce(on: record.supplied ?? record.issued, in: context.terms).map { [$0] } ?? []
        }
        return Invoice(
            record: record, lines: lines, subtotal: subtotal, vatTreatment: vatTreatment, vatRate: vatRate,
            vat: vat, total: total,
            paid: paid, balance: balance, due: due, status: status,
            daysOverdue: status == .overdue ? due.days(until: today) : 0, usageMonth: usage, terms: terms)
    }

    /// VAT on a subtotal at a percentage, rounded half up to the minor unit.
    static func vatAmount(subtotal: MinorUnits, rate: FixedDecimal) -> MinorUnits {
        var scale = 1
        for _ in 0..<rate.scale { scale *= 10 }
        return Rational(subtotal * rate.digits, 100 * scale).roundedHalfUp()
    }

    /// An amount for minutes at an hourly rate, rounded half up once.
    static func amount(minutes: Int, hourlyRate: MinorUnits) -> MinorUnits {
        Rational(minutes * hourlyRate, 60).roundedHalfUp()
    }

    /// The retainer fee of the period, when the period is a retainer month.
    static func feeLines(period: YearMonth, context: Context) -> [InvoiceLine] {
        guard let retainer = context.timeline.figures(for: period).retainer,
            context.timeline.isRetainerMonth(period, first: context.months.keys.min() ?? period)
        else { return [] }
        let description =
            "Retainer, \(period.longDescription): \(Formatting.duration(retainer.includedMinutes)) included"
            + (retainer.billing == .advance ? " (billed in advance)" : "")
        return [
            InvoiceLine(
                kind: .retainerFee, description: description, quantity: .count(1, unit: "month"),
                unitPrice: retainer.fee, amount: retainer.fee, month: period)
        ]
    }

    /// Work, out-of-hours, overage, travel, mileage and expense lines of a month's usage.
    static func usageLines(month: YearMonth, context: Context) -> [InvoiceLine] {
        guard let figures = context.months[month] else { return [] }
        let client = context.timeline.figures(for: month)
        let label = month.longDescription
        var lines: [InvoiceLine] = []
        func hours(_ kind: InvoiceLine.Kind, _ description: String, _ minutes: Int, _ rate: MinorUnits) {
            guard minutes > 0 else { return }
            lines.append(
                InvoiceLine(
                    kind: kind, description: description, quantity: .minutes(minutes), unitPrice: rate,
                    amount: amount(minutes: minutes, hourlyRate: rate), month: month))
        }
        if let retainer = figures.retainer {
            hours(
                .overage, "Hours beyond the retainer, \(label)", retainer.overageMinutes,
                client.retainer?.overageRate ?? client.rate)
        } else {
            hours(
                .work, client.coreHours == nil ? "Work, \(label)" : "Work in core hours, \(label)",
                figures.inHoursMinutes, client.rate)
        }
        hours(.outOfHours, "Work outside core hours, \(label)", figures.outOfHoursMinutes, client.outOfHoursRate)
        hours(.travel, "Travel time, \(label)", figures.travelMinutes, client.travelRate)
        if figures.distance > .zero, let rate = client.mileageRate {
            lines.append(
                InvoiceLine(
                    kind: .mileage, description: "Mileage, \(label)",
                    quantity: .distance(figures.distance, client.distanceUnit), unitPrice: rate,
                    amount: (figures.distance * Rational(rate)).roundedHalfUp(), month: month))
        }
        for entry in context.timesheets[month]?.entries ?? [] where !entry.isUnbilled {
            if case .expense(let cost) = entry.kind {
                lines.append(
                    InvoiceLine(
                        kind: .expense, description: "\(entry.description) (\(entry.date.shortDescription))",
                        quantity: .count(1, unit: "item"), unitPrice: cost, amount: cost,
                        month: month, date: entry.date))
            }
        }
        return lines
    }
}
