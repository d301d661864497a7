import Foundation

@testable import DocketCore

/// A small site for issuing invoices: Acme at £30 an hour (travel at the same rate), with an address,
/// agreed terms from January 2026, and November 2026's timesheet:
///
/// - work 09:00-11:15 = 2h 15m = 2.25 h × £30 = £67.50
/// - travel 30m = 0.50 h × £30 = £15.00
/// - expense £12.50
///
/// so an invoice for November 2026 comes to £95.00 (no VAT), and is due 14 days after it is issued.
enum IssuingSite {
    static let client =
        "---\nname: Acme Widgets Ltd\ncontact: Sam\nemail: sam@acme.example\naddress: 1 High St\nrate: 30\n---\n"
    static let terms =
        "---\nversion: 1\neffective: 2026-01-01\nstatus: agreed\nagreed_on: 2025-12-20\nagreed_by: Sam\n---\nTerms.\n"
    static let november = "## 2026-11-02\n- 09:00-11:15 Report\n- travel 30m Drive\n- expense 12.50 Parking\n"
    /// November with a late entry: work 3h 15m = 3.25 h × £30 = £97.50, total £125.00.
    static let novemberLate = november + "- 1h Late call\n"
    /// The `total:` line of November's invoice as `docket invoice --send` writes it.
    static let novemberTotal =
        "total: GBP 95.00  # as sent: work 2.25 h 67.50; travel 0.50 h 15.00; expenses 1 item 12.50"

    static func make(_ files: [String: String] = [:]) throws -> TemporarySite {
        var all = [
            "content/business.md": billingBusinessMD,
            "content/clients/acme/client.md": client,
            "content/clients/acme/terms/1.md": terms,
            "content/clients/acme/timesheets/2026-11.md": november,
        ]
        for (path, text) in files { all[path] = text }
        return try TemporarySite(files: all)
    }

    static func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }
}
