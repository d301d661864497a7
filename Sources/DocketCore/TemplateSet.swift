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

    /// The templates every site needs. Other `.mustache` files in `templates/` are loaded too, as partials.
    public static let required = ["layout", "overview", "hours", "invoice", "statement", "terms", "terms-version",
                                  "deliverables", "dashboard", "index"]

    /// Loads `templates/` under a site folder. Missing or unparsable templates are errors.
    public static func load(root: URL, diagnostics: inout Diagnostics) -> TemplateSet? {
        var library = MustacheLibrary()
        var ok = true
        let available = SiteLoader.listDirectory(root, "templates", directories: false, diagnostics: &diagnostics)
            .filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) }
        for name in required where !available.contains(name) {
            diagnostics.error("templates/\(name).mustache", "missing template; expected templates/\(name).mustache (copy it from Docket's templates/ folder)")
            ok = false
        }
        // Every template is registered, so any of them can be used as a partial (`{{> deliverable}}`).
        for name in available {
            let path = "templates/\(name).mustache"
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
    ///
    /// The model is first turned into dictionaries and arrays, once: swift-mustache then finds each value
    /// by a dictionary lookup instead of reflecting on the model for every `{{name}}` (which made rendering
    /// the slowest part of a build).
    func render(_ name: String, _ model: Any) -> String {
        library.render(TemplateSet.templateValue(model) ?? [String: Any](), withTemplate: name) ?? ""
    }

    /// A view model as plain template values: structs become `[String: Any]` (nil properties left out, as
    /// reflection would find nothing for them), arrays stay arrays, strings, numbers and booleans stay.
    static func templateValue(_ value: Any) -> Any? {
        switch value {
        case let text as String: return text
        case let flag as Bool: return flag
        case let number as Int: return number
        case let list as [Any]: return list.compactMap { templateValue($0) }
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { templateValue($0.value) }
        case .struct, .class:
            var dictionary: [String: Any] = [:]
            dictionary.reserveCapacity(Int(mirror.children.count))
            for child in mirror.children {
                if let label = child.label, let converted = templateValue(child.value) { dictionary[label] = converted }
            }
            return dictionary
        case .collection:
            return mirror.children.compactMap { templateValue($0.value) }
        default:
            return value
        }
    }
}
