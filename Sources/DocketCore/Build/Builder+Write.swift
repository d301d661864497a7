import Foundation

// Steps 4 to 7 of the pipeline: the checks across clients, the dashboard, then (for a build) writing and
// the record.
extension Builder {
    /// Step 4: the checks across clients, on their facts — `SiteLoader`'s, the same as every command's —
    /// with every client's own diagnostics, and what the report says the run produced.
    static func checkAcrossClients(_ outcomes: [ClientOutcome], siteFiles: [OutputFile], report: inout Report) {
        for outcome in outcomes {
            for diagnostic in outcome.facts.diagnostics { report.diagnostics.append(diagnostic) }
        }
        SiteLoader.checkAcrossClients(
            tokens: outcomes.map { ($0.facts.slug, $0.facts.storedToken) },
            secrets: outcomes.map { ($0.facts.slug, $0.facts.secretFingerprints) },
            invoiceNumbers: outcomes.flatMap(\.facts.invoiceNumbers),
            diagnostics: &report.diagnostics)
        report.portals = outcomes.compactMap(\.facts.portal)
        report.paths = siteFiles.map(\.path) + outcomes.flatMap(\.facts.outputs)
        report.rebuiltClients = outcomes.filter { if case .fresh = $0 { return true } else { return false } }.map(
            \.facts.slug)
    }

    /// Step 5: the VA's dashboard, from every client's part, and the email drafts of `outbox/`.
    static func renderDashboard(
        _ outcomes: [ClientOutcome], shared: Shared, portals: [Portal],
        options: Options
    ) -> (dashboard: [OutputFile], outbox: [OutputFile]) {
        let renderer = DashboardRenderer(templates: shared.templates, business: shared.business, today: options.today)
        let dashboard = Dashboard(
            parts: outcomes.compactMap(\.facts.dashboard), businessCurrency: shared.business.currency)
        let emails = renderer.emails(dashboard, portals: portals)
        return (renderer.files(dashboard, portals: portals, emails: emails), renderer.outbox(emails))
    }

    /// Everything a validated build produces.
    struct SiteOutput {
        /// The client folders, in order.
        let slugs: [String]
        /// Every client, in the order of `slugs`, reused or rebuilt (a rebuilt client's pages wait in the stage).
        let outcomes: [ClientOutcome]
        /// The site-wide files of `public/` (robots.txt, index.html, assets).
        let siteFiles: [OutputFile]
        /// The dashboard's files, relative to its folder.
        let dashboard: [OutputFile]
        /// The email drafts, relative to `outbox/`.
        let outbox: [OutputFile]
    }

    /// Step 6: new secrets, then the pages of every rebuilt client, files the last build produced and this
    /// one does not, and the dashboard. False (with the error in `report`) when something could not be
    /// written; the record then lists the files of the last build and of this one, since either may be in
    /// place now, so that the next build removes those it does not produce (and reuses nothing).
    static func write(
        _ output: SiteOutput, plan: ReusePlan, stage: PageStage, stream: RecordStream?,
        options: Options, report: inout Report
    ) -> Bool {
        let root = options.root
        let writer = SiteWriter(root: root)
        let dashboardWriter = SiteWriter(root: root, folder: dashboardFolder)
        let outcomes = output.outcomes
        let dashboardPaths = output.dashboard.map(\.path)
        // With no client rebuilt into other files and the same clients as last time, the files produced are
        // the ones the record lists already: nothing can be stale, and the list is not even read.
        let mayLeaveStale = plan.interrupted != nil || !sameFiles(outcomes, plan: plan)
        do {
            // What is about to be written, on disk before any of it (with what an interrupted build was
            // writing), and an empty scratch folder for the files on their way.
            try SiteWriter.Scratch(root: root).prepare()
            try journal(output, plan: plan).save(root: root)
            if let interrupted = plan.interrupted {
                writer.removeLeftovers(of: interrupted.outputs.public)
                dashboardWriter.removeLeftovers(of: interrupted.outputs.dashboard)
                SiteWriter(root: root, folder: outboxFolder).removeLeftovers(of: interrupted.outputs.outbox)
            }
            for case .fresh(let facts, _, _) in outcomes {
                guard let portal = facts.portal else { continue }
                if portal.isNewToken { try ShareToken.save(portal.token, slug: portal.slug, root: root) }
                for (name, value) in portal.newSecrets {
                    try ShareToken.saveSecret(value, name: name, slug: portal.slug, root: root)
                }
            }
            // Pages written straight into a new public/ are put in place first (one rename). Copied instead,
            // their files have a new status: the record's blocks made with the old one are made again.
            if let tree = stage.tree {
                // The site-wide files go into the new public/ too, so that it appears complete.
                report.outcome.add(try tree.writeBatch(output.siteFiles))
                if try !stage.publish(as: writer) { stream?.discard() }
            }
            try writer.begin()
            if stage.tree == nil { report.outcome.add(try writer.writeBatch(output.siteFiles)) }
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
            // The record's list is not replaced before step 7, so it still names the last build's files.
            let previous =
                mayLeaveStale ? plan.cache.previousOutputs(plan.previous, interrupted: plan.interrupted) : nil
            if let previous {
                let removed = try writer.removeStale(previous.public, produced: report.paths)
                report.outcome.removed = removed.count
                report.removedPortals = portalsRemoved(removed, portals: report.portals, previous: plan.previous)
            }
            try dashboardWriter.begin()
            // The dashboard holds every portal's link (keys included, in its emails): its folder is yours alone.
            guard chmod(dashboardWriter.publicDirectory.path, 0o700) == 0 else {
                throw SiteWriter.WriteError(message: "\(dashboardFolder): cannot make it private (mode 0700)")
            }
            _ = try dashboardWriter.writeBatch(output.dashboard)
            if let previous { _ = try dashboardWriter.removeStale(previous.dashboard, produced: dashboardPaths) }
            report.dashboardFiles = dashboardPaths
            _ = try OutboxWriter(root: root).write(
                output.outbox, previous: previous?.outbox ?? plan.cache.previousOutbox(plan.previous))
            report.outboxFiles = output.outbox.map(\.path)
        } catch {
            report.diagnostics.error("public", "cannot write the site: \(error.localizedDescription)")
            stream?.discard()
            let previous = plan.cache.previousOutputs(plan.previous, interrupted: plan.interrupted)
            plan.cache.saveOutputsOnly(
                BuildCache.Outputs(
                    public: previous.public + report.paths,
                    dashboard: previous.dashboard + dashboardPaths,
                    outbox: previous.outbox + output.outbox.map(\.path)))
            return false
        }
        report.reusedCache = report.rebuiltClients.isEmpty && report.outcome.written == 0 && report.outcome.removed == 0
        return true
    }

