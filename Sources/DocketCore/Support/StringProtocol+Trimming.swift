/// Trimming text at both ends, as Foundation's `trimmingCharacters(in:)` does, without going through
/// Foundation (docs/PERFORMANCE.md says why).
extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (Unicode space separators included), as
    /// `trimmingCharacters(in: .whitespaces)` gives.
    func trimmingWhitespace() -> String {
        // Foundation's set also holds U+200B, the zero-width space.
        trimmed {
            $0.value < 0x80
                ? $0.value == 0x20 || $0.value == 0x09
                : $0.value == 0x200B || $0.properties.generalCategory == .spaceSeparator
        }
    }

    /// The text without leading and trailing whitespace and line breaks, as
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` gives.
    func trimmingWhitespaceAndNewlines() -> String {
        trimmed { scalar in
            switch scalar.value {
            case 0x09...0x0D, 0x20, 0x85, 0x200B: return true
            case 0..<0x80: return false
            default:
                let category = scalar.properties.generalCategory
                return category == .spaceSeparator || category == .lineSeparator || category == .paragraphSeparator
            }
        }
    }

    /// The text without leading and trailing punctuation (Unicode categories P*), as
    /// `trimmingCharacters(in: .punctuationCharacters)` gives.
    func trimmingPunctuation() -> String {
        func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                .initialPunctuation, .finalPunctuation, .otherPunctuation:
                return true
            default: return false
            }
        }
        return trimmedScalars(isPunctuation)
    }

    private func trimmed(_ isSpace: (Unicode.Scalar) -> Bool) -> String {
        // Most text starts and ends with a visible ASCII character: nothing to trim.
        if let first = unicodeScalars.first?.value, let last = unicodeScalars.last?.value,
            first > 0x20, first < 0x80, last > 0x20, last < 0x80
        {
            return String(self)
        }
        return trimmedScalars(isSpace)
    }

    /// The text without the scalars that `drop` matches at either end.
    private func trimmedScalars(_ drop: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, drop(scalars[start]) { start = scalars.index(after: start) }
        while end > start, drop(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(self[start..<end])
    }
}
