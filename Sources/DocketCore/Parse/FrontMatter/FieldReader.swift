import Foundation
import Yams

/// Reads typed fields from a YAML mapping in front matter, reporting every problem with its line and
/// column in the file: a missing required field, a value of the wrong type, an unknown key (a warning,
/// with a suggestion when it looks like a typo).
final class FieldReader {
    /// The file the mapping came from.
    let path: String
    /// Everything reported while reading.
    private(set) var diagnostics = Diagnostics()
    /// Where the mapping itself is (for "missing field" messages).
    let line: Int
    let column: Int
    let name: String?
    private let lineOffset: Int
    private var pairs: [(key: String, keyNode: YAMLNode, value: YAMLNode)] = []
    /// Every key asked for, in the order first asked (a few dozen at most: a list beats hashing each key).
    private var read: [String] = []
    /// Set when the YAML did not parse: missing fields are then not reported again.
    private var unreadable = false
    /// The keys whose value is a placeholder still to fill in (`"FILL IN: …"`): each is reported once, as
    /// such, and its value's type is not checked (the placeholder is the one thing to fix).
    private var placeholders: [String] = []

    /// Parses front matter YAML into a reader. YAML syntax errors are reported with their line, and the
    /// reader is then empty.
    static func parse(_ frontMatter: FrontMatter, path: String) -> FieldReader {
        let reader = FieldReader(path: path, lineOffset: frontMatter.yamlFirstLine - 1, line: 1, column: 1, name: nil)
        reader.unreadable = frontMatter.isBroken
        guard let yaml = frontMatter.yaml else { return reader }
        do {
            guard let root = try YAMLNode.compose(yaml) else { return reader }
            guard let mapping = root.mapping else {
                reader.error(at: root, "expected the front matter to be fields like `name: value`")
                reader.unreadable = true
                return reader
            }
            reader.load(mapping)
        } catch let error as YamlError {
            reader.report(error, yaml: yaml)
        } catch {
            reader.unreadable = true
            reader.diagnostics.error(
                path, line: frontMatter.yamlFirstLine, column: 1,
                "the front matter is not valid YAML: \(error)")
        }
        return reader
    }

    private init(path: String, lineOffset: Int, line: Int, column: Int, name: String?) {
        self.path = path
        self.lineOffset = lineOffset
        self.line = line
        self.column = column
        self.name = name
    }

