import Foundation
import Testing

@testable import DocketCore

/// How the site's templates are loaded and their problems reported (the Mustache rules themselves are tested
/// in DocketTemplatesTests).
@Suite struct MustacheTests {
    func loadErrors(_ files: [String: String]) throws -> [String] {
        let site = try TemporarySite(files: [:])
        defer { site.remove() }
        for (path, text) in files { try site.write(path, text) }
        var diagnostics = Diagnostics()
        #expect(TemplateSet.load(root: site.root, diagnostics: &diagnostics) == nil)
        return diagnostics.all.map(\.description)
    }

    @Test func aTemplateNamingAMissingPartialIsAnErrorWhereItIsUsed() throws {
        #expect(
            try loadErrors([
                "templates/statement.mustache": "{{<layout}}{{$content}}\n  {{> rows}}\n{{/content}}{{/layout}}\n"
            ])
                == [
                    "templates/statement.mustache:2:3: error: no template named `rows`; expected templates/rows.mustache"
                ])
    }

    @Test("a template that does not parse, or uses a tag this Mustache does not have, is an error at the tag")
    func unparsableTemplates() throws {
        #expect(
            try loadErrors(["templates/statement.mustache": "<p>\n  {{#rows}}\n"])
                == [
                    "templates/statement.mustache:2:3: error: the template does not parse: `rows` is never closed; expected {{/rows}}"
                ])
        #expect(
            try loadErrors(["templates/hours.mustache": "{{<layout}}\n{{%ANCHORED-DOT}}\n{{/layout}}\n"])
                == [
                    "templates/hours.mustache:2:1: error: the template does not parse: pragmas such as `{{%ANCHORED-DOT}}` are not supported; remove the tag"
                ])
        #expect(
            try loadErrors(["templates/index.mustache": "a {{>*page}}"])
                == [
                    "templates/index.mustache:1:3: error: the template does not parse: dynamic names such as `{{> *page}}` are not supported; name the template, such as {{> page}}"
                ])
    }
}
