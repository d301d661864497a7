/// View models for the portal pages. Templates see stored properties only (each type's conversion in
/// TemplateFields.swift writes every one, which TemplateFieldsTests checks), so every flag a template tests
/// is stored. Every field is plain text for `{{ }}` (escaped) unless its name
/// ends in `HTML`, which only ever holds HTML that cmark rendered in safe mode.
public enum PortalPages {}

/// What the shared layout needs on every page.
public struct PageChrome: Sendable {
    /// The Content-Security-Policy of every plain page: only the portal's own stylesheet and images, no
    /// scripts, no forms, nothing from elsewhere.
    public static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'"

    /// The Content-Security-Policy meta tag's value.
    public var csp: String = PageChrome.contentSecurityPolicy
    /// The `<title>`.
    public var title: String
    /// Relative path from the page to the site root (`../../`), for assets and links.
    public var root: String
    /// Relative path from the page to the portal root (`../`).
    public var portalRoot: String
    /// The VA's business name.
    public var business: String
    /// The client's name, or nil on pages that belong to no client.
    public var clientName: String?
    /// The date the figures are as of, for people.
    public var asOf: String
    /// Navigation links of the portal.
    public var nav: [NavLink]
    /// Whether there is any navigation.
    public var hasNav: Bool
}

/// A link in the portal's navigation.
public struct NavLink: Sendable {
    /// Link text.
    public var label: String
    /// Relative target.
    public var href: String
    /// Whether it is the page being shown.
    public var current: Bool
}

/// A retainer position as shown on pages.
public struct RetainerView: Sendable {
    /// `20h`.
    public var included: String
    /// `1h 30m`.
    public var rolloverIn: String
    /// Whether any hours rolled in.
    public var hasRolloverIn: Bool
    /// Included plus rolled in.
    public var available: String
    /// In-hours work used.
    public var used: String
    /// Unused hours.
    public var remaining: String
    /// Hours beyond available.
    public var overage: String
    /// Whether the month went over.
    public var isOver: Bool
    /// Carried into the next month.
    public var rolloverOut: String
    /// Rolled-in hours not used that lapse.
    public var expired: String
    /// Whether any rolled-in hours lapsed.
    public var hasExpired: Bool
    /// Bar width of the used share, 0–100.
    public var usedPercent: Int
    /// Whether the retainer allows rollover at all.
    public var allowsRollover: Bool
    /// The cap on rollover, `5h`.
    public var rolloverCap: String
    /// Hours beyond available at the overage rate, `£64.00`.
    public var overageAmount: String
    /// The overage rate, `£32.00`.
    public var overageRate: String

    init(_ month: RetainerMonth, terms: RetainerTerms, money: (MinorUnits) -> String) {
        included = Formatting.duration(month.includedMinutes)
        rolloverIn = Formatting.duration(month.rolloverInMinutes)
        hasRolloverIn = month.rolloverInMinutes > 0
        available = Formatting.duration(month.availableMinutes)
        used = Formatting.duration(month.usedMinutes)
        remaining = Formatting.duration(month.remainingMinutes)
        overage = Formatting.duration(month.overageMinutes)
        isOver = month.overageMinutes > 0
        rolloverOut = Formatting.duration(month.rolloverOutMinutes)
        expired = Formatting.duration(month.expiredMinutes)
        hasExpired = month.expiredMinutes > 0
        usedPercent = Formatting.percent(month.usedMinutes, of: month.availableMinutes)
        allowsRollover = terms.rolloverMinutes > 0
        rolloverCap = Formatting.duration(terms.rolloverMinutes)
        overageAmount = money(InvoiceCalculator.amount(minutes: month.overageMinutes, hourlyRate: terms.overageRate))
        overageRate = money(terms.overageRate)
    }
}

