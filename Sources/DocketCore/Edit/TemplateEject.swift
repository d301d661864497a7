import Foundation

/// `docket templates --eject`: the built-in templates and CSS copied out to the site's `templates/`, to restyle
/// them there (each file in `templates/` overrides the built-in one of the same name).
///
/// A file already in `templates/` is never written over: one identical to the built-in one is left as it is,
/// and one that differs is an error naming it (nothing is written then).
public struct TemplateEject: Sendable {
    /// The files to write: the built-in ones `templates/` does not have yet.
    public var files: NewFiles
    /// The files `templates/` already has, identical to the built-in ones (left as they are).
    public var identical: [String]

    /// What ejecting into the site at `root` writes; nil (with an error per file) when a file of
    /// `templates/` differs from the built-in one of the same name.
    public static func make(root: URL, diagnostics: inout Diagnostics) -> TemplateEject? {
        var missing: [NewFiles.File] = []
        var identical: [String] = []
        var ok = true
        for (name, text) in BuiltInTemplates.files {
            let path = "templates/\(name)"
            let data = Data(text.utf8)
            let url = root.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: url.path) else {
                missing.append(NewFiles.File(path: path, data: data))
                continue
            }
            if SourceFile.readFile(url.path) == data {
                identical.append(path)
            } else {
                diagnostics.error(
                    path,
                    "already exists and differs from Docket's built-in \(name); it was not replaced (it overrides the built-in one). To eject the built-in file, move yours aside first"
                )
                ok = false
            }
        }
        guard ok else { return nil }
        return TemplateEject(files: NewFiles(files: missing), identical: identical)
    }

    /// Every built-in template and asset, with whether the site at `root` overrides it (`templates/<name>`
    /// exists), and the site's own files that override nothing, by path under `templates/`.
    public static func listing(root: URL) -> (builtIn: [(name: String, overridden: Bool)], extra: [String]) {
        let builtIn = BuiltInTemplates.files.map { file in
            (
                file.path,
                FileManager.default.fileExists(atPath: root.appendingPathComponent("templates/\(file.path)").path)
            )
        }
        var ignored = Diagnostics()
        let known = Set(BuiltInTemplates.files.map(\.path))
        let site =
            SiteLoader.listDirectory(root, "templates", directories: false, diagnostics: &ignored)
            .filter { $0.hasSuffix(".mustache") }
            + SiteLoader.listDirectory(root, "templates/assets", directories: false, diagnostics: &ignored)
            .map { "assets/\($0)" }
        return (builtIn, site.filter { !known.contains($0) }.sorted())
    }
}
