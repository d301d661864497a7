import Dispatch
import Foundation

/// Results filled in from several threads, each index once.
private final class ParallelResults<T>: @unchecked Sendable {
    // @unchecked: `values` is written only under `lock`, and read once every thread has finished.
    var values: [T?]
    let lock = NSLock()
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: T) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }
}

extension Array where Element: Sendable {
    /// Maps every element on all cores, keeping the order. Each call of `transform` must be independent.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let results = ParallelResults<T>(count: count)
        let elements = self
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.set(index, transform(elements[index]))
        }
        return results.values.map { $0! }
    }
}

/// Hands out indices to several threads.
private final class IndexQueue: @unchecked Sendable {
    // @unchecked: `next` is read and changed only under `lock`.
    private var next = 0
    private let count: Int
    private let lock = NSLock()
    init(count: Int) { self.count = count }
    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }
}

extension Array where Element: Sendable {
    /// Maps every element on `threads` threads of its own, keeping the order: for work that mostly waits on
    /// the disk (listing folders, looking at files), where more threads than cores keep more requests in
    /// flight while the page cache is cold.
    func parallelMap<T: Sendable>(threads: Int, _ transform: @escaping @Sendable (Element) -> T) -> [T] {
        guard count > 1, threads > 1 else { return map(transform) }
        let results = ParallelResults<T>(count: count)
        let queue = IndexQueue(count: count)
        let elements = self
        let group = DispatchGroup()
        for _ in 0..<Swift.min(threads, count) {
            group.enter()
            Thread {
                while let index = queue.take() { results.set(index, transform(elements[index])) }
                group.leave()
            }.start()
        }
        group.wait()
        return results.values.map { $0! }
    }
}
