import Foundation

/// A new site, as `docket init` writes it: `content/business.md` with placeholders (`FILL IN: …`) for the VA's
/// own details, one example client, and a `.gitignore` for what Docket builds and keeps for itself. Nothing
/// else: the templates are built into Docket (`docket templates --eject` copies them out to restyle).
public enum SiteScaffold {
    /// The files of a new site in `root`; nil (with one error per file that exists) when any of them exists
    /// already: nothing is ever written over.
    public static func make(root: URL, diagnostics: inout Diagnostics) -> NewFiles? {
        let files = NewFiles(files: [
            NewFiles.File(path: SiteLoader.businessPath, data: Data(businessText.utf8)),
            ClientScaffold.file(slug: ClientScaffold.exampleSlug, example: true),
            NewFiles.File(path: ".gitignore", data: Data(gitignoreText.utf8)),
        ])
        guard
            files.checkFree(
                root: root, diagnostics: &diagnostics,
                refusal:
                    "already exists; `docket init` never writes over a file: start the site in an empty folder, or move this file aside"
            )
        else { return nil }
        return files
    }

    /// The starting business.md.
    static let businessText = """
        ---
        # Your business: printed on every invoice, and your name heads every portal page.
        # Replace each FILL IN below with your own details: `docket check` lists every one still to fill
        # in, and nothing is built until none is left. Lines starting with # are notes for you; Docket
        # ignores them. docs/content-format.md describes every field.

        # Your trading name, as on your invoices.
        name: "FILL IN: your trading name, like Jo Bloggs Virtual Assistance"
        # Your postal address: write \\n between its lines, like 4 Mill Lane\\nYork YO1 7AA
        address: "FILL IN: your postal address"
        email: "FILL IN: the email address your clients write to"
        # How clients pay you, printed on every invoice.
        bank:
          account_name: "FILL IN: the name on your bank account, exactly as your bank holds it"
          sort_code: "FILL IN: your sort code, like 12-34-56"
          account: "FILL IN: your account number"
        # Printed on every invoice; change it if your terms say otherwise.
        late_payment: "Interest at 8% over base rate under the Late Payment of Commercial Debts Act."

        # Optional: remove the # at the start of a line to use it.
        # phone: "07700 900123"
        # payment_terms: 14                   # days a client has to pay (default 30)
        # company_number: "12345678"          # a limited company prints it on invoices
        # vat_number: GB123456789             # when you are VAT registered: VAT is then charged
        # currency: GBP                       # your currency (default GBP)
        # base_url: https://portal.example.com   # where you upload public/: share links start with it
        ---

        """

    /// The starting .gitignore: Docket's output and its own records, never committed. (The build record in
    /// `.docket/` names share tokens.)
    static let gitignoreText = """
        # Built by Docket: upload public/, keep the rest on your computer.
        public/
        dashboard/
        outbox/
        .docket-cache/
        .docket/

        """
}
