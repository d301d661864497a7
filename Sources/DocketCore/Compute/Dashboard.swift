/// The VA's own cross-client view, computed from every client. Written outside `public/`, never uploaded.
struct Dashboard: Sendable {
    /// An overdue invoice to chase.
    struct Chase: Sendable, Equatable {
        /// Client name.
        var client: String
        /// Invoice number.
        var number: String
        /// Days past due.
        var daysOverdue: Int
        /// What is still owed, in minor units of `currency`.
        var balance: MinorUnits
        /// The client's currency.
        var currency: Currency
    }

    /// A client with an amount of money.
    struct ClientMoney: Sendable, Equatable {
        /// Client name.
        var client: String
        /// Balance owed, in minor units of `currency`.
        var balance: MinorUnits
        /// The overdue part, in minor units of `currency`.
        var overdue: MinorUnits
        /// The client's currency.
        var currency: Currency
    }

    /// A sum of amounts in one currency (amounts in different currencies are never added together).
    struct Total: Sendable, Equatable {
        /// The currency.
        var currency: Currency
        /// The sum, in minor units of `currency`.
        var amount: MinorUnits
    }

    /// A client with minutes this month and over all months.
    struct ClientMinutes: Sendable, Equatable {
        /// Client name.
        var client: String
        /// Minutes in the current month.
        var thisMonth: Int
        /// Minutes over every month.
        var total: Int
    }

    /// This month's retainer use of a client.
    struct Burn: Sendable, Equatable {
        /// Client name.
        var client: String
        /// Used minutes.
        var used: Int
        /// Available minutes.
        var available: Int
        /// Minutes beyond available.
        var overage: Int
        /// The overage at the overage rate in force, in minor units of `currency`.
        var overageAmount: MinorUnits = 0
        /// The client's currency.
        var currency: Currency = .gbp
    }

    /// What a client's month comes to so far (an estimate of the next invoice).
    struct SoFar: Sendable, Equatable {
        /// Client name.
        var client: String
        /// The estimated total, in minor units of `currency`.
        var amount: MinorUnits
        /// The client's currency.
        var currency: Currency
    }

    /// Time logged under a tag across clients.
    struct TagStat: Sendable, Equatable {
        /// The tag.
        var tag: String
        /// Raw minutes of work carrying it.
        var minutes: Int
        /// Number of work entries carrying it.
        var entries: Int
        /// Average minutes per entry, rounded half up.
        var averageMinutes: Int
    }

    /// A proposal waiting for the client.
    struct Proposal: Sendable, Equatable {
        /// Client name.
        var client: String
        /// Version number.
        var version: Int
        /// Effective date.
        var effective: CalendarDate
    }

    /// Overdue invoices, most overdue first.
    var chase: [Chase]
    /// What is overdue, one total per currency: the business currency first, then the others by code.
    var chaseTotals: [Total]
    /// Balance owed per client (clients with published invoices): grouped by currency as `chaseTotals` is
    /// ordered, largest first within each.
    var balances: [ClientMoney]
    /// This month's retainer use per active retainer client.
    var burn: [Burn]
    /// What this month comes to so far per active client not yet invoiced for it: grouped by currency as
    /// `chaseTotals` is ordered, largest first within each.
    var soFar: [SoFar]
    /// The month so far, one total per currency, ordered as `chaseTotals`.
    var soFarTotals: [Total]
    /// Unbilled work given per client (clients that gave any).
    var unbilled: [ClientMinutes]
    /// Out-of-hours work per client (clients with any).
    var outOfHours: [ClientMinutes]
    /// Time by tag across every client, most first.
    var tags: [TagStat]
    /// Clients with logged work in months that no agreed terms cover, with those months.
    var noTerms: [(client: String, months: [YearMonth])]
    /// Proposed terms awaiting approval.
    var proposals: [Proposal]
    /// Every active client's calendar dates, in date order, each with the client's name.
    var events: [(client: String, event: CalendarEvent)]
    /// What the emails to each active client are made from, in client order, each with the client's name and currency.
    var mail: [(client: String, currency: Currency, mail: ClientMail)]

