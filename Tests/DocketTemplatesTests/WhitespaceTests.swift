import Testing

@testable import DocketTemplates

/// Standalone lines: a section, inverted section, comment, partial, parent, block or delimiter tag alone on
/// its line (with only spaces or tabs around it) takes its whole line, newline included.
@Suite struct WhitespaceTests {
    let on = TemplateValue.object(["boolean": .flag(true), "off": .flag(false)])

    @Test func standaloneSectionLines() throws {
        #expect(try render("| This Is\n{{#boolean}}\n|\n{{/boolean}}\n| A Line\n", on) == "| This Is\n|\n| A Line\n")
        #expect(
            try render("| This Is\n  {{#boolean}}\n|\n  {{/boolean}}\n| A Line\n", on) == "| This Is\n|\n| A Line\n")
        #expect(try render("| This Is\n{{^off}}\n|\n{{/off}}\n| A Line\n", on) == "| This Is\n|\n| A Line\n")
        #expect(try render("| This Is\n\t{{^off}}  \n|\n  {{/off}}\t\n| A Line\n", on) == "| This Is\n|\n| A Line\n")
    }

    @Test("a standalone line ending in \\r\\n takes the \\r\\n")
    func crlf() throws {
        #expect(try render("|\r\n{{#boolean}}\r\n{{/boolean}}\r\n|", on) == "|\r\n|")
        #expect(try render("|\r\n{{! Standalone Comment }}\r\n|") == "|\r\n|")
    }

    @Test("the first and last lines of a template can be standalone")
    func atEitherEnd() throws {
        #expect(try render("  {{#boolean}}\n#{{/boolean}}\n/", on) == "#\n/")
        #expect(try render("#{{#boolean}}\n/\n  {{/boolean}}", on) == "#\n/\n")
        #expect(try render("  {{! I'm Still Standalone }}\n!") == "!")
        #expect(try render("!\n  {{! I'm Still Standalone }}") == "!\n")
    }

    @Test("a tag sharing its line with text or with another tag is not standalone")
    func notStandalone() throws {
        #expect(try render("  {{#boolean}}x{{/boolean}}\n", on) == "  x\n")
        #expect(try render("  12 {{! 34 }}\n") == "  12 \n")
        #expect(try render("{{#boolean}}{{/boolean}}\n", on) == "\n")
        #expect(try render("a {{#boolean}}\nb\n{{/boolean}}\n", on) == "a \nb\n")
    }

    @Test("a list of standalone lines leaves no blank line")
    func listLines() throws {
        let value = TemplateValue.object(["items": .list([.text("a"), .text("b")]), "on": .flag(true)])
        let template =
            "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n  {{! a comment }}\n</ul>\n{{#on}}\ndone\n{{/on}}"
        #expect(try render(template, value) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\ndone\n")
    }
}
