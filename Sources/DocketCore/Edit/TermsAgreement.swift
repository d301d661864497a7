import Foundation

/// A version of the terms agreed, or sealed, in its file, as `docket terms agree` and `docket terms seal`
/// write it: only the front-matter lines `status`, `agreed_on`, `agreed_by` and `fingerprint` change, every
/// other byte stays as written. The file is read back as terms before anything is written.
public struct TermsAgreement: Sendable {
    /// The terms file, relative to the site folder.
    public var path: String
    /// Its bytes after the change.
    var data: Data
    /// The fingerprint recorded (`sha256:…`).
    public var fingerprint: String
    /// What was done, for people.
    public var summary: String

    /// Agrees proposed version `version` of client `slug`'s terms: `status: agreed`, `agreed_on` (`on`),
    /// `agreed_by` (`by`) and its fingerprint. Nil, with the reason, for an unknown client or version, a
    /// version already agreed, or a file with errors.
    public static func agree(
        root: URL, slug: String, version: Int, by name: String, on date: CalendarDate,
        diagnostics: inout Diagnostics
    ) -> TermsAgreement? {
        let name = name.trimmingWhitespaceAndNewlines()
        guard !name.isEmpty, !name.contains(where: \.isNewline) else {
            diagnostics.error("content/clients/\(slug)/terms", "--by needs the name of who agreed, on one line")
            return nil
        }
        guard let (terms, data, currency) = find(root: root, slug: slug, version: version, diagnostics: &diagnostics)
        else {
            return nil
        }
        guard terms.status == .proposed else {
            diagnostics.error(
                terms.path,
                "version \(version) is already agreed (by \(terms.agreedBy ?? "the client") on \(terms.agreedOn?.description ?? "?")); agreed terms never change: write a change as a new proposed version (`docket new terms \(slug)`)"
            )
            return nil
        }
        var edit = FrontMatterEdit(data)
        do {
            if try edit.has("status") {
                try edit.replaceValue(of: "status", with: "agreed")
            } else {
                try edit.setLine(of: "status", to: "status: agreed", after: "effective")
            }
            try edit.setLine(of: "agreed_on", to: "agreed_on: \(date)", after: "status")
            try edit.setLine(of: "agreed_by", to: "agreed_by: \(yamlString(name))", after: "agreed_on")
        } catch {
            diagnostics.error(terms.path, "cannot edit the front matter: \(describe(error))")
            return nil
        }
        return sealed(
            edit, terms: terms, currency: currency,
            summary: "Version \(version) of \(slug)'s terms is agreed by \(name) on \(date)", diagnostics: &diagnostics)
    }

    /// Records the fingerprint of agreed version `version` as it stands (a version agreed before Docket
    /// sealed terms). Nil, with the reason, for an unknown client or version, a proposal, or a version
    /// sealed already.
    public static func seal(root: URL, slug: String, version: Int, diagnostics: inout Diagnostics)
        -> TermsAgreement?
    {
        guard let (terms, data, currency) = find(root: root, slug: slug, version: version, diagnostics: &diagnostics)
        else {
            return nil
        }
        guard terms.status == .agreed else {
            diagnostics.error(
                terms.path,
                "version \(version) is proposed, not agreed; once the client agrees, `docket terms agree \(slug) \(version) --by NAME` agrees and seals it"
            )
            return nil
        }
        guard !terms.isSealed else {
            diagnostics.error(terms.path, "version \(version) is sealed already (fingerprint \(terms.fingerprint))")
            return nil
        }
        return sealed(
            FrontMatterEdit(data), terms: terms, currency: currency,
            summary: "Version \(version) of \(slug)'s terms is sealed", diagnostics: &diagnostics)
    }

    /// Writes the file in one step.
    public func write(root: URL) throws {
        try data.write(to: root.appendingPathComponent(path), options: .atomic)
    }

    /// The edit with the fingerprint line written after `agreed_by`, read back as agreed and sealed terms.
    private static func sealed(
        _ edit: FrontMatterEdit, terms: Terms, currency: Currency, summary: String, diagnostics: inout Diagnostics
    ) -> TermsAgreement? {
        var edit = edit
        let text = String(decoding: edit.data, as: UTF8.self)
        let fingerprint = TermsFingerprint.of(text)
        do {
            try edit.setLine(of: "fingerprint", to: "fingerprint: \(fingerprint)", after: "agreed_by")
        } catch {
            diagnostics.error(terms.path, "cannot edit the front matter: \(describe(error))")
            return nil
        }
        var own = Diagnostics()
        guard let file = SourceFile.decode(path: terms.path, data: edit.data, diagnostics: &own),
            let read = Terms.parse(file, currency: currency, diagnostics: &own), read.isSealed, !own.hasErrors
        else {
            for error in own.errors { diagnostics.append(error) }
            diagnostics.error(
                terms.path, "the file would not read back as agreed, sealed terms, so nothing was written")
            return nil
        }
        return TermsAgreement(
            path: terms.path, data: edit.data, fingerprint: fingerprint,
            summary: "\(summary): fingerprint \(fingerprint) (\(TermsFingerprint.short(fingerprint)) on its pages).")
    }

    /// A client's version of the terms, with its file's bytes; nil, with the reason, when there is none or its
    /// file has errors.
    private static func find(root: URL, slug: String, version: Int, diagnostics: inout Diagnostics)
        -> (Terms, Data, Currency)?
    {
        var loaded = Diagnostics()
        guard let site = SiteLoader.load(root: root, diagnostics: &loaded) else {
            diagnostics.append(contentsOf: loaded)
            return nil
        }
        let folder = "content/clients/\(slug)"
        guard let client = site.clients.first(where: { $0.client.slug == slug }) else {
            for error in loaded.errors where error.path.hasPrefix(folder + "/") { diagnostics.append(error) }
            let known = site.clients.map(\.client.slug).joined(separator: ", ")
            diagnostics.error(
                folder, "there is no client `\(slug)`: expected a folder \(folder) with client.md (clients: \(known))")
            return nil
        }
        guard let terms = client.terms.first(where: { $0.version == version }) else {
            let errors = loaded.errors.filter { $0.path.hasPrefix("\(folder)/terms/") }
            for error in errors { diagnostics.append(error) }
            let versions = client.terms.map { String($0.version) }.joined(separator: ", ")
            diagnostics.error(
                "\(folder)/terms",
                errors.isEmpty
                    ? "\(slug) has no version \(version) of its terms"
                        + (versions.isEmpty ? "" : " (versions: \(versions))")
                    : "fix the errors in \(slug)'s terms first")
            return nil
        }
        let errors = loaded.errors.filter { $0.path == terms.path }
        guard errors.isEmpty, let data = SourceFile.readFile(root.path + "/" + terms.path) else {
            for error in errors { diagnostics.append(error) }
            diagnostics.error(terms.path, "fix the errors in this file first")
            return nil
        }
        return (terms, data, client.client.currency)
    }

    /// A name as a YAML value: plain when it is plain text, else double-quoted with `\` and `"` escaped.
    static func yamlString(_ text: String) -> String {
        let plain =
            text.allSatisfy { $0.isLetter || $0.isNumber || " .'-".contains($0) }
            && text.first.map { $0.isLetter || $0.isNumber } == true
        if plain { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            + "\""
    }

    private static func describe(_ error: Error) -> String {
        switch error as? FrontMatterEdit.Failure {
        case .noFrontMatter: return "the file does not start with front matter between `---` lines"
        case .notOnOneLine(let key): return "`\(key)` is not written on one line as `\(key): value`"
        case nil: return "\(error)"
        }
    }
}
