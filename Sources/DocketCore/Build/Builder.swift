import Foundation

/// The one pipeline: load → parse → compute → render → write.
///
/// Every client is validated and rendered first (its pages wait in a `PageStage`); nothing is written (not
/// even a new share token) unless the whole site validated, so a failed build leaves `public/` exactly as it
/// was. A client whose files did not change since the last build is reused, not rebuilt (`BuildCache`).
public enum Builder {
    /// What to do.
    public enum Mode: Sendable {
        /// Validate, render and write `public/`.
        case build
        /// Validate and render, write nothing.
        case check
    }

    /// Options of one run.
    public struct Options: Sendable {
        /// The site folder (holds content/, templates/, public/).
        public var root: URL
        /// The date the figures are as of.
        public var today: CalendarDate
        /// Build or check.
        public var mode: Mode
        /// The environment, for portal passphrases (`portal_passphrase_env`). Passed in, never read deep
        /// inside the pipeline.
        public var environment: [String: String]
        /// What identifies the Docket binary beyond its version (the CLI passes its size and date), so a
        /// rebuilt Docket never reuses an older build's cache.
        public var identity: String
        /// Whether an unchanged site may skip the build (`.docket-cache/`).
        public var useCache: Bool

        /// Creates options.
        public init(root: URL, today: CalendarDate, mode: Mode, environment: [String: String] = [:],
                    identity: String = "", useCache: Bool = true) {
            self.root = root
            self.today = today
            self.mode = mode
            self.environment = environment
            self.identity = identity
            self.useCache = useCache
        }
    }

    /// One client's portal in the report.
    public struct Portal: Sendable, Equatable, Codable {
        /// The client's folder name.
        public var slug: String
        /// The client's name.
        public var name: String
        /// The share token.
        public var token: String
        /// Whether the token was created by this run.
        public var isNewToken: Bool
        /// How the portal is encrypted, if it is.
        public var encryption: PortalEncryptionMode? = nil
        /// For a link-encrypted portal, the key the link carries after `#k=`.
        public var linkKey: String? = nil
        /// Secrets created by this run, to store with the content: file name → contents.
        var newSecrets: [String: String] = [:]
        enum CodingKeys: String, CodingKey {
            case slug, name, token, isNewToken, encryption, linkKey
        }

        /// The portal as the next build will find it: its token and secrets stored, none of them new.
        var asStored: Portal {
            var portal = self
            portal.isNewToken = false
            portal.newSecrets = [:]
            return portal
        }

        /// The portal's overview page relative to the site folder.
        public var indexPath: String { "public/\(token)/index.html" }
    }

    /// What a run found and did.
    public struct Report: Sendable {
        /// Every error and warning.
        public var diagnostics = Diagnostics()
        /// The portals built (or that would be built by `check`).
        public var portals: [Portal] = []
        /// Every file produced (or that would be, for `check`), relative to `public/`.
        public var paths: [String] = []
        /// What the write did (zero for `check` and failed builds).
        public var outcome = SiteWriter.Outcome()
        /// The dashboard's files, relative to its folder.
        public var dashboardFiles: [String] = []
        /// Whether the run succeeded (no errors).
        public var succeeded: Bool { !diagnostics.hasErrors }
        /// Whether nothing had changed since the last build: no client rebuilt and no file written.
        public var reusedCache = false
        /// The client folders this run parsed, computed and rendered (the others were reused from the last
        /// build), in folder order.
        public var rebuiltClients: [String] = []
        /// How long each phase took, in order (`docket build --timings` prints them).
        public var timings: [(phase: String, seconds: Double)] = []
    }

    /// Docket's version, part of the build cache's fingerprint.
    public static let version = "0.5.0"

    /// Runs the pipeline. A build reuses what the last build recorded (`.docket-cache/`) for every client
    /// whose files did not change; `check` and builds with `useCache` off always do everything.
    public static func run(_ options: Options) -> Report {
        runPipeline(options)
    }

    /// How many threads look at files (work that waits on the disk more than it computes).
    static let ioThreads = 8

    /// Where a first or clean build writes the new `public/` before it is put in place.
    static let newSiteFolder = ".docket-cache/public-new"

    /// Beyond this many rebuilt clients, rendered pages wait on disk (`PageStage`) rather than in memory
    /// until the whole site has validated.
    static let pagesInMemory = 32

    /// What happened to one client folder in this run.
    private enum ClientOutcome: Sendable {
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

