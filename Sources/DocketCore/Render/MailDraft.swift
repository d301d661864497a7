import Foundation

/// An email ready to send: the address, the subject and the body, as a `mailto:` link (RFC 6068) or an
/// `.eml` draft (RFC 5322). The body is made of parts, some of which may be shortened to keep a link short
/// enough for every mail program (`mailtoLimit`); a link or a figure is never shortened.
struct MailDraft: Sendable, Equatable {
    /// A part of the body.
    enum Part: Sendable, Equatable {
        /// Text kept whole: greetings, figures, links.
        case kept(String)
        /// Text that may be cut short (with `…`) when the link would be too long: a quoted description.
        case shortenable(String)

        /// The part's text.
        var text: String {
            switch self {
            case .kept(let text), .shortenable(let text): return text
            }
        }
    }

    /// The longest `mailto:` link made, in characters: some mail programs and browsers refuse longer ones.
    static let mailtoLimit = 2000

    /// The longest subject kept, in characters, before any link-length shortening.
    static let subjectLimit = 150

    /// The recipient's address.
    var to: String
    /// The subject line, one line.
    var subject: String
    /// The body, part by part, concatenated as written.
    var parts: [Part]

    /// A draft; the subject is made one line (line breaks and other control characters become spaces) and
    /// cut to `subjectLimit` characters.
    init(to: String, subject: String, parts: [Part]) {
        self.to = Self.address(to)
        self.subject = Self.shortened(Self.oneLine(subject), to: Self.subjectLimit)
        self.parts = parts
    }

    /// The whole body, with `\n` line ends.
    var body: String { parts.map(\.text).joined() }

    /// An address with every control character, space, `<`, `>`, `,`, `;` and `"` removed: it can end no
    /// header line nor add another address.
    static func address(_ text: String) -> String {
        let removed: Set<UInt8> = [
            0x20, 0x7F, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\""),
        ]
        guard text.utf8.contains(where: { $0 < 0x20 || removed.contains($0) }) else { return text }
        return String(
            text.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F && !"<>,;\"".unicodeScalars.contains($0) }
                .map(Character.init))
    }

    /// Text on one line: each control character (CR, LF, tab…) becomes a space, runs of spaces are kept.
    static func oneLine(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return text }
        return String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : Character($0) })
    }

    /// `text` cut to at most `count` characters, ending with `…` when cut.
    static func shortened(_ text: String, to count: Int) -> String {
        guard text.count > count else { return text }
        guard count > 0 else { return "" }
        return String(text.prefix(count - 1)).trimmingWhitespace() + "…"
    }

    // MARK: - mailto

    /// The `mailto:` link: the address, subject and body percent-encoded (so that no text can add a header
    /// or end the link), at most `limit` characters long when shortening the subject and the shortenable
    /// parts can make it so.
    func mailto(limit: Int = MailDraft.mailtoLimit) -> String {
        var draft = self
        var link = draft.link
        // Each pass cuts the longest shortenable text (the subject counts as one) by what is too much.
        var passes = 0
        while link.utf8.count > limit, passes < 64 {
            passes += 1
            let excess = link.utf8.count - limit
            var longest: (index: Int?, encoded: Int) = (nil, HTML.percentEncode(draft.subject).utf8.count)
            for (index, part) in draft.parts.enumerated() {
                guard case .shortenable(let text) = part else { continue }
                let encoded = HTML.percentEncode(text).utf8.count
                if encoded > longest.encoded { longest = (index, encoded) }
            }
            guard longest.encoded > 0 else { break }
            let text = longest.index.map { draft.parts[$0].text } ?? draft.subject
            let cut = Self.cut(text, toEncoded: max(0, longest.encoded - excess))
            if let index = longest.index { draft.parts[index] = .shortenable(cut) } else { draft.subject = cut }
            link = draft.link
        }
        return link
    }

    /// The link as the draft stands.
    private var link: String {
        HTML.mailto(to) + "?subject=\(HTML.percentEncode(subject))&body=\(HTML.percentEncode(body))"
    }

    /// The longest start of `text` (with `…` when cut) whose percent-encoding is at most `encoded` long.
    static func cut(_ text: String, toEncoded encoded: Int) -> String {
        let characters = Array(text)
        var low = 0
        var high = characters.count
        func candidate(_ count: Int) -> String {
            count == characters.count ? text : count == 0 ? "" : String(characters[..<count]) + "…"
        }
        while low < high {
            let middle = (low + high + 1) / 2
            if HTML.percentEncode(candidate(middle)).utf8.count <= encoded { low = middle } else { high = middle - 1 }
        }
        return candidate(low)
    }
}
