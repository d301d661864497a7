import Foundation

// Steps 1 and 2 of the pipeline: what every client shares, and what can be reused of the last build.
extension Builder {
    /// What every client's build shares, read once before any client.
    struct Shared {
        let business: Business
        let templates: TemplateSet
        let renderer: PortalRenderer
        /// The client folders under `content/clients/`, sorted.
        let slugs: [String]
    }

    /// Step 1: business.md (read by `SiteLoader`, as for every command), the templates and the list of
    /// client folders; nil when business.md or a template cannot be used. Placeholders still to fill in
    /// business.md do not stop the clients being checked, so `docket check` names every placeholder of a new
    /// site at once; the run still fails on them before anything is written (step 4).
    static func loadShared(_ options: Options, diagnostics: inout Diagnostics) -> Shared? {
        let business = SiteLoader.loadBusiness(root: options.root, diagnostics: &diagnostics)
        let templates = TemplateSet.load(root: options.root, diagnostics: &diagnostics)
        guard let business, let templates, !diagnostics.errors.contains(where: { !Placeholder.isPlaceholder($0) })
        else { return nil }
        return Shared(
            business: business, templates: templates,
            renderer: PortalRenderer(templates: templates, business: business, today: options.today),
            slugs: SiteLoader.clientFolders(root: options.root, diagnostics: &diagnostics))
    }

    /// Step 2's answer: what the last build left, and which clients this build takes from it as they are.
    struct ReusePlan {
        /// The record's file.
        let cache: BuildCache
        /// Whether this run reads and writes the record's fingerprints (a build with the cache on).
        let caching: Bool
        /// The last record as read, whatever its fingerprint (nil with no record, a damaged one, or not caching).
        let previous: BuildCache.Record?
        /// Every input, fingerprinted (empty when not caching).
        let inputs: BuildCache.Inputs
        /// The last record when its global fingerprint is this run's: only then are its clients reused.
        let usable: BuildCache.Record?
        /// For each client folder, in the order of `Shared.slugs`, its record when it is reused.
        let reusable: [BuildCache.ClientRecord?]
        /// How many client folders are rebuilt.
        let freshCount: Int
        /// What a build that was interrupted left in its journal (nil when the last build ended): its
        /// clients are rebuilt, and its files counted among the last build's.
        let interrupted: BuildJournal?

        /// Reads the record, fingerprints every input, and decides, on all cores (it stats every file of
        /// their portals), which clients are reused.
        static func make(shared: Shared, options: Options, clock: inout PhaseClock, report: inout Report) -> ReusePlan {
            let caching = options.mode == .build && options.useCache
            let cache = BuildCache(root: options.root, environment: options.environment)
            let previous = caching ? cache.load() : nil
            let interrupted = options.mode == .build ? BuildJournal.load(root: options.root) : nil
            let distrusted = interrupted?.clients ?? []
            clock.mark("read the build record", in: &report)
            let inputs = caching ? cache.inputs(previous: previous, options: options) : BuildCache.Inputs()
            let global = inputs.globalFingerprint
            let usable = previous.flatMap { $0.global == global ? $0 : nil }
            clock.mark("look at and fingerprint every input file", in: &report)

            let rootPath = options.root.path
            let reusable: [BuildCache.ClientRecord?] = shared.slugs.parallelMap(threads: Builder.ioThreads) { slug in
                guard let usable, !distrusted.contains(slug), let old = usable.clients[slug],
                    let now = inputs.clients[slug]?.fingerprint,
                    old.fingerprint == now, BuildCache.outputsUnchanged(old, rootPath: rootPath)
                else { return nil }
                return old
            }
            let freshCount = reusable.filter { $0 == nil }.count
            clock.mark("check the outputs of unchanged clients", in: &report)
            return ReusePlan(
                cache: cache, caching: caching, previous: previous, inputs: inputs, usable: usable,
                reusable: reusable, freshCount: freshCount, interrupted: interrupted)
        }

        /// The client folders to rebuild, in order, with the files the fingerprint listed in each (nil where
        /// it did not look).
        func fresh(_ slugs: [String]) -> [(slug: String, files: [String]?)] {
            slugs.indices.filter { reusable[$0] == nil }.map { slugs[$0] }
                .map { (slug: $0, files: inputs.clients[$0].map { $0.files.map(\.path) }) }
        }
    }

    /// When nothing changed — the same clients, all reused, and the site-wide pages and the dashboard (which
    /// depend only on what was fingerprinted) as the last build left them — fills the report from the last
    /// build's and returns true: nothing is rendered or written.
    static func reportUnchanged(_ plan: ReusePlan, shared: Shared, options: Options, report: inout Report) -> Bool {
        guard let usable = plan.usable, plan.interrupted == nil, plan.freshCount == 0,
            usable.clients.count == shared.slugs.count,
            siteOutputsUnchanged(usable, rootPath: options.root.path)
        else { return false }
        for warning in usable.warnings { report.diagnostics.append(warning) }
        report.portals = usable.portals.map { $0.withStoredLinkKey(root: options.root) }  // the record holds no key
        report.paths = shared.renderer.siteFilePaths() + shared.slugs.flatMap { usable.clients[$0]?.outputs ?? [] }
        report.outcome.unchanged = report.paths.count
        report.dashboardFiles = DashboardRenderer(
            templates: shared.templates, business: shared.business,
            today: options.today
        ).filePaths()
        report.reusedCache = true
        return true
    }

    /// Whether the site-wide files and the dashboard are as the last build left them.
    private static func siteOutputsUnchanged(_ record: BuildCache.Record, rootPath: String) -> Bool {
        !record.siteOutputs.isEmpty
            && record.siteOutputs.allSatisfy { FileStatus.of(rootPath + "/" + $0.path) == $0.status }
    }
}