    /// What one client adds to the dashboard: computed from that client alone, so a build can keep it for a
    /// client that did not change (in the build record) and merge it with the others'.
    struct ClientPart: Sendable, Equatable {
        /// Overdue invoices.
        var chase: [Chase]
        /// Balance and overdue total, when the client has published invoices.
        var balance: ClientMoney?
        /// This month's retainer position (active retainer clients).
        var burn: Burn?
        /// Unbilled minutes this month and in all.
        var unbilled: ClientMinutes
        /// Out-of-hours minutes this month and in all.
        var outOfHours: ClientMinutes
        /// Work minutes and entries by tag (`untagged` for none).
        var tagMinutes: [String: Int]
        /// Work entries by tag.
        var tagEntries: [String: Int]
        /// Months worked without agreed terms (active clients).
        var noTermsMonths: [String]
        /// Proposed terms awaiting approval (active clients).
        var proposals: [Proposal]
        /// This month so far at the figures in force, in minor units (active clients with an estimate).
        var soFar: MinorUnits? = nil
        /// The client's calendar dates (active clients).
        var events: [CalendarEvent] = []
        /// What the VA's emails to the client are made from (an archived client's have no report).
        var mail: ClientMail? = nil
        /// The client's name.
        var client: String
        /// The client's currency: every amount of the part is in it.
        var currency: Currency

        /// One client's part as of `today`.
        init(_ client: ComputedClient, today: CalendarDate) {
            let month = today.yearMonth
            let name = client.client.name
            let active = client.client.status == .active
            let currency = client.client.currency
            self.client = name
            self.currency = currency
            chase = client.statement.overdue.map {
                Chase(
                    client: name, number: $0.number, daysOverdue: $0.daysOverdue, balance: $0.balance,
                    currency: currency)
            }
            balance =
                client.publishedInvoices.isEmpty
                ? nil
                : ClientMoney(
                    client: name, balance: client.statement.balance,
                    overdue: client.statement.overdue.reduce(0) { $0 + $1.balance }, currency: currency)
            if active, let current = client.figures.current, current.month == month, let position = current.retainer {
                let rate = client.content.timeline.figures(for: month).retainer?.overageRate ?? 0
                burn = Burn(
                    client: name, used: position.usedMinutes, available: position.availableMinutes,
                    overage: position.overageMinutes,
                    overageAmount: InvoiceCalculator.amount(minutes: position.overageMinutes, hourlyRate: rate),
                    currency: currency)
            } else {
                burn = nil
            }
            func minutes(_ key: (MonthFigures) -> Int) -> ClientMinutes {
                ClientMinutes(
                    client: name, thisMonth: client.figures.months.first { $0.month == month }.map(key) ?? 0,
                    total: client.figures.months.reduce(0) { $0 + key($1) })
            }
            unbilled = minutes(\.unbilledMinutes)
            outOfHours = minutes(\.outOfHoursMinutes)
            var tagMinutes: [String: Int] = [:]
            var tagEntries: [String: Int] = [:]
            for timesheet in client.content.timesheets {
                for entry in timesheet.entries {
                    guard case .work(let span) = entry.kind else { continue }
                    var tagged = false
                    for tag in entry.tags where tag != "unbilled" {
                        tagged = true
                        tagMinutes[tag, default: 0] += span.minutes
                        tagEntries[tag, default: 0] += 1
                    }
                    if !tagged {
                        tagMinutes["untagged", default: 0] += span.minutes
                        tagEntries["untagged", default: 0] += 1
                    }
                }
            }
            self.tagMinutes = tagMinutes
            self.tagEntries = tagEntries
            noTermsMonths =
                active
                ? BillingChecks.monthsWithoutTerms(client.content, figures: client.figures).map(\.description) : []
            if active {
                let current = Terms.inForce(on: today, in: client.content.terms)?.version ?? 0
                proposals = client.content.terms.filter { $0.status == .proposed && $0.version > current }
                    .map { Proposal(client: name, version: $0.version, effective: $0.effective) }
            } else {
                proposals = []
            }
            soFar = active ? client.estimate?.total : nil
            events = active ? CalendarEvent.events(of: client, today: today) : []
            mail = ClientMail(client, today: today, report: active)
        }
    }

    /// Computes the dashboard as of `today`; `businessCurrency` is business.md's (listed first).
    init(clients: [ComputedClient], businessCurrency: Currency, today: CalendarDate) {
        self.init(parts: clients.map { ClientPart($0, today: today) }, businessCurrency: businessCurrency)
    }

