/// The billing figures that price one month of a client's work: rates, rounding, core hours, payment terms
/// and the retainer. Every default is already applied (a travel rate not written is the month's `rate`).
struct BillingFigures: Sendable, Equatable {
    /// Hourly rate for work, in minor units.
    var rate: MinorUnits
    /// Hourly rate for travel, in minor units.
    var travelRate: MinorUnits
    /// Rate per mile or kilometre, in minor units; nil when none is agreed.
    var mileageRate: MinorUnits?
    /// The unit mileage is billed in.
    var distanceUnit: DistanceUnit
    /// Each work and travel entry is rounded up to a multiple of this many minutes (1 = no rounding).
    var increment: Int
    /// Agreed hours; nil means every hour is core.
    var coreHours: CoreHours?
    /// Hourly rate for work outside core hours, in minor units.
    var outOfHoursRate: MinorUnits
    /// Days to pay.
    var paymentTerms: Int
    /// The monthly package, or nil for hourly billing.
    var retainer: RetainerTerms?

    /// Creates figures; rates not given default to `rate`, as in client.md.
    init(
        rate: MinorUnits, travelRate: MinorUnits? = nil, mileageRate: MinorUnits? = nil,
        distanceUnit: DistanceUnit = .mi, increment: Int = 1, coreHours: CoreHours? = nil,
        outOfHoursRate: MinorUnits? = nil, paymentTerms: Int = Business.defaultPaymentTerms,
        retainer: RetainerTerms? = nil
    ) {
        self.rate = rate
        self.travelRate = travelRate ?? rate
        self.mileageRate = mileageRate
        self.distanceUnit = distanceUnit
        self.increment = increment
        self.coreHours = coreHours
        self.outOfHoursRate = outOfHoursRate ?? rate
        self.paymentTerms = paymentTerms
        self.retainer = retainer
    }
}

/// How a file sets the retainer: a block of terms, or `retainer: none` to end one.
enum RetainerSetting: Sendable, Equatable {
    /// `retainer: none`: hourly billing from this version on.
    case none
    /// A retainer block; `overageRateWritten` is false when `overage_rate` was left to default to `rate`.
    case terms(RetainerTerms, overageRateWritten: Bool)
}

/// The billing figures one file writes (client.md, or a terms version): each key set or not.
struct WrittenFigures: Sendable, Equatable {
    /// `rate`.
    var rate: MinorUnits?
    /// `travel_rate`.
    var travelRate: MinorUnits?
    /// `mileage_rate`.
    var mileageRate: MinorUnits?
    /// `distance_unit`.
    var distanceUnit: DistanceUnit?
    /// `increment`, in minutes.
    var increment: Int?
    /// `core_hours`.
    var coreHours: CoreHours?
    /// `out_of_hours_rate`.
    var outOfHoursRate: MinorUnits?
    /// `payment_terms`, in days.
    var paymentTerms: Int?
    /// `retainer`.
    var retainer: RetainerSetting?

    /// Creates figures with the given keys set.
    init(
        rate: MinorUnits? = nil, travelRate: MinorUnits? = nil, mileageRate: MinorUnits? = nil,
        distanceUnit: DistanceUnit? = nil, increment: Int? = nil, coreHours: CoreHours? = nil,
        outOfHoursRate: MinorUnits? = nil, paymentTerms: Int? = nil, retainer: RetainerSetting? = nil
    ) {
        self.rate = rate
        self.travelRate = travelRate
        self.mileageRate = mileageRate
        self.distanceUnit = distanceUnit
        self.increment = increment
        self.coreHours = coreHours
        self.outOfHoursRate = outOfHoursRate
        self.paymentTerms = paymentTerms
        self.retainer = retainer
    }

    /// The front-matter keys of the billing figures, in the order they are documented.
    static let keys = [
        "rate", "travel_rate", "mileage_rate", "distance_unit", "increment", "core_hours",
        "out_of_hours_rate", "payment_terms", "retainer",
    ]

    /// Whether the file sets no billing figure.
    var isEmpty: Bool { self == WrittenFigures() }

