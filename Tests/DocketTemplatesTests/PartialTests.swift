import Testing

@testable import DocketTemplates

/// Partials `{{> name}}`: another template of the library, rendered in place with the same context.
@Suite struct PartialTests {
    @Test func aPartialIsRenderedInPlaceWithTheCurrentContext() throws {
        #expect(try render("\"{{>text}}\"", partials: ["text": "from partial"]) == "\"from partial\"")
        let value = TemplateValue.object(["text": .text("content")])
        #expect(try render("\"{{>partial}}\"", value, partials: ["partial": "*{{text}}*"]) == "\"*content*\"")
        #expect(try render("|{{> partial }}|", partials: ["partial": "[]"]) == "|[]|")
        #expect(try render("| {{>partial}} |", partials: ["partial": "\t|\t"]) == "| \t|\t |")
        let list = TemplateValue.object([
            "items": .list([.object(["name": .text("a")]), .object(["name": .text("b")])])
        ])
        #expect(try render("{{#items}}{{>item}}{{/items}}", list, partials: ["item": "<{{name}}>"]) == "<a><b>")
    }

    @Test("a partial the library does not have renders nothing; one that includes itself stops")
    func missingAndRecursivePartials() throws {
        #expect(try render("[{{> nothing}}]") == "[]")
        let deep = try render("{{> loop}}", partials: ["loop": "x{{> loop}}"])
        #expect(deep == String(repeating: "x", count: 64))
        #expect(MustacheRenderer.maximumDepth == 64)
    }

    @Test("a partial sharing its line keeps the line; its own lines are not indented")
    func inlinePartials() throws {
        let value = TemplateValue.object(["data": .text("|")])
        #expect(try render("  {{data}}  {{> partial}}\n", value, partials: ["partial": ">\n>"]) == "  |  >\n>\n")
    }

    @Test("a standalone partial takes its line and indents every line it prints by the tag's indentation")
    func standalonePartials() throws {
        #expect(try render("|\r\n{{>partial}}\r\n|", partials: ["partial": ">"]) == "|\r\n>|")
        #expect(try render("  {{>partial}}\n>", partials: ["partial": ">\n>"]) == "  >\n  >>")
        #expect(try render(">\n  {{>partial}}", partials: ["partial": ">\n>"]) == ">\n  >\n  >")
        // The lines of the partial are indented, not the lines inside a value it prints.
        let value = TemplateValue.object(["content": .text("<\n->")])
        #expect(
            try render("\\\n {{>partial}}\n/\n", value, partials: ["partial": "|\n{{{content}}}\n|\n"])
                == "\\\n |\n <\n->\n |\n/\n")
        // Indentation adds up through nested partials.
        #expect(
            try render(
                "<div>\n  {{> outer}}\n</div>\n", partials: ["outer": "<p>\n  {{> inner}}\n</p>\n", "inner": "a\nb\n"])
                == "<div>\n  <p>\n    a\n    b\n  </p>\n</div>\n")
    }
}
