import Foundation

/// A new client folder, as `docket new client SLUG` (and `docket init`, for its example client) writes it:
/// `content/clients/<slug>/client.md` with every field explained in comments and the required ones left as
/// placeholders (`FILL IN: …`), which `docket check` names until they are filled in.
public enum ClientScaffold {
    /// The folder name `docket init` gives its example client.
    static let exampleSlug = "example-client"

    /// The files of a new client `slug` in the site at `root`; nil (with the reason in `diagnostics`) when the
    /// name cannot be a client's folder name, the site has no business.md yet, or the folder exists.
    public static func make(slug: String, root: URL, diagnostics: inout Diagnostics) -> NewFiles? {
        guard SiteLoader.checkFolderName(slug, diagnostics: &diagnostics) else { return nil }
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent(SiteLoader.businessPath).path)
        else {
            diagnostics.error(
                SiteLoader.businessPath,
                "missing: this folder is not a Docket site yet; run `docket init` first (or pass the site's folder with --site DIR)"
            )
            return nil
        }
        let folder = "content/clients/\(slug)"
        guard !FileManager.default.fileExists(atPath: root.appendingPathComponent(folder).path) else {
            diagnostics.error(
                folder, "the client folder already exists; choose another name, or edit \(folder)/client.md")
            return nil
        }
        return NewFiles(files: [file(slug: slug, example: false)])
    }

    /// The commented client.md of a new client.
    static func file(slug: String, example: Bool) -> NewFiles.File {
        let about =
            example
            ? """
            # An example client. Rename its folder (content/clients/\(slug)) for a real client (lowercase
            # letters, digits and -, like acme-widgets), or delete it and run `docket new client SLUG`.
            """
            : """
            # A client. Its folder's name, \(slug), is how Docket and its commands name it.
            """
        let text = """
            ---
            \(about)
            # Replace each FILL IN below: `docket check` lists every one still to fill in, and nothing is
            # built until none is left. Lines starting with # are notes for you; Docket ignores them.
            # docs/content-format.md describes every field.

            # The client's name, as on your invoices.
            name: "FILL IN: the client's name, like Acme Widgets Ltd"
            # The person you deal with there, and their email.
            contact: "FILL IN: your contact's name, like Sam Patel"
            email: "FILL IN: your contact's email address"
            # The client's postal address, printed on invoices: write \\n between its lines.
            address: "FILL IN: the client's postal address"
            # Your hourly rate for this client.
            rate: "FILL IN: your hourly rate, like 30.00"

            # Optional: remove the # at the start of a line to use it.
            # increment: 15m                      # round each entry up to this
            # core_hours: "Mon-Fri 09:00-15:00"   # the hours agreed; work outside them is out of hours
            # out_of_hours_rate: 45.00            # per hour outside core_hours (default: rate)
            # travel_rate: 15.00                  # per hour of travel (default: rate)
            # mileage_rate: 0.45                  # per mile
            # payment_terms: 14                   # days to pay (default: business.md's)
            # retainer: { hours: 20, fee: 550.00, rollover: 5 }   # a monthly package
            # portal_encryption: link             # encrypt the portal: the key goes in its link
            ---
            Your private notes about this client go here, under the line above. Docket never publishes them.

            """
        return NewFiles.File(path: "content/clients/\(slug)/client.md", data: Data(text.utf8))
    }
}
