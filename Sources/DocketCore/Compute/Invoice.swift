/// An invoice with every figure computed: its lines, VAT, total, payments and derived status.
struct Invoice: Sendable {
    /// The record as written.
    var record: InvoiceRecord
    /// The lines, in the order printed.
    var lines: [InvoiceLine]
    /// Sum of the lines.
    var subtotal: MinorUnits
    /// How VAT applies (the client's treatment), or nil when the business is not VAT registered.
    var vatTreatment: VATTreatment?
    /// The VAT rate charged (0 for a zero-rated supply), or nil when no VAT is charged.
    var vatRate: FixedDecimal?
    /// VAT: subtotal × rate / 100, rounded half up.
    var vat: MinorUnits
    /// Subtotal plus VAT.
    var total: MinorUnits
    /// Sum of payments.
    var paid: MinorUnits
    /// Total minus paid.
    var balance: MinorUnits
    /// The due date (as written, or issued + payment terms).
    var due: CalendarDate
    /// Draft, sent, paid, overdue or void.
    var status: InvoiceStatus
    /// Whole days past the due date (0 unless overdue).
    var daysOverdue: Int
    /// The month whose time, travel, mileage and expenses it bills (the month before `period` for a
    /// retainer billed in advance).
    var usageMonth: YearMonth?
    /// The terms version(s) in force during the period (or on the supply date).
    var terms: [Terms]

    /// The invoice number.
    var number: String { record.number }
    /// Whether the invoice is shown to the client (sent, paid or overdue).
    var isPublished: Bool { status != .draft && status != .void }
}

/// The status shown for an invoice. Paid and overdue are derived from payments and today's date.
enum InvoiceStatus: String, Sendable {
    /// Not sent; never published.
    case draft
    /// Sent, not yet due or not yet paid.
    case sent
    /// Balance is zero or less.
    case paid
    /// Past its due date with a balance.
    case overdue
    /// Cancelled; never published.
    case void
}

/// One line of an invoice.
struct InvoiceLine: Sendable, Equatable {
    /// What the line bills.
    enum Kind: String, Sendable {
        /// Hourly work in core hours.
        case work
        /// Work outside core hours.
        case outOfHours = "out_of_hours"
        /// The retainer's monthly fee.
        case retainerFee = "retainer_fee"
        /// Work beyond the retainer's available hours.
        case overage
        /// Travel time.
        case travel
        /// Mileage.
        case mileage
        /// One expense, at cost.
        case expense
        /// A line written on the invoice by hand.
        case extra
    }

    /// How much of what.
    enum Quantity: Sendable, Equatable {
        /// Minutes, shown as hours to two decimals.
        case minutes(Int)
        /// A distance in a unit, exactly; shown to one decimal.
        case distance(Rational, DistanceUnit)
        /// A count of units (1 month, 1 item).
        case count(Int, unit: String)
    }

    /// What the line bills.
    var kind: Kind
    /// The description printed.
    var description: String
    /// The quantity.
    let quantity: Quantity
    /// The price of one unit (an hour, a mile, a month, an item), in minor units.
    let unitPrice: MinorUnits
    /// The amount, rounded half up once from the exact product.
    let amount: MinorUnits
    /// The month whose hours page explains the line.
    var month: YearMonth?
    /// The day of an expense, for a link to it.
    var date: CalendarDate?

    /// The quantity as printed, with enough decimals that quantity × unit price, rounded half up, is the
    /// line's amount: `12.50` or `9.3667` (hours, at least two decimals), `46.0` or `10.25` (distance, at
    /// least one), `1`. Worked out once, when the line is made (pages, data.json and seals all print it).
    let quantityText: String

    /// Creates a line; its printed quantity follows from the quantity, unit price and amount.
    init(
        kind: Kind, description: String, quantity: Quantity, unitPrice: MinorUnits, amount: MinorUnits,
        month: YearMonth? = nil, date: CalendarDate? = nil
    ) {
        self.kind = kind
        self.description = description
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.amount = amount
        self.month = month
        self.date = date
        switch quantity {
        case .minutes(let minutes):
            quantityText = CheckableQuantity.text(
                Rational(minutes, 60), minDecimals: 2, unitPrice: unitPrice, amount: amount)
        case .distance(let distance, _):
            quantityText = CheckableQuantity.text(distance, minDecimals: 1, unitPrice: unitPrice, amount: amount)
        case .count(let count, _):
            quantityText = String(count)
        }
    }

    /// The unit: `h`, `mi`, `km`, `month`, `item`.
    var unit: String {
        switch quantity {
        case .minutes: return "h"
        case .distance(_, let unit): return unit.rawValue
        case .count(_, let unit): return unit
        }
    }
}
