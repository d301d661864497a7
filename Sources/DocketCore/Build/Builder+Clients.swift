import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Step 3 of the pipeline: every client, reused or built.
extension Builder {
    /// What happened to one client folder in this run.
    enum ClientOutcome: Sendable {
        /// Reused from the last build: not parsed, computed or rendered.
        case reused(ClientFacts)
        /// Parsed, computed and (if it validated) rendered by this run: with the SHA-256 of each file its
        /// load read, by path, and its folder's files as looked at before (nil once its record block is
        /// written), for the record.
        case fresh(ClientFacts, read: [String: String], walked: BuildCache.ClientInputs?)

        var facts: ClientFacts {
            switch self {
            case .reused(let facts), .fresh(let facts, _, _): return facts
            }
        }
    }

    /// Where rendered pages wait until the whole site has validated: in memory for a few clients or a
    /// check; for many, in the new `public/` when there is none yet, else on disk in `.docket-cache/stage/`.
    static func makeStage(rebuilding freshCount: Int, options: Options) throws -> PageStage {
        guard options.mode == .build && freshCount > pagesInMemory else { return try PageStage(directory: nil) }
        var info = stat()
        let noPublic = lstat(options.root.appendingPathComponent("public").path, &info) != 0 && errno == ENOENT
        return noPublic
            ? try PageStage(root: options.root, newSiteFolder: newSiteFolder)
            : try PageStage(directory: options.root.appendingPathComponent(".docket-cache/stage"))
    }

    /// Step 3: every client on all cores, reused or loaded, computed, checked and rendered, in folder order.
    ///
    /// Each task holds one client's model and pages, and hands the pages to the stage before it ends, so
    /// memory holds as many clients as there are cores (plus, when few clients changed, their pages in
    /// memory). The files of the clients to rebuild are hinted to the kernel ahead of their tasks by a
    /// `FilePrefetcher`, so that reading them from disk overlaps with the work. When pages go straight into
    /// a new `public/`, they have their final status as soon as they are written, so each client's block of
    /// the next record is made at the end of its own task and written to the returned stream.
    static func buildClients(
        shared: Shared, plan: ReusePlan, stage: PageStage,
        options: Options
    ) -> (outcomes: [ClientOutcome], stream: RecordStream?) {
        let slugs = shared.slugs
        let fresh = plan.fresh(slugs)
        let prefetcher = fresh.count > 1 ? FilePrefetcher(root: options.root, clients: fresh) : nil
        let caching = plan.caching
        let cache = plan.cache
        let stream = caching && stage.tree != nil ? cache.openStream() : nil
        let reusable = plan.reusable
        let inputs = plan.inputs
        let business = shared.business
        let renderer = shared.renderer
        let outcomes: [ClientOutcome] = Array(slugs.indices).parallelMap { index -> ClientOutcome in
            if let old = reusable[index], var facts = old.facts() {
                facts.portal = facts.portal?.withStoredLinkKey(root: options.root)  // the record holds no key
                return .reused(facts)
            }
            let slug = slugs[index]
            // The folder's files as they are before it is read (looked at here when no record asked for it).
            let walked = caching ? inputs.clients[slug] ?? cache.unhashedInputs(of: slug) : nil
            let digests = caching ? FileDigests() : nil
            var facts = buildClient(
                slug, business: business, renderer: renderer, options: options,
                stage: stage, digests: digests)
            defer { options.progress?.advance() }
            let read = digests?.hashes ?? [:]
            if let stream, let tree = stage.tree, !facts.diagnostics.contains(where: { $0.severity == .error }),
                let saved = savedClient(facts, read: read, walked: walked, cache: cache, options: options),
                case .fresh(let files, let fingerprint, let storedFacts) = saved,
                let block = cache.block(
                    slug: slug, files: files, fingerprint: fingerprint, facts: storedFacts,
                    outputsPath: tree.publicDirectory.path)
            {
                stream.add(slug, block)
                facts.outputStatuses = nil  // in the record now: not kept for the rest of the build
                return .fresh(facts, read: read, walked: nil)
            }
            return .fresh(facts, read: read, walked: walked)
        }
        prefetcher?.stop()
        return (outcomes, stream)
    }

