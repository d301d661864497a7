/// The VA's own cross-client view, computed from every client. Written outside `public/`, never uploaded.
public struct Dashboard: Sendable {
    /// An overdue invoice to chase.
    public struct Chase: Sendable, Equatable {
        /// Client name.
        public var client: String
        /// Invoice number.
        public var number: String
        /// Days past due.
        public var daysOverdue: Int
        /// What is still owed, in minor units.
        public var balance: MinorUnits
    }

    /// A client with an amount of money.
    public struct ClientMoney: Sendable, Equatable {
        /// Client name.
        public var client: String
        /// Balance owed, in minor units.
        public var balance: MinorUnits
        /// The overdue part, in minor units.
        public var overdue: MinorUnits
    }

    /// A client with minutes this month and over all months.
    public struct ClientMinutes: Sendable, Equatable {
        /// Client name.
        public var client: String
        /// Minutes in the current month.
        public var thisMonth: Int
        /// Minutes over every month.
        public var total: Int
    }

    /// This month's retainer use of a client.
    public struct Burn: Sendable, Equatable {
        /// Client name.
        public var client: String
        /// Used minutes.
        public var used: Int
        /// Available minutes.
        public var available: Int
        /// Minutes beyond available.
        public var overage: Int
    }

    /// Time logged under a tag across clients.
    public struct TagStat: Sendable, Equatable {
        /// The tag.
        public var tag: String
        /// Raw minutes of work carrying it.
        public var minutes: Int
        /// Number of work entries carrying it.
        public var entries: Int
        /// Average minutes per entry, rounded half up.
        public var averageMinutes: Int
    }

    /// A proposal waiting for the client.
    public struct Proposal: Sendable, Equatable {
        /// Client name.
        public var client: String
        /// Version number.
        public var version: Int
        /// Effective date.
        public var effective: CalendarDate
    }

    /// Overdue invoices, most overdue first.
    public var chase: [Chase]
    /// Balance owed per client (clients with published invoices), largest first.
    public var balances: [ClientMoney]
    /// This month's retainer use per active retainer client.
    public var burn: [Burn]
    /// Unbilled work given per client (clients that gave any).
    public var unbilled: [ClientMinutes]
    /// Out-of-hours work per client (clients with any).
    public var outOfHours: [ClientMinutes]
    /// Time by tag across every client, most first.
    public var tags: [TagStat]
    /// Clients with logged work in months that no agreed terms cover, with those months.
    public var noTerms: [(client: String, months: [YearMonth])]
    /// Proposed terms awaiting approval.
    public var proposals: [Proposal]

    /// Computes the dashboard as of `today`.
    public init(clients: [ComputedClient], today: CalendarDate) {
        let month = today.yearMonth
        chase = clients.flatMap { client in
            client.statement.overdue.map { Chase(client: client.client.name, number: $0.number,
                                                 daysOverdue: $0.daysOverdue, balance: $0.balance) }
        }.sorted { ($0.daysOverdue, $1.number) > ($1.daysOverdue, $0.number) }
        balances = clients.filter { !$0.publishedInvoices.isEmpty }.map { client in
            ClientMoney(client: client.client.name, balance: client.statement.balance,
                        overdue: client.statement.overdue.reduce(0) { $0 + $1.balance })
        }.sorted { ($0.balance, $1.client) > ($1.balance, $0.client) }
        burn = clients.filter { $0.client.status == .active }.compactMap { client in
            guard let current = client.figures.current, current.month == month, let position = current.retainer else { return nil }
            return Burn(client: client.client.name, used: position.usedMinutes, available: position.availableMinutes,
                        overage: position.overageMinutes)
        }
        func minutes(_ key: (MonthFigures) -> Int) -> [ClientMinutes] {
            clients.map { client in
                ClientMinutes(client: client.client.name,
                              thisMonth: client.figures.months.first { $0.month == month }.map(key) ?? 0,
                              total: client.figures.months.reduce(0) { $0 + key($1) })
            }.filter { $0.total > 0 }
        }
        unbilled = minutes(\.unbilledMinutes)
        outOfHours = minutes(\.outOfHoursMinutes)
        var tagTotals: [String: (minutes: Int, entries: Int)] = [:]
        for client in clients {
            for entry in client.content.timesheets.flatMap(\.entries) {
                guard case .work(let span) = entry.kind else { continue }
                let tags = entry.tags.filter { $0 != "unbilled" }
                for tag in tags.isEmpty ? ["untagged"] : tags {
                    tagTotals[tag, default: (0, 0)].minutes += span.minutes
                    tagTotals[tag, default: (0, 0)].entries += 1
                }
            }
        }
        tags = tagTotals.map { TagStat(tag: $0.key, minutes: $0.value.minutes, entries: $0.value.entries,
                                       averageMinutes: Rational($0.value.minutes, $0.value.entries).roundedHalfUp()) }
            .sorted { ($0.minutes, $1.tag) > ($1.minutes, $0.tag) }
        noTerms = clients.filter { $0.client.status == .active }.compactMap { client in
            let months = BillingChecks.monthsWithoutTerms(client.content, figures: client.figures)
            return months.isEmpty ? nil : (client.client.name, months)
        }
        proposals = clients.filter { $0.client.status == .active }.flatMap { client -> [Proposal] in
            let current = Terms.inForce(on: today, in: client.content.terms)?.version ?? 0
            return client.content.terms.filter { $0.status == .proposed && $0.version > current }
                .map { Proposal(client: client.client.name, version: $0.version, effective: $0.effective) }
        }
    }
}