    /// The keys this file sets, in documented order.
    var writtenKeys: [String] {
        var keys: [String] = []
        if rate != nil { keys.append("rate") }
        if travelRate != nil { keys.append("travel_rate") }
        if mileageRate != nil { keys.append("mileage_rate") }
        if distanceUnit != nil { keys.append("distance_unit") }
        if increment != nil { keys.append("increment") }
        if coreHours != nil { keys.append("core_hours") }
        if outOfHoursRate != nil { keys.append("out_of_hours_rate") }
        if paymentTerms != nil { keys.append("payment_terms") }
        if retainer != nil { keys.append("retainer") }
        return keys
    }

    /// Keys set here win over keys set in `older` (key by key).
    func overriding(_ older: WrittenFigures) -> WrittenFigures {
        WrittenFigures(
            rate: rate ?? older.rate, travelRate: travelRate ?? older.travelRate,
            mileageRate: mileageRate ?? older.mileageRate, distanceUnit: distanceUnit ?? older.distanceUnit,
            increment: increment ?? older.increment, coreHours: coreHours ?? older.coreHours,
            outOfHoursRate: outOfHoursRate ?? older.outOfHoursRate,
            paymentTerms: paymentTerms ?? older.paymentTerms, retainer: retainer ?? older.retainer)
    }

    /// The figures with every default applied: `travel_rate`, `out_of_hours_rate` and `overage_rate` default
    /// to the `rate` in force, `payment_terms` to the business's.
    func resolved(defaultPaymentTerms: Int) -> BillingFigures {
        let rate = self.rate ?? 0
        var retainer: RetainerTerms?
        if case .terms(var terms, let overageWritten) = self.retainer {
            if !overageWritten { terms.overageRate = rate }
            retainer = terms
        }
        return BillingFigures(
            rate: rate, travelRate: travelRate, mileageRate: mileageRate,
            distanceUnit: distanceUnit ?? .mi, increment: increment ?? 1, coreHours: coreHours,
            outOfHoursRate: outOfHoursRate, paymentTerms: paymentTerms ?? defaultPaymentTerms,
            retainer: retainer)
    }
}

extension WrittenFigures {
    /// Reads the billing figure keys from front matter (client.md or a terms version). Problems are reported
    /// on `fields`; a key with a bad value is left unset.
    static func read(_ fields: FieldReader, currency: Currency, rateRequired: Bool) -> WrittenFigures {
        var figures = WrittenFigures()
        figures.rate = fields.money("rate", currency: currency, required: rateRequired)
        figures.travelRate = fields.money("travel_rate", currency: currency)
        figures.mileageRate = fields.money("mileage_rate", currency: currency)
        figures.distanceUnit = fields.choice("distance_unit", DistanceUnit.self)
        if let increment = fields.duration("increment") {
            if increment > 240 {
                fields.error(
                    field: "increment",
                    "`increment` must be at most 4h; expected a rounding step like `6m`, `15m` or `30m`")
            } else {
                figures.increment = increment
            }
        }
        figures.paymentTerms = fields.integer("payment_terms", in: 0...365)
        if let text = fields.string("core_hours") {
            switch CoreHours.parse(text) {
            case .success(let hours): figures.coreHours = hours
            case .failure(let message): fields.error(field: "core_hours", "`core_hours`: \(message.text)")
            }
        }
        figures.outOfHoursRate = fields.money("out_of_hours_rate", currency: currency)
        if let node = fields.node("retainer") {
            if let scalar = node.scalar {
                if scalar.string.trimmingWhitespace().lowercased() == "none" {
                    figures.retainer = RetainerSetting.none
                } else {
                    fields.error(
                        field: "retainer",
                        "`retainer` must be a group of fields like `retainer: { hours: 20, fee: 550.00 }`, or `none` to end a retainer; found `\(scalar.string)`"
                    )
                }
            } else if let group = fields.group("retainer") {
                if let terms = RetainerTerms.parse(group, currency: currency) {
                    figures.retainer = .terms(terms.terms, overageRateWritten: terms.overageWritten)
                }
                group.finish()
                fields.adopt(group)
            }
        }
        return figures
    }
}
