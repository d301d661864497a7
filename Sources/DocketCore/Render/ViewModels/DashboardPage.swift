/// The dashboard page.
struct DashboardPage: Sendable {
    /// Layout data.
    var page: PageChrome
    /// `November 2026`.
    var month: String
    /// Overdue invoices: client, number, days overdue, balance; each with its invoice page (`href`) and a
    /// reminder to email (`mailto`).
    var chase: [DashboardRow]
    /// Each active client's report of last month to email.
    var reports: [EmailLink]
    /// Whether there is any report to email.
    var hasReports: Bool
    /// Whether anything is overdue.
    var hasChase: Bool
    /// What is overdue, one total per currency joined by "and": `£70.00` or `£70.00 and €120.00`.
    var chaseTotal: String
    /// What is overdue, one total per currency (the business currency first), each with its symbol.
    var chaseTotals: [String]
    /// Balance per client: client, balance, overdue.
    var balances: [DashboardRow]
    /// Retainer burn: client, used of available, percent, overage.
    var burn: [DashboardRow]
    /// Whether any client has a retainer (so the burn table has rows and its header row).
    var hasBurn: Bool
    /// Unbilled time: client, this month, all months.
    var unbilled: [DashboardRow]
    /// Out-of-hours work: client, this month, all months.
    var outOfHours: [DashboardRow]
    /// Time by tag: tag, total, entries, average per entry.
    var tags: [DashboardRow]
    /// Clients with work but no agreed terms: client, months.
    var noTerms: [DashboardRow]
    /// Whether any client has work with no agreed terms.
    var hasNoTerms: Bool
    /// Proposals awaiting approval: client, version, effective.
    var proposals: [DashboardRow]
    /// Whether any proposal awaits approval.
    var hasProposals: Bool
    /// Each active client's portal, by its local path.
    var portals: [PortalLink]
    /// This month so far, estimated per client not yet invoiced for it: client, amount.
    var soFar: [DashboardRow]
    /// Whether any client has an estimate this month.
    var hasSoFar: Bool
    /// The month so far, one total per currency (the business currency first), each with its symbol.
    var soFarTotals: [String]
    /// Every active client's dates as a calendar (`calendar.ics`, beside the dashboard).
    var calendarHref: String
}

/// A table row of text cells.
struct DashboardRow: Sendable {
    /// The cells, in column order.
    var cells: [String]
    /// A page the row is about, relative to the dashboard (the chase list's invoice pages).
    var href: String? = nil
    /// A `mailto:` link with an email about the row (the chase list's reminders).
    var mailto: String? = nil
    /// The same email's file in `outbox/`.
    var draft: String? = nil
}

/// An email the dashboard offers to send.
struct EmailLink: Sendable {
    /// The client's name.
    var client: String
    /// What it is about: `October 2026`.
    var about: String
    /// The `mailto:` link.
    var mailto: String
    /// The page it links to, relative to the dashboard.
    var page: String
    /// The same email's file in `outbox/`, relative to the dashboard (`../outbox/…`).
    var draft: String
}

/// A `Portal` as the dashboard lists it: the client's name and the overview's path from the dashboard.
struct PortalLink: Sendable {
    /// Client name.
    var name: String
    /// Relative path from the dashboard.
    var href: String
}
