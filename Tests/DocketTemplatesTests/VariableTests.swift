import Foundation
import Testing

@testable import DocketTemplates

/// `{{name}}`, `{{{name}}}`, `{{&name}}`, dotted names and `{{.}}` (the specification's interpolation rules).
@Suite struct VariableTests {
    @Test("text without tags is left as it is")
    func noTags() throws {
        #expect(try render("Hello from {Mustache}!\n") == "Hello from {Mustache}!\n")
    }

    @Test func aNameIsReplacedByItsValue() throws {
        #expect(try render("Hello, {{subject}}!\n", .object(["subject": .text("world")])) == "Hello, world!\n")
    }

    @Test("{{name}} escapes each of & < > \" and '")
    func escaping() throws {
        #expect(try render("{{x}}", .object(["x": .text("&")])) == "&amp;")
        #expect(try render("{{x}}", .object(["x": .text("<")])) == "&lt;")
        #expect(try render("{{x}}", .object(["x": .text(">")])) == "&gt;")
        #expect(try render("{{x}}", .object(["x": .text("\"")])) == "&quot;")
        #expect(try render("{{x}}", .object(["x": .text("'")])) == "&#39;")
        let value = TemplateValue.object(["forbidden": .text("& \" < > '")])
        #expect(
            try render("These characters should be HTML escaped: {{forbidden}}\n", value)
                == "These characters should be HTML escaped: &amp; &quot; &lt; &gt; &#39;\n")
        // Every other ASCII character, and text beyond ASCII, is left as it is.
        let plain = String(decoding: (32...126).map { UInt8($0) }.filter { !"\"&'<>".utf8.contains($0) }, as: UTF8.self)
        #expect(try render("{{x}}", .object(["x": .text(plain + "\n\t café ☕")])) == plain + "\n\t café ☕")
    }

    @Test("{{{name}}} and {{&name}} insert the value unescaped")
    func unescaped() throws {
        let value = TemplateValue.object(["forbidden": .text("& \" < > '")])
        #expect(try render("{{{forbidden}}}", value) == "& \" < > '")
        #expect(try render("{{&forbidden}}", value) == "& \" < > '")
    }

    @Test("spaces inside the braces are allowed")
    func padding() throws {
        let value = TemplateValue.object(["string": .text("---")])
        #expect(try render("|{{ string }}|", value) == "|---|")
        #expect(try render("|{{{ string }}}|", value) == "|---|")
        #expect(try render("|{{& string }}|", value) == "|---|")
    }

    @Test("numbers print in decimal, flags as true or false; lists, groups and missing names print nothing")
    func otherValues() throws {
        for (number, text) in [
            (0, "0"), (85, "85"), (-805, "-805"), (1_234_567_890, "1234567890"),
            (Int.max, "9223372036854775807"), (Int.min, "-9223372036854775808"),
        ] {
            #expect(try render("{{n}}", .object(["n": .number(number)])) == text)
        }
        let value = TemplateValue.object([
            "yes": .flag(true), "no": .flag(false), "list": .list([.text("a")]), "group": .object(["a": .text("A")]),
        ])
        #expect(try render("[{{yes}}][{{no}}][{{list}}][{{group}}][{{cannot}}]", value) == "[true][false][][][]")
        #expect(try render("I ({{cannot}}) be seen!") == "I () be seen!")
    }

    @Test("a dotted name looks up its first part outwards, then each next part inside the one before")
    func dottedNames() throws {
        let value = TemplateValue.object([
            "person": .object(["name": .text("Joe")]),
            "a": .object(["b": .object(["c": .object(["d": .object(["e": .object(["name": .text("Phil")])])])])]),
            "c": .text("ERROR"),
        ])
        #expect(try render("\"{{person.name}}\" == \"{{#person}}{{name}}{{/person}}\"", value) == "\"Joe\" == \"Joe\"")
        #expect(try render("{{a.b.c.d.e.name}}", value) == "Phil")
        #expect(try render("{{{person.name}}}|{{&person.name}}", value) == "Joe|Joe")
        // Broken chains: a missing part gives nothing, and later parts are not looked up outwards.
        #expect(try render("[{{a.b.x}}][{{a.b.c}}][{{person.name.first}}][{{missing.name}}]", value) == "[][][][]")
        #expect(try render("[{{a.c}}]", value) == "[]")
        // The first part is found in the innermost context that has it.
        let precedence = TemplateValue.object(["a": .object(["b": .object([:])]), "b": .object(["c": .text("ERROR")])])
        #expect(try render("{{#a}}[{{b.c}}]{{/a}}", precedence) == "[]")
    }

    @Test("{{.}} is the current value")
    func implicitIterator() throws {
        #expect(try render("Hello, {{.}}!", .text("world")) == "Hello, world!")
        #expect(
            try render("{{#list}}({{.}}){{/list}}", .object(["list": .list([.text("a"), .text("<b>")])]))
                == "(a)(&lt;b&gt;)")
        #expect(try render("{{#list}}({{{.}}}){{/list}}", .object(["list": .list([.text("<b>")])])) == "(<b>)")
        #expect(
            try render("{{#list}}({{.}}){{/list}}", .object(["list": .list([.number(1), .number(2)])])) == "(1)(2)")
    }

    @Test("a field with no value (nil) is looked up further out, unlike the specification's null")
    func nilFieldsLookOutward() throws {
        let inner = TemplateValue.object(TemplateObject([("x", nil), ("y", .text("inner y"))]))
        let outer = TemplateValue.object(TemplateObject([("x", .text("outer x")), ("inner", inner)]))
        #expect(try render("{{#inner}}{{x}}|{{y}}{{/inner}}", outer) == "outer x|inner y")
        // In `a.b`, `b` is looked up in `a` only.
        #expect(try render("[{{inner.x}}]{{^inner.x}}none{{/inner.x}}", outer) == "[]none")
    }

    @Test("variables are never standalone: the whitespace around them stays")
    func whitespaceAroundVariables() throws {
        let value = TemplateValue.object(["string": .text("---")])
        #expect(try render("| {{string}} |", value) == "| --- |")
        #expect(try render("  {{string}}\n", value) == "  ---\n")
        #expect(try render("  {{{string}}}\n", value) == "  ---\n")
        #expect(try render("  {{&string}}\n", value) == "  ---\n")
    }

    @Test("escaping eight bytes at a time: random texts of every length escape as character by character")
    func escapingMatchesTheRule() throws {
        var random = SeededRandom(state: 8)
        let pieces = [
            "a", "b", "&", "<", ">", "\"", "'", "é", "€", "😀", " ", "=", "?", "!", "#", "%", "(", ";", ":", "0",
        ]
        for length in 0..<40 {
            for _ in 0..<25 {
                let text = (0..<length).map { _ in pieces.randomElement(using: &random)! }.joined()
                #expect(
                    try render("{{v}}", .object(["v": .text(text)])) == escapedByHand(text), "\(text.debugDescription)")
            }
        }
    }
}