/// One month's totals as shown on pages.
public struct MonthSummaryView: Sendable {
    /// `2026-11`.
    public var month: String
    /// `November 2026`.
    public var label: String
    /// Link to the month's hours page from the portal root.
    public var href: String
    /// Logged work (raw).
    public var logged: String
    /// Billable work, in and out of hours (rounded).
    public var billable: String
    /// Billable work inside core hours.
    public var inHours: String
    /// Out-of-hours work.
    public var outOfHours: String
    /// Whether there was any out-of-hours work.
    public var hasOutOfHours: Bool
    /// Unbilled work given free.
    public var unbilled: String
    /// Whether any work was unbilled.
    public var hasUnbilled: Bool
    /// Travel time.
    public var travel: String
    /// Whether there was travel.
    public var hasTravel: Bool
    /// Distance to one decimal with its unit.
    public var distance: String
    /// Whether there was mileage.
    public var hasDistance: Bool
    /// Expenses total.
    public var expenses: String
    /// Number of expenses.
    public var expenseCount: Int
    /// Whether there were expenses.
    public var hasExpenses: Bool
    /// Whether a timesheet exists for the month.
    public var hasTimesheet: Bool
    /// The retainer position, nil for hourly months.
    public var retainer: RetainerView?
}

/// The overview page.
public struct OverviewPage: Sendable {
    /// Layout data.
    public var page: PageChrome
    /// The client's name.
    public var clientName: String
    /// The contact person.
    public var contact: String
    /// This month's figures (nil before the client's first month).
    public var current: MonthSummaryView?
    /// Whether the current month is the month of today.
    public var currentIsThisMonth: Bool
    /// Whether the client has a retainer.
    public var hasRetainer: Bool
    /// Retainer terms for people (`20h a month for £550.00`).
    public var retainerTerms: String?
    /// Rollover rule for people.
    public var rolloverRule: String?
    /// Recent months, newest first, up to twelve.
    public var recentMonths: [MonthSummaryView]
    /// Whether there are any months to list.
    public var hasRecentMonths: Bool
    /// Whether core hours are agreed.
    public var hasCoreHours: Bool
    /// Agreed core hours by day.
    public var coreHours: [CoreHoursRow]
    /// Rates for people: only those that apply to the client today (no hourly rate for work a retainer
    /// covers).
    public var rates: [RateRow]
    /// Since when today's figures apply: `since Friday 1 January 2027 (terms version 2).`; nil when they
    /// are client.md's alone.
    public var figuresSince: String?
    /// Figures that agreed terms change later, old → new.
    public var upcomingChanges: [FigureChange]
    /// Whether agreed terms change figures later.
    public var hasUpcomingChanges: Bool
    /// When the next agreed change takes effect, `Friday 1 January 2027 (terms version 2)`.
    public var upcomingFrom: String
    /// What this month comes to so far at the figures in force: an estimate of the next invoice.
    public var estimate: EstimateView?
    /// Balance, due dates and the latest invoice.
    public var account: AccountView
    /// The terms in force today, if any.
    public var termsInForce: TermsVersionView?
    /// Whether no agreed terms are in force today.
    public var noTerms: Bool
    /// Proposed terms awaiting approval.
    public var proposals: [TermsVersionView]
    /// Whether any proposal awaits approval.
    public var hasProposals: Bool
    /// Open deliverables, soonest due first.
    public var openDeliverables: [DeliverableView]
    /// Whether any deliverable is open.
    public var hasOpenDeliverables: Bool
}

/// What a month comes to so far, before it is invoiced: the next invoice's lines, as an estimate.
public struct EstimateView: Sendable {
    /// `November 2026 so far`.
    public var label: String
    /// The lines it would bill.
    public var lines: [InvoiceLineView]
    /// Whether VAT would be charged.
    public var hasVAT: Bool
    /// VAT, `£12.00`.
    public var vat: String
    /// The total so far, `£612.00`.
    public var total: String
}

