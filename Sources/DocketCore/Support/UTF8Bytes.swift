extension String {
    /// Calls `body` with the string's UTF-8 bytes: in place for a native string (no copy, unlike a `var`
    /// copy and `withUTF8`), copied for a bridged one.
    @inline(__always)
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return copy.withUTF8(body)
    }
}
