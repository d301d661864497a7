import DocketTemplates
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The templates pages are rendered with: Docket's built-in ones (`BuiltInTemplates`), each replaced by the
/// site's own file of the same name in `templates/` (`templates/*.mustache`, `templates/assets/*`) when it has
/// one.
///
/// Every page template extends `layout.mustache` with Mustache template inheritance. Values are
/// HTML-escaped by `{{ }}`; `{{{ }}}` is used only for HTML that cmark rendered.
struct TemplateSet: Sendable {
    /// The parsed templates, by name without `.mustache`.
    let templates: [String: MustacheTemplate]
    /// Asset files to copy to `public/assets/`, by file name.
    let assets: [String: Data]
    /// The templates compiled together, for rendering.
    let library: TemplateLibrary

    init(templates: [String: MustacheTemplate], assets: [String: Data]) {
        self.templates = templates
        self.assets = assets
        library = TemplateLibrary(templates)
    }

    /// Loads the built-in templates, overridden file by file by `templates/` under a site folder. A site
    /// template that cannot be read or does not parse, or a partial or parent that names no template, is an
    /// error.
    static func load(root: URL, diagnostics: inout Diagnostics) -> TemplateSet? {
        var templates: [String: MustacheTemplate] = [:]
        var ok = true
        let overridden = Set(
            SiteLoader.listDirectory(root, "templates", directories: false, diagnostics: &diagnostics)
                .filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) })
        let available = overridden.union(BuiltInTemplates.templates.keys)
        // Every template is registered, so any of them can be used as a partial (`{{> deliverable}}`).
        for name in available.sorted() {
            let path = "templates/\(name).mustache"
            let text: String
            if overridden.contains(name) {
                guard let file = SourceFile.read(site: root, path: path, diagnostics: &diagnostics) else {
                    ok = false
                    continue
                }
                text = file.text
            } else {
                text = BuiltInTemplates.templates[name] ?? ""
            }
            do {
                templates[name] = try MustacheTemplate(text)
            } catch {
                let place = overridden.contains(name) ? path : "\(path) (built into Docket)"
                diagnostics.error(
                    place, line: error.line, column: error.column, "the template does not parse: \(error.message)")
                ok = false
            }
        }
        // A partial or parent that names no template is an error where it is used, not an empty page.
        for name in templates.keys.sorted() {
            for reference in templates[name]?.references ?? [] where !available.contains(reference.name) {
                diagnostics.error(
                    "templates/\(name).mustache", line: reference.line, column: reference.column,
                    "no template named `\(reference.name)`; expected templates/\(reference.name).mustache")
                ok = false
            }
        }
        // The built-in assets, each replaced by the site's file of the same name; the site's others added.
        var assets = BuiltInTemplates.assets
        for name in SiteLoader.listDirectory(root, "templates/assets", directories: false, diagnostics: &diagnostics) {
            let path = "templates/assets/\(name)"
            guard checkAssetName(name, root: root, diagnostics: &diagnostics) else {
                ok = false
                continue
            }
            do {
                assets[name] = try Data(contentsOf: root.appendingPathComponent(path))
            } catch {
                diagnostics.error(path, "cannot read the asset: \(error.localizedDescription)")
                ok = false
            }
        }
        return ok ? TemplateSet(templates: templates, assets: assets) : nil
    }

    /// Whether an asset can be published, reporting one that cannot: a name holding a control character (a
    /// newline would split the build record's line of it in two), or a symbolic link (it could publish any
    /// file the link points to).
    private static func checkAssetName(_ name: String, root: URL, diagnostics: inout Diagnostics) -> Bool {
        if name.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
            // Shown escaped (`x\n_headers`), so the message stays on one line.
            let shown = name.unicodeScalars.map { scalar in
                scalar.value < 0x20 || scalar.value == 0x7F ? scalar.escaped(asASCII: true) : String(scalar)
            }.joined()
            diagnostics.error(
                "templates/assets/\(shown)",
                "the asset's name holds a control character (such as a line break); rename the file with letters, digits, `-`, `_` and `.` only"
            )
            return false
        }
        var info = stat()
        let path = root.appendingPathComponent("templates/assets/\(name)").path
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
            diagnostics.error("templates/assets/\(name)", SourceFile.symbolicLinkMessage)
            return false
        }
        return true
    }

    /// The asset files as output files under `assets/`, sorted by name.
    var assetFiles: [OutputFile] {
        assets.sorted { $0.key < $1.key }.map { OutputFile(path: "assets/\($0.key)", data: $0.value) }
    }

    /// The paths of `assetFiles`.
    var assetPaths: [String] { assets.keys.sorted().map { "assets/\($0)" } }

    /// Renders a page template with a view model.
    ///
    /// The model writes its values once into the page's arena (`TemplateRepresentable`); the renderer then
    /// finds each `{{name}}` through its shape's table, never by reflection.
    func render(_ name: String, _ model: some TemplateRepresentable) -> Data {
        library.render(name, model)
    }
}
