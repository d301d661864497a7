import Foundation

@testable import DocketCore

/// A JSON value as a tree, and its text: the reference implementation that Docket's streaming `JSONWriter` is
/// held to. Written plainly, with `String`s and one Unicode scalar at a time, sharing no code with the writer.
enum JSONValue: Equatable {
    /// An object with keys in the order given.
    case object([(String, JSONValue)])
    /// An array.
    case array([JSONValue])
    /// A string.
    case string(String)
    /// A whole number.
    case int(Int)
    /// A decimal number written exactly as this text.
    case decimal(String)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized(.compact) == rhs.serialized(.compact)
    }

    /// The value as JSON text: indented (two spaces per level, one item per line, `"key": value`) or compact.
    func serialized(_ layout: JSONWriter.Layout = .indented) -> String {
        text(level: 0, indented: layout == .indented)
    }

    /// The indented text and a final newline, as UTF-8: a whole `data.json`.
    func serializedData() -> Data {
        Data((serialized(.indented) + "\n").utf8)
    }

    private func text(level: Int, indented: Bool) -> String {
        func lineBreak(_ level: Int) -> String {
            indented ? "\n" + String(repeating: " ", count: level * 2) : ""
        }
        switch self {
        case .object(let pairs):
            if pairs.isEmpty { return "{}" }
            let members = pairs.map { key, value in
                lineBreak(level + 1) + Self.quote(key) + (indented ? ": " : ":")
                    + value.text(level: level + 1, indented: indented)
            }
            return "{" + members.joined(separator: ",") + lineBreak(level) + "}"
        case .array(let values):
            if values.isEmpty { return "[]" }
            let items = values.map { lineBreak(level + 1) + $0.text(level: level + 1, indented: indented) }
            return "[" + items.joined(separator: ",") + lineBreak(level) + "]"
        case .string(let text): return Self.quote(text)
        case .int(let value): return String(value)
        case .decimal(let text): return text
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        }
    }

    /// A JSON string literal as Docket writes it: `"`, `\`, newline, return and tab as two-character escapes;
    /// the other controls, `<`, `>`, `&`, U+2028 and U+2029 as `\u` and four lowercase hex digits.
    static func quote(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\r": quoted += "\\r"
            case "\t": quoted += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}": quoted += hexEscape(scalar)
            case _ where scalar.value < 0x20: quoted += hexEscape(scalar)
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }

    private static func hexEscape(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
    }

    /// Writes the value through a `JSONWriter`: keys of lowercase letters, digits and `_` as coding keys (the
    /// writer's unescaped path), any other as text.
    func write(into json: inout JSONWriter) {
        switch self {
        case .object(let pairs):
            json.beginObject()
            for (key, value) in pairs {
                if !key.isEmpty, key.utf8.allSatisfy({ (97...122).contains($0) || (48...57).contains($0) || $0 == 95 })
                {
                    json.key(NamedKey(stringValue: key))
                } else {
                    json.key(text: key)
                }
                value.write(into: &json)
            }
            json.endObject()
        case .array(let values):
            json.beginArray()
            for value in values { value.write(into: &json) }
            json.endArray()
        case .string(let text): json.string(text)
        case .int(let value): json.int(value)
        case .decimal(let text): json.decimal(text)
        case .bool(let value): json.bool(value)
        case .null: json.null()
        }
    }

    /// The text `JSONWriter` writes for the value.
    func writtenByWriter(_ layout: JSONWriter.Layout) -> String {
        let output = JSONWriter.write(layout, capacity: 16) { write(into: &$0) }
        return String(decoding: output.bytes, as: UTF8.self)
    }
}

/// Any name as a coding key.
struct NamedKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