    /// The journal of a build about to write `output`: the clients it rebuilt, with every file they, the
    /// site-wide pages, the dashboard and the outbox may put in place, and whatever an interrupted build's
    /// journal named.
    private static func journal(_ output: SiteOutput, plan: ReusePlan) -> BuildJournal {
        var journal = BuildJournal()
        for case .fresh(let facts, _, _) in output.outcomes {
            journal.clients.insert(facts.slug)
            journal.outputs.public += facts.outputs
        }
        journal.outputs.public += output.siteFiles.map(\.path)
        journal.outputs.dashboard = output.dashboard.map(\.path)
        journal.outputs.outbox = output.outbox.map(\.path)
        return journal.merged(with: plan.interrupted)
    }

    /// Whether every client is one the last usable record knows, with the same files (none rebuilt into
    /// others), and no earlier Docket's list of files is waiting to be taken over.
    private static func sameFiles(_ outcomes: [ClientOutcome], plan: ReusePlan) -> Bool {
        guard let usable = plan.usable, usable.clients.count == outcomes.count else { return false }
        return outcomes.allSatisfy { outcome in
            guard case .fresh(let facts, _, _) = outcome else { return true }
            return usable.clients[facts.slug]?.outputs == facts.outputs
        } && !plan.cache.hasLegacyManifests
    }

    /// Step 7: the record of this build for the next one. A rebuilt client's files are fingerprinted with the
    /// hashes of what its load read; a token or key the build stored is one more input of its folder. Without
    /// the cache (or when the full record cannot be made) the record lists only the files produced, so that
    /// the next build still removes those it no longer makes. False when no record could be saved at all: the
    /// journal must then stay, since it is the only list of the files this build wrote.
    @discardableResult
    static func saveRecord(
        _ output: SiteOutput, plan: ReusePlan, stream: RecordStream?, options: Options,
        report: Report
    ) -> Bool {
        let cache = plan.cache
        let dashboardPaths = output.dashboard.map(\.path)
        var saved = false
        if plan.caching {
            let outcomes = output.outcomes
            let slugs = output.slugs
            let reusable = plan.reusable
            let inputs = plan.inputs
            let done = stream?.written ?? []
            let clients = Array(outcomes.indices).parallelMap {
                index -> (slug: String, client: BuildCache.SavedClient)? in
                let slug = slugs[index]
                switch outcomes[index] {
                case .reused:
                    return reusable[index].map { (slug, .reused($0)) }
                case .fresh(let facts, let read, let walked):
                    // A block already in the stream is not made again.
                    if done.contains(slug) { return nil }
                    return savedClient(
                        facts, read: read, walked: walked ?? inputs.clients[slug], cache: cache,
                        options: options
                    ).map { (slug, $0) }
                }
            }.compactMap { $0 }
            saved = cache.save(
                global: plan.inputs.globalFingerprint, inputs: plan.inputs.global, clients: clients,
                siteOutputs: output.siteFiles.map { "public/\($0.path)" }
                    + dashboardPaths.map { "\(dashboardFolder)/\($0)" }
                    + output.outbox.map { "\(outboxFolder)/\($0.path)" },
                warnings: report.diagnostics.warnings, portals: report.portals.map(\.asStored),
                stream: stream)
        }
        if !saved {
            stream?.discard()
            saved = cache.saveOutputsOnly(
                BuildCache.Outputs(
                    public: report.paths, dashboard: dashboardPaths, outbox: output.outbox.map(\.path)))
        }
        if saved { cache.removeLegacyManifests() }
        return saved
    }
}
