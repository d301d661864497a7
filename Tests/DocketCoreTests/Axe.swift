import Foundation

/// axe-core, the accessibility engine run inside Chromium, as `scripts/fetch-axe` leaves it (from PyPI's
/// axe-playwright-python wheel) in the repository's git-ignored `.cache/axe/`.
enum Axe {
    static let script = TemporarySite.repository.appendingPathComponent(".cache/axe/axe.min.js")
    static var available: Bool { FileManager.default.isReadableFile(atPath: script.path) }

    /// The rules run: WCAG 2.0 and 2.1, levels A and AA (colour contrast included), plus `td-has-header`
    /// (every data cell of a large table has a header), which axe tags experimental and would leave out.
    static let options = """
        {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
         rules: {'td-has-header': {enabled: true}}, resultTypes: ['violations']}
        """

    /// One rule broken on the page, with the elements that break it.
    struct Violation: CustomStringConvertible {
        var id: String
        var impact: String
        var help: String
        var targets: [String]

        var description: String { "\(id) (\(impact)): \(help) — \(targets.joined(separator: ", "))" }
    }

    /// Injects axe into the page open in the browser, runs it, and returns what it found.
    static func violations(in browser: WebDriver) throws -> [Violation] {
        let source = try String(contentsOf: script, encoding: .utf8)
        _ = try browser.script(
            source + """
                ;
                window.__docketAxe = null;
                axe.run(document, \(options)).then(function (result) {
                  window.__docketAxe = JSON.stringify(result.violations.map(function (v) {
                    return {id: v.id, impact: v.impact || '', help: v.help,
                            targets: v.nodes.map(function (n) { return n.target.join(' '); })};
                  }));
                }, function (error) {
                  window.__docketAxe = JSON.stringify([{id: 'axe-failed', impact: '', help: String(error), targets: []}]);
                });
                """)
        try browser.wait(until: "window.__docketAxe", timeout: 60)
        let json = try browser.script("return window.__docketAxe;") as? String ?? "[]"
        let rows = (try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]) ?? []
        return rows.map {
            Violation(
                id: $0["id"] as? String ?? "", impact: $0["impact"] as? String ?? "",
                help: $0["help"] as? String ?? "", targets: $0["targets"] as? [String] ?? [])
        }
    }
}