    /// A rebuilt client as the record keeps it: its folder's files completed with the hashes of what its load
    /// read (and a token or key the build stores, one more input of its folder), its fingerprint, and its
    /// facts with the portal as stored. Nil when its folder was not fingerprinted.
    static func savedClient(
        _ facts: ClientFacts, read: [String: String], walked: BuildCache.ClientInputs?,
        cache: BuildCache, options: Options
    ) -> BuildCache.SavedClient? {
        guard let walked else { return nil }
        var added: [String: String] = [:]
        var facts = facts
        if let portal = facts.portal {
            let folder = "content/clients/\(portal.slug)"
            if portal.isNewToken { added["\(folder)/\(ShareToken.fileName)"] = portal.token + "\n" }
            for (name, value) in portal.newSecrets { added["\(folder)/\(name)"] = value + "\n" }
            facts.portal = portal.asStored
            facts.storedToken = portal.token
        }
        let client = cache.completed(walked, slug: facts.slug, read: read, added: added, options: options)
        guard let fingerprint = client.fingerprint else { return nil }
        return .fresh(files: client.files, fingerprint: fingerprint, facts: facts)
    }

    /// Loads, parses, computes, checks and renders one client folder; its pages go to the stage.
    private static func buildClient(
        _ slug: String, business: Business, renderer: PortalRenderer, options: Options,
        stage: PageStage, digests: FileDigests?
    ) -> ClientFacts {
        var diagnostics = Diagnostics()
        var facts = buildClient(
            slug, business: business, renderer: renderer, options: options, stage: stage,
            digests: digests, diagnostics: &diagnostics)
        facts.diagnostics = diagnostics.all
        return facts
    }

    private static func buildClient(
        _ slug: String, business: Business, renderer: PortalRenderer, options: Options,
        stage: PageStage, digests: FileDigests?, diagnostics: inout Diagnostics
    ) -> ClientFacts {
        var facts = ClientFacts(slug: slug)
        // The same load and checks as `SiteLoader.load` (the folder's name first).
        guard
            let content = SiteLoader.loadClient(
                root: options.root, slug: slug, business: business,
                diagnostics: &diagnostics, digests: digests)
        else {
            return facts
        }
        facts.storedToken = content.token
        facts.secretFingerprints = SecretFingerprint.of(content)
        facts.invoiceNumbers = content.invoices.map {
            InvoiceNumber(number: $0.number, path: $0.path, line: $0.numberLine)
        }
        guard !diagnostics.hasErrors else { return facts }
        let computed = ComputedClient.compute(
            content, business: business, today: options.today, diagnostics: &diagnostics)
        facts.dashboard = Dashboard.ClientPart(computed, today: options.today)
        guard !diagnostics.hasErrors, computed.client.status == .active else { return facts }

        // The portal: its token, how it is encrypted, and its pages.
        var portal = Portal(
            slug: slug, name: computed.client.name, token: content.token ?? ShareToken.generate(),
            isNewToken: content.token == nil)
        var sealer: PortalEncryption?
        if let (protection, secrets) = ShareToken.encryption(
            for: content, business: business,
            environment: options.environment, diagnostics: &diagnostics)
        {
            sealer = protection
            portal.encryption = protection.mode
            portal.newSecrets = secrets
            // A new key or salt too: the record keeps its fingerprint for when the client is reused.
            for (name, value) in secrets {
                if let secret = PortalEncryption.data(base64URL: value) {
                    facts.secretFingerprints[name] = SecretFingerprint.of(secret, file: name)
                }
            }
            if protection.mode == .link {
                portal.linkKey = secrets[ShareToken.keyFileName] ?? content.portalKey.map(PortalEncryption.base64URL)
            }
        }
        guard !diagnostics.hasErrors else { return facts }
        facts.portal = portal
        // An encrypted portal's file names are known before its pages are rendered: the addresses its pages
        // quote and the dashboard's links and emails use them.
        let names = sealer?.pageNames
        if let names, let mail = facts.dashboard?.mail { facts.dashboard?.mail = mail.renamed { names.name(of: $0) } }
        var files = renderer.portal(computed, token: portal.token, calendar: sealer == nil, pageNames: names)
        if let sealer {
            do {
                files = try sealer.sealPortal(files)
            } catch {
                diagnostics.error("\(content.folder)/client.md", "cannot encrypt the portal: \(error)")
                return facts
            }
        }
        files.append(PortalMarker.file(token: portal.token))  // plain: it marks the folder as Docket's
        facts.outputs = files.map(\.path)
        if options.mode == .build {
            do {
                facts.outputStatuses = try stage.put(slug, files)
            } catch {
                diagnostics.error(
                    "\(content.folder)",
                    "cannot keep the rendered portal until the build is written: \(error.localizedDescription)")
            }
        }
        return facts
    }
}
