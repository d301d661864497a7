/// A monthly package: hours included for a fixed fee, with capped rollover of unused hours.
struct RetainerTerms: Sendable, Equatable {
    /// Minutes included each month.
    var includedMinutes: Int
    /// Monthly fee, in minor units.
    var fee: MinorUnits
    /// At most this many unused included minutes carry into the next month only.
    var rolloverMinutes: Int
    /// Hourly rate beyond included plus rolled-over hours, in minor units.
    var overageRate: MinorUnits
    /// When the fee is billed.
    var billing: RetainerBilling
    /// The first month of the retainer; nil means the client's first timesheet month.
    var start: YearMonth?

    /// Creates retainer terms.
    init(
        includedMinutes: Int, fee: MinorUnits, rolloverMinutes: Int = 0, overageRate: MinorUnits,
        billing: RetainerBilling = .arrears, start: YearMonth? = nil
    ) {
        self.includedMinutes = includedMinutes
        self.fee = fee
        self.rolloverMinutes = rolloverMinutes
        self.overageRate = overageRate
        self.billing = billing
        self.start = start
    }

    /// Reads a `retainer:` group (client.md or a terms version). `overageWritten` is false when
    /// `overage_rate` is not written: it then defaults to the `rate` in force (the caller fills it in).
    static func parse(_ fields: FieldReader, currency: Currency) -> (terms: RetainerTerms, overageWritten: Bool)? {
        let hours = hoursField(fields, "hours", required: true)
        let fee = fields.money("fee", currency: currency, required: true)
        let rollover = hoursField(fields, "rollover", required: false) ?? 0
        let overage = fields.money("overage_rate", currency: currency)
        let billing = fields.choice("billing", RetainerBilling.self) ?? .arrears
        let start = fields.month("start")
        guard let hours, let fee else { return nil }
        return (
            RetainerTerms(
                includedMinutes: hours, fee: fee, rolloverMinutes: rollover, overageRate: overage ?? 0,
                billing: billing, start: start), overage != nil
        )
    }

    /// Hours written as a number (`20`, `7.5`), returned in whole minutes.
    private static func hoursField(_ fields: FieldReader, _ key: String, required: Bool) -> Int? {
        guard let value = fields.decimal(key, maxScale: 2, required: required) else { return nil }
        var scale = 1
        for _ in 0..<value.scale { scale *= 10 }
        guard (value.digits * 60) % scale == 0 else {
            fields.error(field: key, "`retainer.\(key)` must come to whole minutes, like `20`, `7.5` or `0.25`")
            return nil
        }
        return value.digits * 60 / scale
    }
}

/// When a retainer fee is billed.
enum RetainerBilling: String, Sendable, CaseIterable {
    /// After the month, with that month's overage (the default).
    case arrears
    /// At the start of the month; overage and extras of the month before come with it.
    case advance
}

/// One month of a retainer: what was available, used, left over and carried.
struct RetainerMonth: Sendable, Equatable {
    /// Minutes included by the package.
    var includedMinutes: Int
    /// Unused included minutes carried in from the month before.
    var rolloverInMinutes: Int
    /// Included plus rolled over.
    var availableMinutes: Int
    /// Billable in-hours minutes of work (rounded).
    var usedMinutes: Int
    /// Available minutes not used.
    var remainingMinutes: Int
    /// Used minutes beyond available, billed at the overage rate.
    var overageMinutes: Int
    /// Minutes carried out into the next month.
    var rolloverOutMinutes: Int
    /// Rolled-in minutes that were not used and expire (they never carry twice).
    var expiredMinutes: Int
}
