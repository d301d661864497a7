import Crypto
import Foundation
import Testing

@testable import DocketCore

/// `docket serve`'s logic without its server: which paths reach which files, what an HTML response gets, and
/// the error overlay.
@Suite("Preview (docket serve)")
struct PreviewTests {
    /// A site folder with a few served files, one file outside them, and a symbolic link out of `public/`.
    func folder() throws -> TemporarySite {
        let site = try TemporarySite(
            files: [
                "public/index.html": "<p>home</p>",
                "public/tok/index.html": "<p>portal</p>",
                "public/tok/hours/2026-11.html": "<p>hours</p>",
                "public/assets/portal.css": "body{}",
                "dashboard/index.html": "<p>dashboard</p>",
                "content/business.md": "secret",
            ], templates: false)
        try FileManager.default.createSymbolicLink(
            atPath: site.root.appendingPathComponent("public/link").path, withDestinationPath: "../content")
        try FileManager.default.createSymbolicLink(
            atPath: site.root.appendingPathComponent("public/tok/linked.html").path,
            withDestinationPath: site.root.appendingPathComponent("content/business.md").path)
        return site
    }

    @Test(
        "a path reaches only a file under public/ or dashboard/",
        arguments: [
            ("/", "index"),
            ("/index.html", "public/index.html"),
            ("/tok/", "public/tok/index.html"),
            ("/tok/index.html", "public/tok/index.html"),
            ("/tok/hours/2026-11.html", "public/tok/hours/2026-11.html"),
            ("/tok/hours/2026%2D11.html", "public/tok/hours/2026-11.html"),
            ("/assets/portal.css", "public/assets/portal.css"),
            ("/_dashboard/", "dashboard/index.html"),
            ("/_dashboard/index.html", "dashboard/index.html"),
            ("/tok", "redirect /tok/"),
            ("/_dashboard", "redirect /_dashboard/"),
            ("/_docket/events", "events"),
            ("/_docket/errors", "errors"),
            ("/_docket/overlay.css", "overlay.css"),
            ("/_docket/index.html", "404"),
            ("/missing.html", "404"),
            ("/tok/hours/", "404"),
        ])
    func routes(path: String, expected: String) throws {
        let site = try folder()
        defer { site.remove() }
        #expect(describe(PreviewRoute.resolve(path, root: site.root), root: site.root) == expected)
    }

    @Test(
        "no path leaves the two folders: dot segments plain or encoded, backslashes, NUL, symbolic links",
        arguments: [
            "/../content/business.md",
            "/%2e%2e/content/business.md",
            "/%2E%2E%2Fcontent%2Fbusiness.md",
            "/assets/..%2f..%2fcontent/business.md",
            "/tok/%2e%2e/%2e%2e/content/business.md",
            "/./index.html",
            "/tok//index.html",
            "/_dashboard/../public/index.html",
            "/_dashboard/%2e%2e/content/business.md",
            "/..%5ccontent%5cbusiness.md",
            "/tok/index.html%00.css",
            "/link/business.md",
            "/link/",
            "/tok/linked.html",
            "/%zz",
            "relative/index.html",
        ])
    func traversal(path: String) throws {
        let site = try folder()
        defer { site.remove() }
        #expect(PreviewRoute.resolve(path, root: site.root) == .notFound)
    }

    /// The route as a short text: the file relative to the site folder, or what else it is.
    func describe(_ route: PreviewRoute, root: URL) -> String {
        switch route {
        case .index: "index"
        case .events: "events"
        case .errors: "errors"
        case .overlayStyle: "overlay.css"
        case .notFound: "404"
        case .redirect(let location): "redirect \(location)"
        case .file(let path): String(path.dropFirst(root.path.count + 1))
        }
    }

    @Test(
        "each kind of file Docket writes is sent with its content type",
        arguments: [
            ("a/index.html", "text/html; charset=utf-8"), ("assets/portal.css", "text/css; charset=utf-8"),
            ("t/data.json", "application/json"), ("t/calendar.ics", "text/calendar; charset=utf-8"),
            ("assets/logo.png", "image/png"), ("assets/chart.svg", "image/svg+xml"),
            ("robots.txt", "text/plain; charset=utf-8"), ("t/.docket-portal", "application/octet-stream"),
            ("LICENSE", "application/octet-stream"),
        ])
    func contentTypes(path: String, expected: String) {
        #expect(PreviewRoute.contentType(of: path) == expected)
    }

    /// The reload script's hash, computed from its text with Python's hashlib when it was written. A change to
    /// the script changes it: compute it again.
    static let scriptHash = "'sha256-uua4snzQBXdMwjlHGRuFjr86EOKBjTcusIFBsUjKtIA='"

