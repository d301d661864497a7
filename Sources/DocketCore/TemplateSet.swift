import Foundation
import Mustache

/// The site's user-editable templates (`templates/*.mustache`) and assets (`templates/assets/`).
///
/// Every page template extends `layout.mustache` with Mustache template inheritance. Values are
/// HTML-escaped by `{{ }}`; `{{{ }}}` is used only for HTML that cmark rendered.
public struct TemplateSet: Sendable {
    /// The parsed templates, by name without `.mustache`.
    let library: MustacheLibrary
    /// Asset files to copy to `public/assets/`, by file name.
    public let assets: [String: Data]

    /// The templates every site needs.
    public static let required = ["layout", "overview", "hours", "invoice", "statement", "index"]

    /// Loads `templates/` under a site folder. Missing or unparsable templates are errors.
    public static func load(root: URL, diagnostics: inout Diagnostics) -> TemplateSet? {
        var library = MustacheLibrary()
        var ok = true
        for name in required {
            let path = "templates/\(name).mustache"
            guard FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) else {
                diagnostics.error(path, "missing template; expected \(path) (copy it from Docket's templates/ folder)")
                ok = false
                continue
            }
            guard let file = SourceFile.read(site: root, path: path, diagnostics: &diagnostics) else {
                ok = false
                continue
            }
            do {
                library.register(try MustacheTemplate(string: file.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.error(path, line: error.context.lineNumber, column: error.context.columnNumber + 1,
                                  "the template does not parse: \(error.error)")
                ok = false
            } catch {
                diagnostics.error(path, "the template does not parse: \(error)")
                ok = false
            }
        }
        var assets: [String: Data] = [:]
        for name in SiteLoader.listDirectory(root, "templates/assets", directories: false, diagnostics: &diagnostics) {
            let path = "templates/assets/\(name)"
            do {
                assets[name] = try Data(contentsOf: root.appendingPathComponent(path))
            } catch {
                diagnostics.error(path, "cannot read the asset: \(error.localizedDescription)")
                ok = false
            }
        }
        return ok ? TemplateSet(library: library, assets: assets) : nil
    }

    /// Renders a page template with a view model.
    func render(_ name: String, _ model: Any) -> String {
        library.render(model, withTemplate: name) ?? ""
    }
}
