import Foundation

/// The next terms version of a client, as `docket new terms SLUG` writes it: `terms/<n>.md`, numbered one above
/// the highest version, with `status: proposed`, starting from the version in force today (its title, its
/// billing figures and its text, byte for byte), and its `effective` date left as a placeholder
/// (`FILL IN: …`, suggesting the first day of next month) so that nothing is published until the VA has
/// decided when it takes effect.
public struct TermsScaffold: Sendable {
    /// The file to write.
    public var files: NewFiles
    /// The new version's number.
    public var version: Int
    /// The version it started from (the one in force, else the highest written), or nil for a first version.
    public var startedFrom: Int?
    /// Whether the version it started from is the one in force today.
    public var startedFromInForce: Bool

    /// The next terms version of client `slug` as of `today`; nil (with the reason in `diagnostics`) when
    /// there is no such client, a terms file has errors (the version in force could not be told), or the
    /// file to write exists.
    public static func make(slug: String, root: URL, today: CalendarDate, diagnostics: inout Diagnostics)
        -> TermsScaffold?
    {
        guard SiteLoader.checkFolderName(slug, diagnostics: &diagnostics) else { return nil }
        var ignored = Diagnostics()
        guard let business = SiteLoader.loadBusiness(root: root, diagnostics: &ignored) else {
            diagnostics.append(contentsOf: ignored)
            return nil
        }
        let folder = "content/clients/\(slug)"
        let clientPath = "\(folder)/client.md"
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent(clientPath).path),
            let clientFile = SourceFile.read(site: root, path: clientPath, diagnostics: &diagnostics)
        else {
            diagnostics.error(
                folder,
                "there is no client `\(slug)`: expected a folder \(folder) with client.md (`docket new client \(slug)` makes one)"
            )
            return nil
        }
        // Only the currency matters here: the terms' figures are read in it.
        let currency = Client.read(clientFile, slug: slug, business: business, diagnostics: &ignored).currency

        var terms: [Terms] = []
        var highest = 0
        var problems = Diagnostics()
        for name in SiteLoader.listDirectory(root, "\(folder)/terms", directories: false, diagnostics: &problems)
        where name.hasSuffix(".md") {
            if let number = Int(name.dropLast(3)) { highest = max(highest, number) }
            guard let file = SourceFile.read(site: root, path: "\(folder)/terms/\(name)", diagnostics: &problems),
                let version = Terms.parse(file, currency: currency, diagnostics: &problems)
            else { continue }
            highest = max(highest, version.version)
            terms.append(version)
        }
        // A version still holding placeholders is a proposal not finished: one at a time.
        let unfinished = Set(problems.errors.filter(Placeholder.isPlaceholder).map(\.path))
        for path in unfinished.sorted() {
            diagnostics.error(
                path, "this version still holds FILL IN text: finish it (or delete the file) before starting another")
        }
        let errors = problems.errors.filter { !Placeholder.isPlaceholder($0) }
        for error in errors { diagnostics.append(error) }
        guard errors.isEmpty, unfinished.isEmpty else { return nil }
        let version = highest + 1
        let path = "\(folder)/terms/\(version).md"
        let suggested = today.yearMonth.next.firstDay
        let effective =
            "effective: \"\(Placeholder.marker): the day version \(version) takes effect, like \(suggested)\""
        let inForce = Terms.inForce(on: today, in: terms)
        let source = inForce ?? terms.max { $0.version < $1.version }
        let data: Data
        if let source {
            guard let file = SourceFile.readFile(root.appendingPathComponent(source.path).path) else {
                diagnostics.error(source.path, "cannot read the file")
                return nil
            }
            var edit = FrontMatterEdit(file)
            do {
                try edit.setLine(of: "version", to: "version: \(version)", after: "version")
                try edit.setLine(of: "effective", to: effective, after: "version")
                try edit.setLine(of: "status", to: "status: proposed", after: "effective")
                try edit.removeLine(of: "agreed_on")
                try edit.removeLine(of: "agreed_by")
                try edit.removeLine(of: "fingerprint")  // a proposal is sealed when it is agreed
            } catch {
                diagnostics.error(
                    source.path,
                    "cannot start version \(version) from this file: write `version`, `effective`, `status`, `agreed_on` and `agreed_by` each on one line as `field: value`"
                )
                return nil
            }
            data = edit.data
        } else {
            data = Data(
                """
                ---
                version: \(version)
                title: Virtual assistance agreement
                \(effective)
                status: proposed
                ---
                \(Placeholder.marker): your terms in your own words: the services you provide, your hours and rates, how you invoice, and how either of you can end the agreement.

                """.utf8)
        }
        let files = NewFiles(files: [NewFiles.File(path: path, data: data)])
        guard
            files.checkFree(
                root: root, diagnostics: &diagnostics,
                refusal: "already exists; expected the next terms version to be free")
        else { return nil }
        return TermsScaffold(
            files: files, version: version, startedFrom: source?.version, startedFromInForce: inForce != nil)
    }
}
