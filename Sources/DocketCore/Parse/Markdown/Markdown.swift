import CCmark
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A block of a Markdown document, converted from cmark's tree into plain Swift values.
///
/// cmark's pointers never leave this file: a document is parsed, walked once with `cmark_iter`, turned
/// into `MarkdownBlock` values and freed at once.
struct MarkdownBlock: Sendable, Equatable {
    /// What sort of block this is.
    enum Kind: Sendable, Equatable {
        /// `#`…`######` or a setext heading, with its level.
        case heading(level: Int)
        /// A paragraph.
        case paragraph
        /// A bullet or ordered list.
        case list
        /// One item of a list.
        case item
        /// Anything else (quote, code block, HTML block, thematic break).
        case other
    }

    /// The kind of block.
    var kind: Kind
    /// 1-based line where the block starts.
    var startLine: Int
    /// 1-based byte column where the block starts.
    var startColumn: Int
    /// 1-based line where the block ends.
    var endLine: Int
    /// The text of the block's inlines (headings and paragraphs), with line breaks as spaces.
    var text: String
    /// The block rendered to HTML by cmark with its safe default (raw HTML and unsafe links removed).
    ///
    /// Rendered only where a page can show it: top-level blocks other than lists and headings (a day's
    /// notes), and the blocks of a list item after its first (an entry's details). Elsewhere it is empty, as
    /// nothing shows it.
    var html: String
    /// Child blocks (list items of a list, blocks of an item).
    var children: [MarkdownBlock]
}

/// The project's only way into cmark: parse Markdown into blocks, or render it to HTML.
enum Markdown {
    /// cmark's safe default options. `CMARK_OPT_UNSAFE` is never set anywhere in Docket.
    static let options = CMARK_OPT_DEFAULT

    /// Renders a Markdown text to HTML with cmark's safe default.
    static func html(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard
            let document = bytes.withUnsafeBufferPointer({ buffer in
                buffer.baseAddress.map { pointer in
                    pointer.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                        cmark_parse_document($0, bytes.count, options)
                    }
                } ?? cmark_parse_document("", 0, options)
            })
        else { return "" }
        defer { cmark_node_free(document) }
        sanitize(document)
        return render(document)
    }

    /// Parses a Markdown text and returns the document's top-level blocks: read directly when the text is
    /// plain (`PlainBlocks`, the same blocks without cmark), by cmark otherwise.
    static func blocks(_ text: String) -> [MarkdownBlock] {
        PlainBlocks.blocks(text) ?? cmarkBlocks(text)
    }

    /// The document's top-level blocks, read by cmark.
    static func cmarkBlocks(_ text: String) -> [MarkdownBlock] {
        let bytes = Array(text.utf8)
        let parsed: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return cmark_parse_document("", 0, options) }
            return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                cmark_parse_document($0, bytes.count, options)
            }
        }
        guard let document = parsed else { return [] }
        defer { cmark_node_free(document) }
        sanitize(document)
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }

        // A stack of blocks being built; the document is the bottom entry.
        var stack: [MarkdownBlock] = [
            MarkdownBlock(
                kind: .other, startLine: 1, startColumn: 1, endLine: 1,
                text: "", html: "", children: [])
        ]
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_DOCUMENT { continue }
            if isBlock(type) {
                if event == CMARK_EVENT_ENTER {
                    stack.append(
                        MarkdownBlock(
                            kind: kind(of: type, node: node),
                            startLine: Int(cmark_node_get_start_line(node)),
                            startColumn: Int(cmark_node_get_start_column(node)),
                            endLine: Int(cmark_node_get_end_line(node)),
                            text: "", html: "", children: []))
                    // Leaf blocks with no children get no exit event.
                    if type == CMARK_NODE_THEMATIC_BREAK || type == CMARK_NODE_CODE_BLOCK
                        || type == CMARK_NODE_HTML_BLOCK
                    {
                        close(node, &stack)
                    }
                } else {
                    close(node, &stack)
                }
            } else if event == CMARK_EVENT_ENTER {
                switch type {
                case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
                    if let literal = cmark_node_get_literal(node) {
                        if stack[stack.count - 1].text.isEmpty {
                            stack[stack.count - 1].text = String(cString: literal)
                        } else {
                            stack[stack.count - 1].text += String(cString: literal)
                        }
                    }
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                    stack[stack.count - 1].text += " "
                default:
                    break
                }
            }
        }
        return stack.first?.children ?? []
    }

    /// Whether a link target may stay: `https:`, `http:`, `mailto:` or a relative path.
    static func isAllowedLink(_ url: String) -> Bool {
        let lower = url.trimmingWhitespace().lowercased()
        if lower.hasPrefix("https:") || lower.hasPrefix("http:") || lower.hasPrefix("mailto:") { return true }
        return isRelative(lower)
    }

    /// Whether an image source may stay: relative paths only (a remote image would tell its host that the
    /// page was opened, and from where).
    static func isAllowedImage(_ url: String) -> Bool {
        isRelative(url.trimmingWhitespace().lowercased())
    }

    /// A relative reference: no scheme before the first `/`, `?` or `#`, and not protocol-relative (`//host`).
    static func isRelative(_ url: String) -> Bool {
        // Browsers read `\` as `/` and ignore tabs and newlines in URLs.
        let normalized = url.replacingOccurrences(of: "\\", with: "/").filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
        if normalized.hasPrefix("//") || normalized.hasPrefix("/\\") { return false }
        let head = normalized.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return !head.contains(":")
    }

    /// Walks the tree before rendering: a link with a target other than `https:`, `http:`, `mailto:` or
    /// relative becomes its text; a remote image becomes its description. cmark's safe default already
    /// removes raw HTML and `javascript:` links; this narrows what is left.
    static func sanitize(_ document: OpaquePointer) {
        guard let iterator = cmark_iter_new(document) else { return }
        var rejected: [OpaquePointer] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE else { continue }
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            let allowed = type == CMARK_NODE_LINK ? isAllowedLink(url) : isAllowedImage(url)
            if !allowed { rejected.append(node) }
        }
        cmark_iter_free(iterator)
        // Replace each rejected node by its children (the link text or image description), innermost last.
        for node in rejected.reversed() {
            while let child = cmark_node_first_child(node) {
                cmark_node_unlink(child)
                cmark_node_insert_before(node, child)
            }
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    private static func isBlock(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_ITEM, CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK,
            CMARK_NODE_CUSTOM_BLOCK, CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_THEMATIC_BREAK:
            return true
        default:
            return false
        }
    }

    private static func kind(of type: cmark_node_type, node: OpaquePointer) -> MarkdownBlock.Kind {
        switch type {
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_LIST: return .list
        case CMARK_NODE_ITEM: return .item
        default: return .other
        }
    }

    /// Ends the innermost block and adds it to its parent, with its HTML where a page can show it.
    private static func close(_ node: OpaquePointer, _ stack: inout [MarkdownBlock]) {
        var block = stack.removeLast()
        let topLevel = stack.count == 1
        let afterFirstInItem = stack[stack.count - 1].kind == .item && !stack[stack.count - 1].children.isEmpty
        switch block.kind {
        case .list, .heading:
            if !topLevel && afterFirstInItem { block.html = render(node) }
        default:
            if topLevel || afterFirstInItem { block.html = render(node) }
        }
        stack[stack.count - 1].children.append(block)
    }

    private static func render(_ node: OpaquePointer) -> String {
        guard let html = cmark_render_html(node, options) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }
}
