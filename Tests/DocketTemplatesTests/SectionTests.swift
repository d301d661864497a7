import Testing

@testable import DocketTemplates

/// `{{#name}}…{{/name}}` and `{{^name}}…{{/name}}` over lists, flags, groups, other values and missing names.
@Suite struct SectionTests {
    @Test("true shows the section once, false and a missing name skip it")
    func flags() throws {
        let value = TemplateValue.object(["boolean": .flag(true), "off": .flag(false)])
        #expect(
            try render("\"{{#boolean}}This should be rendered.{{/boolean}}\"", value) == "\"This should be rendered.\"")
        #expect(try render("\"{{#off}}This should not be rendered.{{/off}}\"", value) == "\"\"")
        #expect(try render("[{{#missing}}Found key 'missing'!{{/missing}}]", value) == "[]")
    }

    @Test("a list repeats the section for each item, with the item innermost; an empty list skips it")
    func lists() throws {
        let value = TemplateValue.object([
            "list": .list([.object(["item": .number(1)]), .object(["item": .number(2)]), .object(["item": .number(3)])]
            ),
            "empty": .list([]),
        ])
        #expect(try render("\"{{#list}}{{item}}{{/list}}\"", value) == "\"123\"")
        #expect(try render("\"{{#empty}}Yay lists!{{/empty}}\"", value) == "\"\"")
    }

    @Test("a group shows the section once with the group innermost")
    func groups() throws {
        let value = TemplateValue.object(["context": .object(["name": .text("Joe")])])
        #expect(try render("\"{{#context}}Hi {{name}}.{{/context}}\"", value) == "\"Hi Joe.\"")
    }

    @Test("any other value, even empty text or 0, shows the section once with the value innermost")
    func otherValues() throws {
        let value = TemplateValue.object(["foo": .text("bar"), "blank": .text(""), "zero": .number(0)])
        #expect(try render("\"{{#foo}}{{.}} is {{foo}}{{/foo}}\"", value) == "\"bar is bar\"")
        #expect(try render("[{{#blank}}shown{{.}}{{/blank}}]({{#zero}}{{.}}{{/zero}})", value) == "[shown](0)")
    }

    @Test("names not found in the section's value are looked up in the sections around it")
    func parentContexts() throws {
        let value = TemplateValue.object([
            "a": .text("foo"), "b": .text("wrong"), "sec": .object(["b": .text("bar")]),
            "c": .object(["d": .text("baz")]),
        ])
        #expect(try render("\"{{#sec}}{{a}}, {{b}}, {{c.d}}{{/sec}}\"", value) == "\"foo, bar, baz\"")
        let deep = TemplateValue.object([
            "a": .object(["one": .number(1)]), "b": .object(["two": .number(2)]),
            "c": .object(["three": .number(3), "d": .object(["four": .number(4), "five": .number(5)])]),
        ])
        let template =
            "{{#a}}{{one}}{{#b}}{{one}}{{two}}{{#c}}{{one}}{{two}}{{three}}{{#d}}{{one}}{{two}}{{three}}{{four}}{{five}}{{/d}}{{/c}}{{/b}}{{/a}}"
        #expect(try render(template, deep) == "1" + "12" + "123" + "12345")
    }

    @Test("sections nest, repeat and use dotted names")
    func nestingAndDottedNames() throws {
        let value = TemplateValue.object(["bool": .flag(true), "a": .object(["b": .object(["c": .flag(true)])])])
        #expect(try render("| A {{#bool}}B {{#bool}}C{{/bool}} D{{/bool}} E |", value) == "| A B C D E |")
        #expect(
            try render("{{#bool}}\n* first\n{{/bool}}\n* {{two}}\n{{#bool}}\n* third\n{{/bool}}\n", value)
                == "* first\n* \n* third\n")
        #expect(try render("\"{{#a.b.c}}Here{{/a.b.c}}\" == \"Here\"", value) == "\"Here\" == \"Here\"")
        #expect(try render("\"{{#a.b.x}}Here{{/a.b.x}}\" == \"\"", value) == "\"\" == \"\"")
        #expect(
            try render(
                "{{#list}}[{{#.}}{{.}}{{/.}}]{{/list}}",
                .object(["list": .list([.list([.text("a"), .text("b")]), .list([])])])) == "[ab][]")
    }

    @Test("an inverted section shows exactly when the section would be skipped")
    func invertedSections() throws {
        let value = TemplateValue.object([
            "on": .flag(true), "off": .flag(false), "list": .list([.text("x")]), "empty": .list([]),
            "context": .object(["name": .text("Joe")]), "blank": .text(""), "zero": .number(0),
        ])
        #expect(try render("\"{{^off}}This should be rendered.{{/off}}\"", value) == "\"This should be rendered.\"")
        #expect(try render("\"{{^on}}This should not be rendered.{{/on}}\"", value) == "\"\"")
        #expect(try render("[{{^missing}}Found nothing{{/missing}}]", value) == "[Found nothing]")
        #expect(try render("[{{^empty}}none{{/empty}}][{{^list}}none{{/list}}]", value) == "[none][]")
        #expect(
            try render("[{{^context}}Hi {{name}}{{/context}}][{{^blank}}b{{/blank}}][{{^zero}}z{{/zero}}]", value)
                == "[][][]")
        #expect(try render("\"{{^context.missing}}Not Here{{/context.missing}}\"", value) == "\"Not Here\"")
        #expect(try render("| A {{^off}}B {{^off}}C{{/off}} D{{/off}} E |", value) == "| A B C D E |")
    }

    @Test("a section's body keeps the whitespace inside and around it")
    func whitespaceInsideSections() throws {
        let value = TemplateValue.object(["boolean": .flag(true)])
        #expect(try render(" | {{#boolean}}\t|\t{{/boolean}} | \n", value) == " | \t|\t | \n")
        #expect(try render(" | {{#boolean}} {{! Important Whitespace }}\n {{/boolean}} | \n", value) == " |  \n  | \n")
        #expect(try render(" {{#boolean}}YES{{/boolean}}\n {{#boolean}}GOOD{{/boolean}}\n", value) == " YES\n GOOD\n")
    }

    @Test("pages larger than the first buffer grow it, and the bytes are handed over whole")
    func largeOutput() throws {
        let items = (0..<5_000).map { TemplateValue.text("item-\($0)<") }
        var expected = ""
        for index in 0..<5_000 { expected += "item-\(index)&lt;," }
        #expect(try render("{{#items}}{{.}},{{/items}}", .object(["items": .list(items)])) == expected)
    }
}
