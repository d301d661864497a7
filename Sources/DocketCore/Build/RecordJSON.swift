import DocketTemplates

/// The JSON of a client's facts and of a portal in the build record: its keys and order, and the writer.
/// `RecordFactsDecoding.swift` reads it back with the same keys (`JSONDecoder`, through the `Decodable`
/// conformances there); `RecordJSONTests` holds writing and reading to each other.
///
/// The layout is compact (no whitespace), with an object's keys in alphabetical order; a dashboard part's
/// items follow `DashboardItem`, an invoice number's are written and read side by side below.
enum RecordJSON {
    /// The keys of a client's facts (`ClientFacts`). Absent optionals and no `secrets` are left out; `outputs` and their
    /// statuses are kept in the record's own lines, not in the JSON.
    enum FactsKey: String, CodingKey {
        case dashboard, diagnostics, invoiceNumbers, portal, secrets, slug, storedToken
    }

    /// The keys of one of the client's diagnostics.
    enum DiagnosticKey: String, CodingKey {
        case column, line, message, path, severity
    }

    /// The items of a dashboard part's array, in order. The part is kept compactly (one array, with its
    /// lists flattened) because every build reads every client's part.
    enum DashboardItem: CaseIterable {
        /// The client's name.
        case client
        /// The currency code.
        case currency
        /// Overdue invoices, three strings each: number, days overdue, balance.
        case chase
        /// `[balance, overdue]`, or `[]` without published invoices.
        case balance
        /// `[used, available, overage, overageAmount]`, or `[]` without a retainer this month.
        case burn
        /// `[unbilled this month, unbilled in all, out of hours this month, out of hours in all]`.
        case minutes
        /// Tag → minutes, keys sorted.
        case tagMinutes
        /// Tag → entries, keys sorted.
        case tagEntries
        /// Months worked without terms (`YYYY-MM`).
        case noTermsMonths
        /// Proposals, two strings each: version, effective date.
        case proposals
        /// `[amount]`, or `[]` without an estimate.
        case soFar
        /// Calendar dates, four strings each: date, UID, summary, description.
        case events
        /// The mail facts (`ClientMail`) as strings, or `[]` without: slug, contact, email, the number of
        /// reminders, six strings per reminder (number, total, balance, due date, days overdue, page), then,
        /// with a monthly report, nine (month, worked, retainer used, retainer available, out of hours,
        /// invoice, its total, its due date, page; `""` for an absent one).
        case mail

        /// Every item in order (made once: `allCases` makes a new array at each use).
        static let inOrder = allCases
    }

    /// The keys of a portal: those of `Portal`'s `Codable`, which reads it.
    typealias PortalKey = Portal.CodingKeys

    /// A client's facts as one line of JSON.
    static func facts(_ facts: ClientFacts) -> [UInt8] {
        JSONWriter.write(.compact, capacity: 4096) { json in
            json.beginObject()
            if let dashboard = facts.dashboard {
                json.key(FactsKey.dashboard)
                self.dashboard(dashboard, into: &json)
            }
            json.key(FactsKey.diagnostics)
            json.beginArray()
            for diagnostic in facts.diagnostics { self.diagnostic(diagnostic, into: &json) }
            json.endArray()
            json.key(FactsKey.invoiceNumbers)
            json.beginArray()
            for number in facts.invoiceNumbers { invoiceNumber(number, into: &json) }
            json.endArray()
            if let portal = facts.portal {
                json.key(FactsKey.portal)
                self.portal(portal, into: &json)
            }
            if !facts.secretFingerprints.isEmpty {
                json.key(FactsKey.secrets)
                json.beginObject()
                for (name, fingerprint) in facts.secretFingerprints.sorted(by: { $0.key < $1.key }) {
                    json.key(text: name)
                    json.string(fingerprint)
                }
                json.endObject()
            }
            json.key(FactsKey.slug)
            json.string(facts.slug)
            if let token = facts.storedToken {
                json.key(FactsKey.storedToken)
                json.string(token)
            }
            json.endObject()
        }.bytes
    }

    /// A portal as one line of JSON.
    static func portal(_ portal: Portal) -> [UInt8] {
        JSONWriter.write(.compact, capacity: 256) { json in self.portal(portal, into: &json) }.bytes
    }

    private static func portal(_ portal: Portal, into json: inout JSONWriter) {
        json.beginObject()
        if let encryption = portal.encryption {
            json.key(PortalKey.encryption)
            json.string(encryption.rawValue)
        }
        json.key(PortalKey.isNewToken)
        json.bool(portal.isNewToken)
        json.key(PortalKey.name)
        json.string(portal.name)
        json.key(PortalKey.slug)
        json.string(portal.slug)
        json.key(PortalKey.token)
        json.string(portal.token)
        json.endObject()
    }

    private static func diagnostic(_ diagnostic: Diagnostic, into json: inout JSONWriter) {
        json.beginObject()
        json.key(DiagnosticKey.column)
        json.int(diagnostic.column)
        json.key(DiagnosticKey.line)
        json.int(diagnostic.line)
        json.key(DiagnosticKey.message)
        json.string(diagnostic.message)
        json.key(DiagnosticKey.path)
        json.string(diagnostic.path)
        json.key(DiagnosticKey.severity)
        json.string(diagnostic.severity.rawValue)
        json.endObject()
    }

    /// An invoice number as `["INV-1", "content/…/INV-1.md", 2]`. Written and read here, side by side, so
    /// that the order of the items is defined in one place.
    private static func invoiceNumber(_ number: InvoiceNumber, into json: inout JSONWriter) {
        json.beginArray()
        json.string(number.number)
        json.string(number.path)
        json.int(number.line)
        json.endArray()
    }