    /// Merges the clients' parts, in client order; `businessCurrency` is business.md's (listed first).
    init(parts: [ClientPart], businessCurrency: Currency) {
        // Currencies in order: the business's first, then the others by code.
        func rank(_ currency: Currency) -> String { currency == businessCurrency ? "" : currency.code }
        chase = parts.flatMap(\.chase).sorted { ($0.daysOverdue, $1.number) > ($1.daysOverdue, $0.number) }
        var overdue: [String: Total] = [:]
        for item in chase {
            overdue[rank(item.currency), default: Total(currency: item.currency, amount: 0)].amount += item.balance
        }
        chaseTotals = overdue.sorted { $0.key < $1.key }.map(\.value)
        balances = parts.compactMap(\.balance).sorted {
            (rank($1.currency), $0.balance, $1.client) > (rank($0.currency), $1.balance, $0.client)
        }
        burn = parts.compactMap(\.burn)
        soFar = parts.compactMap { part in
            part.soFar.map { SoFar(client: part.client, amount: $0, currency: part.currency) }
        }
        .sorted { (rank($1.currency), $0.amount, $1.client) > (rank($0.currency), $1.amount, $0.client) }
        var soFarSums: [String: Total] = [:]
        for item in soFar {
            soFarSums[rank(item.currency), default: Total(currency: item.currency, amount: 0)].amount += item.amount
        }
        soFarTotals = soFarSums.sorted { $0.key < $1.key }.map(\.value)
        unbilled = parts.map(\.unbilled).filter { $0.total > 0 }
        outOfHours = parts.map(\.outOfHours).filter { $0.total > 0 }
        var tagTotals: [String: (minutes: Int, entries: Int)] = [:]
        for part in parts {
            for (tag, minutes) in part.tagMinutes {
                tagTotals[tag, default: (0, 0)].minutes += minutes
                tagTotals[tag, default: (0, 0)].entries += part.tagEntries[tag] ?? 0
            }
        }
        tags = tagTotals.map {
            TagStat(
                tag: $0.key, minutes: $0.value.minutes, entries: $0.value.entries,
                averageMinutes: Rational($0.value.minutes, $0.value.entries).roundedHalfUp())
        }
        .sorted { ($0.minutes, $1.tag) > ($1.minutes, $0.tag) }
        noTerms = parts.compactMap { part in
            let months = part.noTermsMonths.compactMap { YearMonth(iso: $0) }
            return months.isEmpty ? nil : (part.client, months)
        }
        proposals = parts.flatMap(\.proposals)
        mail = parts.compactMap { part in part.mail.map { (part.client, part.currency, $0) } }
        // By date, then by client name, then in each client's own order (its events come sorted by date and
        // title): whole numbers compared, the events themselves not moved about while sorting.
        let names = Array(Set(parts.map(\.client))).sorted()
        let rank = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        var keys: [(day: Int, client: Int, part: Int, index: Int)] = []
        for (part, clientPart) in parts.enumerated() {
            let client = rank[clientPart.client] ?? 0
            for (index, event) in clientPart.events.enumerated() {
                keys.append((event.date.dayNumber, client, part, index))
            }
        }
        keys.sort { ($0.day, $0.client, $0.part, $0.index) < ($1.day, $1.client, $1.part, $1.index) }
        events = keys.map { (parts[$0.part].client, parts[$0.part].events[$0.index]) }
    }
}

extension Dashboard.ClientPart {
    /// A part from its values.
    init(
        client: String, currency: Currency, chase: [Dashboard.Chase], balance: Dashboard.ClientMoney?,
        burn: Dashboard.Burn?, unbilled: Dashboard.ClientMinutes, outOfHours: Dashboard.ClientMinutes,
        tagMinutes: [String: Int], tagEntries: [String: Int], noTermsMonths: [String], proposals: [Dashboard.Proposal],
        soFar: MinorUnits? = nil, events: [CalendarEvent] = [], mail: ClientMail? = nil
    ) {
        self.soFar = soFar
        self.mail = mail
        self.events = events
        self.client = client
        self.currency = currency
        self.chase = chase
        self.balance = balance
        self.burn = burn
        self.unbilled = unbilled
        self.outOfHours = outOfHours
        self.tagMinutes = tagMinutes
        self.tagEntries = tagEntries
        self.noTermsMonths = noTermsMonths
        self.proposals = proposals
    }
}
