import Foundation

/// A growing run of bytes that a page is rendered into, handed over as `Data` without a copy.
///
/// Appending copies with `memcpy` into memory the buffer owns (an `[UInt8]` goes through generic sequence
/// code for every piece, and a page is thousands of pieces).
public final class ByteBuffer {
    /// Where the bytes are, how many fit and how many are in use.
    @usableFromInline struct State {
        @usableFromInline var base: UnsafeMutablePointer<UInt8>
        @usableFromInline var capacity: Int
        @usableFromInline var used: Int

        @inlinable init(base: UnsafeMutablePointer<UInt8>, capacity: Int, used: Int) {
            self.base = base
            self.capacity = capacity
            self.used = used
        }
    }

    // The state sits behind a pointer the buffer owns, not in stored `var`s: appends are inlined into other
    // modules, and a class's `var` reachable from another module is checked for exclusive access at run
    // time on every read and write.
    @usableFromInline let state: UnsafeMutablePointer<State>

    /// An empty buffer with room for `capacity` bytes before it grows.
    public init(capacity: Int = 16_384) {
        let capacity = max(capacity, 64)
        state = .allocate(capacity: 1)
        state.initialize(to: State(base: .allocate(capacity: capacity), capacity: capacity, used: 0))
    }

    deinit {
        state.pointee.base.deallocate()
        state.deallocate()
    }

    /// Makes room for `extra` more bytes (the check is inlined at every append; growing is not).
    @inlinable @inline(__always)
    func reserve(_ extra: Int) {
        if state.pointee.used + extra > state.pointee.capacity { grow(extra) }
    }

    @usableFromInline @inline(never)
    func grow(_ extra: Int) {
        var grown = state.pointee.capacity * 2
        while grown < state.pointee.used + extra { grown *= 2 }
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        moved.update(from: state.pointee.base, count: state.pointee.used)
        state.pointee.base.deallocate()
        state.pointee.base = moved
        state.pointee.capacity = grown
    }

    /// Appends bytes.
    @inlinable @inline(__always)
    public func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (state.pointee.base + state.pointee.used).update(from: source, count: bytes.count)
        state.pointee.used += bytes.count
    }

    /// Appends one byte.
    @inlinable @inline(__always)
    public func append(_ byte: UInt8) {
        reserve(1)
        state.pointee.base[state.pointee.used] = byte
        state.pointee.used += 1
    }

    /// Lets `body` write up to `maximum` bytes straight into the buffer's memory; it returns how many it
    /// wrote (one room check for a run of small writes).
    @inlinable @inline(__always)
    public func appendInPlace(maximum: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        reserve(maximum)
        state.pointee.used += body(state.pointee.base + state.pointee.used)
    }

    /// Appends one byte `count` times (an indentation).
    public func append(_ byte: UInt8, count repeats: Int) {
        guard repeats > 0 else { return }
        reserve(repeats)
        (state.pointee.base + state.pointee.used).initialize(repeating: byte, count: repeats)
        state.pointee.used += repeats
    }

    /// Appends a string's UTF-8 bytes.
    @inlinable
    public func append(_ text: String) {
        text.withUTF8Bytes { append($0) }
    }

    /// Drops the bytes, keeping the memory.
    func removeAll() {
        state.pointee.used = 0
    }

    /// How many bytes it holds.
    public var count: Int { state.pointee.used }

    /// The first byte (valid until the next append).
    public var baseAddress: UnsafePointer<UInt8> { UnsafePointer(state.pointee.base) }

    /// The bytes so far, copied.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: state.pointee.base, count: state.pointee.used)) }

    /// The bytes as `Data`, taking over the memory (the buffer is empty afterwards).
    public func takeData() -> Data {
        let data = Data(
            bytesNoCopy: state.pointee.base, count: state.pointee.used,
            deallocator: .custom { pointer, _ in
                pointer.assumingMemoryBound(to: UInt8.self).deallocate()
            })
        state.pointee = State(base: .allocate(capacity: 64), capacity: 64, used: 0)
        return data
    }
}

extension String {
    /// Calls `body` with the string's UTF-8 bytes: in place for a native string (no copy, unlike a `var`
    /// copy and `withUTF8`), copied for a bridged one.
    @inlinable @inline(__always)
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return copy.withUTF8(body)
    }
}
