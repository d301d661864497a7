import Crypto
import Foundation

/// What `docket serve` adds to an HTML response, and the few pages it writes itself.
///
/// Only responses change: the files in `public/` and `dashboard/` are read, never rewritten. An HTML response
/// gets the reload script (allowed by its hash in the page's Content-Security-Policy, with `connect-src 'self'`
/// for its event stream) and, while the content has errors, the error overlay over the last good page.
public enum PreviewPage {
    /// The script added to every HTML response: it listens to `/_docket/events` and reloads the page when the
    /// build it was served from is no longer the latest; it keeps the error overlay on the page when an
    /// encrypted portal's page replaces its own document once opened.
    static let reloadScript = """
        (function () {
          var served = document.currentScript.getAttribute("data-generation");
          var overlay = document.getElementById("docket-preview-errors");
          if (overlay) {
            new MutationObserver(function () {
              if (!overlay.isConnected && document.body) { document.body.appendChild(overlay); }
            }).observe(document, { childList: true, subtree: true });
          }
          var events = new EventSource("/_docket/events");
          events.addEventListener("build", function (event) {
            if (event.data !== served) { events.close(); location.reload(); }
          });
        })();
        """

    /// The reload script's hash as a CSP source: `'sha256-…'`.
    static let reloadScriptHash: String = {
        "'sha256-\(Data(SHA256.hash(data: Data(reloadScript.utf8))).base64EncodedString())'"
    }()

    /// The text of the meta tag's attribute that holds a page's policy, up to the opening quote of its value.
    static let policyMeta = #"<meta http-equiv="Content-Security-Policy" content=""#

    /// An HTML page as served: its policy allowing the reload script, then (before `</body>`) the error overlay
    /// when there are errors, then the script, which tells the build `generation` the page came from.
    public static func served(_ html: String, generation: String, errors: [Diagnostic]) -> String {
        var page = allowingReload(html)
        var added = errors.isEmpty ? "" : overlay(errors)
        added += "<script data-generation=\"\(HTML.escape(generation))\">\(reloadScript)</script>\n"
        if let body = page.range(of: "</body>", options: .backwards) {
            page.insert(contentsOf: added, at: body.lowerBound)
        } else {
            page += added
        }
        return page
    }

    /// The page with its Content-Security-Policy meta tag (when it has one) allowing the reload script.
    static func allowingReload(_ html: String) -> String {
        guard let start = html.range(of: policyMeta), let end = html[start.upperBound...].firstIndex(of: "\"")
        else { return html }
        let written = unescape(String(html[start.upperBound..<end]))
        return html.replacingCharacters(in: start.upperBound..<end, with: HTML.escape(policy(allowingReload: written)))
    }

    /// A policy that also allows the reload script (by its hash) and its event stream (`connect-src 'self'`),
    /// and nothing else: every other directive stays as it was.
    static func policy(allowingReload policy: String) -> String {
        var directives = policy.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
        func add(_ source: String, to name: String) {
            if let index = directives.firstIndex(where: { $0 == name || $0.hasPrefix(name + " ") }) {
                let sources = directives[index].split(separator: " ").dropFirst().filter { $0 != "'none'" }
                directives[index] = ([name] + sources.map(String.init) + [source]).joined(separator: " ")
            } else {
                directives.append("\(name) \(source)")
            }
        }
        add(reloadScriptHash, to: "script-src")
        add("'self'", to: "connect-src")
        return directives.joined(separator: "; ")
    }

    /// The five entities `HTML.escape` writes, read back.
    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The error overlay: every error's `path:line:column` and message, escaped.
    static func overlay(_ errors: [Diagnostic]) -> String {
        var html = "<div id=\"docket-preview-errors\" role=\"alert\">"
        html += "<link rel=\"stylesheet\" href=\"/_docket/overlay.css\">"
        let count = errors.count == 1 ? "1 error" : "\(errors.count) errors"
        html += "<p class=\"docket-preview-title\">\(count): showing the last good build; public/ is unchanged.</p>"
        html += "<ol>"
        for error in errors {
            html += "<li><code>\(HTML.escape(location(of: error)))</code> \(HTML.escape(error.message))</li>"
        }
        html += "</ol></div>\n"
        return html
    }