    @Test("an HTML response gets the reload script, allowed by its hash and connect-src 'self', byte for byte")
    func injection() {
        let page =
            "<!DOCTYPE html>\n<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; style-src &#39;self&#39;\"></head>\n<body><p>Hi</p>\n</body>\n</html>\n"
        let hash = Self.scriptHash.replacingOccurrences(of: "'", with: "&#39;")
        let expected =
            "<!DOCTYPE html>\n<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; style-src &#39;self&#39;; script-src \(hash); connect-src &#39;self&#39;\"></head>\n<body><p>Hi</p>\n<script data-generation=\"abc-3\">\(PreviewPage.reloadScript)</script>\n</body>\n</html>\n"
        #expect(PreviewPage.served(page, generation: "abc-3", errors: []) == expected)
    }

    @Test("the hash in the policy is the SHA-256 of the script the page carries")
    func hashMatchesScript() throws {
        let served = PreviewPage.served("<body></body>", generation: "g", errors: [])
        let start = try #require(served.range(of: "<script data-generation=\"g\">"))
        let end = try #require(served.range(of: "</script>"))
        let script = served[start.upperBound..<end.lowerBound]
        let digest = Data(SHA256.hash(data: Data(script.utf8))).base64EncodedString()
        #expect(Self.scriptHash == "'sha256-\(digest)'")
        #expect(PreviewPage.reloadScriptHash == Self.scriptHash)
    }

    @Test("a locked page keeps its own script's hash and gains the reload script's; nothing else changes")
    func lockedPagePolicy() {
        let policy = LockedPage.contentSecurityPolicy
        let rewritten = PreviewPage.policy(allowingReload: policy)
        #expect(
            rewritten
                == "default-src 'none'; script-src \(LockedPage.scriptHash) \(Self.scriptHash); style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; connect-src 'self'"
        )
        #expect(
            PreviewPage.policy(allowingReload: "default-src 'none'; script-src 'none'; connect-src https://x.example")
                == "default-src 'none'; script-src \(Self.scriptHash); connect-src https://x.example 'self'")
    }

    @Test("a page without a policy or a body still gets the script, at its end")
    func noPolicyNoBody() {
        #expect(
            PreviewPage.served("<p>x</p>", generation: "1", errors: [])
                == "<p>x</p><script data-generation=\"1\">\(PreviewPage.reloadScript)</script>\n")
    }

    @Test("the overlay escapes every path and message, and shows the position as path:line:column")
    func overlayEscapes() {
        let hostile = Diagnostic(
            .error, path: "content/clients/<b>x</b>/timesheets/2026-11.md", line: 7, column: 3,
            "found `</li><script>alert(\"x\")</script>` & 'more'")
        let whole = Diagnostic(.error, path: "content/business.md", "missing `name:`")
        #expect(
            PreviewPage.overlay([hostile, whole])
                == "<div id=\"docket-preview-errors\" role=\"alert\"><link rel=\"stylesheet\" href=\"/_docket/overlay.css\"><p class=\"docket-preview-title\">2 errors: showing the last good build; public/ is unchanged.</p><ol>"
                + "<li><code>content/clients/&lt;b&gt;x&lt;/b&gt;/timesheets/2026-11.md:7:3</code> found `&lt;/li&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;` &amp; &#39;more&#39;</li>"
                + "<li><code>content/business.md</code> missing `name:`</li></ol></div>\n")
    }

    @Test("with errors, the overlay comes before the script, inside the body")
    func overlayPlacement() {
        let error = Diagnostic(.error, path: "content/a.md", line: 1, column: 1, "bad")
        let served = PreviewPage.served("<body><p>old page</p></body>", generation: "2", errors: [error])
        #expect(
            served
                == "<body><p>old page</p>\(PreviewPage.overlay([error]))<script data-generation=\"2\">\(PreviewPage.reloadScript)</script>\n</body>"
        )
    }

    @Test("the change watcher notices an edit, a new file and a removal under content/ and templates/, not public/")
    func watcher() throws {
        let site = try TemporarySite(
            files: ["content/a.md": "one", "templates/t.mustache": "x", "public/p.html": "p"], templates: false)
        defer { site.remove() }
        var watcher = ChangeWatcher(root: site.root)
        var seen: [Bool] = []
        seen.append(watcher.changed())
        try site.write("public/p.html", "changed")
        seen.append(watcher.changed())
        try site.write("content/a.md", "two")
        seen.append(watcher.changed())
        seen.append(watcher.changed())
        try site.write("templates/new.mustache", "y")
        seen.append(watcher.changed())
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/a.md"))
        seen.append(watcher.changed())
        seen.append(watcher.changed())
        #expect(seen == [false, false, true, false, true, true, false])
    }
}
