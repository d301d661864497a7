import Foundation

/// The one pipeline: load → parse → compute → render → write.
///
/// Everything is validated and rendered in memory first; nothing is written (not even a new share token)
/// unless the whole site validated, so a failed build leaves `public/` exactly as it was.
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
    public struct Portal: Sendable, Equatable {
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
        /// Whether nothing had changed since the last build, which was reused as it was.
        public var reusedCache = false
    }

    /// Docket's version, part of the build cache's fingerprint.
    public static let version = "0.5.0"

    /// Runs the pipeline; a build of a site where nothing changed since the last build reuses it.
    public static func run(_ options: Options) -> Report {
        guard options.mode == .build, options.useCache else { return runPipeline(options) }
        let cache = BuildCache(root: options.root)
        let previous = cache.load()
        var inputs = cache.inputs(previous: previous)
        if let reused = cache.reuse(previous, fingerprint: cache.fingerprint(inputs, options: options)) { return reused }
        let report = runPipeline(options)
        if report.succeeded {
            // The build may have stored new tokens and keys: the inputs are now what was read plus those.
            for portal in report.portals {
                let folder = "content/clients/\(portal.slug)"
                var stored: [String: String] = portal.newSecrets
                if portal.isNewToken { stored[ShareToken.fileName] = portal.token }
                for (name, value) in stored {
                    inputs["\(folder)/\(name)"] = BuildCache.Input(status: nil, hash: BuildCache.hash(Data((value + "\n").utf8)))
                }
            }
            let paths = report.paths.map { "public/\($0)" } + report.dashboardFiles.map { "\(dashboardFolder)/\($0)" }
            cache.save(fingerprint: cache.fingerprint(inputs, options: options), inputs: inputs, report: report, outputPaths: paths)
        } else {
            cache.clear()
        }
        return report
    }

    /// The pipeline itself.
    static func runPipeline(_ options: Options) -> Report {
        var report = Report()
        // Load and parse.
        let site = SiteLoader.load(root: options.root, diagnostics: &report.diagnostics)
        let templates = TemplateSet.load(root: options.root, diagnostics: &report.diagnostics)
        guard let site, let templates, !report.diagnostics.hasErrors else { return report }

        // Compute every client (archived ones too: their invoices are still checked).
        let business = site.business
        let today = options.today
        let results = site.clients.parallelMap { content -> (ComputedClient, Diagnostics) in
            var own = Diagnostics()
            return (ComputedClient.compute(content, business: business, today: today, diagnostics: &own), own)
        }
        let computed = results.map(\.0)
        for (_, own) in results { report.diagnostics.append(contentsOf: own) }
        guard !report.diagnostics.hasErrors else { return report }

        // Encryption keys (this may fail: a passphrase missing from the environment).
        var protections: [String: (PortalEncryption, [String: String])] = [:]
        for client in computed where client.client.status == .active {
            if let protection = encryption(for: client.content, business: site.business, options: options,
                                           diagnostics: &report.diagnostics) {
                protections[client.client.slug] = protection
            }
        }
        guard !report.diagnostics.hasErrors else { return report }

        // Every active client's portal: its token, and how it is encrypted.
        let active = computed.filter { $0.client.status == .active }
        var portals: [Portal] = []
        var sealers: [PortalEncryption?] = []
        for client in active {
            var portal = Portal(slug: client.client.slug, name: client.client.name,
                                token: client.content.token ?? ShareToken.generate(), isNewToken: client.content.token == nil)
            var sealer: PortalEncryption?
            if let (protection, secrets) = protections[client.client.slug] {
                sealer = protection
                portal.encryption = protection.mode
                portal.newSecrets = secrets
                if protection.mode == .link {
                    portal.linkKey = secrets[ShareToken.keyFileName] ?? client.content.portalKey.map(PortalEncryption.base64URL)
                }
            }
            portals.append(portal)
            sealers.append(sealer)
        }
        report.portals = portals
        let renderer = PortalRenderer(templates: templates, business: site.business, today: options.today)
        let dashboard = DashboardRenderer(templates: templates, business: site.business, today: options.today)
            .files(Dashboard(clients: computed, today: options.today), portals: portals)

        // Render client by client, a batch at a time on all cores. A build writes each batch as soon as it
        // is rendered (the whole site has validated by now), so memory holds one batch of pages at a time.
        let writer = options.mode == .build ? SiteWriter(root: options.root) : nil
        do {
            if let writer {
                for portal in portals {
                    if portal.isNewToken { try saveToken(portal.token, slug: portal.slug, root: options.root) }
                    for (name, value) in portal.newSecrets {
                        try saveSecret(value, name: name, slug: portal.slug, root: options.root)
                    }
                }
                try writer.begin()
            }
            var paths: [String] = []
            func emit(_ files: [OutputFile]) throws {
                paths += files.map(\.path)
                if let writer { report.outcome.add(try writer.writeBatch(files)) }
            }
            try emit(renderer.siteFiles())
            let batchSize = 32
            let tokens = portals.map(\.token)
            let sealing = sealers
            for start in stride(from: 0, to: active.count, by: batchSize) {
                let batch = Array(start..<min(start + batchSize, active.count))
                let rendered = batch.parallelMap { index -> ([OutputFile], Diagnostics) in
                    var own = Diagnostics()
                    var files = renderer.portal(active[index], token: tokens[index])
                    if let sealer = sealing[index] {
                        do {
                            files = try files.map(sealer.seal)
                        } catch {
                            own.error("\(active[index].content.folder)/client.md", "cannot encrypt the portal: \(error)")
                            files = []
                        }
                    }
                    return (files, own)
                }
                for (files, own) in rendered {
                    report.diagnostics.append(contentsOf: own)
                    try emit(files)
                }
            }
            report.paths = paths
            if let writer {
                report.outcome.removed = try writer.finish(produced: paths)
                _ = try SiteWriter(root: options.root, folder: Builder.dashboardFolder).write(dashboard)
                report.dashboardFiles = dashboard.map(\.path)
            }
        } catch {
            report.diagnostics.error("public", "cannot write the site: \(error.localizedDescription)")
        }
        return report
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
