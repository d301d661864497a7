import Foundation
import Testing

@testable import DocketCore

/// business.md's `bank`: the payee name (`account_name`), the bank's name, and the older `name`.
@Suite("Bank details")
struct BankDetailsTests {
    /// A site whose business.md writes `bank` as given, with one client and one sent invoice.
    func site(bank: String) throws -> TemporarySite {
        try TemporarySite(files: [
            "content/business.md": """
            ---
            name: Jo Bloggs VA
            address: "4 Mill Lane\\nYork YO1 7AA"
            email: jo@example.com
            bank: \(bank)
            late_payment: "Interest at 8% over base rate."
            ---
            """,
            "content/clients/acme/client.md":
                "---\nname: Acme\ncontact: Sam\nemail: s@a.example\naddress: 1 High St\nrate: 30\n---\n",
            "content/clients/acme/terms/1.md": DashboardTests.terms,
            "content/clients/acme/timesheets/2026-10.md": "## 2026-10-05\n- 1h Report\n",
            "content/clients/acme/invoices/INV-1.md":
                "---\nnumber: INV-1\nissued: 2026-11-01\nperiod: 2026-10\nstatus: sent\ntotal: 30.00\n---\n",
        ])
    }

    func invoicePage(_ site: TemporarySite, _ report: Builder.Report) throws -> String {
        let token = try #require(report.portals.first?.token)
        return try #require(site.read("public/\(token)/invoices/INV-1.html"))
    }

    @Test("`account_name` is printed as \"Account name\" and `bank_name` as \"Bank\", with no warning")
    func accountAndBankName() throws {
        let site = try site(
            bank:
                "{ account_name: Jo Bloggs, bank_name: Starling Bank, sort_code: \"12-34-56\", account: \"12345678\" }")
        defer { site.remove() }
        let report = site.build()
        #expect(report.diagnostics.all.isEmpty, "\(report.diagnostics.all)")
        #expect(
            try invoicePage(site, report).contains(
                "<p class=\"bank\">Account name: Jo Bloggs<br>Bank: Starling Bank<br>Sort code: 12-34-56<br>Account number: 12345678<br>Reference: INV-1<br></p>"
            ))
    }

    @Test(
        "the older `bank.name` is still printed as the account name, with a warning at its line saying what to change")
    func olderName() throws {
        let site = try site(bank: "{ name: Jo Bloggs, sort_code: \"12-34-56\", account: \"12345678\" }")
        defer { site.remove() }
        let report = site.build()
        #expect(report.succeeded)
        #expect(
            report.diagnostics.all.map(\.description) == [
                "content/business.md:5:15: warning: `bank.name` is read as the account name; rename it to `account_name` (the name on the account, which the payer's bank checks with Confirmation of Payee), and put the bank's own name, if you want it printed, in `bank_name`"
            ])
        #expect(
            try invoicePage(site, report).contains(
                "<p class=\"bank\">Account name: Jo Bloggs<br>Sort code: 12-34-56<br>"))
    }

    @Test("`bank.name` beside `bank.account_name` is an error: which one is the payee is not clear")
    func bothNames() throws {
        let site = try site(
            bank: "{ name: Starling Bank, account_name: Jo Bloggs, sort_code: \"12-34-56\", account: \"12345678\" }")
        defer { site.remove() }
        let report = site.build(mode: .check)
        #expect(
            report.diagnostics.all.map(\.description) == [
                "content/business.md:5:15: error: `bank.name` and `bank.account_name` are both set; expected only `account_name` (the name on the account); put the bank's own name in `bank_name`"
            ])
    }
}