    /// `path:line:column`, without the line or column when they are unknown (as in `Diagnostic.description`).
    static func location(of diagnostic: Diagnostic) -> String {
        var location = diagnostic.path
        if diagnostic.line > 0 {
            location += ":\(diagnostic.line)"
            if diagnostic.column > 0 { location += ":\(diagnostic.column)" }
        }
        return location
    }

    /// The error overlay's stylesheet, served at `/_docket/overlay.css` (the pages' policy allows styles from
    /// the page's own origin only, never inline).
    public static let overlayStyle = """
        #docket-preview-errors { position: fixed; inset: 0 0 auto 0; z-index: 2147483647; max-height: 70vh;
          overflow: auto; margin: 0; padding: 1rem 1.25rem; background: #fff4f2; color: #5c1010;
          border-bottom: 4px solid #b42318; box-shadow: 0 6px 24px rgba(0, 0, 0, 0.25);
          font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; }
        #docket-preview-errors .docket-preview-title { margin: 0 0 0.5rem; font-weight: 700; }
        #docket-preview-errors ol { margin: 0; padding-left: 1.5rem; }
        #docket-preview-errors li { margin: 0.25rem 0; }
        #docket-preview-errors code { font: 13px/1.4 ui-monospace, "SFMono-Regular", Menlo, monospace;
          background: #ffe1dc; padding: 0 0.25rem; border-radius: 3px; }

        """

    /// The Content-Security-Policy of the pages `serve` writes itself.
    static let ownPolicy = "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'"

    /// The preview's index at `/`: links to the dashboard, the site's home page and every portal (with its
    /// `#k=` key when it opens with one), by client slug.
    public static func index(portals: [Portal]) -> String {
        var items = ""
        for portal in portals.sorted(by: { $0.slug < $1.slug }) {
            var href = "/\(portal.token)/"
            if let key = portal.linkKey { href += "#k=\(key)" }
            let kind: String
            switch portal.encryption {
            case nil: kind = "plain"
            case .link: kind = "encrypted, opens with its link"
            case .passphrase: kind = "encrypted, opens with its passphrase"
            }
            items += "<li><a href=\"\(HTML.escape(href))\">\(HTML.escape(portal.slug))</a> (\(kind))</li>\n"
        }
        if items.isEmpty { items = "<li>No portal yet.</li>\n" }
        return ownPage(
            title: "Preview",
            body: """
                <h1>Preview</h1>
                <p><a href="\(PreviewRoute.dashboardPrefix)">Your dashboard</a> · <a href="/index.html">The site's home page</a></p>
                <h2>Portals</h2>
                <ul>
                \(items)</ul>
                <p class="muted">Served by <code>docket serve</code> from your site folder; open pages reload by themselves when you save.</p>
                """)
    }

    /// The page for a path that names nothing `serve` may send.
    public static let notFound = ownPage(
        title: "Not found",
        body: """
            <h1>Not found</h1>
            <p>Nothing here. <a href="/">The preview's index</a></p>
            """)

    /// A small page of the preview's own, styled by the site's stylesheet.
    static func ownPage(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        \(policyMeta)\(HTML.escape(ownPolicy))">
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex,nofollow">
        <meta name="referrer" content="no-referrer">
        <title>\(HTML.escape(title)) · docket serve</title>
        <link rel="stylesheet" href="/assets/portal.css">
        </head>
        <body class="page">
        <main class="wrap">
        \(body)
        </main>
        </body>
        </html>

        """
    }

    /// One Server-Sent Event naming the latest build: open pages served from another build reload.
    public static func event(generation: String) -> String {
        "event: build\ndata: \(generation)\n\n"
    }
}
