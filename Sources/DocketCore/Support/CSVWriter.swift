import Foundation

/// Writes comma-separated values as RFC 4180 defines them: rows end with CRLF, and a field holding a comma,
/// a double quote, a carriage return or a line feed is put in double quotes, with each quote doubled.
struct CSVWriter {
    /// The text written so far.
    private(set) var text = ""

    /// Appends one row of fields.
    mutating func row(_ fields: [String]) {
        var first = true
        for field in fields {
            if !first { text += "," }
            first = false
            text += Self.quoted(field)
        }
        text += "\r\n"
    }

    /// A field as written: as is, or in double quotes with its quotes doubled when it needs them.
    static func quoted(_ field: String) -> String {
        let needsQuotes = field.utf8.contains { byte in
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\r")
                || byte == UInt8(ascii: "\n")
        }
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
