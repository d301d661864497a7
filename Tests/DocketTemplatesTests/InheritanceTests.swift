import Testing

@testable import DocketTemplates

/// Template inheritance: `{{<parent}}…{{/parent}}` renders the parent with the blocks `{{$name}}…{{/name}}`
/// given inside it replacing the parent's own; as the portal's pages extend `layout`.
@Suite struct InheritanceTests {
    @Test("a block shows its own content when nothing replaces it; data never replaces a block")
    func defaults() throws {
        #expect(try render("{{$title}}Default title{{/title}}\n") == "Default title\n")
        #expect(
            try render("{{$foo}}default {{bar}} content{{/foo}}\n", .object(["bar": .text("baz")]))
                == "default baz content\n")
        #expect(
            try render("{{$var}}var in template{{/var}}", .object(["var": .text("var in data")])) == "var in template")
    }

    @Test("a child's blocks replace the parent's; text and tags between them are ignored")
    func overrides() throws {
        let parent = "<title>{{$title}}Default title{{/title}}</title>"
        #expect(
            try render("{{<super}}{{$title}}sub template title{{/title}}{{/super}}", partials: ["super": parent])
                == "<title>sub template title</title>")
        #expect(
            try render(
                "test {{<parent}}{{$stuff}}override{{/stuff}}{{/parent}}",
                partials: ["parent": "{{$stuff}}...{{/stuff}}"])
                == "test override")
        #expect(
            try render(
                "{{<parent}} asdfasd {{$foo}}hmm{{/foo}} asdfasd {{x}}{{/parent}}", .object(["x": .text("X")]),
                partials: ["parent": "{{$foo}}default content{{/foo}}"]) == "hmm")
        #expect(
            try render("{{<parent}}{{/parent}}", partials: ["parent": "{{$foo}}default content{{/foo}}"])
                == "default content")
        // A block the parent uses twice is replaced at both places.
        #expect(
            try render("{{<parent}}{{$b}}X{{/b}}{{/parent}}", partials: ["parent": "{{$b}}1{{/b}}-{{$b}}2{{/b}}"])
                == "X-X")
    }

    @Test("the grandchild's blocks win over the child's, which win over the parent's")
    func multipleLevels() throws {
        let layout = "<title>{{$title}}Default{{/title}}</title>|{{$content}}{{/content}}"
        let middle = "{{<layout}}{{$title}}Middle{{/title}}{{$content}}middle content{{/content}}{{/layout}}"
        #expect(
            try render(
                "{{<middle}}{{$title}}Child{{/title}}{{/middle}}", partials: ["layout": layout, "middle": middle])
                == "<title>Child</title>|middle content")
    }

    @Test("a replaced block's values are looked up where the parent shows the block")
    func blockScope() throws {
        let value = TemplateValue.object(["fruit": .text("apples"), "nested": .object(["fruit": .text("bananas")])])
        #expect(
            try render(
                "{{<parent}}{{$block}}I say {{fruit}}.{{/block}}{{/parent}}", value,
                partials: ["parent": "{{#nested}}{{$block}}You say {{fruit}}.{{/block}}{{/nested}}"])
                == "I say bananas.")
    }

    @Test("as the portal's pages use layout: standalone parent, block and closing lines leave no blank line")
    func layoutLikePages() throws {
        let layout = """
            <title>{{$title}}Default{{/title}}</title>
            <body class="{{$bodyClass}}page{{/bodyClass}}">
            {{$content}}{{/content}}
            </body>

            """
        let page = """
            {{<layout}}
            {{$title}}{{title}}{{/title}}
            {{$content}}
            <h1>{{title}}</h1>
            {{/content}}
            {{/layout}}

            """
        #expect(
            try render(page, .object(["title": .text("Hello & bye")]), partials: ["layout": layout])
                == "<title>Hello &amp; bye</title>\n<body class=\"page\">\n<h1>Hello &amp; bye</h1>\n\n</body>\n")
    }

    @Test("a parent tag alone on its line indents the parent's lines; sharing its line, it indents nothing")
    func standaloneParent() throws {
        #expect(
            try render("Hi,\n  {{<parent}}\n  {{/parent}}\n", partials: ["parent": "one\ntwo\n"])
                == "Hi,\n  one\n  two\n")
        // Unlike the specification, a parent and its end on one line are not one standalone tag.
        #expect(
            try render("Hi,\n  {{<parent}}{{/parent}}\n", partials: ["parent": "one\ntwo\n"]) == "Hi,\n  one\ntwo\n\n")
    }
}
