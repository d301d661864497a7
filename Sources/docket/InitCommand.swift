import ArgumentParser
import DocketCore
import Foundation

/// `docket init [DIR]`: start a site (content/business.md with placeholders, one example client, .gitignore).
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a site: content/business.md to fill in, an example client and a .gitignore.",
        discussion: """
            Writes nothing over an existing file. Replace every FILL IN in the files it writes; `docket check`
            lists the ones still to fill in, and nothing is built until none is left.
            """)

    @Argument(
        help: ArgumentHelp(
            "The folder to start the site in (made if missing; default: --site, else the current folder).",
            valueName: "dir"))
    var directory: String?

    @Option(name: .long, help: ArgumentHelp("The same as DIR.", valueName: "dir"))
    var site: String?

    func validate() throws {
        if directory != nil, site != nil { throw ValidationError("give the folder once: DIR or --site DIR") }
    }

    func run() throws {
        let path = directory ?? site ?? "."
        let root = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
        var diagnostics = Diagnostics()
        guard let files = SiteScaffold.make(root: root, diagnostics: &diagnostics) else {
            refuse(diagnostics)
        }
        try files.write(root: root)
        print("Started a Docket site in \(path):")
        for file in files.paths { print("  \(file)") }
        print(
            """

            Next: replace every FILL IN in those files with your own details (`docket check` lists what is
            left), then run `docket build` and upload public/. The templates are built into Docket; to restyle
            the portal, run `docket templates --eject` and edit templates/.
            """)
    }
}
