import Foundation
import Testing

/// `docket invoice` run as the real executable: what it prints, its exit status, and what it writes.
@Suite("The invoice command")
struct InvoiceCommandTests {
    let cli = CLITests()

    @Test("draft, refuse a second draft, send, refuse to seal again, seal all: output, exit status and files")
    func draftAndSend() throws {
        let site = try IssuingSite.make()
        defer { site.remove() }
        let common = ["--site", site.root.path, "--today", "2026-12-05"]
        let path = "content/clients/acme/invoices/INV-0001.md"

        let draft = try cli.docket(["invoice", "acme"] + common)
        #expect(draft.status == 0, "\(draft.stderr)")
        #expect(
            draft.stdout.hasPrefix(
                "Drafted \(path) (status: draft; drafts are never published).\n\nINV-0001 for Acme Widgets Ltd: November 2026, issued 5 Dec 2026, due 19 Dec 2026\n"
            ))
        #expect(draft.stdout.contains("  Parking (2 Nov 2026)        1 item  at £12.50  £12.50\n"))
        #expect(draft.stdout.hasSuffix("Check it, then send it with: docket invoice --send INV-0001\n"))
        #expect(site.read(path) == "---\nnumber: INV-0001\nissued: 2026-12-05\nperiod: 2026-11\nstatus: draft\n---\n")

        let again = try cli.docket(["invoice", "acme"] + common)
        #expect(again.status == 1)
        #expect(
            again.stderr
                == "\(path):2: error: INV-0001 is already a draft for November 2026; check it and send it with `docket invoice --send INV-0001`, or delete it to draft again\ndocket: 1 error, 0 warnings\ndocket: nothing was written\n"
        )
        #expect(!site.exists("content/clients/acme/invoices/INV-0002.md"))

        let send = try cli.docket(["invoice", "--send", "INV-0001", "--issued", "2026-12-06"] + common)
        #expect(send.status == 0, "\(send.stderr)")
        #expect(
            send.stdout.hasPrefix("Sent INV-0001: \(path) now says `status: sent` and `total: GBP 95.00` (sealed).\n"))
        #expect(
            site.read(path)
                == "---\nnumber: INV-0001\nissued: 2026-12-06\nperiod: 2026-11\nstatus: sent\n\(IssuingSite.novemberTotal)\ndue: 2026-12-20\n---\n"
        )

        let seal = try cli.docket(["invoice", "--seal", "INV-0001"] + common)
        #expect(seal.status == 1)
        #expect(seal.stderr.hasPrefix("\(path):6:8: error: INV-0001 is sealed already (`total: GBP 95.00`)\n"))

        let sealAll = try cli.docket(["invoice", "--seal-all"] + common)
        #expect(sealAll.status == 0)
        #expect(sealAll.stdout == "Nothing to seal: every sent invoice has its total recorded.\n")

        let unknown = try cli.docket(["invoice", "nobody"] + common)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.hasPrefix("content/clients/nobody: error: there is no client `nobody`"))
    }

    @Test(
        "usage errors exit 2 and write nothing",
        arguments: [
            [], ["acme", "--send", "INV-0001"], ["--seal", "INV-0001", "--seal-all"], ["acme", "--period", "2026-13"],
            ["--seal-all", "--period", "2026-11"], ["acme", "--issued", "5/12/2026"],
            ["--seal", "INV-0001", "--issued", "2026-12-01"],
        ])
    func usage(arguments: [String]) throws {
        let site = try IssuingSite.make()
        defer { site.remove() }
        let before = site.snapshot("content")
        let run = try cli.docket(["invoice"] + arguments + ["--site", site.root.path, "--today", "2026-12-05"])
        #expect(run.status == 2, "\(arguments): \(run.stderr)")
        #expect(site.snapshot("content") == before)
    }
}