    private func load(_ mapping: [(key: YAMLNode, value: YAMLNode)]) {
        var seenKeys: Set<String> = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                error(at: keyNode, "expected a plain field name before `:`")
                continue
            }
            if seenKeys.contains(key) {
                error(at: keyNode, "the field `\(key)` is written twice; expected each field once")
                continue
            }
            seenKeys.insert(key)
            pairs.append((key, keyNode, value))
        }
    }

    private func report(_ error: YamlError, yaml: String) {
        unreadable = true
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            if let mistake = FrontMatterMistake.find(in: yaml, through: mark.line) {
                diagnostics.error(path, line: mistake.line + lineOffset, column: mistake.column, mistake.message)
                return
            }
            var message = "the front matter is not valid YAML: \(problem)"
            if let context { message += " (\(context.text))" }
            diagnostics.error(path, line: mark.line + lineOffset, column: mark.column, message)
        case .duplicatedKeysInMapping(let duplicates, let context):
            diagnostics.error(
                path, line: context.mark.line + lineOffset, column: context.mark.column,
                "a field is written twice (\(duplicates.joined(separator: ", "))); expected each field once")
        default:
            diagnostics.error(path, line: lineOffset + 1, column: 1, "the front matter is not valid YAML: \(error)")
        }
    }

    // MARK: - Positions and messages

    /// The file line of a node.
    func position(of node: YAMLNode) -> (Int, Int) {
        guard let mark = node.mark else { return (line, column) }
        return (mark.line + lineOffset, mark.column)
    }

    /// Reports an error at a node.
    func error(at node: YAMLNode, _ message: String) {
        let (l, c) = position(of: node)
        diagnostics.error(path, line: l, column: c, message)
    }

    /// Reports a warning at a node.
    func warning(at node: YAMLNode, _ message: String) {
        let (l, c) = position(of: node)
        diagnostics.warning(path, line: l, column: c, message)
    }

    /// Reports an error at the field's value, or where the mapping is when the field is absent (unless the
    /// front matter could not be read: its one error says why, and nothing is then said about absent fields).
    /// Nothing more is said about a field whose value is a placeholder: filling it in is the one fix.
    func error(field key: String, _ message: String) {
        guard !placeholders.contains(key) else { return }
        if let pair = pairs.first(where: { $0.key == key }) {
            error(at: pair.value, message)
        } else if !unreadable {
            diagnostics.error(path, line: line, column: column, message)
        }
    }

    /// Reports a warning at the field's value, or where the mapping is when the field is absent (unless the
    /// front matter could not be read).
    func warning(field key: String, _ message: String) {
        if let pair = pairs.first(where: { $0.key == key }) {
            warning(at: pair.value, message)
        } else if !unreadable {
            diagnostics.warning(path, line: line, column: column, message)
        }
    }

    private func qualified(_ key: String) -> String {
        name.map { "\($0).\(key)" } ?? key
    }

    /// The node for a key, marking it read. Null values count as absent. A placeholder still to fill in is
    /// reported here, the first time its key is read.
    func node(_ key: String) -> YAMLNode? {
        if !read.contains(key) { read.append(key) }
        guard let node = pairs.first(where: { $0.key == key })?.value else { return nil }
        if let scalar = node.scalar, scalar.isPlain, Self.isNull(scalar.string) { return nil }
        if let scalar = node.scalar, !placeholders.contains(key), let hint = Placeholder.hint(in: scalar.string) {
            placeholders.append(key)
            error(at: node, Placeholder.message(field: qualified(key), hint: hint))
        }
        return node
    }

    /// Reports a value of the wrong type at its node, unless the value is a placeholder (already reported).
    private func typeError(_ key: String, at node: YAMLNode, _ message: @autoclosure () -> String) {
        guard !placeholders.contains(key) else { return }
        error(at: node, message())
    }

    /// Whether the key is written with a non-null value.
    func has(_ key: String) -> Bool {
        guard let node = pairs.first(where: { $0.key == key })?.value else { return false }
        if let scalar = node.scalar, scalar.isPlain, Self.isNull(scalar.string) { return false }
        return true
    }

    /// Whether plain YAML text means null.
    private static func isNull(_ text: String) -> Bool {
        switch text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    private func missing(_ key: String, _ expected: String) {
        guard !unreadable else { return }
        diagnostics.error(
            path, line: line, column: column,
            "missing required field `\(qualified(key))`; expected \(expected)")
    }

    /// A scalar's text, or an error when the value is a list or mapping.
    private func scalarText(_ key: String, _ node: YAMLNode, _ expected: @autoclosure () -> String) -> String? {
        guard let scalar = node.scalar else {
            error(at: node, "`\(qualified(key))` must be \(expected()), not a list or a group of fields")
            return nil
        }
        return scalar.string
    }

    // MARK: - Typed fields

    /// A text field.
    func string(_ key: String, required: Bool = false) -> String? {
        guard let node = node(key) else {
            if required { missing(key, "text") }
            return nil
        }
        guard let text = scalarText(key, node, "text") else { return nil }
        let trimmed = text.trimmingWhitespaceAndNewlines()
        if trimmed.isEmpty {
            if required { error(at: node, "`\(qualified(key))` is empty; expected text") }
            return nil
        }
        return trimmed
    }

    /// A postal address: text whose lines are separated by newlines. `\n` starts a new line whether the
    /// value is quoted or not (written unquoted, YAML would keep it as the two characters `\` and `n`), and
    /// spaces around it are dropped.
    func address(_ key: String, required: Bool = false) -> String? {
        guard let text = string(key, required: required) else { return nil }
        guard text.contains("\\n") else { return text }
        return text.components(separatedBy: "\\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(
            separator: "\n")
    }

    /// Reads a scalar field with a parser: absent (an error when required), not a scalar, or not parsed
    /// are each reported at the right place, naming what was expected.
    /// `explain` may say more precisely what is wrong with a text that did not parse.
    private func scalar<T>(
        _ key: String, expected: @autoclosure () -> String, required: Bool,
        explain: (String) -> String? = { _ in nil }, parse: (String) -> T?
    ) -> T? {
        guard let node = node(key) else {
            if required { missing(key, expected()) }
            return nil
        }
        guard let text = scalarText(key, node, expected()) else { return nil }
        let trimmed = text.trimmingWhitespace()
        guard let value = parse(trimmed) else {
            typeError(key, at: node, "`\(qualified(key))` must be \(explain(trimmed) ?? expected()), found `\(text)`")
            return nil
        }
        return value
    }

    /// A money amount in a currency (`30.00`, `30`, `£30.00`), in minor units.
    func money(_ key: String, currency: Currency, required: Bool = false) -> MinorUnits? {
        // The words for a message, made only for one.
        var expected: String {
            "an amount like `30.00` in \(currency.code) with at most \(currency.minorDigits) decimals"
        }
        return scalar(key, expected: expected, required: required) { text in
            var amount = Substring(text)
            // Most amounts start with a digit: no currency marker to look for.
            if let first = text.utf8.first, first >= 0x30, first <= 0x39 {
                return MoneyFormat.parse(amount, currency: currency)
            }
            let upper = text.uppercased()
            if let marker = currency.markers.sorted(by: { $0.count > $1.count })
                .first(where: { upper.hasPrefix($0.uppercased()) })
            {
                amount = amount.dropFirst(marker.count).drop { $0 == " " }
            }
            return MoneyFormat.parse(amount, currency: currency)
        }
    }

    /// A whole number in a range.
    func integer(_ key: String, in range: ClosedRange<Int>, required: Bool = false) -> Int? {
        scalar(key, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)", required: required) {
            guard !$0.isEmpty, $0.allSatisfy(\.isASCIIDigit), let value = Int($0), range.contains(value) else {
                return nil
            }
            return value
        }
    }

    /// A non-negative decimal number (`20`, `17.5`), exactly.
    func decimal(_ key: String, maxScale: Int, required: Bool = false) -> FixedDecimal? {
        scalar(key, expected: "a number like `20` or `17.5` (at most \(maxScale) decimals)", required: required) {
            guard let value = FixedDecimal.parse($0), !value.negative, value.scale <= maxScale else { return nil }
            return value
        }
    }

    /// A calendar date `YYYY-MM-DD`.
    func date(_ key: String, required: Bool = false) -> CalendarDate? {
        scalar(
            key, expected: "a date YYYY-MM-DD", required: required,
            explain: { CalendarDate.whyNotADay(iso: $0).map { "a date that exists: \($0)" } },
            parse: { CalendarDate(iso: $0) })
    }

    /// A month `YYYY-MM`.
    func month(_ key: String, required: Bool = false) -> YearMonth? {
        scalar(
            key, expected: "a month YYYY-MM", required: required,
            explain: { YearMonth.whyNotAMonth(iso: $0).map { "a month that exists: \($0)" } },
            parse: { YearMonth(iso: $0) })
    }

    /// A duration of whole minutes (`15m`, `1h`, `0.5h`).
    func duration(_ key: String, required: Bool = false) -> Int? {
        scalar(key, expected: "a duration like `15m`, `6m` or `1h`", required: required) { text in
            var scanner = TextScanner(text)
            guard let minutes = (try? EntryParser.scanDuration(&scanner)) ?? nil, scanner.rest.isEmpty else {
                return nil
            }
            return minutes
        }
    }

    /// An ISO 4217 currency code (`currency: EUR`); nil when absent, and an error when it is not a known code.
    func currency(_ key: String) -> Currency? {
        guard let code = string(key) else { return nil }
        guard let known = Currency(code: code) else {
            guard !placeholders.contains(key) else { return nil }
            error(
                field: key, "`\(qualified(key))` must be an ISO 4217 code like `GBP`, `EUR` or `USD`, found `\(code)`")
            return nil
        }
        return known
    }

    /// One of a fixed set of words.
    func choice<T: RawRepresentable>(_ key: String, _ type: T.Type) -> T?
    where T.RawValue == String, T: CaseIterable {
        // The words for a message, made only for one.
        var names: String { T.allCases.map { "`\($0.rawValue)`" }.joined(separator: " or ") }
        guard let node = node(key) else { return nil }
        guard let text = scalarText(key, node, names) else { return nil }
        guard let value = T(rawValue: text.trimmingWhitespace().lowercased()) else {
            typeError(key, at: node, "`\(qualified(key))` must be \(names), found `\(text)`")
            return nil
        }
        return value
    }

    /// A nested group of fields (`retainer:`), or nil when absent. Report its diagnostics by calling
    /// `finish` on it and merging with `adopt`.
    func group(_ key: String) -> FieldReader? {
        guard let node = node(key) else { return nil }
        guard let mapping = node.mapping else {
            typeError(key, at: node, "`\(qualified(key))` must be a group of fields, like `\(key): { field: value }`")
            return nil
        }
        let (l, c) = position(of: node)
        let child = FieldReader(path: path, lineOffset: lineOffset, line: l, column: c, name: qualified(key))
        child.load(mapping)
        return child
    }

    /// A list of groups of fields (`payments:`), each as its own reader.
    func groups(_ key: String) -> [FieldReader] {
        guard let node = node(key) else { return [] }
        guard let sequence = node.sequence else {
            typeError(key, at: node, "`\(qualified(key))` must be a list of `- { field: value }` items")
            return []
        }
        var result: [FieldReader] = []
        for (index, item) in sequence.enumerated() {
            guard let mapping = item.mapping else {
                error(
                    at: item,
                    "item \(index + 1) of `\(qualified(key))` must be a group of fields like `{ field: value }`")
                continue
            }
            let (l, c) = position(of: item)
            let child = FieldReader(
                path: path, lineOffset: lineOffset, line: l, column: c,
                name: "\(qualified(key))[\(index + 1)]")
            child.load(mapping)
            result.append(child)
        }
        return result
    }

    /// Takes over a nested reader's diagnostics (after calling `finish` on it).
    func adopt(_ child: FieldReader) {
        diagnostics.append(contentsOf: child.diagnostics)
    }

    /// Warns about every key that was never read: a typo such as `retainr:` is caught here.
    /// Call after reading every known field.
    func finish() {
        let known = read
        for pair in pairs where !read.contains(pair.key) {
            var message = "unknown field `\(qualified(pair.key))`; it is ignored"
            if let suggestion = FieldReader.closest(to: pair.key, in: known) {
                message += " (did you mean `\(suggestion)`?)"
            }
            warning(at: pair.keyNode, message)
        }
    }

    /// The known key nearest to a misspelt one, when it is close enough to be a typo.
    static func closest(to key: String, in candidates: [String]) -> String? {
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(key.lowercased(), candidate.lowercased())
            if distance <= max(1, min(key.count, candidate.count) / 3), best == nil || distance < best!.1 {
                best = (candidate, distance)
            }
        }
        return best?.0
    }

    /// Edit distance counting an insertion, a deletion, a substitution or a swap of two neighbouring
    /// letters as one edit (so `deu` is one edit from `due`).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a)
        let y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var d = Array(repeating: Array(repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[x.count][y.count]
    }
}
