import Foundation
import Testing

@testable import DocketCore

/// `docket invoice --send`, `--seal` and `--seal-all`: the record changed in place, byte for byte, or refused.
/// November's invoice of `IssuingSite` comes to £95.00 (worked out there).
@Suite("Sending and sealing invoices")
struct InvoiceSendingTests {
    static let today = IssuingSite.date("2026-12-05")

    /// A draft written by hand: a comment line, keys in an unusual order, quoted values (one holding a `#`),
    /// a comment after a value, Windows line endings and a body.
    static let handDraft =
        "---\r\n# Drafted by hand for Sam\r\nstatus: \"draft\"   # becomes sent\r\nperiod: '2026-11'\r\nnumber: INV-0007\r\nissued: \"2026-12-01\"  # the day it goes\r\npo: \"PO: 12 # not a comment\"\r\n---\r\nThank you for your business.\r\n\r\nPay by **bank transfer**, please.\r\n"

    @Test("--send changes the status, the issue date and adds the sealed total; every other byte stays")
    func sendKeepsBytes() throws {
        let path = "content/clients/acme/invoices/INV-0007.md"
        let site = try IssuingSite.make([path: Self.handDraft])
        defer { site.remove() }
        var diagnostics = Diagnostics()
        let change = try #require(
            InvoiceSending.send(
                number: "INV-0007", issued: IssuingSite.date("2026-12-03"),
                root: site.root, today: Self.today, diagnostics: &diagnostics),
            "\(diagnostics.all)")
        // Nothing is written until asked.
        #expect(site.read(path) == Self.handDraft)
        try InvoiceSending.write([change], root: site.root)
        #expect(
            site.read(path)
                == "---\r\n# Drafted by hand for Sam\r\nstatus: \"sent\"   # becomes sent\r\n\(IssuingSite.novemberTotal)\r\ndue: 2026-12-17\r\nperiod: '2026-11'\r\nnumber: INV-0007\r\nissued: \"2026-12-03\"  # the day it goes\r\npo: \"PO: 12 # not a comment\"\r\n---\r\nThank you for your business.\r\n\r\nPay by **bank transfer**, please.\r\n"
        )
        #expect(change.invoice.total == 9500)
        #expect(change.invoice.due == IssuingSite.date("2026-12-17"))  // 3 Dec + 14 days
        // The site builds, with the invoice published and sealed: no warning about it.
        let report = site.build(today: "2026-12-05")
        #expect(report.succeeded, "\(report.diagnostics.errors)")
        #expect(report.diagnostics.all.filter { $0.path == path }.isEmpty, "\(report.diagnostics.all)")
        #expect(report.paths.contains { $0.hasSuffix("invoices/INV-0007.html") })
    }

    @Test("--seal adds the total line after `status`, and nothing else changes")
    func sealKeepsBytes() throws {
        let path = "content/clients/acme/invoices/INV-0007.md"
        let sent =
            "---\r\nnumber: INV-0007\r\nperiod: 2026-11  # November's work\r\nissued: 2026-12-03\r\nstatus: 'sent'\r\npayments:\r\n  - { date: 2026-12-10, amount: \"95.00\" }   # paid in full\r\n---\r\nThanks!\r\n"
        let site = try IssuingSite.make([path: sent])
        defer { site.remove() }
        var diagnostics = Diagnostics()
        let change = try #require(
            InvoiceSending.seal(
                number: "INV-0007", root: site.root, today: Self.today,
                diagnostics: &diagnostics), "\(diagnostics.all)")
        try InvoiceSending.write([change], root: site.root)
        #expect(
            site.read(path)
                == "---\r\nnumber: INV-0007\r\nperiod: 2026-11  # November's work\r\nissued: 2026-12-03\r\nstatus: 'sent'\r\n\(IssuingSite.novemberTotal)\r\ndue: 2026-12-17\r\npayments:\r\n  - { date: 2026-12-10, amount: \"95.00\" }   # paid in full\r\n---\r\nThanks!\r\n"
        )
        // Sealed twice: refused at the total.
        var again = Diagnostics()
        #expect(InvoiceSending.seal(number: "INV-0007", root: site.root, today: Self.today, diagnostics: &again) == nil)
        #expect(
            again.all.map(\.description) == [
                "content/clients/acme/invoices/INV-0007.md:6:8: error: INV-0007 is sealed already (`total: GBP 95.00`)"
            ])
    }

    @Test("--seal-all seals every sent invoice lacking a total, across clients; drafts and void ones are skipped")
    func sealAll() throws {
        let site = try IssuingSite.make([
            "content/clients/acme/timesheets/2026-10.md": "## 2026-10-05\n- 1h Set-up\n",
            "content/clients/acme/invoices/INV-0001.md":
                "---\nnumber: INV-0001\nissued: 2026-11-01\nperiod: 2026-10\nstatus: sent\n---\n",
            "content/clients/acme/invoices/INV-0002.md":
                "---\nnumber: INV-0002\nissued: 2026-12-01\nperiod: 2026-11\nstatus: sent\n---\n",
            "content/clients/acme/invoices/INV-0003.md":
                "---\nnumber: INV-0003\nissued: 2026-12-02\nstatus: draft\nlines:\n  - { description: Set-up, amount: 40.00 }\n---\n",
            "content/clients/acme/invoices/INV-0004.md":
                "---\nnumber: INV-0004\nissued: 2026-12-02\nstatus: void\n---\n",
            "content/clients/beta/client.md":
                "---\nname: Beta\ncontact: Bea\nemail: bea@beta.example\naddress: 2 Low St\nrate: 25\n---\n",
            "content/clients/beta/terms/1.md": IssuingSite.terms,
            "content/clients/beta/invoices/INV-0005.md":
                "---\nnumber: INV-0005\nissued: 2026-12-02\nsupplied: 2026-11-30\nstatus: sent\nlines:\n  - { description: Set-up, amount: 40.00 }\n  - { description: Loyalty discount, amount: -5.00 }\n---\n",
        ])
        defer { site.remove() }
        var diagnostics = Diagnostics()
        var skipped: [String] = []
        let changes = try #require(
            InvoiceSending.sealAll(
                root: site.root, today: Self.today, diagnostics: &diagnostics,
                skipped: &skipped), "\(diagnostics.all)")
        #expect(changes.map(\.invoice.number) == ["INV-0001", "INV-0002", "INV-0005"])
        #expect(
            skipped == [
                "INV-0003: a draft, not sealed (it is sealed when sent with `docket invoice --send INV-0003`)",
                "INV-0004: void, not sealed",
            ])
        try InvoiceSending.write(changes, root: site.root)
        #expect(
            site.read("content/clients/acme/invoices/INV-0001.md")
                == "---\nnumber: INV-0001\nissued: 2026-11-01\nperiod: 2026-10\nstatus: sent\ntotal: GBP 30.00  # as sent: work 1.00 h 30.00\ndue: 2026-11-15\n---\n"
        )
        #expect(
            site.read("content/clients/acme/invoices/INV-0002.md")
                == "---\nnumber: INV-0002\nissued: 2026-12-01\nperiod: 2026-11\nstatus: sent\n\(IssuingSite.novemberTotal)\ndue: 2026-12-15\n---\n"
        )
        #expect(
            site.read("content/clients/beta/invoices/INV-0005.md")
                == "---\nnumber: INV-0005\nissued: 2026-12-02\nsupplied: 2026-11-30\nstatus: sent\ntotal: GBP 35.00  # as sent: lines 2 items 35.00\ndue: 2026-12-16\nlines:\n  - { description: Set-up, amount: 40.00 }\n  - { description: Loyalty discount, amount: -5.00 }\n---\n"
        )
        let report = site.build(today: "2026-12-05")
        #expect(report.succeeded)
        #expect(!report.diagnostics.warnings.contains { $0.message.contains("not sealed") })
        // Again: nothing left to seal.
        var none: [String] = []
        #expect(
            InvoiceSending.sealAll(root: site.root, today: Self.today, diagnostics: &diagnostics, skipped: &none)?
                .isEmpty == true)
    }

    @Test(
        "--send is refused, with nothing written: an unknown number, an invoice already sent or void, a failing check")
    func sendRefusals() throws {
        let draft = "---\nnumber: INV-0003\nissued: 2026-12-01\nperiod: 2026-11\nstatus: draft\n---\n"
        let site = try IssuingSite.make([
            "content/clients/acme/invoices/INV-0001.md":
                "---\nnumber: INV-0001\nissued: 2026-11-01\nstatus: void\n---\n",
            "content/clients/acme/invoices/INV-0002.md":
                "---\nnumber: INV-0002\nissued: 2026-11-02\nstatus: sent\nlines:\n  - { description: Deposit, amount: 10 }\n---\n",
            "content/clients/acme/invoices/INV-0003.md": draft,
        ])
        defer { site.remove() }
        func refused(_ number: String) -> [String] {
            var diagnostics = Diagnostics()
            #expect(
                InvoiceSending.send(
                    number: number, issued: nil, root: site.root, today: Self.today,
                    diagnostics: &diagnostics) == nil)
            return diagnostics.all.map(\.description)
        }
        #expect(
            refused("INV-0099") == [
                "content/clients: error: there is no invoice numbered `INV-0099`; expected the `number` of a record in content/clients/<client>/invoices/"
            ])
        #expect(
            refused("INV-0001") == [
                "content/clients/acme/invoices/INV-0001.md:2: error: INV-0001 is void and cannot be sent; draft a new invoice with `docket invoice acme`"
            ])
        #expect(
            refused("INV-0002") == [
                "content/clients/acme/invoices/INV-0002.md:2: error: INV-0002 is already sent; a sent invoice is not sent again (to replace it, void it with `status: void` and draft a new one with `docket invoice acme`)"
            ])
        // Without the client's address, the invoice would not pass what a sent invoice must carry.
        try FileManager.default.removeItem(
            at: site.root.appendingPathComponent("content/clients/acme/invoices/INV-0002.md"))
        try site.write(
            "content/clients/acme/client.md",
            IssuingSite.client.replacingOccurrences(of: "address: 1 High St\n", with: ""))
        #expect(
            refused("INV-0003") == [
                "content/clients/acme/invoices/INV-0003.md: error: a sent invoice must carry the client's address: add `address` to content/clients/acme/client.md"
            ])
        #expect(site.read("content/clients/acme/invoices/INV-0003.md") == draft)
        // A status that is not on one line is not guessed at.
        try site.write("content/clients/acme/client.md", IssuingSite.client)
        let block = "---\nnumber: INV-0003\nissued: 2026-12-01\nperiod: 2026-11\nstatus: >-\n  draft\n---\n"
        try site.write("content/clients/acme/invoices/INV-0003.md", block)
        #expect(
            refused("INV-0003") == [
                "content/clients/acme/invoices/INV-0003.md:2: error: cannot change `status` in place: expected it written on one line as `status: value`; write it so, or make the change by hand"
            ])
        #expect(site.read("content/clients/acme/invoices/INV-0003.md") == block)
    }

    @Test("--seal is refused for a draft, a void invoice and an unknown number")
    func sealRefusals() throws {
        let site = try IssuingSite.make([
            "content/clients/acme/invoices/INV-0001.md":
                "---\nnumber: INV-0001\nissued: 2026-11-01\nstatus: void\n---\n",
            "content/clients/acme/invoices/INV-0002.md":
                "---\nnumber: INV-0002\nissued: 2026-12-01\nperiod: 2026-11\nstatus: draft\n---\n",
        ])
        defer { site.remove() }
        func refused(_ number: String) -> [String] {
            var diagnostics = Diagnostics()
            #expect(
                InvoiceSending.seal(number: number, root: site.root, today: Self.today, diagnostics: &diagnostics)
                    == nil)
            return diagnostics.all.map(\.description)
        }
        #expect(
            refused("INV-0001") == [
                "content/clients/acme/invoices/INV-0001.md:2: error: INV-0001 is void: a void invoice bills nothing and is not sealed"
            ])
        #expect(
            refused("INV-0002") == [
                "content/clients/acme/invoices/INV-0002.md:2: error: INV-0002 is a draft: its total is sealed when it is sent, with `docket invoice --send INV-0002`"
            ])
        #expect(
            refused("INV-9") == [
                "content/clients: error: there is no invoice numbered `INV-9`; expected the `number` of a record in content/clients/<client>/invoices/"
            ])
    }
}
