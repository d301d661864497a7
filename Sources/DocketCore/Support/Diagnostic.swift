/// How serious a diagnostic is.
public enum Severity: String, Sendable, Comparable, Codable {
    /// The content is wrong; nothing is written.
    case error
    /// The content is suspicious but the build goes on.
    case warning

    /// Errors sort before warnings.
    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .error && rhs == .warning
    }
}

/// A message about the content, tied to a place in a file of the site.
///
/// Printed as `path:line:column: error: message`, with `path` relative to the site folder.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible, Codable {
    /// Error or warning.
    var severity: Severity
    /// Path of the file, relative to the site folder (for example `content/clients/acme/client.md`).
    var path: String
    /// 1-based line, counting the front matter; 0 when the message is about the whole file.
    var line: Int
    /// 1-based column in characters; 0 when the message is about the whole file or line.
    var column: Int
    /// What is wrong, naming what was expected.
    var message: String

    /// Creates a diagnostic.
    init(_ severity: Severity, path: String, line: Int = 0, column: Int = 0, _ message: String) {
        self.severity = severity
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// The compiler-style line: `path:line:column: error: message` (line and column omitted when unknown).
    public var description: String {
        var location = path
        if line > 0 {
            location += ":\(line)"
            if column > 0 { location += ":\(column)" }
        }
        return "\(location): \(severity.rawValue): \(message)"
    }
}

/// Collects every diagnostic of one run, so that all problems are reported at once.
public struct Diagnostics: Sendable {
    /// Everything reported so far, in the order reported.
    private(set) var all: [Diagnostic] = []

    /// Creates an empty collection.
    public init() {}

    /// Adds an error.
    mutating func error(_ path: String, line: Int = 0, column: Int = 0, _ message: String) {
        all.append(Diagnostic(.error, path: path, line: line, column: column, message))
    }

    /// Adds a warning.
    mutating func warning(_ path: String, line: Int = 0, column: Int = 0, _ message: String) {
        all.append(Diagnostic(.warning, path: path, line: line, column: column, message))
    }

    /// Adds a diagnostic as it is.
    mutating func append(_ diagnostic: Diagnostic) {
        all.append(diagnostic)
    }

    /// Adds every diagnostic of another collection.
    mutating func append(contentsOf other: Diagnostics) {
        all.append(contentsOf: other.all)
    }

    /// The errors only.
    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    /// The warnings only.
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }
    /// Whether any error was reported.
    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// Diagnostics sorted by file, then line, then column, keeping the report order for ties.
    public var sorted: [Diagnostic] {
        all.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.path != y.path { return x.path < y.path }
            if x.line != y.line { return x.line < y.line }
            if x.column != y.column { return x.column < y.column }
            return a.offset < b.offset
        }.map(\.element)
    }
}
