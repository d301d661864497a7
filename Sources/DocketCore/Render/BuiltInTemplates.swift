import Foundation

/// The default templates and CSS, carried inside the `docket` binary (`BuiltInTemplateFiles.swift`, generated
/// from the repository's `templates/` by `scripts/embed-templates`).
///
/// A site's own `templates/` overrides them file by file, like a theme: `templates/invoice.mustache` replaces
/// the built-in invoice page and every other page still comes from the binary; `templates/assets/portal.css`
/// replaces the built-in stylesheet. A site with no `templates/` folder builds with the built-in files alone.
enum BuiltInTemplates {
    /// The built-in page templates and partials, by name without `.mustache`.
    static let templates: [String: String] = {
        var result: [String: String] = [:]
        for (path, text) in files where !path.contains("/") && path.hasSuffix(".mustache") {
            result[String(path.dropLast(".mustache".count))] = text
        }
        return result
    }()

    /// The built-in assets (published under `public/assets/` unless the site overrides them), by file name.
    static let assets: [String: Data] = {
        var result: [String: Data] = [:]
        for (path, text) in files where path.hasPrefix("assets/") {
            result[String(path.dropFirst("assets/".count))] = Data(text.utf8)
        }
        return result
    }()

    /// The SHA-256 of every built-in file with its path: part of the build cache's fingerprint, so a Docket
    /// whose built-in templates changed never reuses pages rendered with the old ones.
    static let digest: String = {
        var bytes = Data()
        for (path, text) in files {
            bytes.append(Data(path.utf8))
            bytes.append(0)
            bytes.append(Data(sha256Hex(Data(text.utf8)).utf8))
            bytes.append(10)
        }
        return sha256Hex(bytes)
    }()
}
