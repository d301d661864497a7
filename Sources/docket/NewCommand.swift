import ArgumentParser
import DocketCore
import Foundation

/// `docket new client SLUG` and `docket new terms SLUG`: scaffold a client, or the next terms version.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Start a new client, or the next version of a client's terms.",
        subcommands: [NewClientCommand.self, NewTermsCommand.self])
}

/// `docket new client SLUG`.
struct NewClientCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "client",
        abstract: "Write content/clients/SLUG/client.md, commented, with FILL IN placeholders to replace.")

    @OptionGroup var options: CommonOptions

    @Argument(help: ArgumentHelp("The client's folder name: lowercase letters, digits and -.", valueName: "slug"))
    var slug: String

    func run() throws {
        var diagnostics = Diagnostics()
        guard let files = ClientScaffold.make(slug: slug, root: options.root, diagnostics: &diagnostics) else {
            refuse(diagnostics)
        }
        try files.write(root: options.root)
        print("Wrote \(files.paths.joined(separator: ", ")).")
        print("Replace every FILL IN in it (`docket check` lists what is left), then run `docket build`.")
    }
}

/// `docket new terms SLUG`.
struct NewTermsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terms",
        abstract: "Write the client's next terms version (terms/N.md, proposed), from the version in force.")

    @OptionGroup var options: CommonOptions

    @Argument(help: ArgumentHelp("The client's folder name.", valueName: "slug"))
    var slug: String

    func run() throws {
        var diagnostics = Diagnostics()
        guard
            let scaffold = TermsScaffold.make(
                slug: slug, root: options.root, today: try options.todayDate(), diagnostics: &diagnostics)
        else {
            refuse(diagnostics)
        }
        try scaffold.files.write(root: options.root)
        let path = scaffold.files.paths.joined()
        var origin = "a first version"
        if let from = scaffold.startedFrom {
            origin = "a copy of version \(from)" + (scaffold.startedFromInForce ? " (in force today)" : "")
        }
        print("Wrote \(path): version \(scaffold.version), status: proposed, \(origin).")
        print(
            """
            Edit its text and figures, and fill in its `effective` date (figures change on the first day of a
            month). Once built, the client's portal shows it beside the terms in force, with what changes and
            a link to approve it; when they do, set `status: agreed`, `agreed_on` and `agreed_by`.
            """)
    }
}
