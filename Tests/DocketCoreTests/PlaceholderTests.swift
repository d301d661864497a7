import Foundation
import Testing

@testable import DocketCore

/// Placeholders (`FILL IN: …`) left in content: each one error at its place, never published.
@Suite("Placeholders")
struct PlaceholderTests {
    @Test("a placeholder in a typed field is one error at its value, with no type error beside it")
    func oneErrorPerPlaceholder() {
        var diagnostics = Diagnostics()
        let file = source(
            "---\nname: Acme\ncontact: \"FILL IN: who\"\nemail: a@a.example\nrate: 'FILL IN: your rate'\nretainer: \"FILL IN\"\nstatus: FILL IN\n---\n",
            path: "content/clients/acme/client.md")
        let client = Client.parse(file, slug: "acme", business: testBusiness(), diagnostics: &diagnostics)
        #expect(client == nil)
        #expect(
            diagnostics.sorted.map(\.description) == [
                "content/clients/acme/client.md:3:10: error: still to fill in: `contact`, who (write yours in place of the FILL IN text)",
                "content/clients/acme/client.md:5:7: error: still to fill in: `rate`, your rate (write yours in place of the FILL IN text)",
                "content/clients/acme/client.md:6:11: error: still to fill in: `retainer` (write yours in place of the FILL IN text)",
                "content/clients/acme/client.md:7:9: error: still to fill in: `status` (write yours in place of the FILL IN text)",
            ])
    }

    @Test("only the capitals mark a placeholder", arguments: [("FILL IN: your name", "your name"), ("x FILL IN", "")])
    func hints(text: String, hint: String) {
        #expect(Placeholder.hint(in: text) == hint)
        #expect(Placeholder.hint(in: text.lowercased()) == nil)
    }

    @Test("a placeholder in a terms version's text is an error at its line and column")
    func inTermsBody() {
        var diagnostics = Diagnostics()
        let file = source(
            "---\nversion: 1\neffective: 2026-09-01\nstatus: proposed\n---\n## Services\n\nInbox, and FILL IN: the rest\n",
            path: "content/clients/acme/terms/1.md")
        _ = Terms.parse(file, currency: .gbp, diagnostics: &diagnostics)
        #expect(
            diagnostics.sorted.map(\.description) == [
                "content/clients/acme/terms/1.md:8:12: error: still to fill in: the rest (write yours in place of the FILL IN text)"
            ])
    }
}
