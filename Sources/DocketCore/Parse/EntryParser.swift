/// Parses the text of one timesheet entry: `[kind] quantity description #tags`.
///
/// The grammar is in docs/content-format.md. Errors carry the 0-based character offset in the text of
/// what was wrong, so the caller can turn it into a column.
enum EntryParser {
    /// An entry's text parsed, before it is given its day.
    struct Parsed: Sendable, Equatable {
        /// Kind and quantity.
        var kind: EntryKind
        /// The description without tags.
        var description: String
        /// Tags, lowercased.
        var tags: [String]
    }

    /// A parse failure: a message naming what was expected, and where in the text.
    struct Failure: Error, Sendable, Equatable {
        /// 0-based character offset in the entry text.
        var offset: Int
        /// What was wrong and what was expected.
        var message: String
    }

    /// Parses one entry's text for a business that bills in `currency`.
    static func parse(_ text: String, currency: Currency) -> Result<Parsed, Failure> {
        var scanner = TextScanner(text)
        scanner.skipSpaces()
        let kindStart = scanner.offset
        // Most entries start with a digit (a time or duration): no kind word to look at.
        let startsWithDigit = scanner.offset < scanner.bytes.count && TextScanner.isDigit(scanner.bytes[scanner.offset])
        let firstWord = startsWithDigit ? "" : scanner.peekWord().lowercased()
        let kindWord: String?
        switch firstWord {
        case "travel", "mileage", "expense":
            kindWord = firstWord
            scanner.advance(firstWord.utf8.count)
            scanner.skipSpaces()
        default:
            kindWord = nil
        }
        let quantityStart = scanner.offset
        do {
            let kind: EntryKind
            switch kindWord {
            case "travel":
                kind = .travel(try parseTimeSpan(&scanner, for: "travel"))
            case "mileage":
                kind = .mileage(try parseDistance(&scanner))
            case "expense":
                kind = .expense(try parseExpense(&scanner, currency: currency))
            default:
                kind = .work(try parseTimeSpan(&scanner, for: "work"))
            }
            let descriptionStart = scanner.offset
            if descriptionStart < scanner.bytes.count, scanner.bytes[descriptionStart] != 0x20,
                scanner.bytes[descriptionStart] != 0x09,
                let first = scanner.rest.first
            {
                throw Failure(
                    offset: descriptionStart,
                    message: "expected a space between the quantity and the description, found `\(first)`")
            }
            // The description and tags, from the bytes when they are ASCII (most entries).
            let isASCII = !scanner.bytes[descriptionStart...].contains { $0 >= 0x80 }
            let (description, tags) =
                isASCII
                ? scanner.bytes.withUnsafeBufferPointer {
                    splitASCIITags(UnsafeBufferPointer(rebasing: $0[descriptionStart...]))
                }
                : splitTags(String(scanner.rest))
            if description.isEmpty {
                let what = kindWord ?? "work"
                throw Failure(
                    offset: kindStart,
                    message: "expected a description of the \(what) after the quantity")
            }
            return .success(Parsed(kind: kind, description: description, tags: tags))
        } catch let failure as Failure {
            return .failure(Failure(offset: scanner.characterOffset(failure.offset), message: failure.message))
        } catch {
            return .failure(Failure(offset: scanner.characterOffset(quantityStart), message: "\(error)"))
        }
    }

    /// Splits `#tag` words out of a description. A tag is `#` then a letter, then letters, digits, `-`, `_`.
    static func splitTags(_ text: String) -> (String, [String]) {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { splitASCIITags($0) }
        }
        var words: [Substring] = []
        var tags: [String] = []
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            if isTag(word) {
                let tag = word.dropFirst().lowercased()
                if !tags.contains(tag) { tags.append(tag) }
            } else {
                words.append(word)
            }
        }
        return (words.joined(separator: " "), tags)
    }

    /// `splitTags` for ASCII text, on bytes (most entries): the same words and tags.
    static func splitASCIITags(_ bytes: UnsafeBufferPointer<UInt8>) -> (String, [String]) {
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        var tags: [String] = []
        // The words that are not tags are copied straight into the description's own storage, one space
        // between them (no byte array in between).
        let description = String(unsafeUninitializedCapacity: bytes.count) { output in
            var length = 0
            var index = 0
            while index < bytes.count {
                while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
                let start = index
                var isTag = index + 1 < bytes.count && bytes[index] == UInt8(ascii: "#") && isLetter(bytes[index + 1])
                while index < bytes.count, bytes[index] != 0x20, bytes[index] != 0x09 {
                    if isTag, index > start {
                        let byte = bytes[index]
                        isTag =
                            isLetter(byte) || TextScanner.isDigit(byte) || byte == UInt8(ascii: "-")
                            || byte == UInt8(ascii: "_")
                    }
                    index += 1
                }
                guard index > start else { continue }
                if isTag {
                    // Lowercased as it is copied into the new string.
                    let tag = String(unsafeUninitializedCapacity: index - start - 1) { buffer in
                        for offset in 0..<(index - start - 1) {
                            let byte = bytes[start + 1 + offset]
                            buffer[offset] = isLetter(byte) ? byte | 0x20 : byte
                        }
                        return index - start - 1
                    }
                    if !tags.contains(tag) { tags.append(tag) }
                } else {
                    if length > 0 {
                        output[length] = 0x20
                        length += 1
                    }
                    (output.baseAddress! + length).update(from: bytes.baseAddress! + start, count: index - start)
                    length += index - start
                }
            }
            return length
        }
        return (description, tags)
    }

    static func isTag(_ word: Substring) -> Bool {
        guard word.count >= 2, word.first == "#", let second = word.dropFirst().first, second.isLetter else {
            return false
        }
        return word.dropFirst().allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    }
}
