import ArgumentParser
import DocketCore
import Foundation

extension TimeTrackerFormat: ExpressibleByArgument {}

/// `docket import toggl|clockify|harvest FILE [--client SLUG] [--map "Their client=slug"]… [--dry-run]`:
/// a time tracker's detailed CSV export into the clients' timesheets. Nothing is written when anything fails.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring a Toggl Track, Clockify or Harvest time export into the clients' timesheets.",
        discussion: """
            docket import toggl Toggl_time_entries.csv --client acme-widgets
            docket import clockify report.csv --map "Acme Widgets=acme-widgets" --map "Bright Sparks=bright-sparks"
            docket import harvest harvest_time_report.csv --dry-run
            """)

    @OptionGroup var options: CommonOptions

    @Argument(help: ArgumentHelp("The time tracker: toggl, clockify or harvest.", valueName: "tracker"))
    var format: TimeTrackerFormat

    @Argument(help: ArgumentHelp("Its detailed report, exported as CSV.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Import every row into this client (its folder name).", valueName: "slug"))
    var client: String?

    @Option(
        help: ArgumentHelp(
            "A client name of the export's Client column and the Docket client it is (repeat for each).",
            valueName: "Their client=slug"))
    var map: [String] = []

    @Flag(help: "Print what would be added, and write nothing.")
    var dryRun = false

    func validate() throws {
        for pair in map where !pair.contains("=") {
            throw ValidationError("--map takes \"Their client name=slug\", found `\(pair)`")
        }
        if client != nil && !map.isEmpty {
            throw ValidationError("--client puts every row into one client; --map is for the Client column: use one")
        }
    }

    func run() throws {
        // Never while a build (or another command) writes this site.
        let lock = try SiteLock.acquire(root: options.root, command: "import")
        defer { withExtendedLifetime(lock) {} }
        var diagnostics = Diagnostics()
        var names: [String: String] = [:]
        for pair in map {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            names[parts[0].trimmingCharacters(in: .whitespaces)] = parts[1].trimmingCharacters(in: .whitespaces)
        }
        guard
            let imported = TimesheetImport.make(
                format, path: file, root: options.root, client: client, map: names,
                today: try options.todayDate(), diagnostics: &diagnostics)
        else {
            refuse(diagnostics)
        }
        printDiagnostics(imported.diagnostics)
        let count = imported.changes.reduce(0) { $0 + $1.added.count }
        for change in imported.changes {
            print(
                "\(change.path)\(change.isNew ? " (new)" : ""): \(change.added.count) entr\(change.added.count == 1 ? "y" : "ies")"
            )
            if dryRun {
                for (date, text) in change.added { print("  + \(date)  \(text)") }
            }
        }
        let already =
            imported.alreadyThere > 0
            ? "; \(imported.alreadyThere) row\(imported.alreadyThere == 1 ? " was" : "s were") already there" : ""
        if dryRun {
            print("Would add \(count) entr\(count == 1 ? "y" : "ies")\(already). Nothing was written (--dry-run).")
            return
        }
        try imported.write(root: options.root)
        print("Added \(count) entr\(count == 1 ? "y" : "ies")\(already).")
    }

}
