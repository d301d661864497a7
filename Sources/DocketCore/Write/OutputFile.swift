import Foundation

/// A file the build produces, with its path relative to `public/`.
public struct OutputFile: Sendable, Equatable {
    /// Path under `public/`, with `/` separators (`<token>/hours/2026-11.html`).
    public var path: String
    /// The bytes to write.
    public var data: Data

    /// Creates an output file from text (UTF-8).
    public init(path: String, text: String) {
        self.path = path
        self.data = Data(text.utf8)
    }

    /// Creates an output file from bytes.
    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }
}
