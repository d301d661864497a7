/// Reading back what `RecordJSON` writes: a client's facts from the build record, with `JSONDecoder`, by the
/// keys and item orders `RecordJSON` defines. (A portal is read by `Portal`'s own `Codable`, whose
/// keys `RecordJSON` writes.)
extension ClientFacts: Decodable {
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RecordJSON.FactsKey.self)
        slug = try container.decode(String.self, forKey: .slug)
        storedToken = try container.decodeIfPresent(String.self, forKey: .storedToken)
        portal = try container.decodeIfPresent(Portal.self, forKey: .portal)
        secretFingerprints = try container.decodeIfPresent([String: String].self, forKey: .secrets) ?? [:]

        var numbers = try container.nestedUnkeyedContainer(forKey: .invoiceNumbers)
        while !numbers.isAtEnd {
            var items = try numbers.nestedUnkeyedContainer()
            invoiceNumbers.append(try RecordJSON.invoiceNumber(from: &items))
        }

        var diagnostics = try container.nestedUnkeyedContainer(forKey: .diagnostics)
        while !diagnostics.isAtEnd {
            let fields = try diagnostics.nestedContainer(keyedBy: RecordJSON.DiagnosticKey.self)
            self.diagnostics.append(
                Diagnostic(
                    try fields.decode(Severity.self, forKey: .severity),
                    path: try fields.decode(String.self, forKey: .path),
                    line: try fields.decode(Int.self, forKey: .line),
                    column: try fields.decode(Int.self, forKey: .column),
                    try fields.decode(String.self, forKey: .message)))
        }

        if container.contains(.dashboard), try !container.decodeNil(forKey: .dashboard) {
            var items = try container.nestedUnkeyedContainer(forKey: .dashboard)
            dashboard = try Self.dashboardPart(from: &items)
        }
    }

    private static func dashboardPart(from items: inout any UnkeyedDecodingContainer) throws -> Dashboard.ClientPart {
        var client = ""
        var currency = Currency.gbp
        var chase: [String] = []
        var balance: [MinorUnits] = []
        var burn: [Int] = []
        var minutes: [Int] = []
        var tagMinutes: [String: Int] = [:]
        var tagEntries: [String: Int] = [:]
        var noTermsMonths: [String] = []
        var proposals: [String] = []
        var soFar: [MinorUnits] = []
        var events: [String] = []
        var mail: [String] = []
        for item in RecordJSON.DashboardItem.inOrder {
            switch item {
            case .client: client = try items.decode(String.self)
            case .currency: currency = try items.decode(Currency.self)
            case .chase: chase = try items.decode([String].self)
            case .balance: balance = try items.decode([MinorUnits].self)
            case .burn: burn = try items.decode([Int].self)
            case .minutes: minutes = try items.decode([Int].self)
            case .tagMinutes: tagMinutes = try items.decode([String: Int].self)
            case .tagEntries: tagEntries = try items.decode([String: Int].self)
            case .noTermsMonths: noTermsMonths = try items.decode([String].self)
            case .proposals: proposals = try items.decode([String].self)
            case .soFar: soFar = try items.decode([MinorUnits].self)
            case .events: events = try items.decode([String].self)
            case .mail: mail = try items.decode([String].self)
            }
        }
        func corrupted(_ what: String) -> DecodingError { .dataCorruptedError(in: items, debugDescription: what) }

        guard chase.count % 3 == 0 else { throw corrupted("chase") }
        let overdue = try stride(from: 0, to: chase.count, by: 3).map { index in
            guard let days = Int(chase[index + 1]), let amount = MinorUnits(chase[index + 2]) else {
                throw corrupted("chase")
            }
            return Dashboard.Chase(
                client: client, number: chase[index], daysOverdue: days, balance: amount, currency: currency)
        }
        guard minutes.count == 4 else { throw corrupted("minutes") }
        guard proposals.count % 2 == 0 else { throw corrupted("proposals") }
        let proposed = try stride(from: 0, to: proposals.count, by: 2).map { index in
            guard let version = Int(proposals[index]), let effective = CalendarDate(iso: proposals[index + 1]) else {
                throw corrupted("proposals")
            }
            return Dashboard.Proposal(client: client, version: version, effective: effective)
        }
        guard events.count % 4 == 0 else { throw corrupted("events") }
        let dates = try stride(from: 0, to: events.count, by: 4).map { index in
            guard let date = CalendarDate(iso: events[index]) else { throw corrupted("events") }
            return CalendarEvent(
                date: date, uid: events[index + 1], summary: events[index + 2], description: events[index + 3])
        }
        var mailFacts: ClientMail?
        if !mail.isEmpty {
            guard let facts = RecordJSON.mail(from: mail) else { throw corrupted("mail") }
            mailFacts = facts
        }
        return Dashboard.ClientPart(
            client: client, currency: currency, chase: overdue,
            balance: balance.count == 2
                ? Dashboard.ClientMoney(client: client, balance: balance[0], overdue: balance[1], currency: currency)
                : nil,
            burn: burn.count == 4
                ? Dashboard.Burn(
                    client: client, used: burn[0], available: burn[1], overage: burn[2], overageAmount: burn[3],
                    currency: currency) : nil,
            unbilled: Dashboard.ClientMinutes(client: client, thisMonth: minutes[0], total: minutes[1]),
            outOfHours: Dashboard.ClientMinutes(client: client, thisMonth: minutes[2], total: minutes[3]),
            tagMinutes: tagMinutes, tagEntries: tagEntries, noTermsMonths: noTermsMonths, proposals: proposed,
            soFar: soFar.first, events: dates, mail: mailFacts)
    }
}
