import Foundation
import Testing
@testable import DocketCore

/// Docket's Mustache implementation, case by case against the language's rules.
@Suite struct MustacheTests {
    func render(_ template: String, _ value: TemplateValue, partials: [String: String] = [:]) throws -> String {
        var templates = ["main": try MustacheTemplate(template)]
        for (name, text) in partials { templates[name] = try MustacheTemplate(text) }
        var renderer = MustacheRenderer(programs: templates.mapValues(\.program))
        renderer.render("main", value)
        return String(decoding: renderer.buffer.bytes, as: UTF8.self)
    }

    func syntaxError(_ template: String) -> MustacheSyntaxError? {
        do {
            _ = try MustacheTemplate(template)
            return nil
        } catch {
            return error
        }
    }

    @Test("pages larger than the first buffer grow it, and the bytes are handed over whole")
    func largeOutput() throws {
        let items = (0..<5_000).map { TemplateValue.text("item-\($0)<") }
        let expected = (0..<5_000).map { "item-\($0)&lt;," }.joined()
        #expect(try render("{{#items}}{{.}},{{/items}}", .object(["items": .list(items)])) == expected)
        let buffer = ByteBuffer(capacity: 1)
        for byte in "héllo".utf8 { buffer.append(byte) }
        Array(" wörld".utf8).withUnsafeBufferPointer { buffer.append($0) }
        #expect(String(decoding: buffer.takeData(), as: UTF8.self) == "héllo wörld")
        #expect(buffer.count == 0 && buffer.takeData().isEmpty)
    }

    @Test func variablesAreEscapedUnlessTripleOrAmpersand() throws {
        let value = TemplateValue.object(["name": .text("<b>Tom & \"Jerry\" 'x'</b>")])
        #expect(try render("Hi {{name}}!", value) == "Hi &lt;b&gt;Tom &amp; &quot;Jerry&quot; &#39;x&#39;&lt;/b&gt;!")
        #expect(try render("{{{name}}}", value) == "<b>Tom & \"Jerry\" 'x'</b>")
        #expect(try render("{{& name }}", value) == "<b>Tom & \"Jerry\" 'x'</b>")
        #expect(try render("{{ name }}", .object(["name": .text("café ☕")])) == "café ☕")
        // Numbers in decimal, whatever their size or sign.
        for number in [0, 7, 10, 99, 100, 1234567890, -1, -805, Int.max, Int.min] {
            #expect(try render("{{n}}", .object(["n": .number(number)])) == String(number))
        }
        // Escapes at either end, side by side, and every other ASCII byte left as it is.
        #expect(try render("{{a}}", .object(["a": .text("<&>")])) == "&lt;&amp;&gt;")
        let ascii = String(decoding: (32...126).map { UInt8($0) }.filter { !"\"&'<>".utf8.contains($0) }, as: UTF8.self)
        #expect(try render("{{a}}", .object(["a": .text(ascii + "\n\t")])) == ascii + "\n\t")
    }

    @Test func numbersFlagsAndMissingNames() throws {
        let value = TemplateValue.object(["n": .number(-42), "yes": .flag(true), "list": .list([.text("a")])])
        #expect(try render("[{{n}}][{{yes}}][{{missing}}][{{list}}][{{n.x}}]", value) == "[-42][true][][][]")
    }

    @Test func dottedNamesAndTheContextStack() throws {
        let value = TemplateValue.object([
            "page": .object(["title": .text("T"), "nav": .list([.object(["label": .text("A")]), .object(["label": .text("B")])])]),
            "label": .text("outer"),
            "only": .text("outer only"),
        ])
        #expect(try render("{{page.title}}", value) == "T")
        #expect(try render("{{#page.nav}}{{label}}/{{only}}/{{page.title}};{{/page.nav}}", value) == "A/outer only/T;B/outer only/T;")
        // `a.b` looks up `a` outwards, then `b` inside it only.
        #expect(try render("{{#page}}{{label}}|{{page.label}}{{/page}}", value) == "outer|")
    }