    /// The pipeline: load → parse → compute → render → write, client by client.
    ///
    /// 1. business.md and the templates are loaded; every input is fingerprinted (`BuildCache`).
    /// 2. Each client, one per task on all cores, is either reused from the last build or loaded, parsed,
    ///    computed, checked and rendered; only its `ClientFacts` are kept, its pages wait in a `PageStage`.
    /// 3. The checks across clients run on the facts (share tokens, invoice numbers).
    /// 4. Only when the whole site validated are the pages written, stale files removed, the dashboard
    ///    rendered from every client's part, and the record saved.
    static func runPipeline(_ options: Options) -> Report {
        var report = Report()
        let clock = ContinuousClock()
        var lap = clock.now
        func mark(_ phase: String) {
            let now = clock.now
            let elapsed = now - lap
            report.timings.append((phase, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
            lap = now
        }
        let root = options.root
        let businessPath = "content/business.md"
        var business: Business?
        if FileManager.default.fileExists(atPath: root.appendingPathComponent(businessPath).path) {
            let businessFile = SourceFile.read(site: root, path: businessPath, diagnostics: &report.diagnostics)
            business = businessFile.flatMap { Business.parse($0, diagnostics: &report.diagnostics) }
        } else {
            report.diagnostics.error(businessPath, "missing: expected the VA's business details in content/business.md (see docs/content-format.md)")
        }
        let templates = TemplateSet.load(root: root, diagnostics: &report.diagnostics)
        guard let business, let templates, !report.diagnostics.hasErrors else { return report }
        mark("business.md and templates")

        // Fingerprints, and what the last build left.
        let caching = options.mode == .build && options.useCache
        let cache = BuildCache(root: root)
        let previous = caching ? cache.load() : nil
        mark("read the build record")
        let inputs = caching ? cache.inputs(previous: previous, options: options) : BuildCache.Inputs()
        let global = inputs.globalFingerprint
        let usable = previous.flatMap { $0.global == global ? $0 : nil }
        mark("look at and fingerprint every input file")

        let slugs = SiteLoader.listDirectory(root, "content/clients", directories: true, diagnostics: &report.diagnostics)
        let renderer = PortalRenderer(templates: templates, business: business, today: options.today)
        let rootPath = root.path

        // Which clients can be reused, decided on all cores (it stats every file of their portals).
        let reusable: [BuildCache.ClientRecord?] = slugs.parallelMap(threads: Self.ioThreads) { slug in
            guard let usable, let old = usable.clients[slug], let now = inputs.clients[slug]?.fingerprint,
                  old.fingerprint == now, BuildCache.outputsUnchanged(old, rootPath: rootPath) else { return nil }
            return old
        }
        let freshCount = reusable.filter { $0 == nil }.count
        mark("check the outputs of unchanged clients")

        // Nothing changed: the same clients, all reused. The last build's report stands, and the site-wide
        // pages and the dashboard (which depend only on what was fingerprinted) are as it left them.
        if let usable, freshCount == 0, usable.clients.count == slugs.count,
           siteOutputsUnchanged(usable, rootPath: rootPath) {
            for warning in usable.warnings { report.diagnostics.append(warning) }
            report.portals = usable.portals
            report.paths = renderer.siteFilePaths() + slugs.flatMap { usable.clients[$0]?.outputs ?? [] }
            report.outcome.unchanged = report.paths.count
            report.dashboardFiles = DashboardRenderer(templates: templates, business: business, today: options.today).filePaths()
            report.reusedCache = true
            mark("nothing changed")
            return report
        }
        let stage: PageStage
        do {
            if options.mode == .build && freshCount > pagesInMemory {
                // With no public/ yet, pages go straight into the new one; otherwise they wait in the stage.
                var info = stat()
                let noPublic = lstat(root.appendingPathComponent("public").path, &info) != 0 && errno == ENOENT
                stage = noPublic ? try PageStage(root: root, newSiteFolder: Self.newSiteFolder)
                                 : try PageStage(directory: root.appendingPathComponent(".docket-cache/stage"))
            } else {
                stage = try PageStage(directory: nil)
            }
        } catch {
            report.diagnostics.error(".docket-cache", "cannot prepare the build: \(error.localizedDescription)")
            return report
        }
        defer { stage.discard() }

        // Every client on all cores: reused, or loaded, computed, checked and rendered. Each task holds one
        // client's model and pages, and hands the pages to the stage before it ends, so memory holds as many
        // clients as there are cores (plus, when few clients changed, their pages in memory).
        // The files of the clients to rebuild are asked for ahead of their tasks, so that reading them from
        // disk overlaps with the work (on a cold page cache).
        // (The fingerprint already listed their files when the build keeps a record; otherwise they are listed.)
        let fresh = slugs.indices.filter { reusable[$0] == nil }.map { slugs[$0] }
            .map { (slug: $0, files: inputs.clients[$0].map { $0.files.map(\.path) }) }
        let prefetcher = fresh.count > 1 ? FilePrefetcher(root: root, clients: fresh) : nil
        // Pages written straight into the new public/ have their final status as soon as they are written, so
        // each client's block of the next record is made and written at the end of its own task.
        let stream = caching && stage.tree != nil ? cache.openStream() : nil
        let outcomes: [ClientOutcome] = Array(slugs.indices).parallelMap { index -> ClientOutcome in
            if let old = reusable[index], let facts = old.facts() { return .reused(facts) }
            let slug = slugs[index]
            // The folder's files as they are before it is read (looked at here when no record asked for it).
            let walked = caching ? inputs.clients[slug] ?? cache.unhashedInputs(of: slug) : nil
            let digests = caching ? FileDigests() : nil
            var facts = buildClient(slug, business: business, renderer: renderer, options: options,
                                    stage: stage, digests: digests)
            let read = digests?.hashes ?? [:]
            if let stream, let tree = stage.tree, !facts.diagnostics.contains(where: { $0.severity == .error }),
               let saved = Self.savedClient(facts, read: read, walked: walked, cache: cache, options: options),
               case .fresh(let files, let fingerprint, let storedFacts) = saved,
               let block = cache.block(slug: slug, files: files, fingerprint: fingerprint, facts: storedFacts,
                                       outputsPath: tree.publicDirectory.path) {
                stream.add(slug, block)
                facts.outputStatuses = nil  // in the record now: not kept for the rest of the build
                return .fresh(facts, read: read, walked: nil)
            }
            return .fresh(facts, read: read, walked: walked)
        }

        prefetcher?.stop()
        mark("load, compute, check and render \(freshCount) client(s)")
        // Checks across clients, on the facts.
        for outcome in outcomes {
            for diagnostic in outcome.facts.diagnostics { report.diagnostics.append(diagnostic) }
        }
        var owners: [String: String] = [:]
        for facts in outcomes.map(\.facts) {
            guard let token = facts.storedToken else { continue }
            if let other = owners[token] {
                report.diagnostics.error("content/clients/\(facts.slug)/\(ShareToken.fileName)", line: 1, column: 1,
                                         "the same share token as content/clients/\(other); each client needs its own: delete this file and build again to get a new one")
            } else {
                owners[token] = facts.slug
            }
        }
        BillingChecks.checkNumbers(outcomes.flatMap(\.facts.invoiceNumbers), diagnostics: &report.diagnostics)
        let portals = outcomes.compactMap(\.facts.portal)
        report.portals = portals
        let siteFiles = renderer.siteFiles()
        report.paths = siteFiles.map(\.path) + outcomes.flatMap(\.facts.outputs)
        report.rebuiltClients = outcomes.filter { if case .fresh = $0 { return true } else { return false } }.map(\.facts.slug)
        guard !report.diagnostics.hasErrors else { return report }

        mark("checks across clients")
        let dashboard = DashboardRenderer(templates: templates, business: business, today: options.today)
            .files(Dashboard(parts: outcomes.compactMap(\.facts.dashboard), businessCurrency: business.currency),
                   portals: portals)
        mark("dashboard")
        guard options.mode == .build else { return report }

        // Write: new secrets, then the pages of every rebuilt client, stale files, the dashboard, the record.
        let writer = SiteWriter(root: root)
        do {
            for case .fresh(let facts, _, _) in outcomes {
                guard let portal = facts.portal else { continue }
                if portal.isNewToken { try saveToken(portal.token, slug: portal.slug, root: root) }
                for (name, value) in portal.newSecrets {
                    try saveSecret(value, name: name, slug: portal.slug, root: root)
                }
            }
            // Pages written straight into a new public/ are put in place first (one rename). Copied instead,
            // their files have a new status: the record's blocks made with the old one are made again.
            if stage.tree != nil, try !stage.publish(as: writer) { stream?.discard() }
            try writer.begin()
            report.outcome.add(try writer.writeBatch(siteFiles))
            // Each rebuilt client's pages, client by client on all cores.
            let written = outcomes.parallelMap { outcome -> Result<SiteWriter.Outcome, Error> in
                switch outcome {
                case .reused(let facts):
                    return .success(SiteWriter.Outcome(unchanged: facts.outputs.count))
                case .fresh(let facts, _, _):
                    if stage.tree != nil { return .success(SiteWriter.Outcome(written: facts.outputs.count)) }
                    return Result { try writer.writeBatch(try stage.take(facts.slug)) }
                }
            }
            for result in written { report.outcome.add(try result.get()) }
            // With no client rebuilt and the same clients as last time, the files produced are the ones the
            // manifest lists already: nothing can be stale, and the manifest need not be rewritten.
            let sameFiles = usable.map { usable in
                usable.clients.count == outcomes.count && outcomes.allSatisfy { outcome in
                    guard case .fresh(let facts, _, _) = outcome else { return true }
                    return usable.clients[facts.slug]?.outputs == facts.outputs
                }
            } ?? false
            if !sameFiles {
                report.outcome.removed = try writer.finish(produced: report.paths)
            }
            _ = try SiteWriter(root: root, folder: Builder.dashboardFolder).write(dashboard)
            report.dashboardFiles = dashboard.map(\.path)
        } catch {
            report.diagnostics.error("public", "cannot write the site: \(error.localizedDescription)")
            cache.clear()
            return report
        }
        report.reusedCache = report.rebuiltClients.isEmpty && report.outcome.written == 0 && report.outcome.removed == 0
        mark("write")

        // The record. A rebuilt client's files are fingerprinted with the hashes of what its load read; a
        // token or key the build stored is one more input of its folder.
        guard caching else { return report }
        let finished = outcomes
        let done = stream?.written ?? []
        let saved = Array(finished.indices).parallelMap { index -> (slug: String, client: BuildCache.SavedClient)? in
            let slug = slugs[index]
            switch finished[index] {
            case .reused:
                return reusable[index].map { (slug, .reused($0)) }
            case .fresh(let facts, let read, let walked):
                // A block already in the stream is not made again.
                if done.contains(slug) { return nil }
                return Self.savedClient(facts, read: read, walked: walked ?? inputs.clients[slug], cache: cache,
                                        options: options).map { (slug, $0) }
            }
        }.compactMap { $0 }
        cache.save(global: global, inputs: inputs.global, clients: saved,
                   siteOutputs: siteFiles.map { "public/\($0.path)" } + dashboard.map { "\(dashboardFolder)/\($0.path)" },
                   warnings: report.diagnostics.warnings, portals: portals.map(\.asStored), stream: stream)
        mark("save the build record")
        return report
    }

    /// A rebuilt client as the record keeps it: its folder's files completed with the hashes of what its load
    /// read (and a token or key the build stores, one more input of its folder), its fingerprint, and its
    /// facts with the portal as stored. Nil when its folder was not fingerprinted.
    private static func savedClient(_ facts: ClientFacts, read: [String: String], walked: BuildCache.ClientInputs?,
                                    cache: BuildCache, options: Options) -> BuildCache.SavedClient? {
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

    /// Whether the site-wide files and the dashboard are as the last build left them.
    private static func siteOutputsUnchanged(_ record: BuildCache.Record, rootPath: String) -> Bool {
        !record.siteOutputs.isEmpty && record.siteOutputs.allSatisfy { FileStatus.of(rootPath + "/" + $0.path) == $0.status }
    }

    /// Loads, parses, computes, checks and renders one client folder; its pages go to the stage.
    private static func buildClient(_ slug: String, business: Business, renderer: PortalRenderer, options: Options,
                                    stage: PageStage, digests: FileDigests?) -> ClientFacts {
        var diagnostics = Diagnostics()
        var facts = buildClient(slug, business: business, renderer: renderer, options: options, stage: stage,
                                digests: digests, diagnostics: &diagnostics)
        facts.diagnostics = diagnostics.all
        return facts
    }

    private static func buildClient(_ slug: String, business: Business, renderer: PortalRenderer, options: Options,
                                    stage: PageStage, digests: FileDigests?, diagnostics: inout Diagnostics) -> ClientFacts {
        var facts = ClientFacts(slug: slug)
        guard Client.isValidSlug(slug) else {
            diagnostics.error("content/clients/\(slug)", "invalid client folder name `\(slug)`; expected 1–64 lowercase letters, digits or `-`, like `acme-widgets`")
            return facts
        }
        guard let content = SiteLoader.loadClient(root: options.root, slug: slug, business: business,
                                                  diagnostics: &diagnostics, digests: digests) else {
            return facts
        }
        facts.storedToken = content.token
        facts.invoiceNumbers = content.invoices.map { InvoiceNumber(number: $0.number, path: $0.path, line: $0.numberLine) }
        guard !diagnostics.hasErrors else { return facts }
        let computed = ComputedClient.compute(content, business: business, today: options.today, diagnostics: &diagnostics)
        facts.dashboard = Dashboard.ClientPart(computed, today: options.today)
        guard !diagnostics.hasErrors, computed.client.status == .active else { return facts }

        // The portal: its token, how it is encrypted, and its pages.
        var portal = Portal(slug: slug, name: computed.client.name, token: content.token ?? ShareToken.generate(),
                            isNewToken: content.token == nil)
        var sealer: PortalEncryption?
        if let (protection, secrets) = encryption(for: content, business: business, options: options, diagnostics: &diagnostics) {
            sealer = protection
            portal.encryption = protection.mode
            portal.newSecrets = secrets
            if protection.mode == .link {
                portal.linkKey = secrets[ShareToken.keyFileName] ?? content.portalKey.map(PortalEncryption.base64URL)
            }
        }
        guard !diagnostics.hasErrors else { return facts }
        facts.portal = portal
        var files = renderer.portal(computed, token: portal.token)
        if let sealer {
            do {
                files = try files.map(sealer.seal)
            } catch {
                diagnostics.error("\(content.folder)/client.md", "cannot encrypt the portal: \(error)")
                return facts
            }
        }
        facts.outputs = files.map(\.path)
        if options.mode == .build {
            do {
                facts.outputStatuses = try stage.put(slug, files)
            } catch {
                diagnostics.error("\(content.folder)", "cannot keep the rendered portal until the build is written: \(error.localizedDescription)")
            }
        }
        return facts
    }

    /// The encryption of an active client's portal, with any secret it had to create; nil for a plain
    /// portal. A passphrase missing from the environment is an error: never a silent plaintext portal.
    static func encryption(for content: ClientContent, business: Business, options: Options,
                           diagnostics: inout Diagnostics) -> (PortalEncryption, [String: String])? {
        let client = content.client
        guard let mode = client.portalEncryption else { return nil }
        var secrets: [String: String] = [:]
        switch mode {
        case .passphrase:
            let name = client.portalPassphraseEnv ?? ""
            guard let passphrase = options.environment[name], !passphrase.isEmpty else {
                diagnostics.error("\(content.folder)/client.md", line: client.portalPassphraseLine, column: 0,
                                  "the environment variable \(name) is not set; expected the portal passphrase in it (Docket never publishes this portal unencrypted)")
                return nil
            }
            if passphrase.count < 12 {
                diagnostics.warning("\(content.folder)/client.md", line: client.portalPassphraseLine, column: 0,
                                    "the passphrase in \(name) is shorter than 12 characters; a longer one (four or more words) is much harder to guess")
            }
            let salt = content.portalSalt ?? PortalEncryption.randomBytes(16)
            if content.portalSalt == nil { secrets[ShareToken.saltFileName] = PortalEncryption.base64URL(salt) }
            do {
                return (try PortalEncryption.passphrase(passphrase, salt: salt, business: business.name), secrets)
            } catch {
                diagnostics.error("\(content.folder)/client.md", "cannot derive the portal key: \(error)")
                return nil
            }
        case .link:
            let key = content.portalKey ?? PortalEncryption.randomBytes(32)
            if content.portalKey == nil { secrets[ShareToken.keyFileName] = PortalEncryption.base64URL(key) }
            return (PortalEncryption.link(key: key, business: business.name), secrets)
        }
    }

    /// Stores a secret file in a client's folder.
    static func saveSecret(_ value: String, name: String, slug: String, root: URL) throws {
        let url = root.appendingPathComponent("content/clients/\(slug)/\(name)")
        try Data((value + "\n").utf8).write(to: url, options: .atomic)
    }

    /// The VA's dashboard folder inside the site folder: never under `public/`.
    public static let dashboardFolder = "dashboard"

    /// Stores a client's token in `content/clients/<slug>/token.txt`.
    public static func saveToken(_ token: String, slug: String, root: URL) throws {
        let url = root.appendingPathComponent("content/clients/\(slug)/\(ShareToken.fileName)")
        try Data((token + "\n").utf8).write(to: url, options: .atomic)
    }
}