    /// Reads an invoice number written by `invoiceNumber(_:into:)`.
    static func invoiceNumber(from items: inout any UnkeyedDecodingContainer) throws -> InvoiceNumber {
        let number = try items.decode(String.self)
        let path = try items.decode(String.self)
        return InvoiceNumber(number: number, path: path, line: try items.decode(Int.self))
    }

    private static func dashboard(_ part: Dashboard.ClientPart, into json: inout JSONWriter) {
        json.beginArray()
        for item in DashboardItem.inOrder {
            switch item {
            case .client: json.string(part.client)
            case .currency: json.string(part.currency.code)
            case .chase:
                json.beginArray()
                for chase in part.chase {
                    json.string(chase.number)
                    json.string(String(chase.daysOverdue))
                    json.string(String(chase.balance))
                }
                json.endArray()
            case .balance: integers(part.balance.map { [$0.balance, $0.overdue] } ?? [], into: &json)
            case .burn:
                integers(part.burn.map { [$0.used, $0.available, $0.overage, $0.overageAmount] } ?? [], into: &json)
            case .minutes:
                integers(
                    [part.unbilled.thisMonth, part.unbilled.total, part.outOfHours.thisMonth, part.outOfHours.total],
                    into: &json)
            case .tagMinutes: counts(part.tagMinutes, into: &json)
            case .tagEntries: counts(part.tagEntries, into: &json)
            case .noTermsMonths:
                json.beginArray()
                for month in part.noTermsMonths { json.string(month) }
                json.endArray()
            case .proposals:
                json.beginArray()
                for proposal in part.proposals {
                    json.string(String(proposal.version))
                    json.string(proposal.effective.description)
                }
                json.endArray()
            case .soFar: integers(part.soFar.map { [$0] } ?? [], into: &json)
            case .events:
                json.beginArray()
                for event in part.events {
                    json.string(event.date.description)
                    json.string(event.uid)
                    json.string(event.summary)
                    json.string(event.description)
                }
                json.endArray()
            case .mail:
                json.beginArray()
                for text in part.mail.map(mailItems) ?? [] { json.string(text) }
                json.endArray()
            }
        }
        json.endArray()
    }

    /// The mail facts as the flat list of strings `DashboardItem.mail` describes.
    static func mailItems(_ mail: ClientMail) -> [String] {
        var items = [mail.slug, mail.contact, mail.email, String(mail.reminders.count)]
        for reminder in mail.reminders {
            items += [
                reminder.number, String(reminder.total), String(reminder.balance), reminder.due.description,
                String(reminder.daysOverdue), reminder.page,
            ]
        }
        if let report = mail.report {
            items += [
                report.month.description, String(report.workedMinutes), report.retainerUsed.map(String.init) ?? "",
                report.retainerAvailable.map(String.init) ?? "", String(report.outOfHoursMinutes),
                report.invoice ?? "", report.invoiceTotal.map(String.init) ?? "",
                report.invoiceDue?.description ?? "", report.page,
            ]
        }
        return items
    }

    /// Reads mail facts written by `mailItems`; nil when the list is damaged.
    static func mail(from items: [String]) -> ClientMail? {
        guard items.count >= 4, let count = Int(items[3]), count >= 0 else { return nil }
        let reportStart = 4 + count * 6
        guard items.count == reportStart || items.count == reportStart + 9 else { return nil }
        var reminders: [ClientMail.Reminder] = []
        for index in stride(from: 4, to: reportStart, by: 6) {
            guard let total = MinorUnits(items[index + 1]), let balance = MinorUnits(items[index + 2]),
                let due = CalendarDate(iso: items[index + 3]), let days = Int(items[index + 4])
            else { return nil }
            reminders.append(
                ClientMail.Reminder(
                    number: items[index], total: total, balance: balance, due: due, daysOverdue: days,
                    page: items[index + 5]))
        }
        var report: ClientMail.MonthReport?
        if items.count > reportStart {
            let fields = Array(items[reportStart...])
            func optional<T>(_ text: String, _ make: (String) -> T?) -> T?? {
                text.isEmpty ? .some(nil) : make(text).map { .some($0) }
            }
            guard let month = YearMonth(iso: fields[0]), let worked = Int(fields[1]),
                let used = optional(fields[2], { Int($0) }), let available = optional(fields[3], { Int($0) }),
                let outOfHours = Int(fields[4]), let total = optional(fields[6], { MinorUnits($0) }),
                let due = optional(fields[7], { CalendarDate(iso: $0) })
            else { return nil }
            report = ClientMail.MonthReport(
                month: month, workedMinutes: worked, retainerUsed: used, retainerAvailable: available,
                outOfHoursMinutes: outOfHours, invoice: fields[5].isEmpty ? nil : fields[5], invoiceTotal: total,
                invoiceDue: due, page: fields[8])
        }
        return ClientMail(
            slug: items[0], contact: items[1], email: items[2], reminders: reminders, report: report)
    }

    private static func integers(_ values: [Int], into json: inout JSONWriter) {
        json.beginArray()
        for value in values { json.int(value) }
        json.endArray()
    }

    /// A name → count object, keys sorted.
    private static func counts(_ values: [String: Int], into json: inout JSONWriter) {
        json.beginObject()
        for (name, count) in values.sorted(by: { $0.key < $1.key }) {
            json.key(text: name)
            json.int(count)
        }
        json.endObject()
    }
}
