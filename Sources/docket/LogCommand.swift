import ArgumentParser
import DocketCore
import Foundation

/// `docket log SLUG "ENTRY" [--date YYYY-MM-DD]`: append one entry to the client's timesheet for the month
/// and print what it counts for. Nothing is written when anything fails.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Add one entry to a client's timesheet and print what it counts for.",
        discussion: """
            docket log acme "1h30m Inbox triage #admin"
            docket log acme "09:00-10:30 Planning call" --date 2026-11-02
            docket log acme "travel 45m Drive to the office"
            docket log acme "mileage 12mi Round trip"
            docket log acme "expense £8.40 Parking"
            """)

    @OptionGroup var options: CommonOptions

    @Argument(help: ArgumentHelp("The client to log for (its folder name).", valueName: "slug"))
    var slug: String

    @Argument(
        help: ArgumentHelp(
            "The entry, as written in a timesheet: `[travel|mileage|expense] quantity description #tags`.",
            valueName: "entry"))
    var entry: String

    @Option(help: ArgumentHelp("The day of the entry (default: today).", valueName: "YYYY-MM-DD"))
    var date: String?

    func validate() throws {
        if let date, CalendarDate(iso: date) == nil {
            throw ValidationError("--date must be a date YYYY-MM-DD, found `\(date)`")
        }
    }

    func run() throws {
        // Never while a build (or another command) writes this site.
        let lock = try SiteLock.acquire(root: options.root, command: "log")
        defer { withExtendedLifetime(lock) {} }
        let today = try options.todayDate()
        var diagnostics = Diagnostics()
        guard
            let logged = TimesheetEntryAppend.make(
                root: options.root, slug: slug, text: entry, date: date.flatMap { CalendarDate(iso: $0) },
                today: today, diagnostics: &diagnostics)
        else {
            refuse(diagnostics)
        }
        try logged.write(root: options.root, diagnostics: &diagnostics)
        guard !diagnostics.hasErrors else { refuse(diagnostics) }
        printDiagnostics(logged.diagnostics)
        print(logged.printed, terminator: "")
    }

}
