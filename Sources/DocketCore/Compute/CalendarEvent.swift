import Foundation

/// A date for a calendar: a deliverable due, an invoice due, or proposed terms taking effect. An all-day event
/// in the client's `calendar.ics` and, with the client's name, in the VA's `dashboard/calendar.ics`.
struct CalendarEvent: Sendable, Equatable {
    /// The day.
    var date: CalendarDate
    /// An identifier that stays the same across builds, so a calendar updates the event instead of adding
    /// another: a hash of the client folder, the kind of date and what it is about (the deliverable's title
    /// and first due date, the invoice number, the terms version).
    var uid: String
    /// The event's title.
    var summary: String
    /// More about it, in a sentence or two.
    var description: String
}

extension CalendarEvent {
    /// A client's dates in date order (then by title): every deliverable on the date it is due as agreed,
    /// every published invoice with something left to pay on its due date, and every proposed version of the
    /// terms newer than the one in force on the day it would take effect. None depends on `today` but which
    /// proposals are still open.
    static func events(of computed: ComputedClient, today: CalendarDate) -> [CalendarEvent] {
        let slug = computed.client.slug
        let currency = computed.client.currency
        var events: [CalendarEvent] = []
        var seen: [String: Int] = [:]
        for deliverable in computed.content.deliverables {
            // Two deliverables of one title and first due date (rare) are told apart by their order.
            let key = "\(deliverable.title)\u{0}\(deliverable.due)"
            let occurrence = seen[key, default: 0]
            seen[key] = occurrence + 1
            var notes: [String] = []
            if let moved = deliverable.extensions.last {
                notes.append("Extended from \(deliverable.due.longDescription): \(moved.reason).")
            }
            if let delivered = deliverable.delivered { notes.append("Delivered \(delivered.longDescription).") }
            events.append(
                CalendarEvent(
                    date: deliverable.agreedDue,
                    uid: uid(slug, "deliverable", occurrence == 0 ? key : "\(key)\u{0}\(occurrence)"),
                    summary: "Due: \(deliverable.title)", description: notes.joined(separator: " ")))
        }
        for invoice in computed.publishedInvoices where invoice.balance > 0 {
            let balance = MoneyFormat.format(invoice.balance, currency: currency)
            events.append(
                CalendarEvent(
                    date: invoice.due, uid: uid(slug, "invoice", invoice.number),
                    summary: "Invoice \(invoice.number) due: \(balance)",
                    description:
                        "Invoice \(invoice.number), issued \(invoice.record.issued.longDescription): \(balance) to pay by \(invoice.due.longDescription)."
                ))
        }
        let inForce = Terms.inForce(on: today, in: computed.content.terms)?.version ?? 0
        for terms in computed.content.terms where terms.status == .proposed && terms.version > inForce {
            events.append(
                CalendarEvent(
                    date: terms.effective, uid: uid(slug, "terms", String(terms.version)),
                    summary: "Proposed terms, version \(terms.version), would take effect",
                    description:
                        "Version \(terms.version) of the terms\(terms.title.map { ", \($0)," } ?? "") is proposed to take effect on \(terms.effective.longDescription), once agreed."
                ))
        }
        return events.sorted { ($0.date, $0.summary) < ($1.date, $1.summary) }
    }

    /// `<32 hex digits>@docket`: the SHA-256 of the client folder, the kind and the key, so two clients' or
    /// two kinds' events never share one.
    private static func uid(_ slug: String, _ kind: String, _ key: String) -> String {
        "\(sha256Hex(Data("\(slug)\u{0}\(kind)\u{0}\(key)".utf8)).prefix(32))@docket"
    }
}
