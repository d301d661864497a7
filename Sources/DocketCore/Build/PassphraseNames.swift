import Foundation

// Which environment variables a client's portal depends on, found in its client.md without parsing it.
extension BuildCache {
    /// The environment matters only through the passphrase that a client.md names.
    static func passphraseNames(slug: String, rootPath: String, environment: [String: String]) -> [String] {
        guard let data = FileManager.default.contents(atPath: rootPath + "/content/clients/\(slug)/client.md") else {
            return []
        }
        guard Self.contains(data, "portal_passphrase_env") else { return [] }
        let text = String(decoding: data, as: UTF8.self)
        var names = Set<String>()
        for line in text.split(separator: "\n") where line.contains("portal_passphrase_env") {
            let value =
                line.split(separator: ":", maxSplits: 1).last.map {
                    $0.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'{}"))
                } ?? ""
            if value.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), !value.isEmpty {
                names.insert(value)
            } else {
                names.formUnion(environment.keys)  // not a plain line: take the whole environment
            }
        }
        return names.sorted()
    }

    /// Whether bytes hold an ASCII word, found with a plain loop over the bytes (docs/PERFORMANCE.md says
    /// why not the standard library's `firstRange(of:)`).
    static func contains(_ data: Data, _ word: StaticString) -> Bool {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
            word.withUTF8Buffer { needle -> Bool in
                guard needle.count > 0, raw.count >= needle.count else { return needle.count == 0 }
                let bytes = raw.bindMemory(to: UInt8.self)
                let first = needle[0]
                var index = 0
                while index + needle.count <= bytes.count {
                    if bytes[index] == first {
                        var offset = 1
                        while offset < needle.count, bytes[index + offset] == needle[offset] { offset += 1 }
                        if offset == needle.count { return true }
                    }
                    index += 1
                }
                return false
            }
        }
    }
}
