import ArgumentParser
import DocketCore
import Foundation

extension ExportFormat: ExpressibleByArgument {}

/// `docket export hledger|xero|csv`: every published invoice (and payment) for an accounting program, to
/// standard output or a file. Nothing is written when the site has content errors.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export published invoices and payments: an hledger journal, a Xero import file, or a CSV table.",
        discussion: """
            docket export hledger [--from YYYY-MM-DD] [-o FILE]   invoices and payments as an hledger journal
            docket export xero [--from YYYY-MM-DD] [-o FILE]      Xero's sales-invoice import CSV, one row per line
            docket export csv [--from YYYY-MM-DD] [-o FILE]       one row per invoice and per payment
            See docs/exporting.md.
            """)

    @OptionGroup var options: CommonOptions

    @Argument(help: ArgumentHelp("What to write: hledger, xero or csv.", valueName: "format"))
    var format: ExportFormat

    @Option(
        help: ArgumentHelp(
            "Only what is dated on or after this day (invoices by issue date, payments by the day paid).",
            valueName: "YYYY-MM-DD"))
    var from: String?

    @Option(
        name: [.customShort("o"), .customLong("output")],
        help: ArgumentHelp("Write to this file (replaced whole) instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        if let from, CalendarDate(iso: from) == nil {
            throw ValidationError("--from must be a date YYYY-MM-DD, found `\(from)`")
        }
        if let output {
            let file = URL(fileURLWithPath: output).standardizedFileURL
            if Export.isInPublic(file, root: options.root) {
                throw ValidationError(
                    "-o: `\(output)` is inside public/, which is uploaded for clients to see; write the export outside public/"
                )
            }
        }
    }

    func run() throws {
        var diagnostics = Diagnostics()
        guard
            let text = Export.make(
                format, root: options.root, today: try options.todayDate(),
                from: from.flatMap { CalendarDate(iso: $0) }, diagnostics: &diagnostics)
        else {
            refuse(diagnostics)
        }
        printDiagnostics(diagnostics)
        if let output {
            do {
                try Export.write(text, to: URL(fileURLWithPath: output))
            } catch {
                FileHandle.standardError.write(
                    Data("docket: could not write \(output): \(error.localizedDescription); nothing was written\n".utf8)
                )
                throw ExitCode(1)
            }
            FileHandle.standardError.write(Data("docket: wrote the \(format.rawValue) export to \(output)\n".utf8))
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
