/// The dashboard page.
struct DashboardPage: Sendable {
    /// Layout data.
    var page: PageChrome
    /// `November 2026`.
    var month: String
    /// Overdue invoices: client, number, days overdue, balance.
    var chase: [DashboardRow]
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
    /// Unbilled time: client, this month, all months.
    var unbilled: [DashboardRow]
    /// Out-of-hours work: client, this month, all months.
    var outOfHours: [DashboardRow]
    /// Time by tag: tag, total, entries, average per entry.
    var tags: [DashboardRow]
    /// Clients with work but no agreed terms: client, months.
    var noTerms: [DashboardRow]
    /// Proposals awaiting approval: client, version, effective.
    var proposals: [DashboardRow]
    /// Each active client's portal, by its local path.
    var portals: [PortalLink]
    /// This month so far, estimated per client not yet invoiced for it: client, amount.
    var soFar: [DashboardRow]
    /// The month so far, one total per currency (the business currency first), each with its symbol.
    var soFarTotals: [String]
    /// Every active client's dates as a calendar (`calendar.ics`, beside the dashboard).
    var calendarHref: String
}

/// A table row of text cells.
struct DashboardRow: Sendable {
    /// The cells, in column order.
    var cells: [String]
}

/// A `Portal` as the dashboard lists it: the client's name and the overview's path from the dashboard.
struct PortalLink: Sendable {
    /// Client name.
    var name: String
    /// Relative path from the dashboard.
    var href: String
}
