import Testing

@testable import DocketTemplates

/// Templates that do not parse: each problem, and each tag this Mustache does not support, is an error at
/// the line and column of the tag, in plain words.
@Suite struct SyntaxErrorTests {
    @Test("sections must be closed, in order, by their own name")
    func unbalancedSections() {
        #expect(
            syntaxError("line 1\n  {{#open}}\nbody\n")
                == MustacheSyntaxError(
                    message: "`open` is never closed; expected {{/open}}", line: 2, column: 3))
        #expect(
            syntaxError("{{#a}}\n{{#b}}\n{{/a}}")
                == MustacheSyntaxError(
                    message: "`b` (opened on line 2) must be closed before `a`", line: 3, column: 1))
        #expect(
            syntaxError("é {{/a}}")
                == MustacheSyntaxError(message: "`a` is closed but was never opened", line: 1, column: 3))
        #expect(
            syntaxError("{{<layout}}\n{{$content}}\n{{/layout}}")
                == MustacheSyntaxError(
                    message: "`content` (opened on line 2) must be closed before `layout`", line: 3, column: 1))
    }

    @Test("a tag must be closed and hold a name")
    func malformedTags() {
        #expect(
            syntaxError("x {{name") == MustacheSyntaxError(message: "unclosed tag; expected `}}`", line: 1, column: 3))
        #expect(
            syntaxError("{{{name}}") == MustacheSyntaxError(message: "unclosed tag; expected `}}}`", line: 1, column: 1)
        )
        #expect(
            syntaxError("a\n{{=<% %>=}}\n<%name")
                == MustacheSyntaxError(message: "unclosed tag; expected `%>`", line: 3, column: 1))
        #expect(
            syntaxError("{{=<% %>}}")
                == MustacheSyntaxError(
                    message: "unclosed delimiter change; expected `=}}`", line: 1, column: 1))
        #expect(
            syntaxError("{{a b}}")
                == MustacheSyntaxError(
                    message: "`a b` is not a name; expected a name such as `clientName` or `page.title`", line: 1,
                    column: 1))
        #expect(
            syntaxError("{{a..b}}")?.message
                == "`a..b` is not a name; expected a name such as `clientName` or `page.title`")
        #expect(
            syntaxError("{{=<%>=}}")
                == MustacheSyntaxError(
                    message: "a delimiter change needs two delimiters, such as {{=<% %>=}}", line: 1, column: 1))
        #expect(syntaxError("{{#}}{{/}}") == MustacheSyntaxError(message: "a section needs a name", line: 1, column: 1))
        #expect(
            syntaxError("{{> }}")
                == MustacheSyntaxError(message: "a partial needs a name, such as {{> deliverable}}", line: 1, column: 1)
        )
    }

    @Test("pragmas {{%…}} are not supported")
    func pragmas() {
        #expect(
            syntaxError("ok\n  {{%PRAGMA}}\n")
                == MustacheSyntaxError(
                    message: "pragmas such as `{{%PRAGMA}}` are not supported; remove the tag", line: 2, column: 3))
        #expect(
            syntaxError("{{% ANCHORED-DOT }}")?.message
                == "pragmas such as `{{% ANCHORED-DOT}}` are not supported; remove the tag")
    }

    @Test("dynamic names {{>*name}} and {{<*name}} are not supported")
    func dynamicNames() {
        #expect(
            syntaxError("x{{>*dynamic}}")
                == MustacheSyntaxError(
                    message:
                        "dynamic names such as `{{> *dynamic}}` are not supported; name the template, such as {{> dynamic}}",
                    line: 1, column: 2))
        #expect(
            syntaxError("{{<*page}}{{/*page}}")
                == MustacheSyntaxError(
                    message:
                        "dynamic names such as `{{<*page}}` are not supported; name the template, such as {{<page}}",
                    line: 1, column: 1))
    }

    @Test("columns count characters, not bytes, and lines count from 1")
    func positions() {
        #expect(syntaxError("😀é\n\n  ab {{/x}}")?.line == 3)
        #expect(syntaxError("😀é {{/x}}")?.column == 4)
    }

    @Test("a template that parses gives no error, and names the partials and parents it uses where it uses them")
    func references() throws {
        #expect(syntaxError("{{#a}}{{b}}{{/a}}{{^c}}{{/c}}{{! x }}{{> p}}{{<q}}{{$r}}{{/r}}{{/q}}") == nil)
        let template = try MustacheTemplate("a\n  {{> rows}}\n{{<layout}}{{$x}}{{> inner}}{{/x}}{{/layout}}")
        #expect(template.references.map(\.name) == ["rows", "layout", "inner"])
        #expect(template.references.map(\.line) == [2, 3, 3])
        #expect(template.references.map(\.column) == [3, 1, 18])
    }
}