/// A row of the core-hours table.
public struct CoreHoursRow: Sendable {
    /// `Monday to Thursday`.
    public var days: String
    /// `09:00–15:00` or `out of hours all day`.
    public var hours: String
}

/// A row of the rates table.
public struct RateRow: Sendable {
    /// What the rate is for.
    public var label: String
    /// The rate.
    public var value: String
}

/// The hours page of one month (also the monthly report).
public struct HoursPage: Sendable {
    /// Layout data.
    public var page: PageChrome
    /// The client's name.
    public var clientName: String
    /// The month's totals.
    public var summary: MonthSummaryView
    /// Rows of the "by kind" table.
    public var kinds: [KindRow]
    /// Rows of the "by tag" table.
    public var tags: [TagRow]
    /// Whether any work was logged.
    public var hasTags: Bool
    /// The days, in date order.
    public var days: [DayView]
    /// Whether any day was logged.
    public var hasDays: Bool
    /// The client's rounding step for people (`15 minutes`), nil when there is none.
    public var increment: String?
    /// Agreed core hours text, nil when every hour is core.
    public var coreHours: String?
    /// The month before, if it has a page.
    public var previous: MonthLink?
    /// The month after, if it has a page.
    public var next: MonthLink?
    /// The tag chart's height in SVG units.
    public var chartHeight: Int
    /// Out-of-hours work as a share of billable work, `12%`.
    public var outOfHoursShare: String
    /// Deliverables due or delivered in the month.
    public var deliverables: [DeliverableView]
    /// Whether any deliverable was due or delivered in the month.
    public var hasDeliverables: Bool
    /// The invoice that bills the month, if published.
    public var invoice: InvoiceSummaryView?
}

/// A link to another month's page.
public struct MonthLink: Sendable {
    /// `October 2026`.
    public var label: String
    /// Relative link.
    public var href: String
}

/// A row of the "by kind" table.
public struct KindRow: Sendable {
    /// What it is.
    public var label: String
    /// How much.
    public var quantity: String
    /// How it is billed, in plain words.
    public var note: String
}

/// A row of the "by tag" chart.
public struct TagRow: Sendable {
    /// The tag.
    public var tag: String
    /// Time logged.
    public var time: String
    /// Bar width, 0–100, relative to the largest tag.
    public var percent: Int
    /// The bar's width in chart units (0–300).
    public var barWidth: Int
    /// The row's top in chart units.
    public var y: Int
    /// The baseline of the row's labels in chart units.
    public var textY: Int
    /// Where the time label starts, just after the bar.
    public var valueX: Int
}

/// One day on the hours page.
public struct DayView: Sendable {
    /// `2026-11-02`.
    public var date: String
    /// `Monday 2 November 2026`.
    public var label: String
    /// The day's entries.
    public var entries: [EntryView]
    /// Notes under the day, rendered by cmark (safe mode).
    public var notesHTML: [String]
    /// Whether there are notes.
    public var hasNotes: Bool
}

/// One entry on the hours page.
public struct EntryView: Sendable {
    /// `work`, `travel`, `mileage`, `expense`.
    public var kind: String
    /// A word for people: `Work`, `Travel`, …
    public var kindLabel: String
    /// What was logged: `09:00–10:30`, `1h 15m`, `46.0 mi`, `£12.50`.
    public var quantity: String
    /// The description.
    public var description: String
    /// Tags without `#`.
    public var tags: [String]
    /// Details written under the entry, rendered by cmark (safe mode).
    public var detailsHTML: String
    /// Whether there are details.
    public var hasDetails: Bool
    /// What it counts for: `1h 30m`, `1h 30m (45m out of hours)`, `not charged`.
    public var counted: String
    /// Whether the entry is `#unbilled`.
    public var unbilled: Bool
    /// Whether any of it is out of hours.
    public var outOfHours: Bool
}

/// The site's `public/index.html`: names the business and no client.
public struct IndexPage: Sendable {
    /// Layout data.
    public var page: PageChrome
}
