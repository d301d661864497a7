import FuzzSupport

@testable import DocketTemplates

/// What the fuzzed templates are rendered with: text needing escapes, numbers, flags, lists and groups.
let model: TemplateValue = .object([
    "name": .text("<b>\"O'Brien\" & Sons</b>"), "count": .number(-12), "yes": .flag(true), "no": .flag(false),
    "items": .list([.text("a"), .number(2), .object(["name": .text("inner"), "items": .list([])])]),
    "empty": .list([]), "group": .object(["name": .text("g"), "group": .object(["deep": .text("d")])]),
])

/// A template and a partial (the input split at its first NUL byte), parsed, compiled together and
/// rendered; the partial is reachable as `{{> part}}` and as a parent, `{{< part}}`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let text = fuzzText(data, size) else { return 0 }
    let pieces = text.split(separator: "\0", maxSplits: 1, omittingEmptySubsequences: false)
    var templates: [String: MustacheTemplate] = [:]
    for (name, piece) in zip(["main", "part"], pieces) {
        guard let template = try? MustacheTemplate(String(piece)) else { return 0 }
        _ = template.references
        templates[name] = template
    }
    let library = TemplateLibrary(templates)
    _ = library.render("main", model)
    return 0
}