    @Test("a field with no value is looked for further out; a dotted name through one finds nothing")
    func missingFieldsLookOutward() throws {
        let inner = TemplateValue.object(TemplateObject([("x", nil), ("y", .text("inner y")), ("group", nil)]))
        let outer = TemplateValue.object(TemplateObject([("x", .text("outer x")), ("inner", inner),
                                                          ("group", .object(["z": .text("outer z")]))]))
        #expect(try render("{{#inner}}{{x}}|{{y}}|{{group.z}}{{/inner}}", outer) == "outer x|inner y|outer z")
        // In `a.b`, `b` is looked for in `a` only.
        #expect(try render("{{inner.group.z}}|{{inner.x}}|{{^inner.x}}none{{/inner.x}}", outer) == "||none")
    }

    @Test("escaping eight bytes at a time: random texts of every length escape as character by character")
    func escapingMatchesTheSimpleRule() throws {
        var random = SeededGenerator(state: 8)
        let pieces = ["a", "b", "&", "<", ">", "\"", "'", "é", "€", "😀", " ", "=", "?", "!", "#", "%", "(", ";", ":", "0"]
        for length in 0..<40 {
            for _ in 0..<25 {
                let text = (0..<length).map { _ in pieces.randomElement(using: &random)! }.joined()
                // Held to the project's character-by-character escaper.
                #expect(try render("{{v}}", .object(["v": .text(text)])) == HTML.escape(text), "\(text.debugDescription)")
            }
        }
    }

    @Test("values written into an arena read back the same; equal name lists share one table")
    func arenaRoundTrip() {
        let value = TemplateValue.object(TemplateObject([
            ("a", .text("é<\"")), ("b", .number(-3)), ("c", .flag(false)), ("d", nil),
            ("e", .list([.text("x"), .object(["f": .flag(true)]), .list([])])),
        ]))
        let arena = TemplateArena(slots: 1, textBytes: 1)  // grows as it fills
        let slot = value.slot(in: arena)
        #expect(arena.value(slot) == value)
        // Five fields, three list items and one field of the listed object; the empty list takes none.
        #expect(arena.slots.count == 9)
        #expect(TemplateNames(["p", "q"]).table == TemplateNames(["p", "q"]).table)
        #expect(TemplateNames(["p", "q"]).table != TemplateNames(["q", "p"]).table)
    }

    @Test func sectionsRepeatShowOrSkip() throws {
        let value = TemplateValue.object([
            "items": .list([.text("x"), .text("y")]), "empty": .list([]), "on": .flag(true), "off": .flag(false),
            "text": .text(""), "zero": .number(0), "group": .object(["a": .text("A")]),
        ])
        #expect(try render("{{#items}}<{{.}}>{{/items}}", value) == "<x><y>")
        #expect(try render("{{#empty}}never{{/empty}}{{^empty}}none{{/empty}}", value) == "none")
        #expect(try render("{{#on}}on{{/on}}{{^on}}!{{/on}}{{#off}}off{{/off}}{{^off}}not off{{/off}}", value) == "onnot off")
        #expect(try render("{{#missing}}m{{/missing}}{{^missing}}no m{{/missing}}", value) == "no m")
        // Any other value shows once, innermost: even empty text and zero.
        #expect(try render("{{#text}}[{{.}}]{{/text}}{{#zero}}({{.}}){{/zero}}{{^zero}}z{{/zero}}", value) == "[](0)")
        #expect(try render("{{#group}}{{a}}{{/group}}", value) == "A")
    }

    @Test func standaloneLinesAreRemoved() throws {
        let value = TemplateValue.object(["on": .flag(true), "items": .list([.text("a"), .text("b")])])
        let template = """
        <ul>
          {{#items}}
          <li>{{.}}</li>
          {{/items}}
          {{! a comment }}
        </ul>
        {{#on}}
        done
        {{/on}}
        """
        #expect(try render(template, value) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\ndone\n")
        // A tag sharing its line with text or another tag keeps the line.
        #expect(try render("  {{#on}}x{{/on}}\n", value) == "  x\n")
        #expect(try render("a\r\n{{#on}}\r\nb\r\n{{/on}}\r\n", value) == "a\r\nb\r\n")
    }

