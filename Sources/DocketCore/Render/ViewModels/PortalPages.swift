/// View models for the portal pages. Templates see stored properties only (each type's conversion in
/// TemplateFields.swift writes every one, which TemplateFieldsTests checks), so every flag a template tests
/// is stored. Every field is plain text for `{{ }}` (escaped) unless its name
/// ends in `HTML`, which only ever holds HTML that cmark rendered in safe mode.
enum PortalPages {}

/// What the shared layout needs on every page.
struct PageChrome: Sendable {
    /// The Content-Security-Policy of every plain page: only the portal's own stylesheet and images, no
    /// scripts, no forms, nothing from elsewhere.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'"

    /// The Content-Security-Policy meta tag's value.
    var csp: String = PageChrome.contentSecurityPolicy
    /// The `<title>`.
    var title: String
    /// Relative path from the page to the site root (`../../`), for assets and links.
    var root: String
    /// Relative path from the page to the portal root (`../`).
    var portalRoot: String
    /// The VA's business name.
    var business: String
    /// The VA's email address (business.md `email`), for the footer's contact line; nil on the dashboard.
    var businessEmail: String? = nil
    /// `mailto:` and `businessEmail`, percent-encoded (`HTML.mailto`).
    var businessMailto: String? = nil
    /// The client's name, or nil on pages that belong to no client.
    var clientName: String?
    /// The date the figures are as of, for people.
    var asOf: String
    /// Navigation links of the portal.
    var nav: [NavLink]
    /// Whether there is any navigation.
    var hasNav: Bool
}

/// A link in the portal's navigation.
struct NavLink: Sendable {
    /// Link text.
    var label: String
    /// Relative target.
    var href: String
    /// Whether it is the page being shown.
    var current: Bool
}

