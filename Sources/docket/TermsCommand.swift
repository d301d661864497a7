import ArgumentParser
import DocketCore
import Foundation

/// `docket terms agree|seal`: record that a version of a client's terms was agreed, with the fingerprint of
/// what was agreed.
struct TermsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terms", abstract: "Agree a proposed version of a client's terms, or seal an agreed one.",
        subcommands: [AgreeCommand.self, SealCommand.self])

    /// `docket terms agree SLUG VERSION --by NAME [--on YYYY-MM-DD]`.
    struct AgreeCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "agree",
            abstract: "Mark a proposed version agreed (status, agreed_on, agreed_by) and record its fingerprint.")

        @OptionGroup var options: CommonOptions

        @Argument(help: ArgumentHelp("The client (its folder name).", valueName: "slug"))
        var slug: String

        @Argument(help: ArgumentHelp("The version of the terms, as its `version` says.", valueName: "version"))
        var version: Int

        @Option(help: ArgumentHelp("Who agreed, as they signed their approval.", valueName: "name"))
        var by: String

        @Option(help: ArgumentHelp("The day they agreed (default: today).", valueName: "YYYY-MM-DD"))
        var on: String?

        func validate() throws {
            if let on, CalendarDate(iso: on) == nil {
                throw ValidationError("--on must be a date YYYY-MM-DD, found `\(on)`")
            }
        }

        func run() throws {
            // Never while a build (or another command) writes this site.
            let lock = try SiteLock.acquire(root: options.root, command: "terms")
            defer { withExtendedLifetime(lock) {} }
            var diagnostics = Diagnostics()
            let date = try on.flatMap { CalendarDate(iso: $0) } ?? options.todayDate()
            guard
                let agreed = TermsAgreement.agree(
                    root: options.root, slug: slug, version: version, by: by, on: date, diagnostics: &diagnostics)
            else { refuse(diagnostics) }
            try agreed.write(root: options.root)
            print(agreed.summary)
        }
    }

    /// `docket terms seal SLUG VERSION`.
    struct SealCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "seal", abstract: "Record the fingerprint of a version agreed before it was sealed.")

        @OptionGroup var options: CommonOptions

        @Argument(help: ArgumentHelp("The client (its folder name).", valueName: "slug"))
        var slug: String

        @Argument(help: ArgumentHelp("The agreed version of the terms.", valueName: "version"))
        var version: Int

        func run() throws {
            // Never while a build (or another command) writes this site.
            let lock = try SiteLock.acquire(root: options.root, command: "terms")
            defer { withExtendedLifetime(lock) {} }
            var diagnostics = Diagnostics()
            guard
                let sealed = TermsAgreement.seal(
                    root: options.root, slug: slug, version: version, diagnostics: &diagnostics)
            else { refuse(diagnostics) }
            try sealed.write(root: options.root)
            print(sealed.summary)
        }
    }
}
