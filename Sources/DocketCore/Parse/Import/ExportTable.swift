import CSV
import Foundation

/// A CSV export read into rows whose fields are found by header name (never by position), with the row and
/// column of each value for messages: `FILE:row:column: error: …`, the header being row 1 and the first
/// column 1, as a spreadsheet shows them.
struct ExportTable {
    /// The file's path, as given, for messages.
    let path: String
    /// The header names, trimmed, in order.
    let header: [String]
    /// The rows after the header, each with its row number.
    let rows: [(row: Int, fields: [String])]

    /// Reads a CSV file's text: UTF-8 with or without a byte-order mark, CRLF or LF, quoted fields holding
    /// commas, quotes and line breaks (CSV.swift's reader). Nil, with the error, when it has no header.
    static func read(_ data: Data, path: String, diagnostics: inout Diagnostics) -> ExportTable? {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(data: bytes, encoding: .utf8) else {
            diagnostics.error(path, "the file is not UTF-8 text; expected the CSV file the time tracker exported")
            return nil
        }
        guard let reader = try? CSVReader(string: text, hasHeaderRow: true), let header = reader.headerRow,
            header.contains(where: { !$0.trimmingWhitespace().isEmpty })
        else {
            diagnostics.error(path, line: 1, column: 1, "the file has no header row; expected a CSV export")
            return nil
        }
        var rows: [(Int, [String])] = []
        var number = 1
        while let fields = reader.next() {
            number += 1
            if fields.allSatisfy({ $0.trimmingWhitespace().isEmpty }) { continue }  // a blank line
            rows.append((number, fields))
        }
        return ExportTable(path: path, header: header.map { $0.trimmingWhitespace() }, rows: rows)
    }

    /// The 0-based index of a column, by name (ignoring case).
    func column(_ name: String) -> Int? {
        header.firstIndex { $0.caseInsensitiveCompare(name) == .orderedSame }
    }
}
