import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Loads and validates a site's `content/` folder: business.md, every client folder, every timesheet.
/// All problems are collected; nothing stops at the first.
enum SiteLoader {
    /// Reads the site at `root`. Returns nil only when business.md cannot be used.
    ///
    /// The same steps as a build's, which goes through them client by client with a cache (`Builder`):
    /// `loadBusiness`, `clientFolders`, `loadClient` for each folder, then `checkAcrossClients`.
    static func load(root: URL, diagnostics: inout Diagnostics) -> Site? {
        guard let business = loadBusiness(root: root, diagnostics: &diagnostics) else { return nil }

        // Clients are read and parsed on all cores; their diagnostics are kept in folder order.
        let slugs = clientFolders(root: root, diagnostics: &diagnostics)
        let loaded = slugs.parallelMap { slug -> (ClientContent?, Diagnostics) in
            var own = Diagnostics()
            return (loadClient(root: root, slug: slug, business: business, diagnostics: &own), own)
        }
        var clients: [ClientContent] = []
        for (content, own) in loaded {
            diagnostics.append(contentsOf: own)
            if let content { clients.append(content) }
        }
        checkAcrossClients(
            tokens: clients.map { ($0.client.slug, $0.token) },
            secrets: clients.map { ($0.client.slug, SecretFingerprint.of($0)) },
            invoiceNumbers: clients.flatMap { content in
                content.invoices.map { InvoiceNumber(number: $0.number, path: $0.path, line: $0.numberLine) }
            },
            diagnostics: &diagnostics)
        return Site(business: business, clients: clients)
    }

    /// Where the VA's business details are, relative to the site folder.
    static let businessPath = "content/business.md"

