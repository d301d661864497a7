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

        /// Creates options.
        public init(root: URL, today: CalendarDate, mode: Mode) {
            self.root = root
            self.today = today
            self.mode = mode
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
        /// The portal's overview page relative to the site folder.
        public var indexPath: String { "public/\(token)/index.html" }
    }

    /// What a run found and did.
    public struct Report: Sendable {
        /// Every error and warning.
        public var diagnostics = Diagnostics()
        /// The portals built (or that would be built by `check`).
        public var portals: [Portal] = []
        /// Every file produced, relative to `public/`.
        public var files: [OutputFile] = []
        /// What the write did (zero for `check` and failed builds).
        public var outcome = SiteWriter.Outcome()
        /// Whether the run succeeded (no errors).
        public var succeeded: Bool { !diagnostics.hasErrors }
    }

    /// Runs the pipeline.
    public static func run(_ options: Options) -> Report {
        var report = Report()
        // Load and parse.
        let site = SiteLoader.load(root: options.root, diagnostics: &report.diagnostics)
        let templates = TemplateSet.load(root: options.root, diagnostics: &report.diagnostics)
        guard let site, let templates, !report.diagnostics.hasErrors else { return report }

        // Compute every client (archived ones too: their invoices are still checked).
        let computed = site.clients.map {
            ComputedClient.compute($0, business: site.business, today: options.today, diagnostics: &report.diagnostics)
        }
        guard !report.diagnostics.hasErrors else { return report }

        // Render, in memory.
        let renderer = PortalRenderer(templates: templates, business: site.business, today: options.today)
        var files = renderer.siteFiles()
        for client in computed where client.client.status == .active {
            let token = client.content.token ?? ShareToken.generate()
            files += renderer.portal(client, token: token)
            report.portals.append(Portal(slug: client.client.slug, name: client.client.name, token: token,
                                         isNewToken: client.content.token == nil))
        }
        report.files = files
        let dashboard = DashboardRenderer(templates: templates, business: site.business, today: options.today)
            .files(Dashboard(clients: computed, today: options.today), portals: report.portals)
        guard options.mode == .build else { return report }

        // Write: new tokens into content/, then public/.
        do {
            for portal in report.portals where portal.isNewToken {
                try saveToken(portal.token, slug: portal.slug, root: options.root)
            }
            report.outcome = try SiteWriter(root: options.root).write(files)
            _ = try SiteWriter(root: options.root, folder: Builder.dashboardFolder).write(dashboard)
        } catch {
            report.diagnostics.error("public", "cannot write the site: \(error.localizedDescription)")
        }
        return report
    }

    /// The VA's dashboard folder inside the site folder: never under `public/`.
    public static let dashboardFolder = "dashboard"

    /// Stores a client's token in `content/clients/<slug>/token.txt`.
    public static func saveToken(_ token: String, slug: String, root: URL) throws {
        let url = root.appendingPathComponent("content/clients/\(slug)/\(ShareToken.fileName)")
        try Data((token + "\n").utf8).write(to: url, options: .atomic)
    }
}
