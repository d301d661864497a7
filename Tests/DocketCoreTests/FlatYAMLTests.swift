import Foundation
import Testing
import Yams

@testable import DocketCore

/// The fast reader for flat front matter gives exactly what Yams gives, positions included, or declines.
@Suite struct FlatYAMLTests {
    /// What Yams composes, converted.
    func yams(_ yaml: String) -> YAMLNode? {
        (try? Yams.compose(yaml: yaml, .basic, .default, .utf8)).flatMap { $0.map(YAMLNode.init) }
    }

    /// Both nodes hold the same values in the same places.
    func same(_ a: YAMLNode, _ b: YAMLNode) -> Bool {
        guard a.mark?.line == b.mark?.line, a.mark?.column == b.mark?.column else { return false }
        switch (a.content, b.content) {
        case (.scalar(let x), .scalar(let y)):
            return x == y
        case (.sequence(let x), .sequence(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case (.mapping(let x), .mapping(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { same($0.key, $1.key) && same($0.value, $1.value) }
        default:
            return false
        }
    }

    /// Checks one text: when the fast reader accepts it, Yams must read the same.
    @discardableResult
    func check(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        guard let fast = FlatYAML.parse(yaml) else { return false }
        guard let slow = yams(yaml) else {
            Issue.record("the fast reader accepted what Yams rejects: \(yaml)", sourceLocation: sourceLocation)
            return true
        }
        #expect(same(fast, slow), "different nodes for: \(yaml)", sourceLocation: sourceLocation)
        return true
    }

    @Test("the forms Docket's files use are read, exactly as Yams reads them")
    func accepted() {
        let texts = [
            "number: INV-0001\nissued: 2026-11-02\nperiod: 2026-10\nstatus: sent",
            "name: Café Lumière – Ltd\nrate: £30.00\nemail: a@b.example\n",
            "payments:\n  - { date: 2026-11-13, amount: 100.00 }\n  - {date: 2026-11-20,amount: 5}\nstatus: paid",
            "retainer:\n  hours: 10\n  rollover: none\n\nrate: 30\n\n\n",
            "extra:\n    - Printing\n    - Postage, second class\nnote: 12:30 call; C# code",
            "core_hours: Mon-Fri 09:00-17:30\nname: O'Brien & Sons\ntitle: 50% off!",
            "a:   spaced value   \nb: -5.00\nc: x-1",
            "retainer:\n  hours: 10\n  terms:\n    - { from: 2026-01-01, hours: 12 }\nname: Deep",
            "address: \"1 Demo Street\\nYork YO1 1AA\"\nshort: 'it''s' \nslash: \"a\\/b \\\"q\\\" \\\\ \\t\"",
            "bank: { name: Demo VA, sort_code: \"11-22-33\", account: '12345678' }",
            "late: \"Interest at 8% # over base: rate\"\ncore_hours: \"Mon-Fri 09:30-16:30\"",
            "list:\n  - {  a:  1  ,  b: two words  }",
            "key: value ~\nnull_word: null\ntilde: ~",
            "total: 612.50  # as sent: fee 1 month 550.00; work 16.25 h 487.50\nstatus: sent # sent on the 3rd",
            "name: A # comment", "a: 'q' # c", "a: \"d\"   #: x # y", "list:\n  - one # first\n  - 'two' #",
            "retainer:\n  hours: 10  # a month\n  fee: 550.00 #\nb: C#  # a language",
        ]
        for text in texts {
            #expect(check(text), "declined: \(text)")
        }
    }

    @Test("anything outside the simple forms is left to Yams")
    func declined() {
        let texts = [
            "", "\n\n", "# comment\nname: A", "name: # comment", "name: # comment\n  a: 1", "a: 'q'# c",
            "a: { b: 1 } # c", "a:\n  # c\n  b: 1",
            "name: |\n  block", "name: >\n  folded", "name: &anchor A\nother: *anchor", "name: !tag A",
            "name:\tA", "name: A\n  continued", "name:\nrate: 3", "name: A\nname: B",
            "payments:\n  - { date: 2026-11-13, amount: { nested: 1 } }", "payments:\n  - [1, 2]",
            "payments:\n  - { a: 1, }", "payments:\n  - { a: 1\n    , b: 2 }", "payments:\n  - date: 2026-11-13",
            "  indented: top", "a.b: 1", "a: [1, 2]", "a: -", "a: - b", "a: ? b", "a: @b", "a: %b", "a: `b`",
            "a: b: c", "a: value:", "a: {}", "a: { b: c: d }", "a: { b: c } trailing",
            "a: x\u{85}y", "a: x\u{2028}y", "a: x\u{FEFF}y", "a: x\u{7F}y", "a: x\u{9F}y",
            "a:\n  b: 1\n c: 2", "list:\n- { a: 1 }", "a: \"x\\u0041\"", "a: \"x\\\ny\"", "a: \"open",
            "a: 'x' y", "a: { b: \"c\" d }", "a: \"multi\n  line\"", "a:\n  - 1\n   - 2", "a:\n    b: 1\n  c: 2",
            "---\na: 1", "...",
        ]
        for text in texts {
            #expect(!check(text), "accepted: \(text.debugDescription)")
        }
    }

    @Test("random texts built from YAML's awkward pieces: whatever the fast reader accepts, Yams reads the same")
    func randomTexts() {
        var random = SeededGenerator(state: 2026)
        func pick(_ choices: [String]) -> String { choices.randomElement(using: &random)! }
        func often(_ usual: [String], _ odd: [String]) -> String {
            Int.random(in: 0..<10, using: &random) < 8 ? pick(usual) : pick(odd)
        }
        let keys = ["a", "name", "due_date", "x-1", "2026", "rate"]
        let oddKeys = ["é", "a b", "-a", "a.b", "? a", "'k'", "#k", "a:b"]
        let separators = [": ", ": ", ":  "]
        let oddSeparators = [":", " : ", ":\t", ": \n  ", ":\n"]
        let values = [
            "1", "-1", "10.50", "£30", "12:30", "a:b", "C#", "~", "null", "'q'", "'it''s'", "\"d\\nq\"",
            "{ b: 1 }", "{b: 1, c: 'x'}", "x  y", "x ", "Mon-Fri 09:00-17:00", "{ b: c d }", "Café", "ü ö",
        ]
        let oddValues = [
            "- 1", "a: b", "a #b", "1  # one", "'q' # c: d", "\"d\" #", "# c", "'q'#c", "{ b: 1 } # c", "#x", "",
            "\"\\x41\"", "\"open", "{ b: 1, }", "{ b: { c: 1 } }",
            "[1]", "&a x", "*a", "!t x", "|", ">", "%x", "@x", "`x`", "{ b: \"c, d\" }",
            "x\u{2028}y", "ü: ö", "{ b: 'c' } x", "'a' b", "\"a\" b",
        ]
        let indents = ["  ", "  ", "    "]
        let oddIndents = ["", " ", "   ", "\t"]
        var accepted = 0
        for _ in 0..<3_000 {
            var lines: [String] = []
            for _ in 0..<Int.random(in: 1...5, using: &random) {
                let key = often(keys, oddKeys)
                switch Int.random(in: 0..<10, using: &random) {
                case 0..<6:
                    lines.append(key + often(separators, oddSeparators) + often(values, oddValues))
                case 6..<8:
                    lines.append(key + ":")
                    let indent = often(indents, oddIndents)
                    for _ in 0..<Int.random(in: 1...3, using: &random) {
                        lines.append(
                            indent + often(keys, oddKeys) + often(separators, oddSeparators) + often(values, oddValues))
                    }
                default:
                    lines.append(key + ":")
                    let indent = often(indents, oddIndents)
                    for _ in 0..<Int.random(in: 1...3, using: &random) {
                        lines.append(indent + often(["- "], ["-", "-  ", "- - "]) + often(values, oddValues))
                    }
                }
                if Int.random(in: 0..<8, using: &random) == 0 { lines.append(pick(["", "  "])) }
            }
            if check(lines.joined(separator: "\n")) { accepted += 1 }
        }
        // Enough of them are accepted for the comparison to mean something.
        #expect(accepted > 150)
    }

    @Test("every front matter of a generated site is read by the fast reader, as Yams reads it")
    func demoSite() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("docket-yaml-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try DemoGenerator(clients: 8, months: 6, seed: 3, lastMonth: YearMonth(iso: "2026-10")!).write(to: root)
        var files = 0
        var accepted = 0
        for case let url as URL in FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
        where url.pathExtension == "md" {
            var diagnostics = Diagnostics()
            let file = SourceFile(path: url.lastPathComponent, text: try String(contentsOf: url, encoding: .utf8))
            guard let yaml = FrontMatter.split(file, diagnostics: &diagnostics).yaml else { continue }
            files += 1
            if check(yaml) { accepted += 1 }
        }
        #expect(files > 50)
        #expect(accepted == files)
    }
}