/// A retainer position as shown on pages.
struct RetainerView: Sendable {
    /// `20h`.
    var included: String
    /// `1h 30m`.
    var rolloverIn: String
    /// Whether any hours rolled in.
    var hasRolloverIn: Bool
    /// Included plus rolled in.
    var available: String
    /// In-hours work used.
    var used: String
    /// Unused hours.
    var remaining: String
    /// Hours beyond available.
    var overage: String
    /// Whether the month went over.
    var isOver: Bool
    /// Carried into the next month.
    var rolloverOut: String
    /// Rolled-in hours not used that lapse.
    var expired: String
    /// Whether any rolled-in hours lapsed.
    var hasExpired: Bool
    /// Bar width of the used share, 0–100.
    var usedPercent: Int
    /// Whether the retainer allows rollover at all.
    var allowsRollover: Bool
    /// The cap on rollover, `5h`.
    var rolloverCap: String
    /// Hours beyond available at the overage rate, `£64.00`.
    var overageAmount: String
    /// The overage rate, `£32.00`.
    var overageRate: String

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
struct MonthSummaryView: Sendable {
    /// `2026-11`.
    var month: String
    /// `November 2026`.
    var label: String
    /// Link to the month's hours page from the portal root.
    var href: String
    /// Logged work (raw).
    var logged: String
    /// Billable work, in and out of hours (rounded).
    var billable: String
    /// Billable work inside core hours.
    var inHours: String
    /// Out-of-hours work.
    var outOfHours: String
    /// Whether there was any out-of-hours work.
    var hasOutOfHours: Bool
    /// Unbilled work given free.
    var unbilled: String
    /// Whether any work was unbilled.
    var hasUnbilled: Bool
    /// Travel time.
    var travel: String
    /// Whether there was travel.
    var hasTravel: Bool
    /// Distance to one decimal with its unit.
    var distance: String
    /// Whether there was mileage.
    var hasDistance: Bool
    /// Expenses total.
    var expenses: String
    /// Number of expenses.
    var expenseCount: Int
    /// Whether there were expenses.
    var hasExpenses: Bool
    /// Whether a timesheet exists for the month.
    var hasTimesheet: Bool
    /// The retainer position, nil for hourly months.
    var retainer: RetainerView?
}

/// The overview page.
struct OverviewPage: Sendable {
    /// Layout data.
    var page: PageChrome
    /// The client's name.
    var clientName: String
    /// The contact person.
    var contact: String
    /// This month's figures (nil before the client's first month).
    var current: MonthSummaryView?
    /// Whether the current month is the month of today.
    var currentIsThisMonth: Bool
    /// Whether the client has a retainer.
    var hasRetainer: Bool
    /// Retainer terms for people (`20h a month for £550.00`).
    var retainerTerms: String?
    /// Rollover rule for people.
    var rolloverRule: String?
    /// Recent months, newest first, up to twelve.
    var recentMonths: [MonthSummaryView]
    /// Whether there are any months to list.
    var hasRecentMonths: Bool
    /// Whether core hours are agreed.
    var hasCoreHours: Bool
    /// Agreed core hours by day.
    var coreHours: [CoreHoursRow]
    /// Rates for people: only those that apply to the client today (no hourly rate for work a retainer
    /// covers).
    var rates: [RateRow]
    /// Since when today's figures apply: `since Friday 1 January 2027 (terms version 2).`; nil when they
    /// are client.md's alone.
    var figuresSince: String?
    /// Figures that agreed terms change later, old → new.
    var upcomingChanges: [FigureChange]
    /// Whether agreed terms change figures later.
    var hasUpcomingChanges: Bool
    /// When the next agreed change takes effect, `Friday 1 January 2027 (terms version 2)`.
    var upcomingFrom: String
    /// What this month comes to so far at the figures in force: an estimate of the next invoice.
    var estimate: EstimateView?
    /// Balance, due dates and the latest invoice.
    var account: AccountView
    /// The terms in force today, if any.
    var termsInForce: TermsVersionView?
    /// Whether no agreed terms are in force today.
    var noTerms: Bool
    /// Proposed terms awaiting approval.
    var proposals: [TermsVersionView]
    /// Whether any proposal awaits approval.
    var hasProposals: Bool
    /// Open deliverables, soonest due first.
    var openDeliverables: [DeliverableView]
    /// Whether any deliverable is open.
    var hasOpenDeliverables: Bool
    /// The portal's calendar of due dates (`calendar.ics`), or nil (an encrypted portal has none).
    var calendarHref: String? = nil
}

/// What a month comes to so far, before it is invoiced: the next invoice's lines, as an estimate.
struct EstimateView: Sendable {
    /// `November 2026 so far`.
    var label: String
    /// The lines it would bill.
    var lines: [InvoiceLineView]
    /// Whether VAT would be charged.
    var hasVAT: Bool
    /// VAT, `£12.00`.
    var vat: String
    /// The total so far, `£612.00`.
    var total: String
}

/// A row of the core-hours table.
struct CoreHoursRow: Sendable {
    /// `Monday to Thursday`.
    var days: String
    /// `09:00–15:00` or `out of hours all day`.
    var hours: String
}

/// A row of the rates table.
struct RateRow: Sendable {
    /// What the rate is for.
    var label: String
    /// The rate.
    var value: String
}

/// The hours page of one month (also the monthly report).
struct HoursPage: Sendable {
    /// Layout data.
    var page: PageChrome
    /// The client's name.
    var clientName: String
    /// The month's totals.
    var summary: MonthSummaryView
    /// Rows of the "by kind" table.
    var kinds: [KindRow]
    /// Rows of the "by tag" table.
    var tags: [TagRow]
    /// Whether any work was logged.
    var hasTags: Bool
    /// The days, in date order.
    var days: [DayView]
    /// Whether any day was logged.
    var hasDays: Bool
    /// The client's rounding step for people (`15 minutes`), nil when there is none.
    var increment: String?
    /// Agreed core hours text, nil when every hour is core.
    var coreHours: String?
    /// The month before, if it has a page.
    var previous: MonthLink?
    /// The month after, if it has a page.
    var next: MonthLink?
    /// The tag chart's height in SVG units.
    var chartHeight: Int
    /// Out-of-hours work as a share of billable work, `12%`.
    var outOfHoursShare: String
    /// Deliverables due or delivered in the month.
    var deliverables: [DeliverableView]
    /// Whether any deliverable was due or delivered in the month.
    var hasDeliverables: Bool
    /// The invoice that bills the month, if published.
    var invoice: InvoiceSummaryView?
}

/// A link to another month's page.
struct MonthLink: Sendable {
    /// `October 2026`.
    var label: String
    /// Relative link.
    var href: String
}

/// A row of the "by kind" table.
struct KindRow: Sendable {
    /// What it is.
    var label: String
    /// How much.
    var quantity: String
    /// How it is billed, in plain words.
    var note: String
}

/// A row of the "by tag" chart.
struct TagRow: Sendable {
    /// The tag.
    var tag: String
    /// Time logged.
    var time: String
    /// Bar width, 0–100, relative to the largest tag.
    var percent: Int
    /// The bar's width in chart units (0–300).
    var barWidth: Int
    /// The row's top in chart units.
    var y: Int
    /// The baseline of the row's labels in chart units.
    var textY: Int
    /// Where the time label starts, just after the bar.
    var valueX: Int
}

/// One day on the hours page.
struct DayView: Sendable {
    /// `2026-11-02`.
    var date: String
    /// `Monday 2 November 2026`.
    var label: String
    /// The day's entries.
    var entries: [EntryView]
    /// Notes under the day, rendered by cmark (safe mode).
    var notesHTML: [String]
    /// Whether there are notes.
    var hasNotes: Bool
    /// A `mailto:` link to the VA asking about this day.
    var questionHref: String? = nil
}

/// One entry on the hours page.
struct EntryView: Sendable {
    /// `work`, `travel`, `mileage`, `expense`.
    var kind: String
    /// A word for people: `Work`, `Travel`, …
    var kindLabel: String
    /// What was logged: `09:00–10:30`, `1h 15m`, `46.0 mi`, `£12.50`.
    var quantity: String
    /// The description.
    var description: String
    /// Tags without `#`.
    var tags: [String]
    /// Details written under the entry, rendered by cmark (safe mode).
    var detailsHTML: String
    /// Whether there are details.
    var hasDetails: Bool
    /// What it counts for: `1h 30m`, `1h 30m (45m out of hours)`, `not charged`.
    var counted: String
    /// Whether the entry is `#unbilled`.
    var unbilled: Bool
    /// Whether any of it is out of hours.
    var outOfHours: Bool
}

/// The site's `public/index.html`: names the business and no client.
struct IndexPage: Sendable {
    /// Layout data.
    var page: PageChrome
}
