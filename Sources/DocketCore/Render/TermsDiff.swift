import Foundation

/// A readable comparison of two versions of the terms: block by block (headings, paragraphs, list items),
/// and word by word inside a changed block, with `<ins>` and `<del>` around what was added and removed and
/// the unchanged text kept for context.
enum TermsDiff {
    /// A block of the terms as plain text.
    struct Block: Sendable, Equatable {
        /// The HTML element to show it in: `h2`…`h6`, `p` or `li`.
        var element: String
        /// Its text.
        var text: String
    }

    /// How one block changed.
    enum Change: Sendable, Equatable {
        /// The same in both.
        case same(Block)
        /// Only in the new version.
        case added(Block)
        /// Only in the old version.
        case removed(Block)
        /// Changed: the words of the old and new text, compared.
        case changed(element: String, words: [WordChange])
    }

    /// A word kept, added or removed.
    enum WordChange: Sendable, Equatable {
        /// In both.
        case same(String)
        /// Only in the new text.
        case added(String)
        /// Only in the old text.
        case removed(String)
    }

    /// The blocks of a Markdown text, in reading order.
    static func blocks(_ markdown: String) -> [Block] {
        var result: [Block] = []
        func walk(_ blocks: [MarkdownBlock], inItem: Bool) {
            for block in blocks {
                switch block.kind {
                case .heading(let level):
                    result.append(Block(element: "h\(min(max(level + 1, 2), 6))", text: block.text))
                case .paragraph:
                    result.append(Block(element: inItem ? "li" : "p", text: block.text))
                case .list, .item, .other:
                    walk(block.children, inItem: block.kind == .item || (inItem && block.kind != .list))
                }
            }
        }
        walk(Markdown.blocks(markdown), inItem: false)
        return result.filter { !$0.text.trimmingWhitespace().isEmpty }
    }

    /// Compares two versions' Markdown.
    static func compare(old: String, new: String) -> [Change] {
        let before = blocks(old)
        let after = blocks(new)
        var changes: [Change] = []
        var removed: [Block] = []
        var added: [Block] = []
        func flush() {
            let pairs = min(removed.count, added.count)
            for index in 0..<pairs {
                if removed[index].element == added[index].element {
                    changes.append(
                        .changed(
                            element: added[index].element,
                            words: words(old: removed[index].text, new: added[index].text)))
                } else {
                    changes.append(.removed(removed[index]))
                    changes.append(.added(added[index]))
                }
            }
            changes += removed.dropFirst(pairs).map(Change.removed)
            changes += added.dropFirst(pairs).map(Change.added)
            removed = []
            added = []
        }
        for step in script(before, after) {
            switch step {
            case .same(let block):
                flush()
                changes.append(.same(block))
            case .removed(let block): removed.append(block)
            case .added(let block): added.append(block)
            }
        }
        flush()
        return changes
    }

    /// Word-by-word comparison of two texts.
    static func words(old: String, new: String) -> [WordChange] {
        let a = old.split(whereSeparator: \.isWhitespace).map(String.init)
        let b = new.split(whereSeparator: \.isWhitespace).map(String.init)
        return script(a, b).map { step in
            switch step {
            case .same(let word): return .same(word)
            case .added(let word): return .added(word)
            case .removed(let word): return .removed(word)
            }
        }
    }

    /// Whether anything differs.
    static func hasChanges(_ changes: [Change]) -> Bool {
        changes.contains { if case .same = $0 { return false } else { return true } }
    }

    /// The comparison as HTML: every word escaped, additions in `<ins>`, removals in `<del>`.
    static func html(_ changes: [Change]) -> String {
        var html = ""
        var inList = false
        func open(_ element: String, _ classes: String) {
            if element == "li", !inList {
                html += "<ul>\n"
                inList = true
            }
            if element != "li", inList {
                html += "</ul>\n"
                inList = false
            }
            html += "<\(element)\(classes.isEmpty ? "" : " class=\"\(classes)\"")>"
        }
        for change in changes {
            switch change {
            case .same(let block):
                open(block.element, "")
                html += HTML.escape(block.text) + "</\(block.element)>\n"
            case .added(let block):
                open(block.element, "added")
                html += "<ins>" + HTML.escape(block.text) + "</ins></\(block.element)>\n"
            case .removed(let block):
                open(block.element, "removed")
                html += "<del>" + HTML.escape(block.text) + "</del></\(block.element)>\n"
            case .changed(let element, let words):
                open(element, "changed")
                html += wordsHTML(words) + "</\(element)>\n"
            }
        }
        if inList { html += "</ul>\n" }
        return html
    }

    /// Words as HTML, with runs of added or removed words grouped in one `<ins>` or `<del>`.
    static func wordsHTML(_ words: [WordChange]) -> String {
        var parts: [String] = []
        var index = 0
        while index < words.count {
            switch words[index] {
            case .same(let word):
                parts.append(HTML.escape(word))
                index += 1
            case .removed:
                var run: [String] = []
                while index < words.count, case .removed(let word) = words[index] {
                    run.append(word)
                    index += 1
                }
                parts.append("<del>" + HTML.escape(run.joined(separator: " ")) + "</del>")
            case .added:
                var run: [String] = []
                while index < words.count, case .added(let word) = words[index] {
                    run.append(word)
                    index += 1
                }
                parts.append("<ins>" + HTML.escape(run.joined(separator: " ")) + "</ins>")
            }
        }
        return parts.joined(separator: " ")
    }

    enum Step<T> {
        case same(T)
        case added(T)
        case removed(T)
    }

    /// A shortest edit script by longest common subsequence; removals come before additions in a change.
    static func script<T: Equatable>(_ a: [T], _ b: [T]) -> [Step<T>] {
        let n = a.count
        let m = b.count
        var table = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        if n > 0, m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                }
            }
        }
        var steps: [Step<T>] = []
        var i = 0
        var j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                steps.append(.same(a[i]))
                i += 1
                j += 1
            } else if i < n, j == m || table[i + 1][j] >= table[i][j + 1] {
                steps.append(.removed(a[i]))
                i += 1
            } else {
                steps.append(.added(b[j]))
                j += 1
            }
        }
        return steps
    }
}
