import Foundation

/// A file the build produces, with its path relative to `public/`.
struct OutputFile: Sendable, Equatable {
    /// Path under `public/`, with `/` separators (`<token>/hours/2026-11.html`).
    var path: String
    /// The bytes to write.
    var data: Data

    /// Creates an output file from text (UTF-8).
    init(path: String, text: String) {
        self.path = path
        self.data = Data(text.utf8)
    }

    /// Creates an output file from bytes.
    init(path: String, data: Data) {
        self.path = path
        self.data = data
    }
}