    /// Reads and parses `content/business.md`; nil (with the reason in `diagnostics`) when it is missing or
    /// cannot be used. The one reader of business.md.
    static func loadBusiness(root: URL, diagnostics: inout Diagnostics) -> Business? {
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent(businessPath).path) else {
            diagnostics.error(
                businessPath,
                "missing: expected the VA's business details in content/business.md (see docs/content-format.md)")
            return nil
        }
        guard let file = SourceFile.read(site: root, path: businessPath, diagnostics: &diagnostics) else { return nil }
        return Business.parse(file, diagnostics: &diagnostics)
    }

    /// The client folders under `content/clients/`, sorted (hidden ones skipped).
    static func clientFolders(root: URL, diagnostics: inout Diagnostics) -> [String] {
        listDirectory(root, "content/clients", directories: true, diagnostics: &diagnostics)
    }

    /// Whether a client folder's name can be a client's (its slug); reports one that cannot. The one check of
    /// folder names.
    static func checkFolderName(_ slug: String, diagnostics: inout Diagnostics) -> Bool {
        guard Client.isValidSlug(slug) else {
            diagnostics.error(
                "content/clients/\(slug)",
                "invalid client folder name `\(slug)`; expected 1–64 lowercase letters, digits or `-`, like `acme-widgets`"
            )
            return false
        }
        return true
    }

    /// The checks that need every client at once: each share token, portal key and passphrase salt held by
    /// one client, each invoice number used once across the business (and the numbering's gaps). `tokens`,
    /// `secrets` (each client's `SecretFingerprint`s, by file name) and `invoiceNumbers` in folder order.
    static func checkAcrossClients(
        tokens: [(slug: String, token: String?)], secrets: [(slug: String, fingerprints: [String: String])],
        invoiceNumbers: [InvoiceNumber], diagnostics: inout Diagnostics
    ) {
        ShareToken.checkUnique(tokens, diagnostics: &diagnostics)
        SecretFingerprint.checkUnique(secrets, diagnostics: &diagnostics)
        BillingChecks.checkNumbers(invoiceNumbers, diagnostics: &diagnostics)
    }

    /// Loads, parses and validates one client folder (its name first); nil when there is no client to use.
    /// `digests`, when given, records the SHA-256 of every file read (a build's fingerprint).
    static func loadClient(
        root: URL, slug: String, business: Business, diagnostics: inout Diagnostics,
        digests: FileDigests? = nil
    ) -> ClientContent? {
        guard checkFolderName(slug, diagnostics: &diagnostics) else { return nil }
        let folder = "content/clients/\(slug)"
        let clientPath = "\(folder)/client.md"
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent(clientPath).path) else {
            diagnostics.error(
                folder, "missing client.md: expected \(clientPath) with the client's name, contact, email and rate")
            return nil
        }
        guard let file = SourceFile.read(site: root, path: clientPath, diagnostics: &diagnostics, digests: digests)
        else { return nil }
        // Every amount of the client's files is in its currency (client.md's `currency`, else business.md's).
        let (client, currency) = Client.read(file, slug: slug, business: business, diagnostics: &diagnostics)

        var timesheets: [Timesheet] = []
        for name in listDirectory(root, "\(folder)/timesheets", directories: false, diagnostics: &diagnostics) {
            let path = "\(folder)/timesheets/\(name)"
            guard name.hasSuffix(".md") else { continue }
            guard let month = YearMonth(iso: name.dropLast(3)) else {
                diagnostics.error(path, "a timesheet must be named for its month, like `2026-11.md`; found `\(name)`")
                continue
            }
            guard let sheetFile = SourceFile.read(site: root, path: path, diagnostics: &diagnostics, digests: digests)
            else { continue }
            timesheets.append(
                TimesheetParser.parse(
                    sheetFile, month: month, currency: currency,
                    diagnostics: &diagnostics))
        }
        timesheets.sort { $0.month < $1.month }

        var terms: [Terms] = []
        for name in listDirectory(root, "\(folder)/terms", directories: false, diagnostics: &diagnostics)
        where name.hasSuffix(".md") {
            let path = "\(folder)/terms/\(name)"
            guard let termsFile = SourceFile.read(site: root, path: path, diagnostics: &diagnostics, digests: digests),
                let version = Terms.parse(termsFile, currency: currency, diagnostics: &diagnostics)
            else { continue }
            if let other = terms.first(where: { $0.version == version.version }) {
                diagnostics.error(
                    path, line: 0, column: 0,
                    "terms version \(version.version) is already used by \(other.path); expected each version once")
                continue
            }
            terms.append(version)
        }
        terms.sort { $0.version < $1.version }

        var invoices: [InvoiceRecord] = []
        for name in listDirectory(root, "\(folder)/invoices", directories: false, diagnostics: &diagnostics)
        where name.hasSuffix(".md") {
            let path = "\(folder)/invoices/\(name)"
            guard
                let invoiceFile = SourceFile.read(site: root, path: path, diagnostics: &diagnostics, digests: digests),
                let record = InvoiceRecord.parse(invoiceFile, currency: currency, diagnostics: &diagnostics)
            else { continue }
            invoices.append(record)
        }

        var deliverables: [Deliverable] = []
        let tasksPath = "\(folder)/tasks.md"
        if FileManager.default.fileExists(atPath: root.appendingPathComponent(tasksPath).path),
            let tasksFile = SourceFile.read(site: root, path: tasksPath, diagnostics: &diagnostics, digests: digests)
        {
            deliverables = TasksParser.parse(tasksFile, diagnostics: &diagnostics)
        }

        var token: String?
        let tokenPath = "\(folder)/\(ShareToken.fileName)"
        if FileManager.default.fileExists(atPath: root.appendingPathComponent(tokenPath).path),
            let tokenFile = SourceFile.read(site: root, path: tokenPath, diagnostics: &diagnostics, digests: digests)
        {
            token = ShareToken.parse(tokenFile, diagnostics: &diagnostics)
        }

        func secret(_ name: String, count: Int) -> Data? {
            let path = "\(folder)/\(name)"
            guard FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path),
                let file = SourceFile.read(site: root, path: path, diagnostics: &diagnostics, digests: digests)
            else { return nil }
            return ShareToken.parseSecret(file, count: count, diagnostics: &diagnostics)
        }
        let salt = secret(ShareToken.saltFileName, count: 16)
        let key = secret(ShareToken.keyFileName, count: 32)

        guard let client else { return nil }
        let content = ClientContent(
            client: client, timesheets: timesheets, terms: terms, invoices: invoices,
            deliverables: deliverables, token: token, portalSalt: salt, portalKey: key,
            defaultPaymentTerms: business.paymentTerms)
        validate(content, diagnostics: &diagnostics)
        return content
    }

    /// Checks that need both the client's terms and its entries.
    static func validate(_ content: ClientContent, diagnostics: inout Diagnostics) {
        for timesheet in content.timesheets {
            let figures = content.timeline.figures(for: timesheet.month)
            guard figures.mileageRate == nil else { continue }
            for entry in timesheet.entries {
                if case .mileage = entry.kind, !entry.isUnbilled {
                    diagnostics.error(
                        timesheet.path, line: entry.line, column: 0,
                        "mileage is logged but content/clients/\(content.client.slug)/client.md has no `mileage_rate`; expected a rate per \(figures.distanceUnit.rawValue), or tag the entry #unbilled"
                    )
                }
            }
        }
    }

    /// Names in a folder, sorted, skipping hidden ones; empty when the folder does not exist.
    static func listDirectory(_ root: URL, _ path: String, directories: Bool, diagnostics: inout Diagnostics)
        -> [String]
    {
        let folder = root.appendingPathComponent(path).path
        var info = stat()
        guard lstat(folder, &info) == 0 else { return [] }
        if (info.st_mode & S_IFMT) == S_IFLNK {
            diagnostics.error(path, SourceFile.symbolicLinkMessage)
            return []
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { return [] }
        guard let all = FileStatus.namesAndTypes(in: folder) else {
            diagnostics.error(path, "cannot list the folder: \(String(cString: strerror(errno)))")
            return []
        }
        return all.compactMap { entry in
            guard !entry.name.hasPrefix(".") else { return nil }
            let isDirectory: Bool
            switch Int32(entry.type) {
            case Int32(DT_DIR): isDirectory = true
            case Int32(DT_REG): isDirectory = false
            default:
                // A symbolic link is refused, never followed; a file system that gives no type is asked.
                var child = stat()
                guard lstat(folder + "/" + entry.name, &child) == 0 else { return nil }
                if (child.st_mode & S_IFMT) == S_IFLNK {
                    diagnostics.error("\(path)/\(entry.name)", SourceFile.symbolicLinkMessage)
                    return nil
                }
                isDirectory = (child.st_mode & S_IFMT) == S_IFDIR
            }
            return isDirectory == directories ? entry.name : nil
        }.sorted()
    }
}