    @Test func partialsAndTheirIndentation() throws {
        let value = TemplateValue.object(["name": .text("N"), "lines": .text("1\n2")])
        #expect(try render("[{{> part}}]", value, partials: ["part": "<{{name}}>"]) == "[<N>]")
        // A standalone partial indents every line of the partial, not the lines of a value.
        #expect(try render("<div>\n  {{> part}}\n</div>\n", value, partials: ["part": "<p>\n{{name}}\n{{lines}}\n</p>\n"])
                == "<div>\n  <p>\n  N\n  1\n2\n  </p>\n</div>\n")
        // A missing partial renders nothing here; TemplateSet reports it as an error before any build.
        #expect(try render("[{{> nothing}}]", value) == "[]")
        // A partial that includes itself stops instead of running forever.
        let deep = try render("{{> loop}}", value, partials: ["loop": "x{{> loop}}"])
        #expect(deep == String(repeating: "x", count: MustacheRenderer.maximumDepth))
    }

    @Test func inheritanceReplacesBlocks() throws {
        let value = TemplateValue.object(["title": .text("Hello")])
        let layout = "<title>{{$title}}Default{{/title}}</title>\n<body class=\"{{$bodyClass}}page{{/bodyClass}}\">\n{{$content}}{{/content}}\n</body>\n"
        let page = "{{<layout}}\n{{$title}}{{title}}{{/title}}\n{{$content}}\n<h1>{{title}}</h1>\n{{/content}}\nignored\n{{/layout}}\n"
        #expect(try render(page, value, partials: ["layout": layout])
                == "<title>Hello</title>\n<body class=\"page\">\n<h1>Hello</h1>\n\n</body>\n")
        // A grandchild's blocks win over its parent's.
        let middle = "{{<layout}}{{$title}}Middle{{/title}}{{$content}}middle content{{/content}}{{/layout}}"
        let child = "{{<middle}}{{$title}}Child{{/title}}{{/middle}}"
        #expect(try render(child, value, partials: ["layout": layout, "middle": middle])
                == "<title>Child</title>\n<body class=\"page\">\nmiddle content\n</body>\n")
        // Without a parent, a block shows its default.
        #expect(try render("{{$title}}Default{{/title}}", value) == "Default")
    }

    @Test func delimitersCanBeChanged() throws {
        let value = TemplateValue.object(["a": .text("A"), "b": .text("<B>")])
        #expect(try render("{{=<% %>=}}<% a %> {{a}} <%={{ }}=%>{{b}}", value) == "A {{a}} &lt;B&gt;")
    }

    @Test func syntaxErrorsNameTheLineAndColumn() {
        #expect(syntaxError("line 1\n  {{#open}}\nbody\n") == MustacheSyntaxError(
            message: "`open` is never closed; expected {{/open}}", line: 2, column: 3))
        #expect(syntaxError("{{#a}}\n{{#b}}\n{{/a}}") == MustacheSyntaxError(
            message: "`b` (opened on line 2) must be closed before `a`", line: 3, column: 1))
        #expect(syntaxError("é {{/a}}") == MustacheSyntaxError(message: "`a` is closed but was never opened", line: 1, column: 3))
        #expect(syntaxError("x {{name") == MustacheSyntaxError(message: "unclosed tag; expected `}}`", line: 1, column: 3))
        #expect(syntaxError("{{a b}}") == MustacheSyntaxError(
            message: "`a b` is not a name; expected a name such as `clientName` or `page.title`", line: 1, column: 1))
        #expect(syntaxError("{{=<%>=}}")?.message == "a delimiter change needs two delimiters, such as {{=<% %>=}}")
        #expect(syntaxError("{{#}}{{/}}")?.message == "a section needs a name")
    }

    @Test func aTemplateNamingAMissingPartialIsAnErrorWhereItIsUsed() throws {
        let site = try TemporarySite(files: [:])
        defer { site.remove() }
        try site.write("templates/statement.mustache", "{{<layout}}{{$content}}\n  {{> rows}}\n{{/content}}{{/layout}}\n")
        var diagnostics = Diagnostics()
        #expect(TemplateSet.load(root: site.root, diagnostics: &diagnostics) == nil)
        #expect(diagnostics.all.map(\.description)
                == ["templates/statement.mustache:2:3: error: no template named `rows`; expected templates/rows.mustache"])
    }
}
