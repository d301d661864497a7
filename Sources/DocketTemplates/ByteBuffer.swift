import Foundation

/// A growing run of bytes that a page is rendered into, handed over as `Data` without a copy.
///
/// Appending copies with `memcpy` into memory the buffer owns (an `[UInt8]` goes through generic sequence
/// code for every piece, and a page is thousands of pieces).
public final class ByteBuffer {
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var capacity: Int
    /// How many bytes are in use.
    @usableFromInline var used = 0

    /// An empty buffer with room for `capacity` bytes before it grows.
    public init(capacity: Int = 16_384) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for `extra` more bytes (the check is inlined at every append; growing is not).
    @inlinable @inline(__always)
    func reserve(_ extra: Int) {
        if used + extra > capacity { grow(extra) }
    }

    // Grown here rather than through a shared helper taking `base` and `capacity` inout: an inout access to
    // these properties anywhere makes Swift check exclusivity at run time on every append (measured: the
    // renderer's text writes took three times as many instructions).
    @usableFromInline @inline(never)
    func grow(_ extra: Int) {
        var grown = capacity * 2
        while grown < used + extra { grown *= 2 }
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        moved.update(from: base, count: used)
        base.deallocate()
        base = moved
        capacity = grown
    }

    /// Appends bytes.
    @inlinable @inline(__always)
    public func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + used).update(from: source, count: bytes.count)
        used += bytes.count
    }

    /// Appends one byte.
    @inlinable @inline(__always)
    public func append(_ byte: UInt8) {
        reserve(1)
        base[used] = byte
        used += 1
    }

    /// Lets `body` write up to `maximum` bytes straight into the buffer's memory; it returns how many it
    /// wrote (one room check for a run of small writes).
    @inlinable @inline(__always)
    public func appendInPlace(maximum: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        reserve(maximum)
        used += body(base + used)
    }

    /// Appends one byte `count` times (an indentation).
    public func append(_ byte: UInt8, count repeats: Int) {
        guard repeats > 0 else { return }
        reserve(repeats)
        (base + used).initialize(repeating: byte, count: repeats)
        used += repeats
    }

    /// Appends a string's UTF-8 bytes.
    public func append(_ text: String) {
        text.withUTF8Bytes { append($0) }
    }

    /// How many bytes it holds.
    public var count: Int { used }

    /// The first byte (valid until the next append).
    public var baseAddress: UnsafePointer<UInt8> { UnsafePointer(base) }

    /// The bytes so far, copied.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: used)) }

    /// The bytes as `Data`, taking over the memory (the buffer is empty afterwards).
    public func takeData() -> Data {
        let data = Data(bytesNoCopy: base, count: used, deallocator: .custom { pointer, _ in
            pointer.assumingMemoryBound(to: UInt8.self).deallocate()
        })
        capacity = 64
        base = .allocate(capacity: capacity)
        used = 0
        return data
    }
}

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
