import Testing

@testable import DocketTemplates

/// Comments `{{! … }}` and delimiter changes `{{=<% %>=}}`.
@Suite struct CommentAndDelimiterTests {
    @Test("a comment prints nothing, whatever it holds and however many lines it takes")
    func comments() throws {
        #expect(try render("12345{{! Comment Block! }}67890") == "1234567890")
        #expect(try render("12345{{!\n  This is a\n  multi-line comment...\n}}67890\n") == "1234567890\n")
        #expect(try render("12345 {{! Comment Block! }} 67890") == "12345  67890")
        // A comment ends at the first `}}`: an opening `{{` inside it is part of the comment.
        #expect(try render("[{{! {{name and }}]") == "[]")
        #expect(try render("[{{! a }} b }}]") == "[ b }}]")
    }

    @Test("a comment alone on its lines takes them whole")
    func standaloneComments() throws {
        #expect(try render("Begin.\n{{! Comment Block! }}\nEnd.\n") == "Begin.\nEnd.\n")
        #expect(try render("Begin.\n  {{! Indented Comment Block! }}\nEnd.\n") == "Begin.\nEnd.\n")
        #expect(try render("Begin.\n{{!\nSomething's going on here\n}}\nEnd.\n") == "Begin.\nEnd.\n")
        #expect(try render("Begin.\n  {{!\n    Something's going on here\n  }}\nEnd.\n") == "Begin.\nEnd.\n")
    }

    @Test("new delimiters replace {{ }} for the rest of the template, until changed again")
    func delimiters() throws {
        let value = TemplateValue.object(["text": .text("Hey!"), "b": .text("<B>"), "section": .flag(true)])
        #expect(try render("{{=<% %>=}}(<%text%>)", value) == "(Hey!)")
        #expect(try render("({{=[ ]=}}[text])", value) == "(Hey!)")
        #expect(try render("{{=<% %>=}}<% text %> {{text}} <%={{ }}=%>{{b}}", value) == "Hey! {{text}} &lt;B&gt;")
        #expect(try render("{{=| |=}}|#section|[|&b|]|/section|", value) == "[<B>]")
        #expect(try render("|{{= @   @ =}}|", value) == "||")
    }

    @Test("a delimiter change alone on its line takes it whole")
    func standaloneDelimiters() throws {
        #expect(try render("Begin.\n{{=@ @=}}\nEnd.\n") == "Begin.\nEnd.\n")
        #expect(try render("Begin.\n  {{=@ @=}}\nEnd.\n") == "Begin.\nEnd.\n")
        #expect(try render("|\r\n{{= @ @ =}}\r\n|") == "|\r\n|")
        #expect(try render("  {{=@ @=}}\n=") == "=")
    }
}
