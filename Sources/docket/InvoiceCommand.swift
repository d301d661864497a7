import ArgumentParser
import DocketCore
import Foundation

/// `docket invoice`: draft the next invoice record, mark one sent and seal its total, or seal invoices sent
/// before. Nothing is written when anything fails.
struct InvoiceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invoice",
        abstract: "Draft the next invoice of a client, send a draft, or seal the total of sent invoices.",
        discussion: """
            docket invoice SLUG [--period YYYY-MM] [--issued YYYY-MM-DD]   draft the next invoice record, print it
            docket invoice --send NUMBER [--issued YYYY-MM-DD]             mark it sent, record `total:`
            docket invoice --seal NUMBER | --seal-all                      record `total:` of sent invoices lacking it
            """)

    @OptionGroup var options: CommonOptions

    @Argument(help: ArgumentHelp("The client to draft the next invoice for (its folder name).", valueName: "slug"))
    var slug: String?

    @Option(
        help: ArgumentHelp(
            "The month to bill (default: the earliest month before this one not yet billed).",
            valueName: "YYYY-MM"))
    var period: String?

    @Option(
        help: ArgumentHelp(
            "The issue date (default: today when drafting; unchanged when sending).",
            valueName: "YYYY-MM-DD"))
    var issued: String?

    @Option(help: ArgumentHelp("Mark this draft sent and record its total.", valueName: "number"))
    var send: String?

    @Option(help: ArgumentHelp("Record the total of this sent invoice.", valueName: "number"))
    var seal: String?

    @Flag(help: "Record the total of every sent invoice that has none.")
    var sealAll = false

    func validate() throws {
        let modes = [slug != nil, send != nil, seal != nil, sealAll].filter { $0 }.count
        guard modes == 1 else {
            throw ValidationError("give one of: a client SLUG, --send NUMBER, --seal NUMBER or --seal-all")
        }
        if let period {
            guard slug != nil else { throw ValidationError("--period goes with a client SLUG (drafting)") }
            guard YearMonth(iso: period) != nil else {
                throw ValidationError("--period must be a month YYYY-MM, found `\(period)`")
            }
        }
        if let issued {
            guard slug != nil || send != nil else {
                throw ValidationError("--issued goes with a client SLUG or --send")
            }
            guard CalendarDate(iso: issued) != nil else {
                throw ValidationError("--issued must be a date YYYY-MM-DD, found `\(issued)`")
            }
        }
    }

    func run() throws {
        // Never while a build (or another command) writes this site.
        let lock = try SiteLock.acquire(root: options.root, command: "invoice")
        defer { withExtendedLifetime(lock) {} }
        let today = try options.todayDate()
        let root = options.root
        let issuedDate = issued.flatMap { CalendarDate(iso: $0) }
        var diagnostics = Diagnostics()
        if let slug {
            guard
                let draft = InvoiceDraft.make(
                    root: root, slug: slug, period: period.flatMap { YearMonth(iso: $0) },
                    issued: issuedDate, today: today, diagnostics: &diagnostics)
            else {
                refuse(diagnostics)
            }
            try draft.write(root: root)
            print("Drafted \(draft.path) (status: draft; drafts are never published).\n")
            print(draft.printed)
            print("Check it, then send it with: docket invoice --send \(draft.number)")
        } else if let number = send {
            guard
                let change = InvoiceSending.send(
                    number: number, issued: issuedDate, root: root, today: today,
                    diagnostics: &diagnostics)
            else {
                refuse(diagnostics)
            }
            try InvoiceSending.write([change], root: root)
            printDiagnostics(diagnostics)
            print("Sent \(number): \(change.path) now says `status: sent` and `total: \(change.totalText)` (sealed).\n")
            print(change.printed)
            print("Run `docket build` to publish it.")
        } else if let number = seal {
            guard let change = InvoiceSending.seal(number: number, root: root, today: today, diagnostics: &diagnostics)
            else {
                refuse(diagnostics)
            }
            try InvoiceSending.write([change], root: root)
            printDiagnostics(diagnostics)
            print("Sealed \(number): `total: \(change.totalText)` written to \(change.path).")
        } else {
            var skipped: [String] = []
            guard
                let changes = InvoiceSending.sealAll(
                    root: root, today: today, diagnostics: &diagnostics,
                    skipped: &skipped)
            else {
                refuse(diagnostics)
            }
            try InvoiceSending.write(changes, root: root)
            printDiagnostics(diagnostics)
            for change in changes {
                print("Sealed \(change.number): `total: \(change.totalText)` written to \(change.path).")
            }
            for line in skipped { print("Skipped \(line).") }
            if changes.isEmpty { print("Nothing to seal: every sent invoice has its total recorded.") }
        }
    }
}
