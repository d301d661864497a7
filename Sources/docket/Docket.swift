import ArgumentParser
import DocketCore
import Foundation

/// The `docket` command: a thin layer over DocketCore.
@main
struct Docket: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docket",
        abstract: "Build private client portals from a virtual assistant's Markdown records.",
        subcommands: [
            InitCommand.self, NewCommand.self, BuildCommand.self, CheckCommand.self, ServeCommand.self,
            InvoiceCommand.self, LogCommand.self, ImportCommand.self, TermsCommand.self, LinksCommand.self,
            TemplatesCommand.self, ExportCommand.self, DemoCommand.self,
        ])

    /// Runs the command; usage errors exit 2, content errors 1, success 0.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code != .success, code != ExitCode(1), !(error is ExitCode) {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Options every command takes.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder holding content/, templates/ and public/.", valueName: "dir"))
    var site: String = "."

    @Option(
        name: .long,
        help: ArgumentHelp("The date figures are as of (default: the system date).", valueName: "YYYY-MM-DD"))
    var today: String?

    /// The site folder as a URL.
    var root: URL { URL(fileURLWithPath: site, isDirectory: true).standardizedFileURL }

    /// `--today`, or the system's local date.
    func todayDate() throws -> CalendarDate {
        if let today {
            guard let date = CalendarDate(iso: today) else {
                throw ValidationError("--today must be a date YYYY-MM-DD, found `\(today)`")
            }
            return date
        }
        return Self.systemToday()
    }

    func validate() throws {
        _ = try todayDate()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("--site: no such folder `\(site)`")
        }
    }
}

/// The running binary's size and modification date: a rebuilt Docket never reuses an older build cache.
func executableIdentity() -> String {
    let path = Bundle.main.executablePath ?? CommandLine.arguments[0]
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
    let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    return "\(path) \(size) \(date)"
}

/// Prints diagnostics to stderr, sorted by file and line, and a count.
func printDiagnostics(_ diagnostics: Diagnostics) {
    var text = ""
    for diagnostic in diagnostics.sorted { text += diagnostic.description + "\n" }
    let errors = diagnostics.errors.count
    let warnings = diagnostics.warnings.count
    if errors > 0 || warnings > 0 {
        text += "docket: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
    }
    FileHandle.standardError.write(Data(text.utf8))
}

/// Prints why nothing was written and exits 1.
func refuse(_ diagnostics: Diagnostics) -> Never {
    printDiagnostics(diagnostics)
    FileHandle.standardError.write(Data("docket: nothing was written\n".utf8))
    Docket.exit(withError: ExitCode(1))
}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Build every active client's portal into public/.")

    @OptionGroup var options: CommonOptions

    @Flag(help: "Print how long each phase of the build took, on standard error.")
    var timings = false

    func run() throws {
        let started = Date()
        let today = try options.todayDate()
        let progress = BuildProgress()
        let display = ProgressDisplay(progress)
        let report = Builder.run(
            .init(
                root: options.root, today: today, mode: .build,
                environment: ProcessInfo.processInfo.environment,
                identity: executableIdentity(), progress: progress))
        display.stop()
        printDiagnostics(report.diagnostics)
        if timings {
            for (phase, seconds) in report.timings {
                FileHandle.standardError.write(Data("\(String(format: "%7.3f", seconds)) s  \(phase)\n".utf8))
            }
        }
        guard report.succeeded else {
            FileHandle.standardError.write(Data("docket: nothing was written; public/ is unchanged\n".utf8))
            throw ExitCode(1)
        }
        let seconds = Date().timeIntervalSince(started)
        let outcome = report.outcome
        if report.reusedCache {
            print(
                "Nothing changed since the last build (checked in \(String(format: "%.2f", seconds)) s): \(outcome.unchanged) files up to date, 0 written."
            )
        } else {
            print(
                "Built \(report.portals.count) client portal\(report.portals.count == 1 ? "" : "s") in \(String(format: "%.2f", seconds)) s: \(report.paths.count) files, \(outcome.written) written, \(outcome.unchanged) unchanged, \(outcome.removed) removed."
            )
        }
        // Slugs and kinds only: a build's output ends up in CI and deploy logs, so it never names a share
        // token or a `#k=` key. `docket links` prints the links.
        let width = report.portals.map(\.slug.count).max() ?? 0
        for portal in report.portals {
            var line = "  \(portal.slug.padding(toLength: width, withPad: " ", startingAt: 0))  \(kind(of: portal))"
            if portal.isNewToken { line += "  (new share token saved in content/clients/\(portal.slug)/token.txt)" }
            print(line)
        }
        printRemoved(report.removedPortals)
        if !report.portals.isEmpty { print("Run `docket links` to print the share links.") }
    }

    /// The old portals the build removed, by client slug where the build record knew it; never a token.
    func printRemoved(_ removed: [String?]) {
        guard !removed.isEmpty else { return }
        let slugs = removed.compactMap { $0 }
        var parts = slugs.map { "the old portal of \($0)" }
        let unnamed = removed.count - slugs.count
        if unnamed > 0 {
            parts.append("\(unnamed) old portal folder\(unnamed == 1 ? "" : "s") (no build record named the client)")
        }
        print(
            "Removed \(parts.joined(separator: ", ")) from public/. Upload public/ in a way that deletes what is gone (such as `rsync --delete`) so that \(removed.count == 1 ? "its old link stops" : "their old links stop") working."
        )
    }

    /// How a portal is protected, in words.
    func kind(of portal: Portal) -> String {
        switch portal.encryption {
        case nil: "plain"
        case .link: "encrypted: opens with its #k= link"
        case .passphrase: "encrypted: opens with its passphrase"
        }
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check everything a build checks; write nothing.")

    @OptionGroup var options: CommonOptions

    func run() throws {
        let report = Builder.run(
            .init(
                root: options.root, today: try options.todayDate(), mode: .check,
                environment: ProcessInfo.processInfo.environment))
        printDiagnostics(report.diagnostics)
        guard report.succeeded else { throw ExitCode(1) }
        print(
            "OK: \(report.portals.count) client portal\(report.portals.count == 1 ? "" : "s"), \(report.paths.count) files would be built."
        )
    }
}

