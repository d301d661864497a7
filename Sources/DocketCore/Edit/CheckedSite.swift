import Foundation

/// A site read and computed for `docket invoice`: every client's content and invoices, with the errors and
/// warnings the content checks of `docket check` give (parsing, every client's figures and invoices, unique
/// invoice numbers and share tokens). Templates and portal encryption are not looked at: they do not change
/// an invoice.
struct CheckedSite: Sendable {
    /// The content as read.
    var site: Site
    /// Every client computed as of `today`, in folder order.
    var clients: [ComputedClient]
    /// Everything the checks reported.
    var diagnostics: Diagnostics
    /// The date the figures are as of.
    var today: CalendarDate

    /// Reads and checks the site at `root`; nil (with the reason in `diagnostics`) when business.md cannot
    /// be used.
    static func load(root: URL, today: CalendarDate, diagnostics: inout Diagnostics) -> CheckedSite? {
        var loaded = Diagnostics()
        guard let site = SiteLoader.load(root: root, diagnostics: &loaded) else {
            diagnostics.append(contentsOf: loaded)
            return nil
        }
        var checked = check(site, today: today)
        loaded.append(contentsOf: checked.diagnostics)
        checked.diagnostics = loaded
        return checked
    }

    /// Computes and checks every client of a site already read, on all cores.
    static func check(_ site: Site, today: CalendarDate) -> CheckedSite {
        let business = site.business
        let computed = site.clients.parallelMap { content -> (ComputedClient, Diagnostics) in
            var own = Diagnostics()
            return (ComputedClient.compute(content, business: business, today: today, diagnostics: &own), own)
        }
        var diagnostics = Diagnostics()
        for (_, own) in computed { diagnostics.append(contentsOf: own) }
        return CheckedSite(site: site, clients: computed.map(\.0), diagnostics: diagnostics, today: today)
    }

    /// The same site checked again with some of one client's invoice records changed: each record replaces
    /// the record read from the same file, or is added when none was. Only that client is computed again; the
    /// diagnostics are its own, and those of the invoice numbers across the business when a number changed
    /// (the rest of the site gives what it gave before).
    func with(_ records: [InvoiceRecord], forClient slug: String) -> CheckedSite {
        guard let index = site.clients.firstIndex(where: { $0.client.slug == slug }) else { return self }
        var checked = self
        var content = site.clients[index]
        var numbersChanged = false
        for record in records {
            let old = content.invoices.first { $0.path == record.path }
            numbersChanged = numbersChanged || old?.number != record.number || old?.numberLine != record.numberLine
            content.invoices.removeAll { $0.path == record.path }
            content.invoices.append(record)
        }
        content.invoices.sort { $0.path < $1.path }
        checked.site.clients[index] = content
        var diagnostics = Diagnostics()
        checked.clients[index] = ComputedClient.compute(
            content, business: site.business, today: today,
            diagnostics: &diagnostics)
        if numbersChanged {
            BillingChecks.checkNumbers(checked.site.clients.flatMap(\.invoices), diagnostics: &diagnostics)
        }
        checked.diagnostics = diagnostics
        return checked
    }

    /// The client with a folder name, computed.
    func client(_ slug: String) -> ComputedClient? {
        clients.first { $0.client.slug == slug }
    }

    /// The invoice with a number, and its client.
    func invoice(numbered number: String) -> (invoice: Invoice, client: ComputedClient)? {
        for client in clients {
            if let invoice = client.invoices.first(where: { $0.number == number }) { return (invoice, client) }
        }
        return nil
    }

    /// Every invoice number of the business, drafts and void ones included.
    var invoiceNumbers: [String] {
        site.clients.flatMap { $0.invoices.map(\.number) }
    }
}
