import Foundation

/// The one pipeline: load → parse → compute → render → write, for `docket build` and `docket check`.
///
/// Every client is validated and rendered first (its pages wait in a `PageStage`); nothing is written (not
/// even a new share token) unless the whole site validated, so a failed build leaves `public/` exactly as it
/// was. A client whose files did not change since the last build is reused, not rebuilt (`BuildCache`).
/// `runPipeline` lists the steps; each is a function of its own, in the files `Builder+*.swift`. The loading
/// and the checks across clients are `SiteLoader`'s, the same as `docket links` and `docket invoice` use.
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
        /// Whether unchanged clients may be reused from the build record (`.docket/build-record`).
        public var useCache: Bool
        /// Where the run says how far it has got (`docket build`'s progress line), or nil.
        public var progress: BuildProgress?
        /// Called once when a build waits for another command holding the site's lock (`SiteLock`).
        public var waiting: @Sendable (SiteLock.Holder?) -> Void = { SiteLock.sayWaiting($0) }

        /// Creates options.
        public init(
            root: URL, today: CalendarDate, mode: Mode, environment: [String: String] = [:],
            identity: String = "", useCache: Bool = true, progress: BuildProgress? = nil
        ) {
            self.progress = progress
            self.root = root
            self.today = today
            self.mode = mode
            self.environment = environment
            self.identity = identity
            self.useCache = useCache
        }
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
        var dashboardFiles: [String] = []
        /// The email drafts written to `outbox/`, relative to it.
        var outboxFiles: [String] = []
        /// The old portals this build removed from `public/` (rotated, archived, or left by a build whose
        /// record is gone): each by its client's slug when the build record names it, nil for an old portal
        /// folder that only its `PortalMarker` showed to be Docket's. Never a token.
        public var removedPortals: [String?] = []
        /// Whether the run succeeded (no errors).
        public var succeeded: Bool { !diagnostics.hasErrors }
        /// Whether nothing had changed since the last build: no client rebuilt and no file written.
        public var reusedCache = false
        /// The client folders this run parsed, computed and rendered (the others were reused from the last
        /// build), in folder order.
        var rebuiltClients: [String] = []
        /// How long each phase took, in order (`docket build --timings` prints them).
        public var timings: [(phase: String, seconds: Double)] = []
    }

    /// Docket's version, part of the build cache's fingerprint.
    static let version = "0.7.0"

    /// Runs the pipeline. A build reuses what the last build recorded (`.docket/build-record`) for every client
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

    /// The VA's dashboard folder inside the site folder: never under `public/`.
    static let dashboardFolder = "dashboard"

    /// The folder of the emails drafted for the VA (`.eml` files, mode 0600, in a folder of mode 0700),
    /// beside the dashboard: never under `public/`.
    static let outboxFolder = "outbox"

    /// The pipeline, step by step. Each step that can fail reports why in `report` and stops the run.
    ///
    /// 1. Load what every client shares: business.md, the templates, the list of client folders.
    /// 2. Decide what to reuse: read the last build's record, fingerprint every input, and find the
    ///    clients whose folder and pages are as the last build left them. When nothing changed at all, the
    ///    last build's report stands.
    /// 3. Build the other clients, one per task on all cores (loaded, parsed, computed, checked, rendered);
    ///    only their `ClientFacts` are kept, their pages wait in a `PageStage`.
    /// 4. Run the checks across clients on the facts (share tokens, invoice numbers).
    /// 5. Render the dashboard from every client's part.
    /// 6. Write (a build only, and only when the whole site validated): the journal of what is about to be
    ///    written (`BuildJournal`), new secrets, pages, stale files removed (and the old portals they were,
    ///    named), the dashboard.
    /// 7. Save the record of what this build read and produced, for the next build.
    /// 8. Portal folders in `public/` that this build did not produce and no record listed: removed when
    ///    their marker file shows Docket wrote them (`PortalMarker`), otherwise named in a warning. Then the
    ///    journal is removed: the build has ended.
    ///
    /// A build holds the site's lock (`SiteLock`) from the start. Killed at any moment, it leaves each file
    /// as it was or as it would be (`SiteWriter` writes whole files and renames them), and the journal tells
    /// the next build what to distrust.
    static func runPipeline(_ options: Options) -> Report {
        var report = Report()
        var clock = PhaseClock()

        // 0. A build holds the site's lock to the end: two builds never interleave.
        var lock: SiteLock?
        if options.mode == .build {
            do {
                lock = try SiteLock.acquire(root: options.root, command: "build", waiting: options.waiting)
            } catch {
                report.diagnostics.error(".docket", "\(error)")
                return report
            }
        }
        defer { withExtendedLifetime(lock) {} }

        // 1. What every client shares.
        guard let shared = loadShared(options, diagnostics: &report.diagnostics) else { return report }
        clock.mark("business.md and templates", in: &report)

        // 2. What can be reused of the last build; when nothing changed, its report.
        let plan = ReusePlan.make(shared: shared, options: options, clock: &clock, report: &report)
        if reportUnchanged(plan, shared: shared, options: options, report: &report) {
            clearOldPortals(&report, root: options.root, previous: plan.previous)
            clock.mark("nothing changed", in: &report)
            return report
        }

        // 3. Every client, reused or built; rendered pages wait in the stage.
        options.progress?.begin("Building clients", total: plan.freshCount)
        let stage: PageStage
        do {
            stage = try makeStage(rebuilding: plan.freshCount, options: options)
        } catch {
            report.diagnostics.error(".docket-cache", "cannot prepare the build: \(error.localizedDescription)")
            return report
        }
        defer { stage.discard() }
        let (outcomes, stream) = buildClients(shared: shared, plan: plan, stage: stage, options: options)
        clock.mark("load, compute, check and render \(plan.freshCount) client(s)", in: &report)

        // 4. The checks across clients.
        let siteFiles = shared.renderer.siteFiles()
        checkAcrossClients(outcomes, siteFiles: siteFiles, report: &report)
        guard !report.diagnostics.hasErrors else { return report }
        clock.mark("checks across clients", in: &report)

        // 5. The dashboard.
        let dashboard = renderDashboard(outcomes, shared: shared, portals: report.portals, options: options)
        clock.mark("dashboard", in: &report)
        guard options.mode == .build else { return report }

        // 6. Write.
        options.progress?.begin("Writing public/")
        let written = SiteOutput(
            slugs: shared.slugs, outcomes: outcomes, siteFiles: siteFiles, dashboard: dashboard.dashboard,
            outbox: dashboard.outbox)
        guard write(written, plan: plan, stage: stage, stream: stream, options: options, report: &report) else {
            return report
        }
        clock.mark("write", in: &report)

        // 7. The record, for the next build.
        options.progress?.begin("Saving the build record")
        let recorded = saveRecord(written, plan: plan, stream: stream, options: options, report: report)
        if plan.caching { clock.mark("save the build record", in: &report) }

        // 8. Portal folders in public/ that this build did not produce: removed when marked as Docket's,
        // otherwise named.
        clearOldPortals(&report, root: options.root, previous: plan.previous)
        // The journal goes only once a record lists what this build wrote; without one (a full disk, say) it
        // stays, and the next build repairs from it as from an interrupted one.
        if recorded { BuildJournal.remove(root: options.root) }
        return report
    }
}

/// How long each phase of a run took, for `docket build --timings`.
struct PhaseClock {
    private let clock = ContinuousClock()
    private var lap: ContinuousClock.Instant

    init() { lap = clock.now }

    /// Ends a phase: the time since the last mark goes to the report under `phase`.
    mutating func mark(_ phase: String, in report: inout Builder.Report) {
        let now = clock.now
        let elapsed = now - lap
        report.timings.append(
            (phase, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
        lap = now
    }
}