struct LinksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "links", abstract: "Print each active client's share link.")

    @OptionGroup var options: CommonOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Give this client a new link; the next build removes the old portal folder.",
            valueName: "slug"))
    var rotate: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Print only the link to this invoice's page (a passphrase portal needs its passphrase variable set).",
            valueName: "number"))
    var invoice: String?

    func run() throws {
        // A new token or key is saved here: never while a build writes this site.
        let lock = try SiteLock.acquire(root: options.root, command: "links")
        defer { withExtendedLifetime(lock) {} }
        var diagnostics = Diagnostics()
        if let number = invoice {
            if rotate != nil { throw ValidationError("--invoice and --rotate cannot be used together") }
            let link = ShareLinks.invoiceLink(
                number: number, root: options.root, environment: ProcessInfo.processInfo.environment,
                diagnostics: &diagnostics)
            printDiagnostics(diagnostics)
            guard let link else { throw ExitCode(1) }
            print(link)
            return
        }
        if let slug = rotate {
            guard ShareLinks.rotate(slug: slug, root: options.root, diagnostics: &diagnostics) else {
                printDiagnostics(diagnostics)
                throw ExitCode(1)
            }
            FileHandle.standardError.write(
                Data(
                    "docket: \(slug) has a new link; run `docket build` to remove the old portal folder, then upload public/\n"
                        .utf8))
        }
        let links = ShareLinks.list(root: options.root, diagnostics: &diagnostics)
        printDiagnostics(diagnostics)
        guard !diagnostics.hasErrors else { throw ExitCode(1) }
        let width = links.map(\.portal.slug.count).max() ?? 0
        for link in links {
            print("\(link.portal.slug.padding(toLength: width, withPad: " ", startingAt: 0))  \(link.url)")
        }
    }
}

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Write a synthetic site of any size (for benchmarks and trying Docket out).")

    @Option(help: "How many clients.") var clients: Int = 10
    @Option(help: "How many months of records per client.") var months: Int = 12
    @Option(help: "The seed: the same seed writes the same files.") var seed: UInt64 = 7
    @Option(help: ArgumentHelp("The last month written.", valueName: "YYYY-MM")) var last: String = "2026-10"
    @Option(
        help: ArgumentHelp(
            "The folder to write (content/ is created in it).",
            valueName: "dir")) var out: String

    func validate() throws {
        guard clients >= 1, clients <= 100_000 else { throw ValidationError("--clients must be from 1 to 100000") }
        guard months >= 1, months <= 240 else { throw ValidationError("--months must be from 1 to 240") }
        guard YearMonth(iso: last) != nil else { throw ValidationError("--last must be a month YYYY-MM") }
        guard !FileManager.default.fileExists(atPath: URL(fileURLWithPath: out).appendingPathComponent("content").path)
        else {
            throw ValidationError("--out: \(out)/content already exists; choose an empty folder")
        }
    }

    func run() throws {
        let generator = DemoGenerator(clients: clients, months: months, seed: seed, lastMonth: YearMonth(iso: last)!)
        try generator.write(to: URL(fileURLWithPath: out))
        print("Wrote \(clients) clients × \(months) months to \(out)/content")
    }
}
