import ArgumentParser
import DocketCore
import Foundation

/// `docket templates [--eject]`: list the built-in templates and which the site overrides, or copy them out.
struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "List the built-in templates and the site's overrides; --eject copies them to templates/.",
        discussion: """
            The templates and CSS are built into Docket. A file in the site's templates/ replaces the built-in
            one of the same name (templates/assets/portal.css replaces the built-in stylesheet).
            """)

    @OptionGroup var options: CommonOptions

    @Flag(help: "Copy the built-in templates and CSS to templates/ to restyle them (never over a file that differs).")
    var eject = false

    func run() throws {
        let root = options.root
        guard eject else {
            let listing = TemplateEject.listing(root: root)
            let width = listing.builtIn.map(\.name.count).max() ?? 0
            for (name, overridden) in listing.builtIn {
                let padded = name.padding(toLength: width, withPad: " ", startingAt: 0)
                print("\(padded)  \(overridden ? "yours: templates/\(name)" : "built in")")
            }
            for name in listing.extra { print("templates/\(name)  yours (no built-in file of that name)") }
            return
        }
        var diagnostics = Diagnostics()
        guard let plan = TemplateEject.make(root: root, diagnostics: &diagnostics) else { refuse(diagnostics) }
        try plan.files.write(root: root)
        for path in plan.files.paths { print("Wrote \(path)") }
        for path in plan.identical { print("Kept \(path) (already the same as the built-in one)") }
        if !plan.files.files.isEmpty {
            print("Edit them to restyle the portal; delete one to go back to the built-in file.")
        }
    }
}
